package search

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// Entry is one page's part of the index, encoded by Encode. It depends only
// on the page, not on its place in the index, so a caller may keep it
// between builds of a site for as long as the page's URL, title and
// sections stay the same, and Join the index from entries anew each time.
type Entry struct {
	page  []byte // `["URL","TITLE"]`
	tails []byte // each section's `,"ID","HEADING","TEXT"]`, back to back
	ends  []int  // where each tail ends in tails
}

// Encode encodes page p for Join.
func Encode(p Page) Entry {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// The index is fetched as JSON, never inlined into HTML: no need for
	// \u003c escapes, which only make it bigger.
	enc.SetEscapeHTML(false)
	var e Entry
	_ = enc.Encode([2]string{p.URL, p.Title}) // cannot fail for strings
	e.page = bytes.Clone(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	for _, s := range p.Sections {
		if s.Title == "" && s.Text == "" {
			continue
		}
		buf.Reset()
		_ = enc.Encode([3]string{s.ID, s.Title, cut(s.Text, MaxText)})
		// `["ID",…]` less its bracket follows the page number: `[PAGE,"ID",…]`.
		tail := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))[1:]
		e.tails = append(append(e.tails, ','), tail...)
		e.ends = append(e.ends, len(e.tails))
	}
	return e
}

// Join returns the index of the pages whose entries es are, in that order:
// Join of the entries of pages, with strconv.Itoa as num, is Index(pages).
// num writes each number of the index (the version and the page numbers),
// so a caller can have them in the form a minifier would give them; each
// is called once.
func Join(es []Entry, num func(int) string) []byte {
	nums := make([]string, len(es))
	size := len(`{"v":,"p":[],"s":[]}`) + len(num(Version)) + 1
	for i, e := range es {
		nums[i] = num(i)
		size += len(e.page) + 1 + len(e.tails) + len(e.ends)*(len(nums[i])+2)
	}
	out := make([]byte, 0, size)
	out = append(out, `{"v":`...)
	out = append(out, num(Version)...)
	out = append(out, `,"p":[`...)
	for i, e := range es {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, e.page...)
	}
	out = append(out, `],"s":[`...)
	first := true
	for i, e := range es {
		start := 0
		for _, end := range e.ends {
			if !first {
				out = append(out, ',')
			}
			first = false
			out = append(out, '[')
			out = append(out, nums[i]...)
			out = append(out, e.tails[start:end]...)
			start = end
		}
	}
	return append(out, "]}\n"...)
}

// itoa is the plain form of the index's numbers, for Index.
func itoa(n int) string { return strconv.Itoa(n) }
