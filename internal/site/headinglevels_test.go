package site

import (
	"regexp"
	"strings"
	"testing"
)

var headingRE = regexp.MustCompile(`<h([1-6])[^>]*\bid="?([^" >]+)`)

// headingsOf returns "hN#id" for each heading with an id in html.
func headingsOf(html string) string {
	var out []string
	for _, m := range headingRE.FindAllStringSubmatch(html, -1) {
		out = append(out, "h"+m[1]+"#"+m[2])
	}
	return strings.Join(out, " ")
}

// TestHeadingLevelsNormalized: by default the "####" questions of an FAQ
// page render as h2 under the page's h1, with their ids, TOC links and
// FAQ JSON-LD as before; [markup.headings] normalize = false keeps them
// as written.
func TestHeadingLevelsNormalized(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, config, want string
	}{
		{"ByDefault", "", "h2#how-does-rancher-secure-its-communications-to-the-kubernetes-api-server h2#can-i-rotate-certificates h2#whats-next"},
		{"SwitchedOff", "[markup.headings]\nnormalize = false\n", "h4#how-does-rancher-secure-its-communications-to-the-kubernetes-api-server h4#can-i-rotate-certificates h4#whats-next"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := mustBuild(t, strings.Replace(faqPage, "title = \"Docs\"\n", "title = \"Docs\"\n"+tt.config, 1), Options{})
			html := file(t, s, "faq/security/index.html")
			if got := headingsOf(html); got != tt.want {
				t.Errorf("headings of the page: %s\nwant %s", got, tt.want)
			}
			if h1 := strings.Count(html, "<h1"); h1 != 1 {
				t.Errorf("the page has %d h1, want the title's", h1)
			}
			if !strings.Contains(html, `href="#can-i-rotate-certificates"`) && !strings.Contains(html, `href=#can-i-rotate-certificates`) {
				t.Errorf("the TOC lost its link to #can-i-rotate-certificates")
			}
			if m := jsonLDRE.FindStringSubmatch(html); m == nil || strings.Count(m[1], `"Question"`) != 3 {
				t.Errorf("FAQ JSON-LD has not the three questions: %v", m)
			}
		})
	}
}
