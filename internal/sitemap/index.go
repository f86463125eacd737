package sitemap

import (
	"bytes"
	"encoding/xml"
)

// Index returns a sitemap index naming sitemapURLs, the sitemap.xml at
// the root of a multilingual site whose languages are all under their
// prefixes, each with its own sitemap.
func Index(sitemapURLs []string) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header[:len(xml.Header)-1])
	b.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for _, s := range sitemapURLs {
		b.WriteString("<sitemap><loc>")
		_ = xml.EscapeText(&b, []byte(s)) // writes to a buffer: no error
		b.WriteString("</loc></sitemap>")
	}
	b.WriteString("</sitemapindex>\n")
	return b.Bytes()
}
