// Package content reads the content directory into pages: front matter,
// sections, URLs, weight order and draft filtering.
package content

import (
	"time"

	"github.com/quire-docs/quire/internal/gitinfo"
)

// Kind is what a page is.
type Kind int

const (
	KindPage    Kind = iota // a regular page: faq/security.md
	KindSection             // a section's own page: faq/_index.md
	KindHome                // the root section: _index.md (synthesised when absent)
)

// TOCSetting is a page's own table-of-contents setting from front matter
// (`toc: false`, or `toc: {startLevel: 2, endLevel: 4}`).
type TOCSetting struct {
	Disabled   bool
	StartLevel int // 0: inherit
	EndLevel   int // 0: inherit
}

// Page is one content page.
type Page struct {
	File     string // slash path from the site root, for diagnostics: "content/faq/security.md"
	Path     string // slash path within the content dir: "faq/security.md"
	Kind     Kind
	Virtual  bool // a section with no _index.md: synthesised
	BodyLine int  // 1-based line of File where Body starts
	HTML     bool // an HTML content file (.html with front matter): Body is HTML, not markdown

	Title       string
	LinkTitle   string // defaults to Title
	Description string
	Weight      int // 0: unset
	Draft       bool
	Date        time.Time
	Lastmod     time.Time       // the last commit's author date with Options.Git, else front matter's lastmod
	GitInfo     *gitinfo.Commit // the last commit of File, with Options.Git; nil for none
	Slug        string
	URL         string // front matter url, verbatim
	Aliases     []string
	TOC         TOCSetting
	Build       Build          // build (or _build) options: written out? in which lists?
	Type        string         // front matter type; inherited from the section when empty
	Params      map[string]any // every front matter key, known or not (lowercased keys, as Hugo does)
	Body        []byte
	// FrontSum identifies the front matter as written (see FrontSum):
	// quire serve compares it to tell an edit of the text alone.
	FrontSum [16]byte
	cascades []cascade // the front matter's cascade, decoded (see cascade.go)
	noOpen   bool      // its front matter lacks its opening line, and was warned about (see unopenedFrontMatter)

	RelPermalink string // "/faq/security/" (relative to the site root, before baseURL path is added)
	OutPath      string // "faq/security/index.html"

	Parent   *Page   // the section this page is in; nil for home
	Children []*Page // for sections: published pages and subsections, in order, listed or not (see InSection)
	Prev     *Page   // in reading order (depth-first, by weight), through the pages InSiteLists only
	Next     *Page
}

// StaticFile is a non-markdown file in the content dir, copied beside its page.
type StaticFile struct {
	File    string // "content/faq/diagram.png"
	OutPath string // "faq/diagram.png"
}

// Options for Load.
type Options struct {
	Dir    string // the content directory within fsys, e.g. "content"
	Drafts bool   // keep draft pages and draft sections
	// Files, when set, keeps each file's parsed front matter between Loads
	// of the same site, so only changed files are read again (quire serve
	// keeps one for its rebuilds).
	Files *FileCache
	// AllowDotPaths lists the names starting with "." that a page's url,
	// slug or alias may use as the first segment of its path ([publish]
	// allowDotPaths); any other such path is an error.
	AllowDotPaths []string
	// MaxFrontMatter bounds a page's front matter, in bytes: a page with
	// more is an error, found without reading the rest of the file.
	// 0 means DefaultMaxFrontMatter; negative, no bound.
	MaxFrontMatter int
	// Cascade is the site configuration's cascade, which reaches every
	// page after the cascades of its front matter and sections.
	Cascade SiteCascade
	// Environment is the build environment that a cascade target's
	// environment glob matches; "" is "production".
	Environment string
	// KeepCase keeps the case of file and directory names and slugs in
	// URLs (Hugo's disablePathToLower); by default they are lower-cased,
	// as Hugo does. A front matter url is always kept as written.
	KeepCase bool
	// Permalinks are the URL patterns of [permalinks].
	Permalinks Permalinks
	// Git, when set (enableGitInfo), gives each page its file's last
	// commit (Page.GitInfo), whose author date is then its Lastmod, as
	// Hugo's default [frontmatter] lastmod = [":git", "lastmod", ...]
	// says. A file git does not know keeps its front matter's lastmod.
	Git *gitinfo.Info
	// Language, when set, loads only the pages of one language of a
	// multilingual site (see lang.go); nil loads every page.
	Language *Language
}

// Site is the loaded content tree.
type Site struct {
	Home    *Page
	Pages   []*Page // published pages in reading order, home first; with those build options keep from being written or listed (see build.go)
	Static  []StaticFile
	Skipped int // draft pages left out (including those under draft sections)
	// Drafts are the draft pages left out, by Path, for hints such as
	// "content/x.md is a draft" when a reference names one.
	Drafts []DraftFile
}

// DraftFile is a draft page that Load left out.
type DraftFile struct {
	File    string // "content/faq/draft.md"
	Path    string // "faq/draft.md"
	URL     string // its URL if published, escaped: "/faq/draft/"
	OutPath string // where it would be written if published: "faq/draft/index.html"
	By      string // the file whose draft: true left it out: File, or its draft section's
}
