package clientlib

import (
	"crypto/sha256"
	"encoding/base64"
	"reflect"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/assets"
	"github.com/quire-docs/quire/internal/layout"
)

func TestUses(t *testing.T) {
	tests := []struct {
		body string
		want Lib
	}{
		{`<p>plain</p>`, 0},
		{`<p><span class="math math-inline">\(x\)</span></p>`, Math},
		{`<div class="math math-display">\[x\]</div>`, Math},
		{`<pre class="mermaid">graph TD</pre>`, Mermaid},
		{`<pre class="mermaid">a</pre><span class="math math-inline">\(x\)</span>`, Math | Mermaid},
		// Shown as code, not used.
		{`<code>&lt;pre class=&#34;mermaid&#34;&gt;</code>`, 0},
	}
	for _, tt := range tests {
		if got := Uses(tt.body); got != tt.want {
			t.Errorf("Uses(%q) = %v, want %v", tt.body, got, tt.want)
		}
	}
}

func TestAssetsAndFiles(t *testing.T) {
	table := Assets("/docs/")
	math, mermaid := Files(Math), Files(Mermaid)
	byPath := map[string][]byte{}
	for _, f := range append(math, mermaid...) {
		byPath[f.Path] = f.Data
	}
	for _, name := range []string{KaTeXCSS, KaTeXJS, MathJS, MermaidJS, MermaidInit} {
		a, ok := table[name]
		if !ok {
			t.Fatalf("no asset %s", name)
		}
		if !strings.HasPrefix(a.RelPermalink, "/docs/lib/") {
			t.Errorf("%s: RelPermalink %q not under the base path", name, a.RelPermalink)
		}
		data, ok := byPath[strings.TrimPrefix(a.RelPermalink, "/docs/")]
		if !ok {
			t.Fatalf("%s: %s is not among the published files", name, a.RelPermalink)
		}
		sum := sha256.Sum256(data)
		if want := "sha256-" + base64.StdEncoding.EncodeToString(sum[:]); a.Integrity != want {
			t.Errorf("%s: integrity %s, want %s", name, a.Integrity, want)
		}
	}
	// KaTeX's stylesheet loads its fonts relative to itself: every one it
	// names is published beside it.
	var css string
	for _, f := range math {
		if strings.HasSuffix(f.Path, "katex.min.css") {
			css = string(f.Data)
		}
	}
	dir := strings.TrimSuffix(strings.TrimPrefix(table[KaTeXCSS].RelPermalink, "/docs/"), "katex.min.css")
	n := 0
	for _, part := range strings.Split(css, "url(")[1:] {
		ref := part[:strings.IndexByte(part, ')')]
		if _, ok := byPath[dir+ref]; !ok {
			t.Errorf("katex.min.css names %s, which is not published", ref)
		}
		n++
	}
	if n < 10 {
		t.Errorf("katex.min.css names %d fonts, want the 20 of KaTeX", n)
	}
	for _, f := range mermaid {
		if strings.Contains(f.Path, "katex") {
			t.Errorf("Files(Mermaid) has %s", f.Path)
		}
	}
}

// TestUsed: the libraries of a site are those any of its pages needs.
func TestUsed(t *testing.T) {
	t.Parallel()
	plain, math, diagram := &layout.Page{}, &layout.Page{HasMath: true}, &layout.Page{HasMermaid: true}
	for _, tc := range []struct {
		name  string
		pages []*layout.Page
		want  Lib
	}{
		{"None", nil, 0},
		{"Plain", []*layout.Page{plain}, 0},
		{"Math", []*layout.Page{plain, math}, Math},
		{"Mermaid", []*layout.Page{diagram, plain}, Mermaid},
		{"Both", []*layout.Page{math, plain, diagram}, Math | Mermaid},
	} {
		if got := Used(tc.pages); got != tc.want {
			t.Errorf("%s: Used = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestWithAssets: the libraries' entries join a site's asset table, and
// an asset of the site's own of the same name stays.
func TestWithAssets(t *testing.T) {
	t.Parallel()
	all := Assets("/docs/")
	if got := WithAssets(nil, "/docs/"); !reflect.DeepEqual(got, all) {
		t.Errorf("WithAssets(nil) = %v, want %v", got, all)
	}
	mine := assets.Asset{Name: KaTeXJS, RelPermalink: "/docs/my-katex.js"}
	other := assets.Asset{Name: "css/main.css", RelPermalink: "/docs/css/main.css"}
	table := WithAssets(map[string]assets.Asset{KaTeXJS: mine, other.Name: other}, "/docs/")
	if table[KaTeXJS] != mine || table[other.Name] != other {
		t.Errorf("the site's assets were replaced: %v", table)
	}
	if len(table) != len(all)+1 || table[MermaidJS] != all[MermaidJS] {
		t.Errorf("WithAssets = %v, want the libraries' entries besides the site's", table)
	}
}
