package site

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"time"

	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/toc"
)

// hashSite writes everything templates can read of s except the pages'
// body fields: the site's own fields and, for every page in reading order,
// its other fields, with links to other pages written as their index.
// TestHashSiteCoversPage keeps this in step with layout.Page.
func hashSite(ctx context.Context, seeds *keySeeds, h *hasher, s *layout.Site) {
	h.str(s.Title)
	h.str(s.BaseURL)
	h.str(s.LanguageCode)
	hashParams(h, s.Params)
	hashParams(h, s.Data)
	h.flag(s.Drafts)
	for _, name := range slices.Sorted(maps.Keys(s.Assets)) {
		a := s.Assets[name]
		h.str(name)
		h.str(a.RelPermalink)
		h.str(a.Integrity)
	}
	index := make(map[*layout.Page]int64, len(s.Pages))
	for i, p := range s.Pages {
		index[p] = int64(i)
	}
	ref := func(p *layout.Page) int64 {
		if i, ok := index[p]; ok {
			return i
		}
		if p == nil {
			return -1
		}
		return -2 // a page outside the reading order: never happens in a build
	}
	h.num(ref(s.Home))
	h.num(int64(len(s.Pages)))
	keys := make([]key, len(s.Pages))
	each(ctx, len(s.Pages), func(i int) {
		ph := seeds.hasher()
		hashPage(ph, s.Pages[i], ref)
		keys[i] = ph.sum()
	})
	for _, k := range keys {
		h.key(k)
	}
}

// hashPage writes p's fields other than its body fields.
func hashPage(h *hasher, p *layout.Page, ref func(*layout.Page) int64) {
	h.str(p.Kind)
	h.str(p.Title)
	h.str(p.LinkTitle)
	h.str(p.Description)
	h.num(int64(p.Weight))
	h.flag(p.Draft)
	hashTime(h, p.Date)
	hashTime(h, p.Lastmod)
	h.str(p.Type)
	h.str(p.Section)
	hashParams(h, p.Params)
	h.str(p.EditURL)
	h.str(p.RelPermalink)
	h.str(p.Permalink)
	h.str(p.File)
	h.num(ref(p.Parent))
	h.num(ref(p.Prev))
	h.num(ref(p.Next))
	h.num(int64(len(p.Pages)))
	for _, c := range p.Pages {
		h.num(ref(c))
	}
	// p.Site is the one site being hashed.
}

func hashTime(h *hasher, t time.Time) {
	b, err := t.MarshalBinary()
	if err != nil { // a time outside MarshalBinary's range: use its text
		b = []byte(t.String())
	}
	h.bytes(b)
}

// hashParams writes front matter or config params.
func hashParams(h *hasher, m map[string]any) {
	h.num(int64(len(m)))
	if len(m) == 0 {
		return
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		h.str(k)
		hashValue(h, m[k])
	}
}

// hashValue writes a value decoded from YAML, TOML or JSON, with its type.
// Types those decoders do not make are written as printed, which is
// exact for every type without pointers.
func hashValue(h *hasher, v any) {
	switch x := v.(type) {
	case nil:
		h.num(0)
	case string:
		h.num(1)
		h.str(x)
	case bool:
		h.num(2)
		h.flag(x)
	case int:
		h.num(3)
		h.num(int64(x))
	case int64:
		h.num(4)
		h.num(x)
	case uint64:
		h.num(5)
		h.num(int64(x))
	case float64:
		h.num(6)
		h.num(int64(math.Float64bits(x)))
	case time.Time:
		h.num(7)
		hashTime(h, x)
	case []any:
		h.num(8)
		h.num(int64(len(x)))
		for _, e := range x {
			hashValue(h, e)
		}
	case map[string]any:
		h.num(9)
		hashParams(h, x)
	default:
		h.num(10)
		h.str(fmt.Sprintf("%T %#v", x, x))
	}
}

// hashTOC writes the entries of a table of contents, nested.
func hashTOC(h *hasher, entries []*toc.Entry) {
	h.num(int64(len(entries)))
	for _, e := range entries {
		if e == nil {
			h.num(-1)
			continue
		}
		h.num(int64(e.Level))
		h.str(e.ID)
		h.str(e.Text)
		hashTOC(h, e.Children)
	}
}
