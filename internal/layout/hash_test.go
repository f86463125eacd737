package layout

import (
	"context"
	"html/template"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/quire-docs/quire/internal/gitinfo"
	"github.com/quire-docs/quire/internal/memo"
	"github.com/quire-docs/quire/internal/toc"
)

// TestHashSiteCoversPage changes each field of one page in turn: the
// site's hash must change for every field but the body fields (which the
// page memo keys separately) and Site (the site being hashed).
func TestHashSiteCoversPage(t *testing.T) {
	t.Parallel()
	mk := func() *Site {
		s := &Site{Title: "S", Params: map[string]any{}}
		a := &Page{Kind: "home", Title: "A", Site: s, Params: map[string]any{}, TOC: &toc.TOC{}}
		b := &Page{Kind: "page", Title: "B", Site: s, Params: map[string]any{}, TOC: &toc.TOC{}, Parent: a, Prev: a}
		c := &Page{Kind: "page", Title: "C", Site: s, Params: map[string]any{}, TOC: &toc.TOC{}, Parent: a, Prev: b}
		a.Next, b.Next, a.Pages = b, c, []*Page{b, c}
		s.Home, s.Pages = a, []*Page{a, b, c}
		return s
	}
	seeds := memo.NewSeeds()
	sum := func(s *Site) memo.Key {
		h := seeds.Hasher()
		HashSite(context.Background(), &seeds, h, s)
		return h.Sum()
	}
	base := sum(mk())
	typ := reflect.TypeFor[Page]()
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
		case **Page:
			if *x == s.Pages[2] {
				*x = s.Pages[0]
			} else {
				*x = s.Pages[2]
			}
		case *[]*Page:
			*x = append(*x, s.Pages[2])
		case *template.HTML:
			*x += "x"
		case *template.JS:
			*x += "x"
		case **toc.TOC:
			*x = &toc.TOC{Ordered: true}
		case **gitinfo.Commit:
			*x = &gitinfo.Commit{Hash: "x"}
		case **Site:
			continue
		case **Language:
			*x = &Language{Lang: "de"}
		case *[]*Translation:
			*x = append(*x, &Translation{Lang: "de"})
		default:
			t.Fatalf("field %s of type %s: teach this test (and hashPage) about it", f.Name, f.Type)
		}
		changed := sum(s) != base
		if body := slices.Contains(BodyFields, f.Name); changed == body {
			t.Errorf("changing %s: site hash changed = %v, want %v", f.Name, changed, !body)
		}
	}
}
