package htmlscan

import (
	"fmt"
	"strings"
	"testing"
)

// recorder writes the tokens it sees as lines, text runs joined.
type recorder struct {
	b    strings.Builder
	text strings.Builder
}

func (r *recorder) flush() {
	if r.text.Len() > 0 {
		fmt.Fprintf(&r.b, "text %q\n", r.text.String())
		r.text.Reset()
	}
}

func (r *recorder) Start(name []byte, attrs []Attr, selfClosing bool) {
	r.flush()
	fmt.Fprintf(&r.b, "start %s", name)
	for _, a := range attrs {
		fmt.Fprintf(&r.b, " %s=%q", a.Key, a.Val)
	}
	fmt.Fprintf(&r.b, " %v\n", selfClosing)
}

func (r *recorder) End(name []byte) { r.flush(); fmt.Fprintf(&r.b, "end %s\n", name) }
func (r *recorder) Text(t []byte)   { r.text.Write(t) }

func (r *recorder) String() string { r.flush(); return r.b.String() }

// reference is the token stream of x/net/html's tokenizer.
func reference(data []byte) string {
	var r recorder
	Tokenize(data, &r)
	return r.String()
}

// samples are pages in the shapes quire writes, which Scan must read.
var samples = []string{
	`<!doctype html><html lang=en><head><meta charset=utf-8><title>A &lt;b&gt; page</title><link rel=stylesheet href=/css/site.css><script src=/js/a.js defer></script><style>a>b{color:red}</style></head>` +
		`<body><header><button><svg aria-hidden=true viewBox="0 0 24 24"><circle cx=10.5 cy=10.5 r=6.5 /><path d="m15.5 15.5 5 5"/></svg><span>Search</span></button></header>` +
		`<nav><ul><li><a href=/docs/>Docs</a><li><a class=current href="/docs/faq/?a=1&amp;b=2">FAQ &amp; more</a></ul></nav>` +
		`<main><h1 id=title>Title</h1><h4 id=what-s-new>What&#39;s new</h4><p>See <a href="https://example.org/x" title="Ex">ex</a>.` +
		"<pre class=chroma><code class=language-go><span class=kd>func</span> <span class=nx>f</span>() {\r\n}</code></pre></main>" +
		`<script>if (a < b && c) document.querySelector("a[href='/x']")</script></body></html>`,
	`<!DOCTYPE html><P ID="a" id="b">x</P><area href="/m/"><iframe src="/frame/"></iframe><textarea><a href="/not-a-link/">&amp;</textarea><a href=/x/ >y</a >`,
	``,
	`plain text, no tags: a < b`,
	`<a title="</>" href="/x/" data-x='</>'>y</a><img alt=</> src=/i.png>`, // "</>" in values is no tag to either
}

// giveUps are inputs Scan must leave to x/net/html.
var giveUps = []string{
	`<p><!-- <a href="/x/"> --></p>`,
	`<noscript><a href="/x/"></noscript>`,
	`<a href="/x/"`,
	`<a/href="/x/">`,
	"<a href=\"/x\x00\">",
	`<script><!-- document.write("</script>") --></script>`,
	`<svg><style>a{}</style></svg>`,
	`<math><a href="/x/"></a></math>`,
	`<![CDATA[ <a href="/x/"> ]]>`,
	`<a href='/x/>`,
	`<stYle>0</stYle0><video srC >0`,
	`x<A href href=/>`, // x/net reads the dropped value's "/" as self-closing
	`</A 0=">`,         // x/net reads the end tag's attribute: a quote left open
	`<p>a</>b</p>`,     // "</>" is nothing to x/net/html, text to the lexer
	`<style>a</>b</style>`,
}

func TestScan(t *testing.T) {
	t.Parallel()
	for _, s := range samples {
		data := make([]byte, len(s), len(s)+1) // room past the end, which the lexer likes to use
		copy(data, s)
		var got recorder
		if !Scan(data, &got) {
			t.Errorf("Scan gave up on %.60q", s)
			continue
		}
		if string(data[:len(s)+1]) != s+"\x00" {
			t.Errorf("Scan changed its input %q to %q", s, data)
		}
		if want := reference(data); got.String() != want {
			t.Errorf("%.60q:\nScan:\n%s\nx/net/html:\n%s", s, got.String(), want)
		}
	}
	for _, s := range giveUps {
		if Scan([]byte(s), &recorder{}) {
			t.Errorf("Scan read %q; want it left to x/net/html", s)
		}
	}
}

// FuzzScan: wherever Scan answers, it gives x/net/html's tokens, and it
// never changes its input.
func FuzzScan(f *testing.F) {
	for _, s := range append(samples, giveUps...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		data := []byte(s)
		var got recorder
		ok := Scan(data, &got)
		if string(data) != s {
			t.Fatalf("Scan changed its input %q to %q", s, data)
		}
		if ok {
			if want := reference(data); got.String() != want {
				t.Errorf("%q:\nScan:\n%s\nx/net/html:\n%s", s, got.String(), want)
			}
		}
	})
}

// tagsOnly records tags and fails on text.
type tagsOnly struct {
	recorder
	t *testing.T
}

func (v *tagsOnly) Text(text []byte) { v.t.Errorf("Text(%q) called on a TagsOnly visitor", text) }
func (v *tagsOnly) TagsOnly()        {}

func TestTagsOnly(t *testing.T) {
	t.Parallel()
	v := &tagsOnly{t: t}
	if !Scan([]byte(samples[0]), v) {
		t.Fatal("Scan gave up")
	}
	if !strings.Contains(v.String(), "start a href=\"/docs/\"") {
		t.Errorf("tags missing:\n%s", v.String())
	}
}
