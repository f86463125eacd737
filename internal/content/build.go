package content

import (
	"maps"
	"slices"
	"strings"

	"github.com/quire-docs/quire/internal/diag"
)

// Build is a page's build options, Hugo's `build` (or `_build`) front
// matter table: whether the page is written out, and which page lists it
// is in. The zero value is Hugo's default: rendered, listed everywhere,
// its bundle's files published.
type Build struct {
	Render Render
	List   List
	// NoResources is publishResources: false. quire has no template
	// call that publishes one resource on demand, so the files of the
	// page's bundle are not copied at all.
	NoResources bool
}

// Render says whether a page is written out (Hugo's build.render).
type Render int

const (
	RenderAlways Render = iota // written to its output file
	RenderLink                 // not written, but it has its URL: links to it stand (the URL is served by other means)
	RenderNever                // not written and without a URL: it is in no list, only found by ref and GetPage
)

// List says which page lists a page is in (Hugo's build.list).
type List int

const (
	ListAlways List = iota // every list: its section's pages, Prev/Next, the sitemap, the search index
	ListLocal              // its section's pages only, not the site-wide lists
	ListNever              // no list
)

var (
	renderNames = []string{"always", "link", "never"}
	listNames   = []string{"always", "local", "never"}
)

// buildHint shows how build options are written.
const buildHint = "write build: {render: always|link|never, list: always|local|never, publishResources: true|false}"

// Writes reports whether the page is written to its output file.
func (p *Page) Writes() bool { return p.Build.Render == RenderAlways }

// HasURL reports whether the page has a URL: links to it stand, though
// only a page that Writes has a file there.
func (p *Page) HasURL() bool { return p.Build.Render != RenderNever }

// InSection reports whether the page is in its section's list of pages
// (Hugo's .Pages), which the navigation shows.
func (p *Page) InSection() bool {
	return p.Build.Render != RenderNever && p.Build.List != ListNever
}

// InSiteLists reports whether the page is in the site-wide lists: the
// reading order's Prev and Next (Hugo's .Site.Pages) and, when it Writes,
// the sitemap and the search index.
func (p *Page) InSiteLists() bool {
	return p.Build.Render != RenderNever && p.Build.List == ListAlways
}

// Indexed reports whether the page belongs in the sitemap and the search
// index: it is written and listed site-wide.
func (p *Page) Indexed() bool { return p.Writes() && p.InSiteLists() }

// Written counts the pages that are written out (Writes).
func (s *Site) Written() int {
	n := 0
	for _, p := range s.Pages {
		if p.Writes() {
			n++
		}
	}
	return n
}

// LinkOnly lists the output paths of the pages with build.render link:
// not written here, but served by other means, so links to them stand.
func (s *Site) LinkOnly() []string {
	var out []string
	for _, p := range s.Pages {
		if p.Build.Render == RenderLink {
			out = append(out, p.OutPath)
		}
	}
	return out
}

// buildValue reads a build table: render and list as Hugo names them (or
// true and false, Hugo's older booleans: true is always, false never),
// publishResources a boolean. Other keys are errors.
func buildValue(f field, bad func(string, ...any) *diag.Diagnostic) (Build, *diag.Diagnostic) {
	var b Build
	m, ok := f.Value.(map[string]any)
	if !ok {
		if f.Value == nil {
			return b, nil
		}
		return b, bad("build must be a map, got %s", describe(f.Value)).WithHint("%s", buildHint)
	}
	for _, k := range slices.Sorted(maps.Keys(m)) { // the same problem first on every run
		v := m[k]
		switch strings.ToLower(k) {
		case "render":
			n, ok := buildMode(v, renderNames)
			if !ok {
				return Build{}, bad("build render must be always, link or never, got %s", describe(v)).WithHint("%s", buildHint)
			}
			b.Render = Render(n)
		case "list":
			n, ok := buildMode(v, listNames)
			if !ok {
				return Build{}, bad("build list must be always, local or never, got %s", describe(v)).WithHint("%s", buildHint)
			}
			b.List = List(n)
		case "publishresources":
			keep, ok := boolValue(v)
			if !ok {
				return Build{}, bad("build publishResources must be true or false, got %s", describe(v)).WithHint("%s", buildHint)
			}
			b.NoResources = !keep && v != nil
		default:
			return Build{}, bad("unknown build option %s", quote(k)).WithHint("%s", buildHint)
		}
	}
	return b, nil
}

// headless applies Hugo's older headless: true on a leaf bundle's index
// page (file), which is build render never and list never, unless the
// page's front matter sets build itself (setsBuild).
func (p *Page) headless(file string, setsBuild bool) {
	if setsBuild || !isBundleIndex(file) {
		return
	}
	if h, ok := boolValue(p.Params["headless"]); ok && h {
		p.Build = Build{Render: RenderNever, List: ListNever}
	}
}

// buildMode is the index in names of v, a name in any case, or true (0,
// always) or false (the last, never); null is 0.
func buildMode(v any, names []string) (int, bool) {
	switch x := v.(type) {
	case nil:
		return 0, true
	case bool:
		if x {
			return 0, true
		}
		return len(names) - 1, true
	case string:
		s := strings.ToLower(strings.TrimSpace(x))
		switch s {
		case "true":
			return 0, true
		case "false":
			return len(names) - 1, true
		}
		if i := slices.Index(names, s); i >= 0 {
			return i, true
		}
	}
	return 0, false
}

// linkOrder relinks Prev and Next along pages (the reading order) through
// the pages in the site-wide lists only; the others have neither.
func linkOrder(pages []*Page) {
	var last *Page
	for _, p := range pages {
		p.Prev, p.Next = nil, nil
		if !p.InSiteLists() {
			continue
		}
		if last != nil {
			last.Next, p.Prev = p, last
		}
		last = p
	}
}
