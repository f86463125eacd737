package content

import (
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/quire-docs/quire/internal/diag"
)

// cacheSite has a page of each kind, with warnings and errors that every
// Load must report again: a typo, a bad weight, a page with no title, a
// URL collision, a markdown file inside a leaf bundle.
const cacheSite = `
-- content/_index.md --
---
title: Home
---
Welcome.
-- content/docs/_index.md --
---
title: Docs
type: docs
weight: 2
---
-- content/docs/a.md --
---
title: Alpha
weight: 1
aliases: [/old/a/]
---
The alpha body.
-- content/docs/b.md --
---
title: Beta
weight: 2
tags: [x, y]
---
Beta.
-- content/docs/c.md --
---
title: Gamma
titel: typo
---
-- content/docs/d.md --
---
title: Delta
weight: heavy
---
-- content/docs/bundle/index.md --
---
title: Bundle
---
-- content/docs/bundle/img.png --
PNG
-- content/docs/bundle/extra.md --
not rendered
-- content/drafts/_index.md --
---
title: Drafts
draft: true
---
-- content/drafts/x.md --
---
title: X
---
-- content/notitle.md --
No front matter at all.
-- content/dup.md --
---
title: Dup
url: /docs/a/
---
-- content/page.html --
---
title: An HTML page
---
<p>html</p>
-- content/static.html --
<p>static</p>
-- content/logo.svg --
<svg/>
`

// flatPage is a Page with its links replaced by the File they point at,
// so that loads can be compared with reflect.DeepEqual.
type flatPage struct {
	Page
	ParentFile, PrevFile, NextFile string
	ChildFiles                     []string
}

func fileOf(p *Page) string {
	if p == nil {
		return ""
	}
	return p.File
}

func flatten(p *Page) flatPage {
	f := flatPage{Page: *p, ParentFile: fileOf(p.Parent), PrevFile: fileOf(p.Prev), NextFile: fileOf(p.Next)}
	for _, c := range p.Children {
		f.ChildFiles = append(f.ChildFiles, c.File)
	}
	f.Parent, f.Prev, f.Next, f.Children = nil, nil, nil, nil
	return f
}

// flatResult is all of one Load's result, without pointer cycles.
type flatResult struct {
	Home    flatPage
	Pages   []flatPage
	Static  []StaticFile
	Skipped int
	Warns   []*diag.Diagnostic
	Err     error
}

func flattenResult(r result) flatResult {
	f := flatResult{Home: flatten(r.site.Home), Static: r.site.Static, Skipped: r.site.Skipped, Warns: r.warns, Err: r.err}
	for _, p := range r.site.Pages {
		f.Pages = append(f.Pages, flatten(p))
	}
	return f
}

// loadBoth loads fsys without a cache and with files, fails the test if
// the two differ, and returns the cached result.
func loadBoth(t *testing.T, fsys fs.FS, opts Options, files *FileCache) result {
	t.Helper()
	return loadBothFS(t, fsys, fsys, opts, files)
}

// loadBothFS is loadBoth with the cached Load reading through cachedFS,
// the same files as fsys.
func loadBothFS(t *testing.T, fsys, cachedFS fs.FS, opts Options, files *FileCache) result {
	t.Helper()
	site, warns, err := Load(fsys, opts)
	want := result{site, warns, err}
	opts.Files = files
	site, warns, err = Load(cachedFS, opts)
	got := result{site, warns, err}
	if !reflect.DeepEqual(flattenResult(got), flattenResult(want)) {
		t.Fatalf("cached Load differs from uncached:\ncached:\n%s\nuncached:\n%s", dump(got), dump(want))
	}
	return got
}

// edit changes fsys at step n: every file it writes gets modification time
// n seconds into 2001, as a real write would give it a new one.
type edit struct {
	name   string
	apply  func(fsys fstest.MapFS, mtime time.Time)
	read   int  // files a cached Load must read again
	broken bool // an error names content/guide/one.md
}

func write(fsys fstest.MapFS, name, data string, mtime time.Time) {
	fsys[name] = &fstest.MapFile{Data: []byte(data), ModTime: mtime}
}

func TestFileCacheSameAsUncached(t *testing.T) {
	t.Parallel()
	fsys := txtarFS(cacheSite)
	edits := []edit{
		{name: "Unchanged", apply: func(fstest.MapFS, time.Time) {}},
		{name: "BodyEdit", read: 1, apply: func(fsys fstest.MapFS, mt time.Time) {
			write(fsys, "content/docs/a.md", "---\ntitle: Alpha\nweight: 1\naliases: [/old/a/]\n---\nA new, longer alpha body.\n", mt)
		}},
		{name: "WeightAndTitle", read: 1, apply: func(fsys fstest.MapFS, mt time.Time) {
			write(fsys, "content/docs/b.md", "---\ntitle: Beta moved last\nweight: 9\n---\nBeta.\n", mt)
		}},
		{name: "SameSize", read: 1, apply: func(fsys fstest.MapFS, mt time.Time) {
			old := fsys["content/docs/a.md"].Data
			data := "---\ntitle: Alpha\nweight: 1\naliases: [/old/a/]\n---\nA new, longer omega body.\n"
			if len(data) != len(old) {
				panic(fmt.Sprintf("same-size edit changes the size: %d, was %d", len(data), len(old)))
			}
			write(fsys, "content/docs/a.md", data, mt)
		}},
		{name: "AddPage", read: 1, apply: func(fsys fstest.MapFS, mt time.Time) {
			write(fsys, "content/docs/new.md", "---\ntitle: New\nweight: 1\n---\n", mt)
		}},
		{name: "DeletePage", apply: func(fsys fstest.MapFS, _ time.Time) {
			delete(fsys, "content/docs/c.md")
		}},
		{name: "AddDirectory", read: 2, apply: func(fsys fstest.MapFS, mt time.Time) {
			write(fsys, "content/guide/_index.md", "---\ntitle: Guide\nweight: 1\n---\n", mt)
			write(fsys, "content/guide/one.md", "---\ntitle: One\n---\n", mt)
		}},
		{name: "BreakFrontMatter", read: 1, broken: true, apply: func(fsys fstest.MapFS, mt time.Time) {
			write(fsys, "content/guide/one.md", "---\ntitle: [One\n---\n", mt)
		}},
		{name: "StillBroken", broken: true, apply: func(fstest.MapFS, time.Time) {}},
		{name: "FixFrontMatter", read: 1, apply: func(fsys fstest.MapFS, mt time.Time) {
			write(fsys, "content/guide/one.md", "---\ntitle: One fixed\n---\n", mt)
		}},
		{name: "HTMLGainsFrontMatter", read: 1, apply: func(fsys fstest.MapFS, mt time.Time) {
			write(fsys, "content/static.html", "---\ntitle: Now a page\n---\n<p>static</p>\n", mt)
		}},
		{name: "HTMLLosesFrontMatter", apply: func(fsys fstest.MapFS, mt time.Time) {
			write(fsys, "content/page.html", "<p>html</p>\n", mt)
		}},
		{name: "DraftSectionPublished", read: 1, apply: func(fsys fstest.MapFS, mt time.Time) {
			write(fsys, "content/drafts/_index.md", "---\ntitle: Drafts\n---\n", mt)
		}},
		{name: "DeleteDirectory", apply: func(fsys fstest.MapFS, _ time.Time) {
			delete(fsys, "content/guide/_index.md")
			delete(fsys, "content/guide/one.md")
		}},
	}
	files := NewFileCache()
	loadBoth(t, fsys, Options{Dir: "content"}, files)
	for i, e := range edits {
		e.apply(fsys, time.Unix(1_000_000_000+int64(i), 0))
		r := loadBoth(t, fsys, Options{Dir: "content"}, files)
		if got := strings.Contains(fmt.Sprint(r.err), "content/guide/one.md:"); got != e.broken {
			t.Fatalf("%s: err = %v, want an error for guide/one.md: %t", e.name, r.err, e.broken)
		}
		read, reused := files.Last()
		if read != e.read {
			t.Errorf("%s: Last() read %d files, want %d (reused %d)", e.name, read, e.read, reused)
		}
		// Drafts change nothing a file's parse depends on: the same cache
		// serves both.
		loadBoth(t, fsys, Options{Dir: "content", Drafts: true}, files)
		if read, _ := files.Last(); read != 0 {
			t.Errorf("%s: Load with drafts after Load without read %d files, want 0", e.name, read)
		}
	}
}

// TestFileCacheLoadsShareNothing changes everything a caller could change
// in one cached Load's pages and diagnostics; the next Load must not see it.
func TestFileCacheLoadsShareNothing(t *testing.T) {
	t.Parallel()
	fsys := txtarFS(cacheSite)
	files := NewFileCache()
	for round := range 3 {
		r := loadBoth(t, fsys, Options{Dir: "content"}, files)
		if read, reused := files.Last(); round > 0 && read != 0 {
			t.Fatalf("round %d: read %d files, reused %d", round, read, reused)
		}
		for _, p := range r.site.Pages {
			p.Title, p.Weight, p.Type, p.Draft = "changed", 99, "changed", true
			p.Params["title"] = "changed"
			p.Params["added"] = true
			if len(p.Aliases) > 0 {
				p.Aliases[0] = "/changed/"
			}
			p.Children = append(p.Children[:0], p)
			p.Parent, p.Prev, p.Next = p, p, p
		}
		for _, w := range r.warns {
			w.Msg, w.Line = "changed", 99
		}
		var d *diag.Diagnostic
		if errors.As(r.err, &d) {
			d.Msg = "changed"
		}
	}
}

func TestFileCacheDropsUnseenFiles(t *testing.T) {
	t.Parallel()
	fsys := txtarFS(cacheSite)
	files := NewFileCache()
	loadBoth(t, fsys, Options{Dir: "content"}, files)
	gone := []string{"content/docs/a.md", "content/logo.svg", "content/page.html"}
	for _, name := range gone {
		if e, _ := files.files.Peek(name); e == nil {
			t.Fatalf("no cache entry for %s after Load", name)
		}
		delete(fsys, name)
	}
	loadBoth(t, fsys, Options{Dir: "content"}, files)
	for _, name := range gone {
		if _, ok := files.files.Peek(name); ok {
			t.Errorf("cache keeps an entry for %s, deleted", name)
		}
	}
	var left int // files in the content directory: one entry each
	for name := range fsys {
		if strings.HasPrefix(name, "content/") {
			left++
		}
	}
	if n := files.files.Len(); n != left {
		t.Errorf("cache has %d entries for %d files", n, left)
	}
}
