package sitemap

import "strings"

// RobotsSource is the Source of the robots.txt a build makes with Robots
// (a publish.File's): it names the file in diagnostics, and tells it from
// a robots.txt of the site's own.
const RobotsSource = "the generated robots.txt"

// Robots returns the text of robots.txt: it allows every crawler
// everything, and names each of sitemapURLs (the site's sitemap, or each
// language's of a multilingual site) that is absolute, as crawlers take
// only an absolute Sitemap: line.
func Robots(sitemapURLs ...string) []byte {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n")
	for _, s := range sitemapURLs {
		if strings.Contains(s, "://") {
			b.WriteString("Sitemap: " + s + "\n")
		}
	}
	return []byte(b.String())
}
