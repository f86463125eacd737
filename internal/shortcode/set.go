package shortcode

import (
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/quire-docs/quire/internal/budget"
	"github.com/quire-docs/quire/internal/diag"
	qfuncs "github.com/quire-docs/quire/internal/funcs"
)

//go:embed builtin/*.html
var builtinFS embed.FS

// Options configures a Set.
type Options struct {
	// Dir holds the site's shortcode templates (layouts/shortcodes): NAME.html
	// is the shortcode NAME, sub/NAME.html is sub/NAME. nil: none.
	Dir fs.FS
	// DirName names Dir in diagnostics, e.g. "layouts/shortcodes".
	DirName string
	// Funcs are template funcs added to every shortcode template (quire's
	// layout funcs: relURL, absURL, safeHTML, ...).
	Funcs template.FuncMap
	// Markdownify renders markdown for the markdownify template func and
	// for built-ins that render their inner text (details, figure's caption).
	Markdownify func(string) (template.HTML, error)
	// MoreDirs are more shortcode directories, loaded after Dir: a
	// template in a later one replaces one of the same name in an earlier
	// one (Hugo's layouts/_shortcodes over layouts/shortcodes).
	MoreDirs []TemplateDir
	// SectionDirs are the section shortcode directories (SectionDirs
	// finds them): for pages under their section only, over the others.
	SectionDirs []SectionDir
	// InlineShortcodes runs Hugo's inline shortcodes (config's
	// enableInlineShortcodes); off, they are left out with a warning.
	InlineShortcodes bool
	// Partial runs the partials that shortcode templates call with
	// partial and partialCached; nil: those calls fail.
	Partial Partial
	// Limits bound one Expand: the bytes every shortcode of the page
	// writes in all (an inner shortcode's output counts where it is made
	// and again where its parent writes it) and the time they take. The
	// zero value is no bound.
	Limits budget.Limits
	// Theme is the site's Hugo theme setting (config.Config.Theme): where
	// two themes' shortcodes share a name, the built-in that answers is
	// the first named theme's (themeOf). Empty: Hugo's own.
	Theme []string
}

// TemplateDir is a directory of shortcode templates.
type TemplateDir struct {
	FS   fs.FS
	Name string // in diagnostics: "layouts/_shortcodes"
}

// Set is the shortcodes of a site: its templates and the built-ins. It is
// safe for concurrent use.
type Set struct {
	byName      map[string]*entry
	sections    map[string]map[string]*entry // section → its own shortcodes, see lookup
	inline      bool                         // Options.InlineShortcodes
	funcs       template.FuncMap             // for inline shortcodes' templates
	markdownify func(string) (template.HTML, error)
	partial     Partial
	limits      budget.Limits
	// readFile reads a file under the site root: Options.Funcs' readFile,
	// nil when there is none.
	readFile func(name any) (string, error)
}

// entry is one shortcode: a template or a Go built-in.
type entry struct {
	tmpl  *tmpl  // nil for a shortcode built into Go
	file  string // diagnostics' name of the template file
	inner bool   // uses .Inner, so it must be closed
	// block: its output is markdown with .Inner in it (HTML around the
	// page's own markdown), so shortcodes inside it expand as in the
	// page, into placeholders, in either form.
	block bool
	html  bool // writes HTML in both forms (built-in templates)
	run   func(x *expander, c *Call) (string, outKind, error)
}

// New parses the site's templates over the built-ins. Every template's
// syntax error is returned, each a *diag.Diagnostic.
func New(opts Options) (*Set, error) {
	s := &Set{byName: map[string]*entry{}, markdownify: opts.Markdownify, partial: opts.Partial, limits: opts.Limits}
	if s.markdownify == nil {
		s.markdownify = func(md string) (template.HTML, error) { return template.HTML(template.HTMLEscapeString(md)), nil }
	}
	funcs := template.FuncMap{
		"markdownify": func(v any) (template.HTML, error) {
			h, err := s.markdownify(toString(v))
			return inlineHTML(h), err
		},
	}
	for k, v := range opts.Funcs {
		funcs[k] = v
	}
	s.readFile, _ = opts.Funcs["readFile"].(func(any) (string, error))
	// Each parsed instance binds its own (see tmpl.parse); these stand in
	// for the checks.
	funcs["partial"] = func(string, ...any) (template.HTML, error) { return "", errNoPartials }
	funcs["partialCached"] = func(string, any, ...any) (template.HTML, error) { return "", errNoPartials }
	s.inline, s.funcs = opts.InlineShortcodes, funcs
	for name, b := range goBuiltins(themeOf(opts.Theme)) {
		s.byName[name] = b
	}
	var errs []error
	sub, _ := fs.Sub(builtinFS, "builtin")
	s.load(sub, "built-in", funcs, &errs)
	for name := range builtinHTML {
		s.byName[name].html = true
	}
	if opts.Dir != nil {
		name := opts.DirName
		if name == "" {
			name = "layouts/shortcodes"
		}
		s.load(opts.Dir, name, funcs, &errs)
	}
	for _, d := range opts.MoreDirs {
		if d.FS != nil {
			s.load(d.FS, d.Name, funcs, &errs)
		}
	}
	for _, d := range opts.SectionDirs {
		if d.Dir.FS == nil {
			continue
		}
		if s.sections == nil {
			s.sections = map[string]map[string]*entry{}
		}
		if s.sections[d.Section] == nil {
			s.sections[d.Section] = map[string]*entry{}
		}
		s.loadInto(s.sections[d.Section], d.Dir.FS, d.Dir.Name, funcs, &errs)
	}
	return s, errors.Join(errs...)
}

var errNoPartials = errors.New("partial: no partials here")

func errPartialArgs(name string, n int) error {
	return fmt.Errorf("partial %q: want at most one context argument, got %d", name, n)
}

// load parses every .html and .md file of fsys as a shortcode, replacing
// one of the same name. A .md template is a text template (its output is
// markdown, not HTML to escape for) whose output goes into the page's
// markdown in both forms, {{% %}} and {{< >}}.
func (s *Set) load(fsys fs.FS, dir string, funcs template.FuncMap, errs *[]error) {
	s.loadInto(s.byName, fsys, dir, funcs, errs)
}

// loadInto is load into the shortcodes by name of one scope.
func (s *Set) loadInto(byName map[string]*entry, fsys fs.FS, dir string, funcs template.FuncMap, errs *[]error) {
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			*errs = append(*errs, diag.Errorf(dir+"/"+p, 0, 0, "cannot read: %v", err))
			return nil
		}
		ext := path.Ext(p)
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") || ext != ".html" && ext != ".md" {
			return nil
		}
		if _, err := fs.Stat(fsys, strings.TrimSuffix(p, ext)+".html"); ext == ".md" && err == nil {
			return nil // NAME.html wins over NAME.md: quire's pages are HTML
		}
		file := dir + "/" + p
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			*errs = append(*errs, diag.Errorf(file, 0, 0, "cannot read: %v", err))
			return nil
		}
		if u := qfuncs.FindUndefined(string(b), funcs); u != nil { // all of them, not the parser's first
			*errs = append(*errs, diag.Errorf(file, u.Line, u.Col, "%s", u.Message()).WithHint("%s", u.Hint()))
			return nil
		}
		text := string(b)
		t := &tmpl{file: file, text: text, md: ext == ".md", funcs: funcs, partial: s.partial}
		in, err := t.parse()
		if err != nil {
			*errs = append(*errs, templateDiag(file, err))
			return nil
		}
		t.put(in)
		e := &entry{tmpl: t, file: file, inner: strings.Contains(text, ".Inner")}
		e.run = func(x *expander, c *Call) (string, outKind, error) {
			var b strings.Builder
			err := t.run(x.budget, &b, c)
			// The newline that ends the template file is not output: it
			// would split the line a shortcode is written on.
			out := strings.TrimSuffix(strings.TrimSuffix(b.String(), "\n"), "\r")
			switch {
			case e.html:
				return out, asHTML, err
			case t.md:
				return out, asText, err
			}
			return out, asWritten, err
		}
		byName[strings.TrimSuffix(p, ext)] = e
		return nil
	})
	if err != nil {
		*errs = append(*errs, diag.Errorf(dir, 0, 0, "cannot read: %v", err))
	}
}

// names returns the shortcode names, sorted, for suggestions.
func (s *Set) names() []string { return slices.Sorted(maps.Keys(s.byName)) }

// templateDiag turns a template parse or execution error into a
// diagnostic at the template's line when the message gives one
// ("template: layouts/shortcodes/x.html:3: ...").
func templateDiag(file string, err error) *diag.Diagnostic {
	msg, line := tidyTemplateErr(file, err)
	return diag.Errorf(file, line, 0, "%s", msg)
}

// tidyTemplateErr drops "template: FILE:LINE:" from a template error and
// returns the rest and the line.
func tidyTemplateErr(file string, err error) (string, int) {
	msg := strings.TrimPrefix(err.Error(), "template: ")
	rest, ok := strings.CutPrefix(msg, file+":")
	if !ok {
		return msg, 0
	}
	num, after, _ := strings.Cut(rest, ":")
	line, err2 := strconv.Atoi(num)
	if err2 != nil {
		return msg, 0
	}
	if col, after2, ok := strings.Cut(after, ":"); ok {
		if _, err := strconv.Atoi(col); err == nil {
			after = after2
		}
	}
	return strings.TrimSpace(after), line
}

// toString formats a template value for markdownify.
func toString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case template.HTML:
		return string(v)
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}
