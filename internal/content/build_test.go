package content

import (
	"slices"
	"strings"
	"testing"
)

// pageAt returns the page of r whose content path is rel.
func pageAt(t *testing.T, r result, rel string) *Page {
	t.Helper()
	for _, p := range r.site.Pages {
		if p.Path == rel {
			return p
		}
	}
	t.Fatalf("no page %q; have %v", rel, paths(r.site.Pages))
	return nil
}

func TestBuildOptionsDecode(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		front string
		want  Build
		err   string // a substring of the error; "" for none
	}{
		{"DefaultIsAlwaysEverywhere", "title: x", Build{}, ""},
		{"UnderscoreBuildRenderLink", "_build: {render: link}", Build{Render: RenderLink}, ""},
		{"BuildRenderNeverListLocal", "build: {render: never, list: local}", Build{Render: RenderNever, List: ListLocal}, ""},
		{"NamesMatchInAnyCase", "build: {Render: Never, LIST: Never}", Build{Render: RenderNever, List: ListNever}, ""},
		{"OldBooleansTrueIsAlways", "build: {render: true, list: true}", Build{}, ""},
		{"OldBooleansFalseIsNever", "_build: {render: false, list: false}", Build{Render: RenderNever, List: ListNever}, ""},
		{"PublishResourcesFalse", "build: {publishResources: false}", Build{NoResources: true}, ""},
		{"PublishResourcesTrue", "build: {publishResources: true}", Build{}, ""},
		{"NullIsDefault", "build:", Build{}, ""},
		{"UnknownRenderValue", "build: {render: sometimes}", Build{}, `build render must be always, link or never, got "sometimes"`},
		{"UnknownListValue", "build: {list: local-ish}", Build{}, "build list must be always, local or never"},
		{"UnknownOption", "build: {publish: false}", Build{}, `unknown build option "publish"`},
		{"NotAMap", "build: never", Build{}, "build must be a map"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			r := loadTxtar(t, "-- content/a.md --\n---\n"+c.front+"\n---\nbody\n")
			switch {
			case c.err == "" && r.err != nil:
				t.Fatalf("Load: unexpected error: %v", r.err)
			case c.err != "":
				if r.err == nil || !strings.Contains(r.err.Error(), c.err) {
					t.Fatalf("Load error = %v, want one containing %q", r.err, c.err)
				}
				if !strings.Contains(r.err.Error(), "content/a.md:2:") {
					t.Errorf("error %v does not point at the value on line 2", r.err)
				}
				return
			}
			if got := pageAt(t, r, "a.md").Build; got != c.want {
				t.Errorf("Build = %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestBuildOptionsCascade(t *testing.T) {
	t.Parallel()
	r := mustLoad(t, `
-- content/api/_index.md --
---
title: API
cascade:
  _build: {render: link}
---
-- content/api/go.md --
---
title: Go
---
-- content/api/own.md --
---
title: Own
build: {list: never}
---
-- content/api/targeted/_index.md --
---
title: Targeted
cascade:
  - _target: {kind: page}
    build: {render: never}
---
-- content/api/targeted/leaf.md --
---
title: Leaf
---
`)
	cases := []struct {
		name, path string
		want       Build
	}{
		{"ReachesTheSectionItself", "api/_index.md", Build{Render: RenderLink}},
		{"ReachesAPageUnder", "api/go.md", Build{Render: RenderLink}},
		{"PageBuildWinsOverCascadedUnderscoreBuild", "api/own.md", Build{List: ListNever}},
		{"NearerTargetedCascadeWins", "api/targeted/leaf.md", Build{Render: RenderNever}},
		{"TargetLeavesOutOtherKinds", "api/targeted/_index.md", Build{Render: RenderLink}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := pageAt(t, r, c.path).Build; got != c.want {
				t.Errorf("%s: Build = %+v, want %+v", c.path, got, c.want)
			}
		})
	}
}

func TestBuildOptionsReadingOrderSkipsUnlisted(t *testing.T) {
	t.Parallel()
	r := mustLoad(t, `
-- content/a.md --
---
weight: 1
---
-- content/b.md --
---
weight: 2
build: {list: local}
---
-- content/c.md --
---
weight: 3
build: {render: never}
---
-- content/d.md --
---
weight: 4
build: {render: link}
---
-- content/e.md --
---
weight: 5
build: {list: never}
---
`)
	// Every page stays in Site.Pages, so refs and GetPage find it.
	if got, want := paths(r.site.Pages), []string{"", "a.md", "b.md", "c.md", "d.md", "e.md"}; !slices.Equal(got, want) {
		t.Fatalf("Site.Pages = %q, want %q", got, want)
	}
	next := map[string]string{}
	for _, p := range r.site.Pages {
		if p.Next != nil {
			next[p.Path] = p.Next.Path
		}
	}
	want := map[string]string{"": "a.md", "a.md": "d.md"}
	if len(next) != len(want) || next[""] != want[""] || next["a.md"] != want["a.md"] {
		t.Errorf("Next links = %q, want %q (only pages listed site-wide)", next, want)
	}
	if p := pageAt(t, r, "b.md"); p.Prev != nil || p.Next != nil {
		t.Errorf("list local page has Prev %v, Next %v; want none", p.Prev, p.Next)
	}
}

func TestBuildOptionsPredicates(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name                                     string
		b                                        Build
		writes, hasURL, inSection, inSite, index bool
	}{
		{"Default", Build{}, true, true, true, true, true},
		{"RenderLink", Build{Render: RenderLink}, false, true, true, true, false},
		{"RenderNever", Build{Render: RenderNever}, false, false, false, false, false},
		{"ListLocal", Build{List: ListLocal}, true, true, true, false, false},
		{"ListNever", Build{List: ListNever}, true, true, false, false, false},
	}
	for _, c := range cases {
		p := &Page{Build: c.b}
		got := []bool{p.Writes(), p.HasURL(), p.InSection(), p.InSiteLists(), p.Indexed()}
		want := []bool{c.writes, c.hasURL, c.inSection, c.inSite, c.index}
		if !slices.Equal(got, want) {
			t.Errorf("%s: Writes, HasURL, InSection, InSiteLists, Indexed = %v, want %v", c.name, got, want)
		}
	}
}

func TestBuildOptionsFilesAndCollisions(t *testing.T) {
	t.Parallel()
	r := mustLoad(t, `
-- content/kept/index.md --
---
title: Kept
---
-- content/kept/a.png --
png
-- content/held/index.md --
---
title: Held
build: {publishResources: false}
---
-- content/held/b.png --
png
-- content/one.md --
---
url: /same/
---
-- content/two.md --
---
url: /same/
build: {render: link}
---
`)
	var got []string
	for _, s := range r.site.Static {
		got = append(got, s.OutPath)
	}
	if want := []string{"kept/a.png"}; !slices.Equal(got, want) {
		t.Errorf("static files = %q, want %q (publishResources false holds back the bundle's files)", got, want)
	}
	if got := r.site.LinkOnly(); !slices.Equal(got, []string{"same/index.html"}) {
		t.Errorf("LinkOnly = %q, want [same/index.html]", got)
	}
}

func TestBuildOptionsHeadless(t *testing.T) {
	t.Parallel()
	r := mustLoad(t, `
-- content/snippets/index.md --
---
headless: true
---
-- content/snippets/note.png --
png
-- content/own/index.md --
---
headless: true
build: {list: local}
---
-- content/page.md --
---
headless: true
---
`)
	cases := []struct {
		name, path string
		want       Build
	}{
		{"LeafBundleIsRenderNeverListNever", "snippets/index.md", Build{Render: RenderNever, List: ListNever}},
		{"BuildWinsOverHeadless", "own/index.md", Build{List: ListLocal}},
		{"NotABundleIgnored", "page.md", Build{}},
	}
	for _, c := range cases {
		if got := pageAt(t, r, c.path).Build; got != c.want {
			t.Errorf("%s: %s Build = %+v, want %+v", c.name, c.path, got, c.want)
		}
	}
	if len(r.site.Static) != 1 || r.site.Static[0].OutPath != "snippets/note.png" {
		t.Errorf("static = %+v, want the headless bundle's file published (publishResources stays true)", r.site.Static)
	}
}
