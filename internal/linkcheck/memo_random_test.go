package linkcheck

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/publish"
)

// incSite is a site whose pages change between builds: each page's ids
// and links, and which pages exist.
type incSite struct {
	rng   *rand.Rand
	pages map[string]*incPage // by output path
}

type incPage struct {
	ids, links []string
	parsed     *Parsed // nil when the page changed since it was parsed
}

func (s *incSite) html(p *incPage) string {
	var b strings.Builder
	for _, id := range p.ids {
		fmt.Fprintf(&b, `<h2 id="%s">%s</h2>`, id, id)
	}
	for _, l := range p.links {
		fmt.Fprintf(&b, `<a href="%s">x</a>`, l)
	}
	return b.String()
}

// link returns a random link: to a page (maybe gone), its ids (maybe
// not there), this page's ids, a static file or outside the site.
func (s *incSite) link() string {
	n := s.rng.IntN(12)
	page := fmt.Sprintf("/p%d/", n)
	switch s.rng.IntN(8) {
	case 0:
		return page
	case 1:
		return fmt.Sprintf("/p%d", n)
	case 2:
		return fmt.Sprintf("#h%d", s.rng.IntN(4))
	case 3:
		return "/img.png"
	case 4:
		return "../outside/"
	case 5:
		return fmt.Sprintf("/p%d/index.html#h%d", n, s.rng.IntN(4))
	}
	return fmt.Sprintf("%s#h%d", page, s.rng.IntN(4))
}

func (s *incSite) randomPage() *incPage {
	p := &incPage{}
	for range s.rng.IntN(4) {
		p.ids = append(p.ids, fmt.Sprintf("h%d", s.rng.IntN(4)))
	}
	for range s.rng.IntN(8) {
		p.links = append(p.links, s.link())
	}
	return p
}

// edit changes the site as a writer might between two saves.
func (s *incSite) edit() {
	n := fmt.Sprintf("p%d/index.html", s.rng.IntN(12))
	p := s.pages[n]
	switch {
	case p == nil:
		s.pages[n] = s.randomPage()
	case s.rng.IntN(10) == 0:
		delete(s.pages, n)
	case s.rng.IntN(2) == 0:
		c := *p
		c.ids = append(slices.Clone(p.ids), fmt.Sprintf("h%d", s.rng.IntN(4)))
		if len(c.ids) > 1 && s.rng.IntN(2) == 0 {
			c.ids = c.ids[1:]
		}
		c.parsed = nil
		s.pages[n] = &c
	default:
		c := *p
		c.links = append(slices.Clone(p.links), s.link())
		c.parsed = nil
		s.pages[n] = &c
	}
}

// files returns the site's files; with parsed, every page's Parse,
// shared with earlier builds for pages that did not change.
func (s *incSite) files(parsed bool) ([]publish.File, map[string]*Parsed) {
	files := []publish.File{{Path: "img.png", Source: "img"}}
	var m map[string]*Parsed
	if parsed {
		m = map[string]*Parsed{}
	}
	for path, p := range s.pages {
		data := []byte(s.html(p))
		files = append(files, publish.File{Path: path, Data: data, Source: path})
		if parsed {
			if p.parsed == nil {
				p.parsed = Parse(data)
			}
			m[path] = p.parsed
		}
	}
	return files, m
}

// TestMemoRandomEdits: over many builds of a changing site (ids and
// links edited, pages added and removed, some builds without parses
// kept), the check through a Memo gives exactly what a check from
// scratch gives.
func TestMemoRandomEdits(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for seed := range uint64(40) {
		s := &incSite{rng: rand.New(rand.NewPCG(seed, 1)), pages: map[string]*incPage{}}
		for i := range 12 {
			if s.rng.IntN(4) > 0 {
				s.pages[fmt.Sprintf("p%d/index.html", i)] = s.randomPage()
			}
		}
		memo := NewMemo()
		for build := range 30 {
			for range s.rng.IntN(3) {
				s.edit()
			}
			files, parsed := s.files(s.rng.IntN(8) > 0)
			got := Collect(ctx, files, nil, Options{BaseURL: "/", Parsed: parsed, Memo: memo}).Broken(ctx)
			fresh, _ := s.files(false)
			want, _ := Collect(ctx, fresh, nil, Options{BaseURL: "/"}).Internal(ctx)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("seed %d build %d: with the memo: %v\nfrom scratch: %v", seed, build, got, want)
			}
		}
	}
}

// TestMemoCanceledCheck: a check stopped by its context leaves the memo
// as the last complete check left it, so the next check finds what a
// check from scratch finds.
func TestMemoCanceledCheck(t *testing.T) {
	t.Parallel()
	s := &incSite{pages: map[string]*incPage{
		"p0/index.html": {ids: []string{"h0"}, links: []string{"/p1/"}},
		"p1/index.html": {links: []string{"/p0/#h0"}},
	}}
	memo := NewMemo()
	build := func(ctx context.Context) []Result {
		files, parsed := s.files(true)
		return Collect(ctx, files, nil, Options{BaseURL: "/", Parsed: parsed, Memo: memo}).Broken(ctx)
	}
	build(context.Background())
	s.pages["p1/index.html"] = &incPage{links: []string{"/p0/#gone"}}
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	build(canceled)
	if got := build(context.Background()); len(got) != 1 || got[0].URL != "/p0/#gone" {
		t.Errorf("after a canceled check: broken %v, want /p0/#gone", got)
	}
}

// TestMemoIndexesFollowPages: builds through one Memo with the same files
// and page paths share the indexes and the pages' verdicts, yet each
// build's broken links are traced to its own pages.
func TestMemoIndexesFollowPages(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	memo := NewMemo()
	files := []publish.File{{Path: "a/index.html", Data: []byte(`<a href="/gone/">x</a>`), Source: "a"}, {Path: "b/index.html", Data: []byte(`<a href="/a/">a</a>`), Source: "b"}}
	parsed := map[string]*Parsed{}
	for _, f := range files {
		parsed[f.Path] = Parse(f.Data)
	}
	for _, src := range []string{"content/a.md", "content/renamed.md"} {
		pages := []Page{{Path: "b/index.html", File: "content/b.md"}, {Path: "a/index.html", File: src}}
		got := Collect(ctx, files, pages, Options{BaseURL: "/", Parsed: parsed, Memo: memo}).Broken(ctx)
		want, _ := Collect(ctx, files, pages, Options{BaseURL: "/"}).Internal(ctx)
		if !reflect.DeepEqual(got, want) || len(got) != 1 || got[0].Sources[0].File != src {
			t.Errorf("pages from %s: got %v, want %v from %s", src, got, want, src)
		}
	}
}
