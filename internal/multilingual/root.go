package multilingual

import (
	"bytes"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/publish"
	"github.com/quire-docs/quire/internal/site"
	"github.com/quire-docs/quire/internal/sitemap"
)

// rootFiles are the files at the root of a site whose languages are all
// in subdirectories: robots.txt, a sitemap.xml that indexes the
// languages' sitemaps, an index.html that redirects to the default
// language's home, and that language's 404.html.
func rootFiles(cfg config.Config, dflt config.Language, files []publish.File, sitemaps []string) []publish.File {
	lc := cfg.ForLanguage(dflt)
	var buf bytes.Buffer
	_ = layout.Alias(&buf, lc.BasePath()) // writes to a buffer: no error
	out := []publish.File{
		{Path: "index.html", Data: buf.Bytes(), Source: "the redirect to the default language"},
		{Path: "robots.txt", Data: sitemap.Robots(sitemaps...), Source: sitemap.RobotsSource},
		{Path: "sitemap.xml", Data: sitemap.Index(sitemaps), Source: "the sitemap index"},
	}
	for _, f := range files {
		if f.Path == dflt.Prefix+"/404.html" {
			out = append(out, publish.File{Path: "404.html", Data: f.Data, Source: f.Source})
		}
	}
	return out
}

// prefixOutput sends files to an Output under a prefix ("de/").
type prefixOutput struct {
	out    site.Output
	prefix string
}

func (o prefixOutput) Write(f publish.File) error {
	f.Path = o.prefix + f.Path
	return o.out.Write(f)
}
