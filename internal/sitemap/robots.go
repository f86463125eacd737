package sitemap

import "strings"

// Robots returns the text of robots.txt: it allows every crawler
// everything, and names sitemapURL (the sitemap's URL) when that is
// absolute, as crawlers take only an absolute Sitemap: line.
func Robots(sitemapURL string) []byte {
	robots := "User-agent: *\nAllow: /\n"
	if strings.Contains(sitemapURL, "://") {
		robots += "Sitemap: " + sitemapURL + "\n"
	}
	return []byte(robots)
}
