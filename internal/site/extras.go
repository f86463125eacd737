package site

import (
	"bytes"
	"encoding/xml"
	"io/fs"
	"path"
	"strings"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/publish"
)

// addStatic copies the non-markdown files of the content dir beside their
// pages (minified by type when minification is on).
func (b *builder) addStatic(tree *content.Site, ds *diag.List) {
	for _, sf := range tree.Static {
		data, err := fs.ReadFile(b.fsys, sf.File)
		if err != nil {
			ds.AddError(sf.File, err)
			continue
		}
		if min, err := b.minifyFile(sf.OutPath, data); err == nil {
			data = min
		} else {
			ds.Add(diag.Warnf(sf.File, 0, 0, "copied unminified: %v", err))
		}
		b.files = append(b.files, publish.File{Path: sf.OutPath, Data: data, Source: sf.File})
	}
}

// aliasSource marks alias files, which yield to any real file at the same path.
const aliasSource = " (alias)"

// addAliases writes a redirect page for every alias of every page.
func (b *builder) addAliases(tree *content.Site, ds *diag.List) {
	for i, p := range tree.Pages {
		target := b.site.Pages[i].Permalink
		for _, a := range p.Aliases {
			out, ok := aliasPath(a)
			if !ok {
				ds.Add(diag.Warnf(p.File, 0, 0, "alias %q is not a usable path; skipped", a))
				continue
			}
			var buf bytes.Buffer
			if err := layout.Alias(&buf, target); err != nil {
				ds.AddError(p.File, err)
				continue
			}
			b.files = append(b.files, publish.File{Path: out, Data: buf.Bytes(), Source: p.File + aliasSource})
		}
	}
}

// aliasPath turns an alias ("/old/", "old/page.html") into an output path.
func aliasPath(alias string) (string, bool) {
	if u := strings.IndexAny(alias, "?#"); u >= 0 {
		alias = alias[:u]
	}
	if strings.Contains(alias, "://") || strings.Contains(alias, "\\") {
		return "", false
	}
	p := strings.TrimPrefix(path.Clean("/"+alias), "/")
	if p == "" || strings.HasPrefix(p, "..") {
		return "", false
	}
	if ext := path.Ext(p); ext == ".html" || ext == ".htm" {
		return p, true
	}
	return p + "/index.html", true
}

// addExtras writes 404.html, sitemap.xml and robots.txt.
func (b *builder) addExtras(tree *content.Site, ds *diag.List) {
	var buf bytes.Buffer
	if err := b.tmpl.NotFound(&buf, b.site); err != nil {
		ds.AddError("layouts/404.html", err)
	} else if data, err := b.minifyFile("404.html", buf.Bytes()); err != nil {
		ds.AddError("layouts/404.html", err)
	} else {
		b.files = append(b.files, publish.File{Path: "404.html", Data: data, Source: "404 page"})
	}

	sitemap, err := b.minifyFile("sitemap.xml", b.sitemap())
	ds.AddError("sitemap.xml", err)
	b.files = append(b.files, publish.File{Path: "sitemap.xml", Data: sitemap, Source: "sitemap"})

	robots := "User-agent: *\nAllow: /\n"
	if abs := b.absURL(b.relURL("/sitemap.xml")); strings.Contains(abs, "://") {
		robots += "Sitemap: " + abs + "\n"
	}
	b.files = append(b.files, publish.File{Path: "robots.txt", Data: []byte(robots), Source: "robots.txt"})
}

// sitemap lists every published, non-draft page in reading order.
func (b *builder) sitemap() []byte {
	type entry struct {
		Loc     string `xml:"loc"`
		Lastmod string `xml:"lastmod,omitempty"`
	}
	type urlset struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []entry  `xml:"url"`
	}
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, p := range b.site.Pages {
		if p.Draft {
			continue
		}
		e := entry{Loc: p.Permalink}
		switch {
		case !p.Lastmod.IsZero():
			e.Lastmod = p.Lastmod.Format("2006-01-02")
		case !p.Date.IsZero():
			e.Lastmod = p.Date.Format("2006-01-02")
		}
		set.URLs = append(set.URLs, e)
	}
	out, err := xml.MarshalIndent(set, "", "  ")
	if err != nil {
		return nil // cannot happen for these types
	}
	return append([]byte(xml.Header), append(out, '\n')...)
}

// dedupe returns the files sorted by path with one file per path. Two real
// files at one path are an error naming both sources; an alias yields to a
// real file (with a warning naming both) and to an earlier alias.
func (b *builder) dedupe(ds *diag.List) []publish.File {
	sortFiles(b.files)
	out := b.files[:0]
	for _, f := range b.files {
		if len(out) == 0 || out[len(out)-1].Path != f.Path {
			out = append(out, f)
			continue
		}
		prev := &out[len(out)-1]
		pa, fa := strings.HasSuffix(prev.Source, aliasSource), strings.HasSuffix(f.Source, aliasSource)
		switch {
		case !pa && !fa:
			ds.Add(diag.Errorf(f.Source, 0, 0, "output %s is also produced by %s", f.Path, prev.Source).
				WithHint("change the url or slug of one of them"))
		case pa && !fa:
			ds.Add(diag.Warnf(strings.TrimSuffix(prev.Source, aliasSource), 0, 0,
				"alias %s is ignored: %s is the page there", "/"+f.Path, f.Source))
			*prev = f
		case !pa && fa:
			ds.Add(diag.Warnf(strings.TrimSuffix(f.Source, aliasSource), 0, 0,
				"alias %s is ignored: %s is the page there", "/"+f.Path, prev.Source))
		default:
			ds.Add(diag.Warnf(strings.TrimSuffix(f.Source, aliasSource), 0, 0,
				"alias %s is ignored: %s has the same alias", "/"+f.Path, strings.TrimSuffix(prev.Source, aliasSource)))
		}
	}
	for i := range out {
		out[i].Source = strings.TrimSuffix(out[i].Source, aliasSource)
	}
	return out
}
