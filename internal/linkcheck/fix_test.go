package linkcheck

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// redirectServer serves on 127.0.0.1: /ok 200; /p301 301 → /ok; /chain
// 308 → /p301; /temp 302 → /ok; /mixed 301 → /temp; /dead 301 → /gone
// (404).
func redirectServer(t *testing.T) string {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(http.ResponseWriter, *http.Request) {})
	to := func(code int, where string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, where, code) }
	}
	mux.Handle("/p301", to(http.StatusMovedPermanently, "/ok"))
	mux.Handle("/chain", to(http.StatusPermanentRedirect, "/p301"))
	mux.Handle("/temp", to(http.StatusFound, "/ok"))
	mux.Handle("/mixed", to(http.StatusMovedPermanently, "/temp"))
	mux.Handle("/dead", to(http.StatusMovedPermanently, "/gone"))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL
}

// cite is a place of a link in a test file: the nth (from 0) occurrence
// of mark, whose first byte is where the link starts.
type cite struct {
	file, mark string
	nth        int
	dest       string // the destination as markdown reads it
	markdown   bool
}

// placeOf returns the line and character column of the nth mark in a
// file's bytes, counted as quire counts them (a BOM and CRs not counted).
func placeOf(t *testing.T, data []byte, mark string, nth int) (int, int) {
	t.Helper()
	off := -1
	for i := 0; i <= nth; i++ {
		j := bytes.Index(data[off+1:], []byte(mark))
		if j < 0 {
			t.Fatalf("mark %q #%d not in the file", mark, nth)
		}
		off += 1 + j
	}
	before := bytes.TrimPrefix(data[:off], utf8BOM)
	line := 1 + bytes.Count(before, []byte("\n"))
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return line, 1 + utf8.RuneCount(before[lineStart:])
}

// checked checks every URL against the server and gives each its places.
func checked(t *testing.T, fsys fstest.MapFS, cites map[string][]cite) ([]Result, func(Source) bool) {
	t.Helper()
	var rs []Result
	md := map[Source]bool{}
	for u, cs := range cites {
		r := Result{URL: u, Kind: External}
		for _, c := range cs {
			s := Source{File: c.file, Text: c.dest}
			if f, ok := fsys[c.file]; ok {
				s.Line, s.Column = placeOf(t, f.Data, c.mark, c.nth)
			} else if c.mark != "" {
				s.Line, s.Column = 3, 5
			}
			r.Sources = append(r.Sources, s)
			if c.markdown {
				md[s] = true
			}
		}
		rs = append(rs, r)
	}
	NewChecker(ExternalOptions{AfterFunc: neverFires}).Check(context.Background(), rs)
	return rs, func(s Source) bool { return md[s] }
}

func TestFixRewritesPermanentRedirects(t *testing.T) {
	t.Parallel()
	s := redirectServer(t)
	x := func(text string) string { return strings.ReplaceAll(text, "$S", s) }
	page := x(`---
title: "A [x](not a link)"
---
Inline [a]($S/p301 "a title") and image ![i]($S/chain 'i').
Angle [b](<$S/p301>) and autolink <$S/p301>.
A bare URL: $S/p301 here, www.p301.example/a/.
Ref [c][r], [r] and [R][].
Temp [t]($S/temp), mixed [m]($S/mixed), dead [d]($S/dead).
Fragment [f]($S/p301#sec).
Entity [e]($S/p301?a=1&amp;b=2), escape [g]($S/p301?q=\().
Made {{< link >}} by a shortcode.

` + "```" + `
[r]: $S/p301 in code is not a definition
` + "```" + `

[r]: $S/p301 "ref title"
[r]: $S/chain "a second definition is not used"
`)
	want := x(`---
title: "A [x](not a link)"
---
Inline [a]($S/ok "a title") and image ![i]($S/ok 'i').
Angle [b](<$S/ok>) and autolink <$S/ok>.
A bare URL: $S/ok here, $S/ok.
Ref [c][r], [r] and [R][].
Temp [t]($S/temp), mixed [m]($S/mixed), dead [d]($S/dead).
Fragment [f]($S/ok#sec).
Entity [e]($S/p301?a=1&amp;b=2), escape [g]($S/p301?q=\().
Made {{< link >}} by a shortcode.

` + "```" + `
[r]: $S/p301 in code is not a definition
` + "```" + `

[r]: $S/ok "ref title"
[r]: $S/chain "a second definition is not used"
`)
	// A CRLF file with a BOM, front matter and a multi-byte character
	// before the link on its line.
	crlf := strings.ReplaceAll(x("\ufeff---\ntitle: B\n---\nCafé ☕ [a]($S/p301) and <$S/chain>\n"), "\n", "\r\n")
	crlfWant := strings.ReplaceAll(x("\ufeff---\ntitle: B\n---\nCafé ☕ [a]($S/ok) and <$S/ok>\n"), "\n", "\r\n")
	fsys := fstest.MapFS{
		"content/a.md": {Data: []byte(page)},
		"content/b.md": {Data: []byte(crlf)},
	}
	md := func(mark string, nth int, dest string) cite {
		return cite{file: "content/a.md", mark: mark, nth: nth, dest: dest, markdown: true}
	}
	rs, markdown := checked(t, fsys, map[string][]cite{
		s + "/p301": {
			md("[a]", 0, s+"/p301"), md("[b]", 0, s+"/p301"), md("<"+s, 1, s+"/p301"),
			md(s+"/p301 here", 0, s+"/p301"),
			md("[c]", 0, s+"/p301"), md("[r]", 0, s+"/p301"), md("[R]", 0, s+"/p301"),
			{file: "content/b.md", mark: "[a]", dest: s + "/p301", markdown: true},
			{file: "layouts/_default/single.html", mark: "x", dest: s + "/p301"},
			{file: "content/a.md", mark: "/p301 in code", dest: s + "/p301"}, // found as text
		},
		s + "/chain":                 {md("![i]", 0, s+"/chain"), {file: "content/b.md", mark: "<", dest: s + "/chain", markdown: true}},
		s + "/p301#sec":              {md("[f]", 0, s+"/p301#sec")},
		s + "/temp":                  {md("[t]", 0, s+"/temp")},
		s + "/mixed":                 {md("[m]", 0, s+"/mixed")},
		s + "/dead":                  {md("[d]", 0, s+"/dead")},
		s + "/p301?a=1&b=2":          {md("[e]", 0, s+"/p301?a=1&amp;b=2")},
		s + "/p301?q=(":              {md("[g]", 0, s+`/p301?q=\(`)},
		"http://www.p301.example/a/": {md("www.", 0, "http://www.p301.example/a/")},
		s + "/hooked":                {md("[t]", 0, s+"/p301")}, // a render hook wrote another URL
		s + "/p301?made=by":          {md("{{<", 0, s+"/p301?made=by")},
	})
	for _, r := range rs {
		want := map[string]string{"/chain": "[308 301] " + s + "/ok", "/mixed": "[301 302] ", "/temp": "[302] ", "/dead": "[301] "}[strings.TrimPrefix(r.URL, s)]
		if got := fmt.Sprintf("%v %s", r.Redirects, r.MovedTo); want != "" && got != want {
			t.Errorf("%s: redirects and final URL %q, want %q", r.URL, got, want)
		}
	}
	// Results not checked here (no request leaves 127.0.0.1): a www. URL,
	// to which linkify adds http://, and a URL a render hook wrote for
	// a destination.
	for _, r := range []struct{ url, mark, dest string }{
		{"http://www.p301.example/a/", "www.", "http://www.p301.example/a/"},
		{s + "/hooked", "[t]", s + "/p301"},
	} {
		src := Source{File: "content/a.md", Text: r.dest}
		src.Line, src.Column = placeOf(t, fsys["content/a.md"].Data, r.mark, 0)
		rs = append(rs, Result{URL: r.url, Kind: External, Outcome: Warning, MovedTo: s + "/ok", Sources: []Source{src}})
		old := markdown
		markdown = func(x Source) bool { return x == src || old(x) }
	}
	plan := planFix(fsys, rs, markdown, func(f string) bool { return f != "layouts/_default/single.html" })
	if len(plan.Files) != 2 {
		t.Fatalf("PlanFix rewrites %d files, want 2; notes: %v", len(plan.Files), plan.Notes)
	}
	if got := string(plan.Files[0].New); got != want {
		t.Errorf("content/a.md after the fix:\n%s\nwant:\n%s\ndiff:\n%s", got, want, UnifiedDiff("a.md", []byte(want), []byte(got)))
	}
	if got := string(plan.Files[1].New); got != crlfWant {
		t.Errorf("content/b.md after the fix:\n%q\nwant:\n%q", got, crlfWant)
	}
	var nb strings.Builder
	for _, d := range plan.Notes {
		nb.WriteString(d.String() + "\n")
	}
	notes := nb.String()
	for _, n := range []string{
		`content/a.md:10:8: warning: --fix left "` + s + `/p301?a=1&amp;b=2" alone: its destination has an entity reference (hint: rewrite it by hand to "` + s + `/ok")`,
		`content/a.md:10:` + "",
		`its destination has an escaped character`,
		`content/a.md:11:6: warning: --fix left "` + s + `/p301?made=by" alone: the link is made by a shortcode`,
		`layouts/_default/single.html:3:5: warning: --fix left "` + s + `/p301" alone: the link is made by a template; change it there`,
		`content/a.md:14:28: warning: --fix left "` + s + `/p301" alone: the link is in raw HTML or a shortcode's arguments`,
		`content/a.md:8:6: warning: --fix left "` + s + `/p301" alone: the URL checked is not its destination (a render hook made it)`,
	} {
		if !strings.Contains(notes, n) {
			t.Errorf("notes lack %q:\n%s", n, notes)
		}
	}
	for _, u := range []string{"/temp", "/mixed", "/dead"} {
		if strings.Contains(notes, s+u+`"`) {
			t.Errorf("a note for %s, which did not move for good:\n%s", u, notes)
		}
	}
}

func TestFixWritesWholeFileAtomically(t *testing.T) {
	t.Parallel()
	s := redirectServer(t)
	dir := t.TempDir()
	name := filepath.Join(dir, "content", "a.md")
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	before := "Café [a](" + s + "/chain \"t\")\r\nnext line\r\n"
	if err := os.WriteFile(name, []byte(before), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(name, 0o640); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	rs := []Result{{URL: s + "/chain", Kind: External, Sources: []Source{{File: "content/a.md", Line: 1, Column: 6, Text: s + "/chain"}}}}
	NewChecker(ExternalOptions{AfterFunc: neverFires}).Check(context.Background(), rs)
	plan := planFix(root.FS(), rs, func(Source) bool { return true }, func(string) bool { return true })
	if len(plan.Files) != 1 || len(plan.Notes) != 0 {
		t.Fatalf("plan: %d files, notes %v", len(plan.Files), plan.Notes)
	}
	if err := plan.Files[0].Write(root); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Café [a](" + s + "/ok \"t\")\r\nnext line\r\n"; string(got) != want {
		t.Errorf("file after the fix: %q, want %q", got, want)
	}
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o640 {
		t.Errorf("mode after the fix %v, want 0640", fi.Mode().Perm())
	}
	entries, _ := os.ReadDir(filepath.Dir(name))
	if len(entries) != 1 {
		t.Errorf("the directory holds %d entries, want the file alone (no temporary file left)", len(entries))
	}
	// Writing again: the file is no longer what was read.
	if err := plan.Files[0].Write(root); err == nil || !strings.Contains(err.Error(), "changed since it was checked") {
		t.Errorf("second Write: %v, want an error saying the file changed", err)
	}
}
