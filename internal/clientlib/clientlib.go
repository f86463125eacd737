// Package clientlib holds the client-side libraries quire's theme loads
// only on the pages that need them: KaTeX, which typesets math, and
// Mermaid, which draws diagrams. They are embedded in quire (see
// vendor.sh), so a site needs no CDN, and they are published only when a
// page uses them.
package clientlib

import (
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/quire-docs/quire/internal/assets"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/markdown"
	"github.com/quire-docs/quire/internal/publish"
)

//go:embed katex mermaid init
var files embed.FS

// Lib is a set of libraries.
type Lib uint8

const (
	Math    Lib = 1 << iota // KaTeX and its fonts, and quire's script that runs it
	Mermaid                 // Mermaid, and quire's script that runs it
)

// Uses reports which libraries a page's HTML body needs: Math for an
// element of class "math math-inline" or "math math-display" (what the
// markdown stage and the katex shortcode write), Mermaid for one of class
// "mermaid".
func Uses(body string) Lib {
	var l Lib
	if strings.Contains(body, `class="`+markdown.MathInlineClass+`"`) ||
		strings.Contains(body, `class="`+markdown.MathDisplayClass+`"`) {
		l |= Math
	}
	if strings.Contains(body, `class="`+markdown.MermaidClass+`"`) {
		l |= Mermaid
	}
	return l
}

// Used returns the libraries the bodies of pages need, from each view's
// HasMath and HasMermaid (which render sets from Uses).
func Used(pages []*layout.Page) Lib {
	var l Lib
	for _, v := range pages {
		if v.HasMath {
			l |= Math
		}
		if v.HasMermaid {
			l |= Mermaid
		}
	}
	return l
}

// file is one embedded file and where it is published.
type file struct {
	lib  Lib
	name string // in the asset table ("lib/katex.js"); "" for a file only other files load
	src  string // in the embedded tree
	out  string // output path
	data []byte
}

// Asset table names, for the theme's templates.
const (
	KaTeXCSS    = "lib/katex.css"
	KaTeXJS     = "lib/katex.js"
	MathJS      = "lib/math.js"
	MermaidJS   = "lib/mermaid.js"
	MermaidInit = "lib/mermaid-init.js"
)

// list returns every embedded file with its output path, computed once:
// the files are constant, so is this.
var list = sync.OnceValue(func() []file {
	read := func(name string) []byte {
		b, err := files.ReadFile(name)
		if err != nil {
			panic("clientlib: embedded file missing: " + name) // a broken build of quire, not user input
		}
		return b
	}
	version := func(lib string) string { return strings.TrimSpace(string(read(lib + "/VERSION"))) }
	katexDir := "lib/katex-" + version("katex") + "/"
	mermaidDir := "lib/mermaid-" + version("mermaid") + "/"
	out := []file{
		{lib: Math, name: KaTeXCSS, src: "katex/katex.min.css", out: katexDir + "katex.min.css"},
		{lib: Math, name: KaTeXJS, src: "katex/katex.min.js", out: katexDir + "katex.min.js"},
		{lib: Math, src: "katex/LICENSE", out: katexDir + "LICENSE"},
		{lib: Mermaid, name: MermaidJS, src: "mermaid/mermaid.min.js", out: mermaidDir + "mermaid.min.js"},
		{lib: Mermaid, src: "mermaid/LICENSE", out: mermaidDir + "LICENSE"},
	}
	fonts, _ := fs.Glob(files, "katex/fonts/*.woff2")
	for _, f := range fonts {
		out = append(out, file{lib: Math, src: f, out: katexDir + "fonts/" + path.Base(f)})
	}
	// quire's own scripts change with quire, not with the libraries:
	// they are fingerprinted as the theme's assets are.
	for _, s := range []struct {
		lib       Lib
		name, src string
	}{{Math, MathJS, "init/math.js"}, {Mermaid, MermaidInit, "init/mermaid.js"}} {
		data := read(s.src)
		out = append(out, file{lib: s.lib, name: s.name, src: s.src, out: assets.Fingerprint(s.name, data)})
	}
	for i := range out {
		if out[i].data == nil {
			out[i].data = read(out[i].src)
		}
	}
	return out
})

// integrity is the subresource integrity of each named file, computed
// once (they are constant).
var integrity = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, f := range list() {
		if f.name != "" {
			sum := sha256.Sum256(f.data)
			m[f.name] = "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
		}
	}
	return m
})

// Assets returns the asset table's entries of every library, for a site
// whose URLs start with the path basePath ("/" or "/docs/"): the theme
// links them on the pages that use them.
func Assets(basePath string) map[string]assets.Asset {
	if !strings.HasSuffix(basePath, "/") {
		basePath += "/"
	}
	sri := integrity()
	m := map[string]assets.Asset{}
	for _, f := range list() {
		if f.name != "" {
			m[f.name] = assets.Asset{Name: f.name, RelPermalink: basePath + f.out, Integrity: sri[f.name]}
		}
	}
	return m
}

// WithAssets adds every library's entry (Assets) to table, a site's asset
// table, where the site has no asset of the same name, and returns it (a
// new table when table is nil).
func WithAssets(table map[string]assets.Asset, basePath string) map[string]assets.Asset {
	if table == nil {
		table = map[string]assets.Asset{}
	}
	for name, a := range Assets(basePath) {
		if _, ok := table[name]; !ok {
			table[name] = a
		}
	}
	return table
}

// Files returns the files of the libraries in l, sorted by path, to
// publish as quire's own (a site's file at the same path wins).
func Files(l Lib) []publish.File {
	var out []publish.File
	for _, f := range list() {
		if l&f.lib != 0 {
			out = append(out, publish.File{Path: f.out, Data: f.data, Source: "quire's " + libName(f.lib)})
		}
	}
	slices.SortFunc(out, func(a, b publish.File) int { return strings.Compare(a.Path, b.Path) })
	return out
}

func libName(l Lib) string {
	if l == Math {
		return "KaTeX"
	}
	return "Mermaid"
}
