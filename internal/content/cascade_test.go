package content

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// cascadeSite is the tree the cascade tests share: the home page and the
// docs section cascade color; docs/v1 cascades nothing.
const cascadeSite = `
-- content/_index.md --
---
title: Home
cascade:
  color: red
  shape: round
---
-- content/top.md --
---
title: Top
---
-- content/docs/_index.md --
---
title: Docs
cascade:
  color: blue
---
-- content/docs/own.md --
---
title: Own
color: green
---
-- content/docs/v1/_index.md --
---
title: V1
---
-- content/docs/v1/deep.md --
---
title: Deep
---
`

// param returns page rel's param k as text ("<unset>" when absent).
func param(t *testing.T, r result, rel, k string) string {
	t.Helper()
	for _, p := range r.site.Pages {
		if p.Path == rel {
			if v, ok := p.Params[k]; ok {
				return fmt.Sprint(v)
			}
			return "<unset>"
		}
	}
	t.Fatalf("no page %q; have %v", rel, paths(r.site.Pages))
	return ""
}

func TestCascadeMerge(t *testing.T) {
	t.Parallel()
	type want struct{ page, key, value string }
	tests := []struct {
		name    string
		archive string
		opts    Options
		want    []want
	}{
		{"NearestAncestorWins", cascadeSite, Options{}, []want{
			{"docs/v1/deep.md", "color", "blue"},
			{"docs/v1/_index.md", "color", "blue"},
			{"top.md", "color", "red"},
			{"docs/v1/deep.md", "shape", "round"}, // keys merge across levels
		}},
		{"PageOwnValueWins", cascadeSite, Options{}, []want{
			{"docs/own.md", "color", "green"},
		}},
		{"ReachesThePageThatWritesIt", cascadeSite, Options{}, []want{
			{"docs/_index.md", "color", "blue"},
			{"_index.md", "color", "red"},
		}},
		{"SiteCascadeLast", cascadeSite, Options{Cascade: SiteCascade{Value: map[string]any{"color": "black", "Size": "xl"}, File: "config.toml", Line: 3, Col: 1}}, []want{
			{"top.md", "color", "red"},
			{"top.md", "size", "xl"},
			{"docs/v1/deep.md", "size", "xl"},
		}},
		{"TargetPath", `
-- content/_index.md --
---
title: Home
cascade:
  - target: {path: "/docs/**"}
    color: blue
  - _target: {path: "{/blog,/blog/**}"}
    color: pink
---
-- content/docs/_index.md --
---
title: Docs
---
-- content/docs/Read Me.md --
---
title: Read me
---
-- content/blog/_index.md --
---
title: Blog
---
-- content/blog/post/index.md --
---
title: Post
---
-- content/other.md --
---
title: Other
---
`, Options{}, []want{
			{"docs/Read Me.md", "color", "blue"},
			{"docs/_index.md", "color", "<unset>"}, // "/docs" is not under "/docs/"
			{"blog/_index.md", "color", "pink"},
			{"blog/post/index.md", "color", "pink"},
			{"other.md", "color", "<unset>"},
		}},
		{"TargetKindAndListOrder", `
-- content/_index.md --
---
title: Home
cascade:
  - target: {kind: page}
    color: red
  - target: {kind: "{home,section}"}
    color: blue
  - color: grey
    shape: square
---
-- content/docs/_index.md --
---
title: Docs
---
-- content/docs/a.md --
---
title: A
---
`, Options{}, []want{
			{"docs/a.md", "color", "red"},
			{"docs/_index.md", "color", "blue"},
			{"_index.md", "color", "blue"},
			{"docs/a.md", "shape", "square"},
		}},
		{"TargetEnvironmentProductionByDefault", envTree, Options{}, []want{
			{"a.md", "banner", "live"},
		}},
		{"TargetEnvironmentOther", envTree, Options{Environment: "development"}, []want{
			{"a.md", "banner", "preview"},
		}},
		{"ParamsTable", `
-- content/_index.md --
---
title: Home
cascade:
  params:
    color: red
  color: blue
---
-- content/a.md --
---
title: A
---
`, Options{}, []want{
			{"a.md", "color", "red"},
		}},
		{"TOMLArrayOfTables", `
-- content/_index.md --
+++
title = "Home"
[[cascade]]
color = "red"
[cascade._target]
kind = "page"
[[cascade]]
color = "blue"
+++
-- content/a.md --
---
title: A
---
`, Options{}, []want{
			{"a.md", "color", "red"},
			{"_index.md", "color", "blue"},
		}},
		{"JSONList", `
-- content/_index.md --
{"title": "Home", "cascade": [{"Color": "red", "target": {"path": "/a"}}]}
-- content/a.md --
---
title: A
---
`, Options{}, []want{
			{"a.md", "color", "red"},
		}},
		{"PageCascadeOverridesInherited", `
-- content/_index.md --
---
title: Home
cascade: {color: red}
---
-- content/a.md --
---
title: A
cascade: {color: blue}
---
`, Options{}, []want{
			{"a.md", "color", "blue"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			opts := tt.opts
			opts.Dir = "content"
			r := loadTxtarOpts(t, tt.archive, opts)
			if r.err != nil {
				t.Fatalf("Load: %v", r.err)
			}
			for _, w := range tt.want {
				if got := param(t, r, w.page, w.key); got != w.value {
					t.Errorf("%s: .Params.%s = %s, want %s", w.page, w.key, got, w.value)
				}
			}
		})
	}
}

const envTree = `
-- content/_index.md --
---
title: Home
cascade:
  - target: {environment: "{staging,development}"}
    banner: preview
  - target: {environment: production}
    banner: live
---
-- content/a.md --
---
title: A
---
`

// TestCascadeFields checks that a cascade sets the front matter fields
// quire reads, before drafts, types, URLs and the order are derived.
func TestCascadeFields(t *testing.T) {
	t.Parallel()
	r := loadTxtar(t, `
-- content/_index.md --
---
title: Home
---
-- content/old/_index.md --
---
title: Old
cascade:
  draft: true
---
-- content/old/a.md --
---
title: Old A
---
-- content/api/_index.md --
---
title: API
cascade:
  - target: {kind: page}
    type: reference
    toc: false
    weight: 5
---
-- content/api/b.md --
---
title: B
---
-- content/api/a.md --
---
title: A
weight: 10
---
-- content/api/c.md --
---
title: C
toc: true
cascade: {slug: see}
---
`)
	if r.err != nil {
		t.Fatalf("Load: %v", r.err)
	}
	if got := strings.Join(paths(r.site.Pages), " "); got != "_index.md api/_index.md api/b.md api/c.md api/a.md" {
		t.Errorf("pages = %q, want old/ left out as a draft and api/ ordered by the cascaded weight 5", got)
	}
	if r.site.Skipped != 2 {
		t.Errorf("Skipped = %d, want 2 (old/_index.md and old/a.md)", r.site.Skipped)
	}
	for _, p := range r.site.Pages {
		switch p.Path {
		case "api/b.md":
			if p.Type != "reference" || !p.TOC.Disabled || p.Weight != 5 {
				t.Errorf("api/b.md: type %q, toc %+v, weight %d; want reference, disabled, 5", p.Type, p.TOC, p.Weight)
			}
		case "api/c.md":
			if p.TOC.Disabled || p.RelPermalink != "/api/see/" {
				t.Errorf("api/c.md: toc %+v, URL %s; want its own toc: true and its own cascade's slug, /api/see/", p.TOC, p.RelPermalink)
			}
		case "api/_index.md":
			if p.Type != "" || p.Weight != 0 {
				t.Errorf("api/_index.md: type %q, weight %d; want none: the target is kind page", p.Type, p.Weight)
			}
		}
	}
}

func TestCascadeErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, front string
		opts        Options
		want        string
	}{
		{"NotAMap", "cascade: 3", Options{},
			`content/_index.md:3:10: cascade must be a map or a list of maps, got 3 (hint: write cascade: {params: {color: red}}, or a list of such maps)`},
		{"EntryNotAMap", "cascade: [a]", Options{},
			`content/_index.md:3:10: cascade entry 1 must be a map, got "a"`},
		{"KeyNotAllowed", "cascade: {path: /x, color: red}", Options{},
			`content/_index.md:3:10: cascade cannot set "path" (hint: path places a page in the tree; set it in the page's own front matter)`},
		{"UnknownKind", "cascade: {target: {kind: chapter}, color: red}", Options{},
			`content/_index.md:3:10: cascade target.kind "chapter" matches no page kind (hint: page kinds are home, section, page, taxonomy, term)`},
		{"BadGlob", "cascade: {target: {path: \"/docs/{a,b\"}, color: red}", Options{},
			`content/_index.md:3:10: cascade target.path "/docs/{a,b" is not a valid glob: '{' without '}'`},
		{"UnknownTargetKey", "cascade: {target: {section: docs}, color: red}", Options{},
			`content/_index.md:3:10: unknown cascade target key "section" (hint: a target takes path, kind and environment globs, e.g. target: {path: "{/docs,/docs/**}", kind: page})`},
		{"BadFieldOnce", "cascade: {weight: heavy}", Options{},
			`content/_index.md:3:10: cascade: weight must be an integer, got "heavy" (hint: write weight: 10)`},
		{"SiteCascade", "", Options{Cascade: SiteCascade{Value: []any{map[string]any{"Kind": "page"}}, File: "config.toml", Line: 7, Col: 1}},
			`config.toml:7:1: cascade cannot set "kind" (hint: kind places a page in the tree; set it in the page's own front matter)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			opts := tt.opts
			opts.Dir = "content"
			r := loadTxtarOpts(t, "-- content/_index.md --\n---\ntitle: Home\n"+tt.front+"\n---\n-- content/a.md --\n---\ntitle: A\n---\n-- content/b.md --\n---\ntitle: B\n---\n", opts)
			if got := strings.Join(errLines(r.err), "\n"); got != tt.want {
				t.Errorf("errors:\n%s\nwant (once, not once per page):\n%s", got, tt.want)
			}
		})
	}
}

func TestCascadeLogicalPath(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		p    *Page
		want string
	}{
		{&Page{Kind: KindHome}, "/"},
		{&Page{Kind: KindSection, Path: "Docs/v3.5/_index.md"}, "/docs/v3.5"},
		{&Page{Kind: KindSection, Virtual: true, Path: "docs/v1/"}, "/docs/v1"},
		{&Page{Kind: KindPage, Path: "docs/v3.5/Install Guide.md"}, "/docs/v3.5/install-guide"},
		{&Page{Kind: KindPage, Path: "blog/post/index.md"}, "/blog/post"},
		{&Page{Kind: KindPage, Path: "index.md"}, "/index"},
	} {
		if got := tt.p.logicalPath(); got != tt.want {
			t.Errorf("logicalPath(%q) = %q, want %q", tt.p.Path, got, tt.want)
		}
	}
}

// TestCascadeFileCache edits a section's cascade between cached Loads: the
// pages below, taken unchanged from the cache, get the new values and keep
// none of the old.
func TestCascadeFileCache(t *testing.T) {
	t.Parallel()
	fsys := txtarFS(cascadeSite)
	files := NewFileCache()
	r := loadBoth(t, fsys, Options{Dir: "content"}, files)
	if got := param(t, r, "docs/v1/deep.md", "color"); got != "blue" {
		t.Fatalf("first Load: color = %s, want blue", got)
	}
	for i, tc := range []struct{ front, want string }{
		{"cascade: {color: teal}", "teal"},
		{"", "red"}, // the home page's, once docs/ cascades nothing
	} {
		write(fsys, "content/docs/_index.md", "---\ntitle: Docs\n"+tc.front+"\n---\n", time.Unix(1_000_000_000+int64(i), 0))
		r := loadBoth(t, fsys, Options{Dir: "content"}, files)
		if read, _ := files.Last(); read != 1 {
			t.Errorf("%q: Load read %d files, want only docs/_index.md", tc.front, read)
		}
		if got := param(t, r, "docs/v1/deep.md", "color"); got != tc.want {
			t.Errorf("%q: color = %s, want %s", tc.front, got, tc.want)
		}
	}
}

// TestCascadeParamsOnly checks that a cascade's params table reaches
// .Params alone, while its other keys also set the fields quire reads.
func TestCascadeParamsOnly(t *testing.T) {
	t.Parallel()
	r := mustLoad(t, `
-- content/_index.md --
---
title: Home
cascade:
  - target: {path: /a}
    params: {weight: 3, title: Param title}
  - target: {path: /b}
    weight: 3
    title: Field title
---
-- content/a.md --
---
draft: false
---
-- content/b.md --
---
draft: false
---
`)
	for _, p := range r.site.Pages {
		switch p.Path {
		case "a.md":
			if p.Weight != 0 || p.Title != "A" || p.Params["weight"] != int64(3) {
				t.Errorf("a.md: weight %d, title %q, .Params.weight %v; want 0, A (from the name), 3", p.Weight, p.Title, p.Params["weight"])
			}
		case "b.md":
			if p.Weight != 3 || p.Title != "Field title" || p.LinkTitle != "Field title" {
				t.Errorf("b.md: weight %d, title %q, linkTitle %q; want 3 and the cascaded title", p.Weight, p.Title, p.LinkTitle)
			}
		}
	}
}
