package layout

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"sort"
	"strings"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/funcs"
	"github.com/quire-docs/quire/internal/sitefs"
)

// The template names the renderer looks up, as relative paths inside a
// layouts directory.
const (
	baseofName   = "_default/baseof.html"
	singleName   = "_default/single.html"
	listName     = "_default/list.html"
	notFoundName = "404.html"
)

// file is one template source.
type file struct {
	text     string
	display  string // diagnostics' File: "theme/layouts/_default/single.html" or "layouts/..."
	embedded bool   // from the embedded theme, not overridden
}

// sets holds the parsed template sets of one goroutine, one per main
// template file, built on first use (see set). Each has baseof, every
// shared file (partials and any other file that is not a main template)
// and its main file, with funcs bound to one base URL. A sets value is used
// by one goroutine at a time (see Templates.acquire): neither the map nor
// the partial depth counter is shared.
type sets struct {
	baseURL string
	byMain  map[string]*template.Template // main file name → its set
	depth   *depth
}

// loadFiles reads the embedded theme's layouts, then overrides over them.
func loadFiles(overrides fs.FS, name string) (map[string]file, error) {
	files := map[string]file{}
	embedded, err := fs.Sub(theme, "theme/layouts")
	if err != nil {
		return nil, err
	}
	if err := readTree(files, embedded, "theme/layouts", true); err != nil {
		return nil, err
	}
	if overrides != nil {
		if name == "" {
			name = "layouts"
		}
		if err := readTree(files, overrides, strings.TrimSuffix(name, "/"), false); err != nil {
			return nil, err
		}
	}
	return files, nil
}

// readTree adds every regular file of fsys, skipping names starting with
// ".". embedded says fsys is the embedded theme.
func readTree(files map[string]file, fsys fs.FS, prefix string, embedded bool) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("%s/%s: %w", prefix, p, err)
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if (p == "shortcodes" || d.Name() == "_shortcodes") && !embedded {
				// Shortcode templates are internal/shortcode's: they
				// have funcs of their own and are not part of page sets.
				// SECTION/_shortcodes are a section's own (Hugo's).
				return fs.SkipDir
			}
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		var oe *sitefs.OutsideError
		if errors.As(err, &oe) {
			return diag.Errorf(prefix+"/"+p, 0, 0, "%v", oe).WithHint("%s", sitefs.Hint)
		}
		if err != nil {
			return fmt.Errorf("%s/%s: %w", prefix, p, err)
		}
		key, current := canonical(p)
		if f, ok := files[key]; ok && !f.embedded && !embedded && !current {
			return nil // layouts/_partials/x wins over layouts/partials/x, as in Hugo
		}
		files[key] = file{text: string(b), display: prefix + "/" + p, embedded: embedded}
		return nil
	})
}

// canonical returns the template name of the file at p inside a layouts
// directory: Hugo's current layout "_partials/x.html" is the template
// "partials/x.html", the name the embedded theme and partial use, so it
// overrides its embedded twin; "_markup/x.html" is "_default/_markup/x.html".
// current reports that p is in current Hugo's layout (a "_partials" or
// "_markup" file), which wins over the older one.
func canonical(p string) (name string, current bool) {
	if rest, ok := strings.CutPrefix(p, "_partials/"); ok {
		return "partials/" + rest, true
	}
	if rest, ok := strings.CutPrefix(p, "_markup/"); ok {
		return hookDir + rest, true // render hooks
	}
	return p, false
}

// names returns the template names in sorted order, for determinism.
func names(files map[string]file) []string {
	out := make([]string, 0, len(files))
	for n := range files {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// checkSyntax parses each file alone so that every file's syntax error is
// reported, not only the first one met while building a set.
func checkSyntax(files map[string]file) error {
	var errs []error
	fm := funcMap(nil, nil, funcs.Options{}, files)
	for _, n := range names(files) {
		if u := funcs.FindUndefined(files[n].text, fm); u != nil { // all of them, not the parser's first
			errs = append(errs, diag.Errorf(displayOf(files, n), u.Line, u.Col, "%s", u.Message()).WithHint("%s", u.Hint()))
			continue
		}
		if _, err := template.New(n).Funcs(fm).Parse(files[n].text); err != nil {
			errs = append(errs, toDiag(err, files, n))
		}
	}
	for _, n := range []string{baseofName, singleName, listName, notFoundName} {
		if _, ok := files[n]; !ok {
			errs = append(errs, fmt.Errorf("layout: template %s is missing", n))
		}
	}
	return errors.Join(errs...)
}

// acquire returns sets bound to baseURL for the caller's exclusive use,
// reusing a released one or starting a new, empty one. Binding per base URL
// (rather than per call) lets html/template escape each template once per
// set; relURL and absURL need the base URL at call time. A build keeps
// about one sets value per goroutine rendering at once.
func (t *Templates) acquire(baseURL string) *sets {
	t.mu.Lock()
	if free := t.free[baseURL]; len(free) > 0 {
		s := free[len(free)-1]
		t.free[baseURL] = free[:len(free)-1]
		t.mu.Unlock()
		return s
	}
	t.mu.Unlock()
	return &sets{baseURL: baseURL, byMain: map[string]*template.Template{}, depth: &depth{md: t.markdownify, english: t.english}}
}

// release returns s, acquired for baseURL, for reuse.
func (t *Templates) release(baseURL string, s *sets) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, ok := t.free[baseURL]; ok || len(t.free) < maxBound {
		t.free[baseURL] = append(t.free[baseURL], s)
	}
}

// set returns the set whose main file is main, parsing it on first use.
func (t *Templates) set(s *sets, main string) (*template.Template, error) {
	if tt, ok := s.byMain[main]; ok {
		return tt, nil
	}
	tt, err := t.buildOne(main, s.baseURL, s.depth)
	if err != nil {
		return nil, err
	}
	s.byMain[main] = tt
	return tt, nil
}

// checkSets parses every main file's set once, so that errors that only
// show when files are combined are reported by New, not by the first page
// that uses the set.
func (t *Templates) checkSets() error {
	var errs []error
	for _, n := range names(t.files) {
		if isMain(n) && n != baseofName {
			if _, err := t.buildOne(n, "", &depth{}); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// buildOne parses baseof, the shared files and main into one set whose
// entry point is baseof. main's {{ define "main" }} fills baseof's block.
func (t *Templates) buildOne(main, baseURL string, d *depth) (*template.Template, error) {
	root := template.New(baseofName)
	root.Funcs(funcMap(root, d, t.funcOptions(baseURL), t.files))
	parse := func(n string) error {
		var tt *template.Template
		if n == baseofName {
			tt = root
		} else {
			tt = root.New(n)
		}
		if _, err := tt.Parse(t.files[n].text); err != nil {
			return toDiag(err, t.files, n)
		}
		return nil
	}
	if err := parse(baseofName); err != nil {
		return nil, err
	}
	for _, n := range names(t.files) {
		if isMain(n) {
			continue
		}
		if err := parse(n); err != nil {
			return nil, err
		}
	}
	if err := parse(main); err != nil {
		return nil, err
	}
	if !definesMain(t.files[main].text) {
		// A main file without {{ define "main" }} is a whole page of its
		// own (as Hugo allows for 404.html), not a filling for baseof.
		return root.Lookup(main), nil
	}
	return root, nil
}

// definesMain reports whether text defines the "main" template.
func definesMain(text string) bool {
	set, err := template.New("probe").Funcs(funcMap(nil, nil, funcs.Options{}, nil)).Parse(text)
	return err == nil && set.Lookup("main") != nil
}
