package linkcheck

import (
	"context"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/quire-docs/quire/internal/htmlscan"
	"github.com/quire-docs/quire/internal/publish"
)

// Page is what the build knows about where one HTML output file came from,
// so a link found in the final HTML can be traced to its source.
type Page struct {
	Path     string         // output path, "faq/upgrade/index.html"
	File     string         // source file, "content/faq/upgrade.md"; "" for generated pages
	Body     []byte         // markdown body, searched for links written as raw HTML
	BodyLine int            // line of File on which Body starts (1 when there is no front matter)
	Links    []MarkdownLink // links of the markdown, in document order
	Layouts  []Template     // templates that rendered the page, its main template first
}

// MarkdownLink is one link or image destination of a page's markdown.
type MarkdownLink struct {
	Dest   string // as written: "../upgrade.md#rollback"
	URL    string // as rendered into the HTML: "/faq/upgrade/#rollback"
	Line   int    // in Page.File, 1-based
	Column int    // in characters, 1-based
}

// Template is one layout file: its path for messages and its text.
type Template struct {
	File string
	Text string
}

// Options describe the site the files belong to.
type Options struct {
	// BaseURL is the site's baseURL ("https://example.org/docs/" or "/"):
	// its path is where output files are served, and absolute links to
	// its host under that path are internal.
	BaseURL string
	// Parsed holds HTML files parsed ahead of Collect, by output path:
	// a build that writes each page out as soon as it is rendered parses
	// it then and passes Data nil. Files not in Parsed are parsed here.
	Parsed map[string]*Parsed
	// Memo, when set, carries each page's internal check over from the
	// last Collect with the same Memo, for pages in Parsed (see Memo).
	Memo *Memo
	// Elsewhere are output paths served by other means than the files
	// given (pages with Hugo's build render link): links to them stand,
	// and their fragments are not checked, as for a file that is not HTML.
	Elsewhere []string
	// Unpublished says, by output path, why a page that is not written
	// is not ("is a draft (content/a.md: draft: true); ..."): a link to
	// one is broken, and says so (content.Site.Unpublished).
	Unpublished map[string]string
}

// Parsed is one HTML file's ids and links, parsed by Parse.
type Parsed struct{ d *doc }

// Parse parses one HTML file for Options.Parsed. It is safe to call
// concurrently.
func Parse(data []byte) *Parsed { return &Parsed{d: parseHTML(data)} }

// parseHTML is parse, done by htmlscan's faster Scan where it can be.
func parseHTML(data []byte) *doc {
	if d, ok := parseFast(data); ok {
		return d
	}
	return parse(data)
}

// Links is what Collect found: every output file, and for each HTML file
// its ids and the links in it. It is read-only after Collect, so Internal
// and External may run concurrently.
type Links struct {
	base   string     // path of BaseURL, "/" or "/docs/"
	origin string     // "https://example.org" or "" when BaseURL is a path
	index  *fileIndex // where each output file is
	docs   []*doc     // HTML files, sorted by path
	tpls   *templateIndex

	memo  *Memo             // Options.Memo
	unpub map[string]string // Options.Unpublished

	absOK sync.Map // href → ref: site-absolute links found ok, which are ok from any page
	pages sync.Map // *Page → *pageSources

	once   sync.Once // Broken's results
	bad    []Result
	okKeys [][]string // by doc: the URLs of its links that are ok
	okOnce sync.Once  // Internal's count
	ok     int
}

// doc is one HTML output file.
type doc struct {
	path string              // output path
	url  string              // site URL path, percent-decoded: "/docs/faq/upgrade/"
	ids  map[string]struct{} // id attributes and <a name>
	refs refList             // href/src/srcset values in document order
	page *Page               // nil when the build named no source
	from string              // publish.File.Source
	src  *doc                // the Parse this doc was copied from (Options.Parsed); nil when Collect parsed it
}

// Collect parses every HTML file of files once, in parallel, and gathers
// ids and links. pages say where HTML files came from (by Path); files
// without one are traced to their publish.File.Source.
func Collect(ctx context.Context, files []publish.File, pages []Page, opts Options) *Links {
	l := &Links{tpls: newTemplateIndex(), memo: opts.Memo, unpub: opts.Unpublished}
	l.base, l.origin = splitBase(opts.BaseURL)
	var pidx *pageIndex
	l.index, pidx = opts.Memo.indexes(files, opts.Elsewhere, pages)
	html := l.index.html
	l.docs = make([]*doc, len(html))
	docs := make([]doc, len(html)) // one allocation for every doc
	at := func(k int, d *doc) {
		f := &files[html[k]]
		docs[k] = *d
		d = &docs[k]
		d.path, d.url, d.from = f.Path, l.base+urlPath(f.Path), f.Source
		if i, ok := pidx.at[f.Path]; ok {
			d.page = &pages[i]
		}
		l.docs[k] = d
	}
	// Files parsed ahead cost a copy; only the others go to the workers.
	var toParse []int
	for k, i := range html {
		if pre := opts.Parsed[files[i].Path]; pre != nil {
			at(k, pre.d)
			l.docs[k].src = pre.d
		} else {
			toParse = append(toParse, k)
		}
	}
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, i := range toParse {
		if ctx.Err() != nil {
			break
		}
		g.Go(func() error {
			at(i, parseHTML(files[html[i]].Data))
			return nil
		})
	}
	_ = g.Wait()
	return l
}

// eachDoc calls f for every HTML file, on all cores, and returns when
// all calls have: f(i, d) may write the i-th element of a slice of its
// own. Once ctx is done, no more calls start.
func (l *Links) eachDoc(ctx context.Context, f func(i int, d *doc)) {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, d := range l.docs {
		if d == nil || ctx.Err() != nil {
			continue
		}
		g.Go(func() error {
			f(i, d)
			return nil
		})
	}
	_ = g.Wait()
}

// splitBase returns the path of baseURL ("/docs/") and its origin
// ("https://example.org"), "" when baseURL is only a path.
func splitBase(baseURL string) (base, origin string) {
	base = "/"
	if i := strings.Index(baseURL, "://"); i >= 0 {
		rest := baseURL[i+3:]
		j := strings.IndexByte(rest, '/')
		if j < 0 {
			return base, strings.ToLower(baseURL)
		}
		origin, base = strings.ToLower(baseURL[:i+3+j]), rest[j:]
	} else if strings.HasPrefix(baseURL, "/") {
		base = baseURL
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	return base, origin
}

// urlPath is the URL path (below the base) an output file is served at:
// "faq/index.html" → "faq/", "404.html" → "404.html".
func urlPath(p string) string {
	if p == "index.html" {
		return ""
	}
	if strings.HasSuffix(p, "/index.html") {
		return strings.TrimSuffix(p, "index.html")
	}
	return p
}

func isHTML(p string) bool {
	return strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".htm")
}

// parse tokenizes one HTML file with x/net/html, collecting ids and link
// attributes. The tokenizer handles script, style and comments as the
// browser does, so a "href" in a script is not a link.
func parse(data []byte) *doc {
	c := newCollector()
	htmlscan.Tokenize(data, c)
	return c.done()
}

// srcTags are the elements whose src attribute is a resource to check.
var srcTags = map[string]bool{
	"img": true, "script": true, "iframe": true, "source": true, "video": true,
	"audio": true, "track": true, "embed": true, "input": true,
}

// hintRel reports whether a <link rel> names an origin to connect to, not
// a document: preconnect and dns-prefetch hrefs need not resolve.
func hintRel(rel string) bool {
	for _, r := range strings.Fields(strings.ToLower(rel)) {
		if r == "preconnect" || r == "dns-prefetch" {
			return true
		}
	}
	return false
}

// srcset returns the URLs of a srcset attribute: "a.png 1x, b.png 2x".
func srcset(v string) []string {
	var out []string
	for _, part := range strings.Split(v, ",") {
		if f := strings.Fields(part); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}
