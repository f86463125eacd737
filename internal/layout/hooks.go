package layout

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/quire-docs/quire/internal/budget"
)

// Render hooks are Hugo's layouts/_markup/render-NAME.html (current Hugo)
// or layouts/_default/_markup/render-NAME.html templates, and
// layouts/TYPE/_markup/ or layouts/SECTION/_markup/ ones for the pages of
// one type or section: NAME is "link", "image", "heading", "blockquote",
// "codeblock", "codeblock-LANG" or "table". The markdown stage runs them
// (through internal/render) in place of its own rendering of those
// elements. They are shared files, parsed into every set, so they call
// partials and see every function a layout does.

// hookDir is where the hook templates for every page are, by template
// name; canonical maps "_markup/" there.
const hookDir = "_default/_markup/"

// isHook reports whether the template named n is a render hook.
func isHook(n string) bool {
	dir, rest, ok := strings.Cut(n, "/")
	return ok && (dir == "_default" || layoutDir(dir)) && strings.HasPrefix(rest, "_markup/render-")
}

// HookFile returns the template of the render hook name for a page of
// type typ in section section, the first that exists of
//
//	TYPE/_markup/render-NAME.html, SECTION/_markup/render-NAME.html, _default/_markup/render-NAME.html
//
// or "" when there is none.
func (t *Templates) HookFile(typ, section, name string) string {
	base := "/_markup/render-" + name + ".html"
	for _, dir := range []string{typ, section} {
		if layoutDir(dir) {
			if _, ok := t.files[dir+base]; ok {
				return dir + base
			}
		}
	}
	if _, ok := t.files["_default"+base]; ok {
		return "_default" + base
	}
	return ""
}

// Hook executes the render hook template file (from HookFile) with ctx as its ".", as
// Partial executes a partial: site is what its site function returns and
// what it writes is counted against b (nil: no bound). Errors are
// *diag.Diagnostic naming the hook's file and line, or the *budget.Error
// of a limit reached. Hook is safe for concurrent use.
func (t *Templates) Hook(b *budget.Budget, site *Site, full string, ctx any) (template.HTML, error) {
	if _, ok := t.files[full]; !ok || !isHook(full) {
		return "", fmt.Errorf("render hook template %q not found", full)
	}
	baseURL := ""
	if site != nil {
		baseURL = site.BaseURL
	}
	s := t.acquire(baseURL)
	set, err := t.set(s, singleName) // every set holds every hook
	if err != nil {
		t.release(baseURL, s)
		return "", err
	}
	tmpl := set.Lookup(full)
	s.depth.budget, s.depth.site = b, site
	var buf bytes.Buffer
	run := func(w io.Writer) error { return tmpl.Execute(w, ctx) }
	if b != nil {
		err = b.Exec(displayOf(t.files, full), &buf, run)
		if be := b.Err(); be != nil && be.Timeout() {
			return "", be // s may still be in use by the abandoned execution: not released
		}
	} else {
		err = run(&buf)
	}
	s.depth.budget, s.depth.site = nil, nil
	t.release(baseURL, s)
	if err != nil {
		return "", toDiag(err, t.files, full)
	}
	return template.HTML(buf.String()), nil
}

// hookInfo is what Templates reports of its render hooks, worked out
// once by New.
type hookInfo struct {
	any, readPages bool
	fp             [sha256.Size]byte
}

func hookInfoOf(files map[string]file) hookInfo {
	var info hookInfo
	h := sha256.New()
	for _, n := range names(files) {
		if !isHook(n) {
			continue
		}
		f := files[n]
		info.any = true
		info.readPages = info.readPages || strings.Contains(f.text, "Page") || strings.Contains(f.text, "partial")
		fmt.Fprintf(h, "%d:%s%d:%s", len(n), n, len(f.text), f.text)
	}
	h.Sum(info.fp[:0])
	return info
}

// HooksFingerprint identifies the render hook templates: a page body
// rendered with hooks of one fingerprint renders the same with another
// set of the same.
func (t *Templates) HooksFingerprint() [sha256.Size]byte { return t.hooks.fp }

// HasHooks reports whether the site has any render hook template.
func (t *Templates) HasHooks() bool { return t.hooks.any }

// HooksReadPages reports whether a render hook template may read a page
// (.Page, or a partial it calls with it): then its output depends on more
// than the markdown it renders and the hook templates.
func (t *Templates) HooksReadPages() bool { return t.hooks.readPages }
