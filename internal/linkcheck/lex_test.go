package linkcheck

import (
	"maps"
	"slices"
	"testing"
)

// lexSamples are pages in the shapes quire writes, each of which parseFast
// must read itself (not leave to parse).
var lexSamples = []string{
	`<!doctype html><html lang=en><head><meta charset=utf-8><title>A &lt;b&gt; page</title><link rel=stylesheet href=/css/site.css><link rel=preconnect href=https://cdn.example><script src=/js/a.js defer></script><style>a>b{color:red}</style></head>` +
		`<body><header><button><svg aria-hidden=true viewBox="0 0 24 24"><circle cx=10.5 cy=10.5 r=6.5 /><path d="m15.5 15.5 5 5"/></svg><span>Search</span></button></header>` +
		`<nav><ul><li><a href=/docs/>Docs</a><li><a class=current href="/docs/faq/">FAQ</a></ul></nav>` +
		`<main><h1 id=title>Title</h1><h4 id=what-s-new>What's new</h4><p>See <a href="https://example.org/x" title="Ex">ex</a> and <a href=#what-s-new>here</a>.` +
		`<a name=old-anchor></a><img src=/img/a.png srcset="/img/a.png 1x, /img/a@2x.png 2x" alt=""><video poster=/v.jpg src=/v.mp4></video>` +
		`<pre class=chroma><code class=language-go><span class=kd>func</span> <span class=nx>f</span>() {}</code></pre></main>` +
		`<script>document.querySelector("a[href='/x']")</script></body></html>`,
	`<!DOCTYPE html><p id="a" ID="b">x</p><area href="/m/"><iframe src="/frame/"></iframe><textarea><a href="/not-a-link/"></textarea><A HREF=/UP/>Up</A><a href="/q?a=1&amp;b=2&copy=3">q</a>`,
	``,
	`plain text, no tags`,
}

// fallbackSamples are inputs parseFast leaves to parse (htmlscan's tests
// have the full list).
var fallbackSamples = []string{
	`<p><!-- <a href="/x/"> --></p>`,
	`<noscript><a href="/x/"></noscript>`,
}

func TestParseFast(t *testing.T) {
	t.Parallel()
	for _, s := range lexSamples {
		data := make([]byte, len(s), len(s)+1) // room past the end, which the lexer likes to use
		copy(data, s)
		got, ok := parseFast(data)
		if string(data[:len(s)+1]) != s+"\x00" {
			t.Errorf("parseFast changed its input %q to %q", s, data)
		}
		if !ok {
			t.Errorf("parseFast gave up on %.60q", s)
			continue
		}
		sameDoc(t, s, got, parse([]byte(s)))
	}
	for _, s := range fallbackSamples {
		if _, ok := parseFast([]byte(s)); ok {
			t.Errorf("parseFast read %q; want it left to parse", s)
		}
	}
	d, _ := parseFast([]byte(lexSamples[0]))
	refs := slices.Collect(d.refs.all())
	for _, want := range []string{"/css/site.css", "/js/a.js", "/docs/faq/", "#what-s-new", "/img/a@2x.png", "/v.jpg"} {
		if !slices.Contains(refs, want) {
			t.Errorf("refs miss %s: %q", want, refs)
		}
	}
	if slices.Contains(refs, "https://cdn.example") {
		t.Errorf("a preconnect hint is a ref: %q", refs)
	}
	for _, want := range []string{"title", "what-s-new", "old-anchor"} {
		if _, ok := d.ids[want]; !ok {
			t.Errorf("ids miss %s: %v", want, slices.Sorted(maps.Keys(d.ids)))
		}
	}
}

// FuzzParseFast: wherever parseFast answers, it finds the ids and links
// parse (x/net/html's tokenizer) finds.
func FuzzParseFast(f *testing.F) {
	for _, s := range append(lexSamples, fallbackSamples...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		data := []byte(s)
		got, ok := parseFast(data)
		if string(data) != s {
			t.Fatalf("parseFast changed its input %q to %q", s, data)
		}
		if ok {
			sameDoc(t, s, got, parse(data))
		}
	})
}

func sameDoc(t *testing.T, src string, got, want *doc) {
	t.Helper()
	if !maps.Equal(got.ids, want.ids) {
		t.Errorf("%.80q: ids %v, x/net finds %v", src, slices.Sorted(maps.Keys(got.ids)), slices.Sorted(maps.Keys(want.ids)))
	}
	if g, w := slices.Collect(got.refs.all()), slices.Collect(want.refs.all()); !slices.Equal(g, w) {
		t.Errorf("%.80q: refs %q, x/net finds %q", src, g, w)
	}
}

// TestTagName: every element the collector looks at by name is known to
// tagName, without allocating; others are "".
func TestTagName(t *testing.T) { // not parallel: AllocsPerRun
	want := []string{"a", "area", "link", "video"}
	for tag := range srcTags {
		want = append(want, tag)
	}
	for _, tag := range want {
		if got := tagName([]byte(tag)); got != tag {
			t.Errorf("tagName(%q) = %q", tag, got)
		}
	}
	for _, tag := range []string{"span", "", "A", "links"} {
		if got := tagName([]byte(tag)); got != "" {
			t.Errorf("tagName(%q) = %q, want \"\"", tag, got)
		}
	}
	name := []byte("script")
	if n := testing.AllocsPerRun(100, func() { tagName(name) }); n != 0 {
		t.Errorf("tagName allocates %v times", n)
	}
}
