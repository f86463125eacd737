package layout

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"maps"
	"net/url"
	"strings"

	"github.com/quire-docs/quire/internal/budget"
	"github.com/quire-docs/quire/internal/funcs"
	"github.com/quire-docs/quire/internal/i18n"
)

// maxPartialDepth bounds how deep partials may nest: a partial that calls
// itself forever must fail with an error, not exhaust the stack and crash
// the build. A nav tree needs one level per section depth.
const maxPartialDepth = 100

// depth counts the partials being executed in one template set, and holds
// the budget and the site of the page being rendered with it (nil outside
// a render). A set is used by one goroutine at a time (see
// Templates.acquire), so plain fields are enough.
type depth struct {
	n      int
	budget *budget.Budget
	site   *Site
	md     Markdownify // Templates.SetMarkdownify's; nil: markdownify fails
	// english is the translator of a site that has none (Templates'
	// theme English, made once); nil: made at each call.
	english func() *i18n.Translator
}

// funcMap returns the template funcs. set is the template set partials are
// looked up in (nil only when parsing for syntax checks) and d counts its
// nesting; o binds Hugo's functions (o.BaseURL is the site's, for relURL
// and absURL); files name templates in diagnostics. Every func is
// deterministic.
func funcMap(set *template.Template, d *depth, o funcs.Options, files map[string]file) template.FuncMap {
	baseURL := o.BaseURL
	if o.Data == nil {
		o.Data = func() map[string]any { // hugo.Data is .Site.Data
			if s := siteOf(d); s != nil {
				return s.Data
			}
			return nil
		}
	}
	fm := funcs.New(o) // Hugo's functions; quire's own below win
	maps.Copy(fm, resourceFuncs(d))
	maps.Copy(fm, TranslateFuncs(d.translator))
	maps.Copy(fm, template.FuncMap{
		"highlight": highlightFunc,
		"partial":   func(name string, ctx ...any) (template.HTML, error) { return partial(set, d, files, name, ctx...) },
		// partialCached is partial, run every time: output must not depend
		// on which page happened to render a partial first.
		"partialCached": func(name string, ctx any, variants ...any) (template.HTML, error) {
			return partial(set, d, files, name, ctx)
		},
		"markdownify": func(v any) (template.HTML, error) { return markdownify(d, v) },
		"safeHTML":    safeHTML,
		"relURL":      func(in any) string { return relURL(baseURL, toString(in)) },
		"absURL":      func(in any) string { return absURL(baseURL, toString(in)) },
		"dict":        dict,
		"default":     defaultFunc,
		"site":        func() *Site { return siteOf(d) }, // Hugo's site: .Site wherever "." is
		// text/template's own, counted against the page's bytes: a
		// string doubled in a loop, {{ $x = printf "%s%s" $x $x }},
		// would otherwise grow without a write.
		"print":   func(a ...any) (string, error) { return made(d, fmt.Sprint(a...)) },
		"printf":  func(f string, a ...any) (string, error) { return made(d, fmt.Sprintf(f, a...)) },
		"println": func(a ...any) (string, error) { return made(d, fmt.Sprintln(a...)) },
	})
	return fm
}

// siteOf returns the site of the page d's set is rendering; nil outside a
// render.
func siteOf(d *depth) *Site {
	if d == nil {
		return nil
	}
	return d.site
}

// made returns s once counted against the budget of the page being
// rendered, if any.
func made(d *depth, s string) (string, error) {
	if d != nil && d.budget != nil {
		if err := d.budget.Made(len(s)); err != nil {
			return "", err
		}
	}
	return s, nil
}

// FuncsWith returns the template funcs that do not need a template set
// (all but partial, partialCached and markdownify, which the caller binds;
// site gives nil), with Hugo's functions bound to o, for templates outside
// the layouts such as shortcodes.
func FuncsWith(o funcs.Options) template.FuncMap {
	fm := funcMap(nil, nil, o, nil)
	maps.Copy(fm, TranslateFuncs(SiteTranslator(func() *Site { return nil })))
	for _, name := range []string{"partial", "partialCached", "markdownify", "print", "printf", "println"} {
		delete(fm, name) // text/template's own print funcs are the same without a budget
	}
	return fm
}

// partial executes partials/NAME (Hugo's spelling: "head.html"; "head" and
// "partials/head.html" also work) with the optional context.
func partial(set *template.Template, d *depth, files map[string]file, name string, ctx ...any) (template.HTML, error) {
	if set == nil || d == nil {
		return "", errors.New("partial: no template set")
	}
	if len(ctx) > 1 {
		return "", fmt.Errorf("partial %q: want at most one context argument, got %d", name, len(ctx))
	}
	var data any
	if len(ctx) == 1 {
		data = ctx[0]
	}
	full := strings.TrimPrefix(name, "partials/")
	if !strings.Contains(full, ".") {
		full += ".html"
	}
	full = "partials/" + full
	tmpl := set.Lookup(full)
	if tmpl == nil {
		rel := strings.TrimPrefix(full, "partials/")
		return "", fmt.Errorf("partial %q not found (looked for layouts/_partials/%s and layouts/partials/%s)", name, rel, rel)
	}
	if d.n >= maxPartialDepth {
		return "", fmt.Errorf("partial %q: partials nested too deep (more than %d levels: does it call itself without end?)", name, maxPartialDepth)
	}
	d.n++
	defer func() { d.n-- }()
	var buf bytes.Buffer
	run := func(w io.Writer) error { return tmpl.Execute(w, data) }
	var err error
	if d.budget != nil {
		err = d.budget.Exec(displayOf(files, full), &buf, run)
	} else {
		err = run(&buf)
	}
	if err != nil {
		return "", toDiag(err, files, full)
	}
	return template.HTML(buf.String()), nil
}

// markdownify renders v as markdown with the site's renderer.
func markdownify(d *depth, v any) (template.HTML, error) {
	if d == nil || d.md == nil {
		return "", errors.New("markdownify: no markdown renderer here")
	}
	h, err := d.md(toString(v))
	if err != nil {
		return "", fmt.Errorf("markdownify: %w", err)
	}
	_, err = made(d, string(h))
	return h, err
}

// safeHTML marks s as trusted HTML, not to be escaped.
func safeHTML(s any) template.HTML { return template.HTML(toString(s)) }

// relURL returns in as a URL path under the base URL's path, as Hugo does:
// "css/a.css" → "/docs/css/a.css" for base "https://e.com/docs/". Absolute
// URLs and server-root paths ("/x") are returned unchanged.
func relURL(baseURL, in string) string {
	if funcs.IsAbsURL(in) || strings.HasPrefix(in, "/") {
		return in
	}
	return funcs.BasePath(baseURL) + in
}

// absURL returns in as an absolute URL: "css/a.css" → baseURL + "css/a.css";
// "/x" → scheme://host/x; absolute URLs unchanged.
func absURL(baseURL, in string) string {
	if funcs.IsAbsURL(in) {
		return in
	}
	u, err := url.Parse(baseURL)
	if err != nil || u.Host == "" {
		return relURL(baseURL, in)
	}
	if strings.HasPrefix(in, "/") {
		return u.Scheme + "://" + u.Host + in
	}
	return u.Scheme + "://" + u.Host + funcs.BasePath(baseURL) + in
}

// dict builds a map from key/value pairs: dict "a" 1 "b" 2.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict: want key/value pairs, got %d arguments", len(kv))
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %d is %T, want string", i/2+1, kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// defaultFunc returns given if it is set (true in the template sense:
// non-zero, non-empty), else def: {{ default "Untitled" .Title }}.
func defaultFunc(def any, given ...any) any {
	if len(given) == 0 || given[0] == nil {
		return def
	}
	if truth, ok := template.IsTrue(given[0]); ok && truth {
		return given[0]
	}
	return def
}

// toString converts a template argument to a string.
func toString(v any) string {
	switch s := v.(type) {
	case nil:
		return ""
	case string:
		return s
	case template.HTML:
		return string(s)
	case template.URL:
		return string(s)
	case fmt.Stringer:
		return s.String()
	}
	return fmt.Sprint(v)
}
