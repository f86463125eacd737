package site

import "testing"

// TestHugoTmplOutputTemplates: a Hugo site's templates for outputs quire
// does not make (RSS, sitemap.xml, robots.txt, Netlify redirects) are not
// run or parsed, so a function they use that quire lacks fails nothing;
// one warning names them all. A partial of another type still works.
func TestHugoTmplOutputTemplates(t *testing.T) {
	t.Parallel()
	hugoTmplSite(t, "-- content/p.md --\n---\ntitle: P\n---\n{{< ld >}}\n"+
		"-- layouts/robots.txt --\nUser-agent: *\n{{ range .Pages }}{{ if in (lower .Params.robots) \"noindex\" }}Disallow: {{ .RelPermalink }}{{ end }}{{ end }}\n"+
		"-- layouts/index.rss.xml --\n{{ range (where site.RegularPages \"Type\" \"blog\").ByDate }}{{ .Title | rssFeedOnly }}{{ end }}\n"+
		"-- layouts/index.redirects --\n/docs/latest /docs/{{ site.Params.latest }}/\n"+
		"-- layouts/_default/list.json --\n{{ jsonOnly . }}\n"+
		"-- layouts/shortcodes/ld.html --\n<div class=\"ld\">{{ partial \"schema.json\" .Page }}</div>\n"+
		"-- layouts/partials/schema.json --\n{\"name\": \"{{ .Title }}\"}{{/**/ -}}\n",
		"warning layouts: templates for outputs quire does not make, not used: layouts/_default/list.json, layouts/index.redirects, layouts/index.rss.xml, layouts/robots.txt (hint: quire writes HTML pages, and its own sitemap.xml and robots.txt; content/docs/coming-from-hugo.md says what differs)\n"+
			"p/index.html contains <div class=\"ld\">{\"name\": \"P\"}</div>\n"+
			"robots.txt lacks Disallow")
}
