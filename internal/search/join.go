package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"math"
	"runtime"
	"slices"
	"strconv"
	"sync"
)

// Tuning of the index's layout and scoring.
const (
	// MaxPostings is the most sections a term lists: those where it
	// scores highest. It bounds the shard of a word found in every page of
	// a large site; the results of such a word alone are its best
	// MaxPostings sections.
	MaxPostings = 1000
	// ShardBytes is the size past which a shard is closed: a query
	// fetches one shard per word (a few for the word being typed).
	ShardBytes = 16 << 10
	// TablePages is how many pages one page table names the fragments of.
	TablePages = 256

	bm25K1 = 1.2
	bm25B  = 0.75
	// impactScale turns a BM25 score into the integer the shards hold.
	impactScale = 8
)

// File is one file of the index, its path relative to the manifest's
// directory.
type File struct {
	Path string
	Data []byte
}

// Index is the whole index of a site.
type Index struct {
	Manifest []byte // the entry point, small, fetched first; its name is the caller's
	Files    []File // under Dir, named by their content: cacheable forever
}

// postings are a term's sections while Join reads entries: global
// section numbers and weighted frequencies.
type postings struct {
	secs  []uint32
	freqs []uint16
}

// Join returns the index of the pages whose entries es are, in that order;
// excluded entries are left out. lang is the Encoder's language. The
// output depends only on es and lang, byte for byte.
func Join(es []Entry, lang string) Index {
	terms := map[string]*postings{}
	var secLen, secPage, secNum []uint32 // by global section number
	page := 0
	var frags []Entry
	for _, e := range es {
		if e.Excluded() {
			continue
		}
		base := uint32(len(secLen))
		for range e.nsec {
			secPage = append(secPage, uint32(page))
			secNum = append(secNum, uint32(len(secLen))-base)
			secLen = append(secLen, 0)
		}
		e.each(func(sec, length int, term []byte, freq int) {
			g := base + uint32(sec)
			secLen[g] = uint32(length)
			if term == nil {
				return
			}
			p := terms[string(term)]
			if p == nil {
				p = &postings{}
				terms[string(term)] = p
			}
			p.secs = append(p.secs, g)
			p.freqs = append(p.freqs, uint16(freq))
		})
		frags = append(frags, e)
		page++
	}

	var total float64
	for _, l := range secLen {
		total += float64(l)
	}
	n := float64(len(secLen))
	avg := max(total/max(n, 1), 1)

	keys := make([]string, 0, len(terms))
	for t := range terms {
		keys = append(keys, t)
	}
	slices.Sort(keys)

	var ix Index
	var firsts, hashes []string
	var shard []byte
	closeShard := func() {
		if len(shard) == 0 {
			return
		}
		shard = append(shard, "}\n"...)
		name := fingerprint(shard, 10)
		hashes = append(hashes, name)
		ix.Files = append(ix.Files, File{Path: Dir + "t-" + name + ".json", Data: shard})
		shard = nil
	}
	// Each term's entry, `"TERM":[DF,PAGE,SECTION,IMPACT,…]`, is encoded
	// in parallel; the shards are cut from them in order.
	entries := make([][]byte, len(keys))
	parallel(len(keys), func(lo, hi int) {
		sc := scoring{n, avg, secLen, secPage, secNum}
		for k := lo; k < hi; k++ {
			entries[k] = termEntry(keys[k], terms[keys[k]], sc)
		}
	})
	for k, e := range entries {
		if len(shard) == 0 {
			firsts = append(firsts, keys[k])
			shard = append(shard, '{')
		} else {
			shard = append(shard, ",\n"...)
		}
		shard = append(shard, e...)
		entries[k] = nil
		if len(shard) >= ShardBytes {
			closeShard()
		}
	}
	closeShard()

	var tables []string
	for start := 0; start < len(frags); start += TablePages {
		table := []byte{'['}
		for i, e := range frags[start:min(start+TablePages, len(frags))] {
			name := e.name
			ix.Files = append(ix.Files, File{Path: fragmentPath(name), Data: e.frag})
			if i > 0 {
				table = append(table, ',')
			}
			table = appendString(table, name)
		}
		table = append(table, "]\n"...)
		name := fingerprint(table, 10)
		tables = append(tables, name)
		ix.Files = append(ix.Files, File{Path: Dir + "p-" + name + ".json", Data: table})
	}
	slices.SortFunc(ix.Files, func(a, b File) int { return cmpString(a.Path, b.Path) })
	ix.Files = slices.CompactFunc(ix.Files, func(a, b File) bool { return a.Path == b.Path })

	m, _ := json.Marshal(struct {
		V      int      `json:"v"`
		Lang   string   `json:"lang"`
		Pages  int      `json:"pages"`
		Max    int      `json:"max"`
		Table  int      `json:"table"`
		Firsts []string `json:"firsts"`
		Shards []string `json:"shards"`
		Tables []string `json:"tables"`
	}{Version, lang, len(frags), MaxPostings, TablePages, nonNil(firsts), nonNil(hashes), nonNil(tables)})
	ix.Manifest = append(m, '\n')
	return ix
}

// hit is one section of a term's postings, by global number, with the
// term's score there.
type hit struct{ sec, impact uint32 }

// scoring is what a term's scores depend on besides its own postings.
type scoring struct {
	n, avg                  float64  // sections, and their mean length
	secLen, secPage, secNum []uint32 // by global section number
}

// termEntry encodes term t's shard entry from its postings p.
func termEntry(t string, p *postings, sc scoring) []byte {
	hits := make([]hit, 0, len(p.secs))
	df := float64(len(p.secs))
	idf := math.Log(1 + (sc.n-df+0.5)/(df+0.5))
	for i, g := range p.secs {
		v := p.freqs[i]
		f := float64(v>>textShift) / 2
		norm := float64(bm25K1 * (1 - bm25B + bm25B*float64(sc.secLen[g])/sc.avg))
		s := float64(f * (bm25K1 + 1) / (f + norm))
		if v&inHeading != 0 {
			s += weightHeading * (bm25K1 + 1)
		}
		if v&inTitle != 0 {
			s += weightTitle * (bm25K1 + 1)
		}
		hits = append(hits, hit{g, uint32(max(1, math.Round(float64(idf*s)*impactScale)))})
	}
	if len(hits) > MaxPostings {
		slices.SortFunc(hits, func(a, b hit) int {
			if a.impact != b.impact {
				return int(b.impact) - int(a.impact)
			}
			return int(a.sec) - int(b.sec)
		})
		hits = hits[:MaxPostings]
		slices.SortFunc(hits, func(a, b hit) int { return int(a.sec) - int(b.sec) })
	}
	out := make([]byte, 0, len(t)+8+len(hits)*10)
	out = appendString(out, t)
	out = append(out, ":["...)
	out = strconv.AppendInt(out, int64(len(p.secs)), 10)
	prev := uint32(0)
	for _, h := range hits {
		pg := sc.secPage[h.sec]
		out = append(out, ',')
		out = strconv.AppendUint(out, uint64(pg-prev), 10)
		out = append(out, ',')
		out = strconv.AppendUint(out, uint64(sc.secNum[h.sec]), 10)
		out = append(out, ',')
		out = strconv.AppendUint(out, uint64(h.impact), 10)
		prev = pg
	}
	return append(out, ']')
}

// parallel calls f with consecutive ranges [lo, hi) covering [0, n), on
// as many goroutines as there are CPUs to run them, and returns when all
// calls have.
func parallel(n int, f func(lo, hi int)) {
	w := min(runtime.GOMAXPROCS(0), max(n/256, 1))
	var wg sync.WaitGroup
	for i := range w {
		lo, hi := i*n/w, (i+1)*n/w
		wg.Go(func() { f(lo, hi) })
	}
	wg.Wait()
}

// fingerprint is the first n hex digits of data's SHA-256.
func fingerprint(data []byte, n int) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])[:n]
}

// appendString appends s to b as a JSON string.
func appendString(b []byte, s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
