package site

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// maxThemeGzip is the budget for all the theme's CSS and JS one page loads,
// gzip-compressed (the search index, fetched only when searching, is not
// part of it).
const maxThemeGzip = 30 * 1024

// TestThemeWeight builds a site with the embedded theme and adds up the
// stylesheets and scripts its pages link: together they must stay within
// maxThemeGzip, every one must come from the site itself and carry an
// integrity hash, and no inline script may load anything.
func TestThemeWeight(t *testing.T) {
	t.Parallel()
	s := mustBuild(t, `
-- config.toml --
baseURL = "https://example.com/docs/"
title = "Weight"
-- content/_index.md --
Home.
-- content/guide/_index.md --
---
title: Guide
---
-- content/guide/page.md --
---
title: Page
---
## Code

`+"```go\nfunc main() {}\n```"+`
`, Options{})
	for _, page := range []string{"index.html", "guide/index.html", "guide/page/index.html", "404.html"} {
		refs := assetRefs(t, file(t, s, page))
		if len(refs) < 3 {
			t.Fatalf("%s links %d stylesheets and scripts, want the theme's CSS, chroma CSS and JS: %q", page, len(refs), refs)
		}
		total := 0
		for _, r := range refs {
			if r.integrity == "" {
				t.Errorf("%s: %s has no integrity attribute", page, r.url)
			}
			path, ok := strings.CutPrefix(r.url, "/docs/")
			if !ok {
				t.Errorf("%s: %s is not on the site itself", page, r.url)
				continue
			}
			total += gzipSize(t, []byte(file(t, s, path)))
		}
		t.Logf("%s: theme CSS+JS %d bytes gzip-compressed (budget %d)", page, total, maxThemeGzip)
		if total > maxThemeGzip {
			t.Errorf("%s: theme CSS+JS is %d bytes gzip-compressed, over the budget of %d", page, total, maxThemeGzip)
		}
	}
}

type assetRef struct{ url, integrity string }

// assetRefs returns the stylesheets and external scripts page links.
func assetRefs(t *testing.T, page string) []assetRef {
	t.Helper()
	var refs []assetRef
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return refs
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		attr := map[string]string{}
		for _, a := range tok.Attr {
			attr[a.Key] = a.Val
		}
		switch {
		case tok.Data == "link" && attr["rel"] == "stylesheet":
			refs = append(refs, assetRef{attr["href"], attr["integrity"]})
		case tok.Data == "script" && attr["src"] != "":
			refs = append(refs, assetRef{attr["src"], attr["integrity"]})
		case tok.Data == "script" && attr["type"] == "":
			if z.Next() == html.TextToken && (bytes.Contains(z.Text(), []byte("//")) || bytes.Contains(z.Text(), []byte("import"))) {
				t.Errorf("inline script may load something: %s", z.Text())
			}
		}
	}
}

func gzipSize(t *testing.T, data []byte) int {
	t.Helper()
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	w.Close()
	return buf.Len()
}
