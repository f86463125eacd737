package markdown

import (
	"bufio"
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// ipv6Links renders links, autolinks and images as goldmark does, but
// keeps the brackets of an IPv6 literal host: goldmark percent-encodes
// every '[' and ']' of a URL, and "http://%5B::1%5D:8080/" is no URL
// at all (a host is not percent-decoded before its brackets are read).
type ipv6Links struct {
	base map[ast.NodeKind]renderer.NodeRendererFunc // goldmark's own
}

// newIPv6Links wraps the renderers of a goldmark HTML renderer with opts.
func newIPv6Links(opts ...gmhtml.Option) *ipv6Links {
	r := &ipv6Links{base: map[ast.NodeKind]renderer.NodeRendererFunc{}}
	gmhtml.NewRenderer(opts...).RegisterFuncs(r)
	return r
}

// Register records goldmark's renderers (renderer.NodeRendererFuncRegisterer).
func (r *ipv6Links) Register(k ast.NodeKind, f renderer.NodeRendererFunc) { r.base[k] = f }

// RegisterFuncs implements renderer.NodeRenderer.
func (r *ipv6Links) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	for _, k := range []ast.NodeKind{ast.KindLink, ast.KindAutoLink, ast.KindImage} {
		reg.Register(k, r.render)
	}
}

func (r *ipv6Links) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	base := r.base[node.Kind()]
	var dest []byte
	switch n := node.(type) {
	case *ast.Link:
		dest = n.Destination
	case *ast.Image:
		dest = n.Destination
	case *ast.AutoLink:
		dest = n.URL(src)
	}
	host := bracketHost(string(dest))
	if !entering || host == "" {
		return base(w, src, node, entering)
	}
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	st, err := base(bw, src, node, entering)
	if err != nil {
		return st, err
	}
	_ = bw.Flush()
	out := buf.Bytes()
	escaped := util.EscapeHTML(util.URLEscape([]byte(host), false))
	if i := bytes.Index(out, escaped); i >= 0 {
		out = append(append(out[:i:i], util.EscapeHTML([]byte(host))...), out[i+len(escaped):]...)
	}
	_, _ = w.Write(out)
	return st, nil
}

// bracketHost returns the bracketed host ("[::1]") of an absolute URL
// with an IPv6 literal host, "" for any other URL.
func bracketHost(u string) string {
	i := strings.Index(u, "://")
	if i <= 0 || strings.ContainsAny(u[:i], "/?#") {
		return ""
	}
	auth := u[i+3:]
	if j := strings.IndexAny(auth, "/?#"); j >= 0 {
		auth = auth[:j]
	}
	if j := strings.LastIndexByte(auth, '@'); j >= 0 {
		auth = auth[j+1:]
	}
	if !strings.HasPrefix(auth, "[") {
		return ""
	}
	end := strings.IndexByte(auth, ']')
	if end < 0 {
		return ""
	}
	return auth[:end+1]
}
