package layout

import (
	"fmt"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/toc"
)

// wideSite returns a site whose home holds n pages and a section "s" of n
// pages, titles and URLs of one width, so that pages differ in size only
// by what their sidebars list. It returns the home page.
func wideSite(n int, params map[string]any) *Page {
	site := &Site{Title: "Docs", BaseURL: "/", LanguageCode: "en", Params: params}
	mk := func(kind, title, path string, parent *Page) *Page {
		p := &Page{Kind: kind, Title: title, RelPermalink: "/" + path, Permalink: "/" + path, Site: site,
			Params: map[string]any{}, TOC: &toc.TOC{}, Content: "<p>Text.</p>", Parent: parent}
		if parent != nil {
			parent.Pages = append(parent.Pages, p)
		}
		site.Pages = append(site.Pages, p)
		return p
	}
	home := mk("home", "Docs", "", nil)
	sec := mk("section", "Section", "s/", home)
	for i := range n {
		mk("page", fmt.Sprintf("Top %04d", i), fmt.Sprintf("t%04d/", i), home)
		mk("page", fmt.Sprintf("Page %04d", i), fmt.Sprintf("s/p%04d/", i), sec)
	}
	site.Home = home
	return home
}

func titles(ps []*Page) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Title)
	}
	return out
}

func TestNavList(t *testing.T) {
	t.Parallel()
	home := wideSite(10, nil)
	sec := home.Pages[0]
	deep := &Page{Kind: "page", Title: "Deep", Parent: sec.Pages[7]} // under Page 0007
	for _, tc := range []struct {
		name          string
		list, current *Page
		limit         int
		first, last   string
		before, after int
	}{
		{"AllWhenWithinLimit", sec, sec.Pages[3], 10, "Page 0000", "Page 0009", 0, 0},
		{"AllWhenNoLimit", sec, sec.Pages[3], 0, "Page 0000", "Page 0009", 0, 0},
		{"AllWhenLimitNegative", sec, sec.Pages[3], -1, "Page 0000", "Page 0009", 0, 0},
		{"WindowCentredOnCurrent", sec, sec.Pages[5], 4, "Page 0003", "Page 0006", 3, 3},
		{"WindowClampedAtStart", sec, sec.Pages[1], 4, "Page 0000", "Page 0003", 0, 6},
		{"WindowClampedAtEnd", sec, sec.Pages[9], 4, "Page 0006", "Page 0009", 6, 0},
		{"WindowAroundAncestorOfCurrent", sec, deep, 3, "Page 0006", "Page 0008", 6, 1},
		{"WindowAroundSectionOfCurrent", home, sec.Pages[9], 3, "Section", "Top 0001", 0, 8},
		{"FirstWhenCurrentElsewhere", sec, home.Pages[5], 4, "Page 0000", "Page 0003", 0, 6},
		{"FirstWhenCurrentIsTheSection", sec, sec, 4, "Page 0000", "Page 0003", 0, 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := tc.list.NavList(tc.current, tc.limit)
			ts := titles(got.Pages)
			if len(ts) == 0 || ts[0] != tc.first || ts[len(ts)-1] != tc.last || got.Before != tc.before || got.After != tc.after {
				t.Errorf("NavList(%s, %d) = %v, before %d, after %d; want %s … %s, before %d, after %d",
					tc.current.Title, tc.limit, ts, got.Before, got.After, tc.first, tc.last, tc.before, tc.after)
			}
			if tc.limit > 0 && len(ts) > tc.limit {
				t.Errorf("NavList(%s, %d) lists %d pages", tc.current.Title, tc.limit, len(ts))
			}
		})
	}
}

// TestSidebarBoundedBySiblings guards the theme's scaling: a sidebar that
// lists every sibling makes a site's output grow with pages × siblings, so
// a page among 500 siblings must be no bigger than one among 50 but for
// the links to the pages left out.
func TestSidebarBoundedBySiblings(t *testing.T) {
	t.Parallel()
	tm := mustNew(t, nil)
	small, large := wideSite(50, nil), wideSite(500, nil)
	for _, tc := range []struct {
		name string
		page func(home *Page) *Page // a page in the middle of its siblings
		more int                    // levels cut short: the section's twice, the top's once or twice
	}{
		{"InASection", func(home *Page) *Page { s := home.Pages[0]; return s.Pages[len(s.Pages)/2] }, 3},
		{"AtTheTop", func(home *Page) *Page { return home.Pages[len(home.Pages)/2] }, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p50, p500 := render(t, tm, tc.page(small)), render(t, tm, tc.page(large))
			// Two "N more pages in Section" links, a little over 100 bytes each.
			const bound = 300
			if len(p500) > len(p50)+bound {
				t.Errorf("a page among 500 siblings is %d bytes, among 50 %d: more than %d bytes apart", len(p500), len(p50), bound)
			}
			nav := between(p500, `<nav class="sidebar"`, "</nav>")
			if !strings.Contains(nav, `aria-current="page"`) {
				t.Errorf("the sidebar does not mark the current page:\n%s", nav)
			}
			if n := strings.Count(nav, `class="nav-more"`); n != tc.more {
				t.Errorf("the sidebar has %d links to pages left out, want %d:\n%s", n, tc.more, nav)
			}
		})
	}

	t.Run("MoreLinksGoToTheSection", func(t *testing.T) {
		t.Parallel()
		sec := large.Pages[0]
		nav := between(render(t, tm, sec.Pages[250]), `<nav class="sidebar"`, "</nav>")
		for _, want := range []string{
			`<li class="nav-more"><a href="/s/">225 earlier pages in Section</a></li>`,
			`<li class="nav-more"><a href="/s/">225 more pages in Section</a></li>`,
			`<li class="nav-more"><a href="/">451 more pages in Docs</a></li>`,
		} {
			if !strings.Contains(nav, want) {
				t.Errorf("sidebar lacks %s:\n%s", want, nav)
			}
		}
	})

	t.Run("SidebarLimitParam", func(t *testing.T) {
		t.Parallel()
		home := wideSite(100, map[string]any{"sidebarLimit": int64(80)})
		nav := between(render(t, tm, home.Pages[0].Pages[50]), `<nav class="sidebar"`, "</nav>")
		if n := strings.Count(nav, `href="/s/p`); n != 80 {
			t.Errorf("with sidebarLimit = 80 the section lists %d pages, want 80", n)
		}
	})
}
