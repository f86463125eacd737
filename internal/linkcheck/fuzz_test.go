package linkcheck

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/quire-docs/quire/internal/publish"
)

// FuzzCollect feeds arbitrary HTML and base URLs through Collect, Internal
// and External: nothing may panic, and every result must name a source.
func FuzzCollect(f *testing.F) {
	f.Add(`<a href="../x/#y" id="a">x</a><img srcset="a.png 1x,, ,b.png">`, "/docs/", "x [y](../x/#y)")
	f.Add(`<a href="https://example.org/docs/%zz#%">`, "https://example.org/docs", "")
	f.Add(`<link rel="preconnect" href="//cdn"><a href="mailto:">`, "", "<a href=\"")
	f.Add(`<a href="`+strings.Repeat("../", 50)+`">`, "https://[::1]:80/", "")
	f.Fuzz(func(t *testing.T, html, base, body string) {
		files := []publish.File{
			{Path: "index.html", Data: []byte(html), Source: "gen"},
			{Path: "x/index.html", Data: []byte(html)},
			{Path: "img.png", Data: []byte("png")},
		}
		pages := []Page{{
			Path: "index.html", File: "content/_index.md", Body: []byte(body), BodyLine: 3,
			Links:   []MarkdownLink{{Dest: body, URL: html, Line: 1, Column: 1}},
			Layouts: []Template{{File: "layouts/x.html", Text: html + body}},
		}}
		l := Collect(context.Background(), files, pages, Options{BaseURL: base})
		bad, _ := l.Internal(context.Background())
		for _, r := range append(bad, l.External(context.Background())...) {
			if len(r.Sources) == 0 {
				t.Errorf("%s has no source", r.URL)
			}
		}
	})
}

// FuzzHeaderAndSchemes runs the small parsers of external links on
// arbitrary input: Retry-After values, mailto: and tel: URLs, hosts.
func FuzzHeaderAndSchemes(f *testing.F) {
	f.Add("120")
	f.Add("Wed, 21 Oct 2015 07:28:00 GMT")
	f.Add("mailto:a@b.example,c@d.example?subject=x")
	f.Add("tel:+1-(555)-0100;ext=2")
	f.Add("https://user@[::1]:8080/x")
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := retryAfter(s, time.Unix(0, 0)); ok && d < 0 {
			t.Errorf("retryAfter(%q) = %v, negative", s, d)
		}
		_ = hostOf(s)
		switch schemeOf(s) {
		case "mailto":
			_ = checkMailto(s)
		case "tel":
			_ = checkTel(s)
		}
	})
}

// FuzzFixLocate reads link destinations and ignore comments in arbitrary
// files at arbitrary places (a file may change between the check and the
// fix): nothing may panic, and a destination found is within the file
// and is the text asked for.
func FuzzFixLocate(f *testing.F) {
	f.Add("\ufeffa\r\n[x](<u> 't')\r\n\r\n[r]: u\n", 2, 1, "u")
	f.Add("[![i](a)](u) [x][r]\n\n```\n[r]: v\n```\n[r]: <u\\>>", 1, 1, "u")
	f.Add("<!-- linkcheck-disable x -->\n`<!-- linkcheck-enable -->` <!-- linkcheck-disbale -->", 1, 14, "x")
	f.Fuzz(func(t *testing.T, data string, line, col int, text string) {
		sf := newSrcFile([]byte(data))
		sp, why := sf.locate(Source{File: "a.md", Line: line, Column: col, Text: text})
		if why == "" {
			if sp.start < 0 || sp.end > len(sf.norm) || string(sf.norm[sp.start:sp.end]) != text {
				t.Fatalf("locate found %d:%d, not %q", sp.start, sp.end, text)
			}
			sp.edit.New = "https://example.org/"
			_ = sf.apply([]span{sp})
		}
		_ = fitsAt(text, sp.form)
		_, _ = parseIgnores("a.md", []byte(data), 1)
	})
}
