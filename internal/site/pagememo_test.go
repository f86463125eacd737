package site

import (
	"context"
	"html/template"
	"maps"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/quire-docs/quire/internal/memo"

	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/toc"
)

// TestHashSiteCoversPage changes each field of one page in turn: the
// site's hash must change for every field but the body fields (which the
// page memo keys separately) and Site (the site being hashed).
func TestHashSiteCoversPage(t *testing.T) {
	t.Parallel()
	mk := func() *layout.Site {
		s := &layout.Site{Title: "S", Params: map[string]any{}}
		a := &layout.Page{Kind: "home", Title: "A", Site: s, Params: map[string]any{}, TOC: &toc.TOC{}}
		b := &layout.Page{Kind: "page", Title: "B", Site: s, Params: map[string]any{}, TOC: &toc.TOC{}, Parent: a, Prev: a}
		c := &layout.Page{Kind: "page", Title: "C", Site: s, Params: map[string]any{}, TOC: &toc.TOC{}, Parent: a, Prev: b}
		a.Next, b.Next, a.Pages = b, c, []*layout.Page{b, c}
		s.Home, s.Pages = a, []*layout.Page{a, b, c}
		return s
	}
	seeds := memo.NewSeeds()
	sum := func(s *layout.Site) memo.Key {
		h := seeds.Hasher()
		hashSite(context.Background(), &seeds, h, s)
		return h.Sum()
	}
	base := sum(mk())
	typ := reflect.TypeFor[layout.Page]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		s := mk()
		p := s.Pages[1]
		v := reflect.ValueOf(p).Elem().Field(i)
		switch x := v.Addr().Interface().(type) {
		case *string:
			*x += "x"
		case *int:
			*x++
		case *bool:
			*x = !*x
		case *time.Time:
			*x = x.Add(time.Hour)
		case *map[string]any:
			(*x)["k"] = 1
		case **layout.Page:
			if *x == s.Pages[2] {
				*x = s.Pages[0]
			} else {
				*x = s.Pages[2]
			}
		case *[]*layout.Page:
			*x = append(*x, s.Pages[2])
		case *template.HTML:
			*x += "x"
		case *template.JS:
			*x += "x"
		case **toc.TOC:
			*x = &toc.TOC{Ordered: true}
		case **layout.Site:
			continue
		default:
			t.Fatalf("field %s of type %s: teach this test (and hashPage) about it", f.Name, f.Type)
		}
		changed := sum(s) != base
		if body := slices.Contains(layout.BodyFields, f.Name); changed == body {
			t.Errorf("changing %s: site hash changed = %v, want %v", f.Name, changed, !body)
		}
	}
}

// TestHashParams: params that differ in any value, type or memo.Key hash
// differently; equal ones (maps in any insertion order) the same.
func TestHashParams(t *testing.T) {
	t.Parallel()
	seeds := memo.NewSeeds()
	sum := func(m map[string]any) memo.Key {
		h := seeds.Hasher()
		h.Params(m)
		return h.Sum()
	}
	base := map[string]any{"a": "x", "n": 1, "f": 1.5, "b": true, "l": []any{"p", 2}, "m": map[string]any{"k": "v"},
		"t": time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), "i64": int64(3), "u": uint64(4), "z": nil, "s": []string{"q"}}
	variants := []map[string]any{
		{"a": "y"}, {"n": 2}, {"n": "1"}, {"f": 2.5}, {"b": false}, {"l": []any{"p", 3}}, {"l": []any{"p"}},
		{"m": map[string]any{"k": "w"}}, {"m": map[string]any{"j": "v"}}, {"t": time.Date(2026, 1, 2, 3, 4, 6, 0, time.UTC)},
		{"i64": int64(4)}, {"u": uint64(5)}, {"z": 0}, {"s": []string{"r"}}, {"extra": 1},
	}
	want := sum(base)
	if got := sum(maps.Clone(base)); got != want {
		t.Fatal("equal params hash differently")
	}
	for _, v := range variants {
		m := maps.Clone(base)
		maps.Copy(m, v)
		if sum(m) == want {
			t.Errorf("params changed by %v hash the same", v)
		}
	}
}
