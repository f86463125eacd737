package markdown

import (
	"strings"
	"testing"
)

func TestPlaceholders(t *testing.T) {
	t.Parallel()
	r := New(Options{Unsafe: true})
	outs := [][]byte{[]byte("<figure>f</figure>"), []byte("<b>B</b>"), []byte("https://x.example"), []byte("v")}
	p := Placeholder
	src := strings.Join([]string{
		p(0),
		"",
		"in " + p(1) + "text and mid" + p(1) + "word",
		"",
		"[l](" + p(2) + "/a/ \"t" + p(3) + "\") ![i](" + p(2) + "/i.png)",
		"",
		`<div data-x="` + p(3) + `">`,
		"</div>",
		"",
		"inline <span title=\"" + p(3) + "\">s</span>",
		"",
		"## Head " + p(1),
		"",
		"- " + p(0),
		"",
		"not " + p(9) + " and ^QSC ^QSCx^ stay",
	}, "\n")
	res, err := r.RenderPage([]byte(src), RenderOptions{Shortcodes: outs})
	if err != nil {
		t.Fatal(err)
	}
	html := string(res.HTML)
	for _, want := range []string{
		"<figure>f</figure>\n<p>in",
		"<p>in <b>B</b>text and mid<b>B</b>word</p>",
		`<a href="https://x.example/a/" title="tv">l</a>`,
		`<img src="https://x.example/i.png" alt="i">`,
		`<div data-x="v">`,
		`<span title="v">s</span>`,
		`<h2 id="head-b">Head <b>B</b>`,
		`<li><figure>f</figure></li>`,
		"not " + p(9) + " and ^QSC ^QSCx^ stay",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("output lacks %s\n%s", want, html)
		}
	}
	if strings.Contains(html, "<p><figure>") {
		t.Errorf("block output wrapped in <p>:\n%s", html)
	}
	if got := res.Headings[0].Text; got != "Head B" {
		t.Errorf("heading text = %q, want %q", got, "Head B")
	}
	if got := res.Links[0].Dest; got != "https://x.example/a/" {
		t.Errorf("link Dest = %q, want the shortcode's URL", got)
	}
}

func TestPlaceholdersOnlyWithShortcodes(t *testing.T) {
	t.Parallel()
	r := New(Options{})
	res, err := r.Render([]byte("a " + Placeholder(0) + " b"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(res.HTML), Placeholder(0)) {
		t.Errorf("a page without shortcodes changed a placeholder-like text: %s", res.HTML)
	}
}

// TestPlaceholdersInCode: in code blocks and code spans, a placeholder
// becomes the text its output shows (tags dropped, entities resolved),
// escaped as code: highlighting sees it, and heading text and ids take it.
func TestPlaceholdersInCode(t *testing.T) {
	t.Parallel()
	r := New(Options{})
	outs := [][]byte{[]byte("v1.2 &amp; up"), []byte(`<a href="/x/">x&lt;y</a>`)}
	p := Placeholder
	src := strings.Join([]string{
		"```text",
		"git clone -b " + p(0) + " " + p(1),
		"```",
		"",
		"Run `go get " + p(0) + "`.",
		"",
		"## Install `" + p(0) + "`",
	}, "\n")
	res, err := r.RenderPage([]byte(src), RenderOptions{Shortcodes: outs})
	if err != nil {
		t.Fatal(err)
	}
	html := string(res.HTML)
	for _, want := range []string{
		"v1.2 &amp; up x&lt;y",
		"<code>go get v1.2 &amp; up</code>",
		`<h2 id="install-v12--up">Install <code>v1.2 &amp; up</code>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("output lacks %s\n%s", want, html)
		}
	}
	for _, bad := range []string{"QSC", "&amp;amp;", "<a href"} {
		if strings.Contains(html, bad) {
			t.Errorf("output has %s\n%s", bad, html)
		}
	}
	if got := res.Headings[0].Text; got != "Install v1.2 & up" {
		t.Errorf("heading text = %q, want %q", got, "Install v1.2 & up")
	}
}
