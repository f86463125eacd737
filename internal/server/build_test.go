package server

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/site"
)

// TestDrafts: with drafts on, a draft page is served with its marker;
// with drafts off, every file served is exactly what quire build writes,
// and nothing else is.
func TestDrafts(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, basicSite)
	t.Run("On", func(t *testing.T) {
		t.Parallel()
		s, _ := newServer(t, dir, true)
		r := get(t, s, "/docs/draft/")
		if r.Code != http.StatusOK || !strings.Contains(r.Body, "Draft text.") || !strings.Contains(r.Body, "badge-draft") {
			t.Errorf("GET /docs/draft/ with drafts: status %d, marker or text missing:\n%s", r.Code, r.Body)
		}
		if !strings.Contains(get(t, s, "/docs/").Body, "Unfinished") {
			t.Error("the section list lacks the draft page")
		}
	})
	t.Run("Off", func(t *testing.T) {
		t.Parallel()
		s, _ := newServer(t, dir, false)
		if r := get(t, s, "/docs/draft/"); r.Code != http.StatusNotFound {
			t.Errorf("GET /docs/draft/ without drafts: status %d, want 404", r.Code)
		}
		cfg, _, _, err := config.LoadSite(dir, "development")
		if err != nil {
			t.Fatal(err)
		}
		want, err := site.Build(context.Background(), os.DirFS(dir), cfg, site.Options{})
		if err != nil {
			t.Fatal(err)
		}
		served := s.state.Load().files
		if len(served) != len(want.Files) {
			t.Errorf("serving %d files, quire build writes %d", len(served), len(want.Files))
		}
		for _, f := range want.Files {
			r := get(t, s, "/"+f.Path)
			body := r.Body
			if strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
				body = stripInjected(body)
			}
			if r.Code != http.StatusOK || body != string(f.Data) {
				t.Errorf("GET /%s: status %d, body differs from quire build's", f.Path, r.Code)
			}
			if strings.Contains(body, "Unfinished") || strings.Contains(body, "Draft text") {
				t.Errorf("GET /%s mentions the draft", f.Path)
			}
		}
	})
}

// TestOverlay: a failed rebuild keeps the last good pages and shows every
// error, with its position, on every page; the next good build removes it.
func TestOverlay(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, basicSite)
	s, log := newServer(t, dir, false)
	if r := get(t, s, "/docs/a/"); strings.Contains(r.Body, "quire-overlay") {
		t.Fatalf("overlay on a good build:\n%s", r.Body)
	}

	writeFile(t, dir, "content/docs/b.md", "---\ntitle: [Beta\nweight: 2\n---\nBeta changed.\n")
	writeFile(t, dir, "layouts/_default/single.html", "{{ define \"main\" }}\n{{ .Title | nosuchfunc }}{{ end }}\n")
	res := build(t, s)
	if res.OK() || len(res.Errors) < 2 {
		t.Fatalf("broken page and template: %d errors, want 2 or more", len(res.Errors))
	}
	for _, target := range []string{"/docs/a/", "/", "/nope/"} {
		r := get(t, s, target)
		if !strings.Contains(r.Body, `<div id="quire-overlay" data-kind="errors"`) {
			t.Fatalf("GET %s: no error overlay:\n%s", target, r.Body)
		}
		for _, d := range res.Errors {
			if !strings.Contains(r.Body, "<strong>"+d.Pos()+"</strong>") {
				t.Errorf("GET %s: overlay lacks %s", target, d.Pos())
			}
		}
		if !strings.Contains(r.Body, "last good build") {
			t.Errorf("GET %s: overlay does not say the page is the last good build", target)
		}
	}
	files := map[string]bool{}
	for _, d := range res.Errors {
		files[d.File] = true
		if d.Line == 0 { // Go's template parser gives no column
			t.Errorf("error without a line: %s", d)
		}
	}
	if !files["content/docs/b.md"] || !files["layouts/_default/single.html"] {
		t.Errorf("errors %v do not name both broken files", res.Errors)
	}
	if r := get(t, s, "/docs/a/"); !strings.Contains(r.Body, "Alpha text.") {
		t.Error("the last good page is gone")
	}
	if r := get(t, s, "/docs/b/"); strings.Contains(r.Body, "Beta changed.") || !strings.Contains(r.Body, "Beta text") {
		t.Error("the broken page's new text is served")
	}
	for _, d := range res.Errors {
		if !strings.Contains(log.String(), d.String()) {
			t.Errorf("terminal lacks %q:\n%s", d.String(), log)
		}
	}
	if !strings.Contains(log.String(), "still serving the last good build") {
		t.Errorf("terminal does not say the last good build is served:\n%s", log)
	}

	writeFile(t, dir, "content/docs/b.md", "---\ntitle: Beta\nweight: 2\n---\nBeta fixed.\n")
	if err := os.Remove(filepath.Join(dir, "layouts/_default/single.html")); err != nil {
		t.Fatal(err)
	}
	if res := build(t, s); !res.OK() {
		t.Fatalf("fixed site: %v", res.Errors)
	}
	r := get(t, s, "/docs/b/")
	if strings.Contains(r.Body, "quire-overlay") || !strings.Contains(r.Body, "Beta fixed.") {
		t.Errorf("after the fix: overlay still shown or page stale:\n%s", r.Body)
	}
}

// TestWarningsOverlay: warnings do not fail the build; they show in a
// panel and in the terminal.
func TestWarningsOverlay(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, basicSite+"-- content/docs/raw.md --\n---\ntitle: Raw\n---\nText <b>bold</b>.\n")
	writeFile(t, dir, "config.toml", "title = 'x'\n[markup.goldmark.renderer]\nunsafe = false\n")
	s, log := newServer(t, dir, false)
	r := get(t, s, "/docs/a/")
	if !strings.Contains(r.Body, `data-kind="warnings"`) || !strings.Contains(r.Body, "<strong>content/docs/raw.md:4:") {
		t.Errorf("no warnings overlay naming content/docs/raw.md:4:\n%s", r.Body)
	}
	if !strings.Contains(log.String(), "content/docs/raw.md:4:6: warning: raw HTML removed") {
		t.Errorf("terminal lacks the warning:\n%s", log)
	}
	// The same warning is printed once, not after every rebuild.
	build(t, s)
	if n := strings.Count(log.String(), "raw HTML removed"); n != 1 {
		t.Errorf("warning printed %d times over two builds, want 1:\n%s", n, log)
	}
}

// TestFirstBuildFails: before any good build every URL shows the errors
// (and reloads once the site builds).
func TestFirstBuildFails(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, basicSite)
	writeFile(t, dir, "config.toml", "title = [\n")
	s, log := newServer(t, dir, false)
	r := get(t, s, "/docs/a/")
	if r.Code != http.StatusServiceUnavailable || !strings.Contains(r.Body, "<strong>config.toml:") || !strings.Contains(r.Body, livereloadPath) {
		t.Errorf("GET /docs/a/ before a good build: status %d:\n%s", r.Code, r.Body)
	}
	if !strings.Contains(log.String(), "until the site builds") {
		t.Errorf("terminal:\n%s", log)
	}
	writeFile(t, dir, "config.toml", "title = 'fixed'\n")
	build(t, s)
	if r := get(t, s, "/docs/a/"); r.Code != http.StatusOK || strings.Contains(r.Body, "quire-overlay") {
		t.Errorf("after the fix: status %d", r.Code)
	}
}

// TestAddDeletePages: a page added appears (in navigation too), a page
// deleted disappears, and a new title shows everywhere.
func TestAddDeletePages(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, basicSite)
	s, _ := newServer(t, dir, false)
	writeFile(t, dir, "content/docs/c.md", "---\ntitle: Gamma Page\nweight: 3\n---\nGamma.\n")
	if err := os.Remove(filepath.Join(dir, "content/docs/a.md")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "content/docs/b.md", "---\ntitle: Beta Renamed\nweight: 2\n---\nBeta text.\n")
	build(t, s)
	if r := get(t, s, "/docs/a/"); r.Code != http.StatusNotFound {
		t.Errorf("deleted page: status %d", r.Code)
	}
	if r := get(t, s, "/docs/c/"); r.Code != http.StatusOK {
		t.Errorf("added page: status %d", r.Code)
	}
	docs := get(t, s, "/docs/").Body
	for _, want := range []string{"Gamma Page", "Beta Renamed"} {
		if !strings.Contains(docs, want) {
			t.Errorf("section page lacks %q", want)
		}
	}
	if strings.Contains(docs, "Alpha") {
		t.Error("section page still lists the deleted page")
	}
	if c := get(t, s, "/docs/c/").Body; !strings.Contains(c, "Beta Renamed") {
		t.Error("prev link of the new page lacks the new title")
	}
}

// TestBrokenLinksWarn: a broken internal link or anchor is a warning in
// the overlay and the terminal, whatever [linkcheck] says, and the page
// is served.
func TestBrokenLinksWarn(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, basicSite+"-- content/docs/links.md --\n---\ntitle: Links\n---\nSee [gone](gone.md) and [alpha](a.md#nowhere).\n")
	s, log := newServer(t, dir, false)
	r := get(t, s, "/docs/links/")
	if r.Code != http.StatusOK || !strings.Contains(r.Body, `data-kind="warnings"`) {
		t.Fatalf("GET /docs/links/: status %d, no warnings overlay:\n%s", r.Code, r.Body)
	}
	for _, pos := range []string{"content/docs/links.md:4:5", "content/docs/links.md:4:"} {
		if !strings.Contains(r.Body, "<strong>"+pos) {
			t.Errorf("overlay lacks %s", pos)
		}
		if !strings.Contains(log.String(), pos) {
			t.Errorf("terminal lacks %s:\n%s", pos, log)
		}
	}
	if n := strings.Count(r.Body, `class="quire-warning"`); n != 2 {
		t.Errorf("%d warnings in the overlay, want 2:\n%s", n, r.Body)
	}
}

// TestIncrementalRebuild: after a one-page edit the rebuild renders that
// page's markdown only, and the other pages (whose navigation may have
// changed) are still built anew.
func TestIncrementalRebuild(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, basicSite)
	s, _ := newServer(t, dir, false)
	first, _ := s.cache.Last()
	writeFile(t, dir, "content/docs/a.md", "---\ntitle: Alpha Prime\nweight: 1\n---\nAlpha text, edited.\n")
	build(t, s)
	rendered, reused := s.cache.Last()
	if rendered != 1 || reused != first-1 {
		t.Errorf("after a one-page edit: rendered %d, reused %d; want 1 and %d", rendered, reused, first-1)
	}
	if r := get(t, s, "/docs/b/"); !strings.Contains(r.Body, "Alpha Prime") {
		t.Error("another page's navigation lacks the new title")
	}
}

// TestLayoutAndConfigChanges: a new layout and a new site title reach
// every page on the next rebuild, though no page's markdown changed.
func TestLayoutAndConfigChanges(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, basicSite)
	s, _ := newServer(t, dir, false)
	writeFile(t, dir, "layouts/_default/single.html", "{{ define \"main\" }}<p>Custom layout for {{ .Title }}</p>{{ .Content }}{{ end }}\n")
	writeFile(t, dir, "config.toml", "title = \"Renamed Docs\"\n")
	if res := build(t, s); !res.OK() {
		t.Fatalf("rebuild: %v", res.Errors)
	}
	if rendered, _ := s.cache.Last(); rendered != 0 {
		t.Errorf("rendered %d pages' markdown, want 0", rendered)
	}
	for _, target := range []string{"/docs/a/", "/docs/b/"} {
		body := get(t, s, target).Body
		if !strings.Contains(body, "Custom layout for") || !strings.Contains(body, "Renamed Docs") {
			t.Errorf("GET %s lacks the new layout or title:\n%s", target, body)
		}
	}
	if body := get(t, s, "/").Body; !strings.Contains(body, "Renamed Docs") {
		t.Error("home page lacks the new title")
	}
}

// TestQuickRebuild: when the watcher reports an edit of a page's text
// alone, the rebuild is a quick one (site.Options.Changed) and serves the
// new text; an edit of its front matter is a full rebuild that reaches
// the other pages' navigation. The test hands the rebuild the watcher's
// batch itself, so a slow machine splitting a save in two cannot make the
// first rebuild see a half-written page.
func TestQuickRebuild(t *testing.T) {
	t.Parallel()
	s, _ := newServer(t, writeSite(t, basicSite), false)
	rebuild := func(changed ...string) {
		t.Helper()
		if _, err := s.build(context.Background(), changed); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, s.opts.Root, "content/docs/a.md", "---\ntitle: Alpha\nweight: 1\n---\nAlpha text, quickly edited.\n")
	rebuild("content/docs/a.md")
	if !s.cache.Quick() {
		t.Error("an edit of a page's text was not a quick rebuild")
	}
	if body := get(t, s, "/docs/a/").Body; !strings.Contains(body, "quickly edited") {
		t.Errorf("the page lacks its new text:\n%s", body)
	}
	// The search index of a quick rebuild has the new text, in the page's
	// fragment: search-index.json names the page table that names it.
	var m struct{ Tables []string }
	if r := get(t, s, "/search-index.json"); r.Code != http.StatusOK || json.Unmarshal([]byte(r.Body), &m) != nil || len(m.Tables) == 0 {
		t.Fatalf("GET /search-index.json: %d\n%s", r.Code, r.Body)
	}
	var frags []string
	json.Unmarshal([]byte(get(t, s, "/search/p-"+m.Tables[0]+".json").Body), &frags)
	found := false
	for _, f := range frags {
		found = found || strings.Contains(get(t, s, "/search/f-"+f+".json").Body, "quickly edited")
	}
	if !found {
		t.Errorf("no fragment of the search index has the new text (page table %s: %q)", m.Tables[0], frags)
	}
	writeFile(t, s.opts.Root, "content/docs/a.md", "---\ntitle: Alpha Prime\nweight: 1\n---\nAlpha text, quickly edited.\n")
	rebuild("content/docs/a.md")
	if s.cache.Quick() {
		t.Error("an edit of a page's title was a quick rebuild")
	}
	if body := get(t, s, "/docs/b/").Body; !strings.Contains(body, "Alpha Prime") {
		t.Error("another page's navigation lacks the new title")
	}
}
