package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// GitHub's alerts: a quote whose first line is "[!NOTE]", "[!TIP]",
// "[!IMPORTANT]", "[!WARNING]" or "[!CAUTION]" (in any case), optionally
// followed by a title (Hugo's and Obsidian's "> [!TIP] Pro tip"), is an
// admonition of that kind. The alerts transformer takes the marker line out
// of the quote and puts an alertTitle node first in its place, so nothing
// that reads the body's text (the summary, search, FAQ answers) sees
// "[!NOTE]". A quote with another word ("[!FOO]") stays a quote as written,
// unless a blockquote render hook takes it (setAlert).

// alertLine is GitHub's alert syntax on a quote's first line, with
// Obsidian's fold sign and title as Hugo reads them.
var alertLine = regexp.MustCompile(`^\[!([A-Za-z]+)\]([-+]?)[ \t]*(.*?)[ \t]*$`)

// alertTitles are the titles of the alert kinds (admonitionKinds) that
// have none of their own.
var alertTitles = map[string]string{
	"note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning", "caution": "Caution",
}

// alertKey holds a quote's alert, set by the alerts transformer or
// setAlert.
const alertKey = "\x00quire-alert"

// alert is a quote's alert: its kind lowercased ("note"), Obsidian's fold
// sign ("+", "-" or ""), and its title as written ("" for none).
type alert struct{ kind, sign, title string }

// alerts is the AST transformer of GitHub's alerts of the known kinds.
type alerts struct{}

// Transform implements parser.ASTTransformer.
func (alerts) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var quotes []*ast.Blockquote
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if q, ok := n.(*ast.Blockquote); ok && entering {
			quotes = append(quotes, q)
		}
		return ast.WalkContinue, nil
	})
	for _, q := range quotes {
		p, a, end, ok := parseAlert(q, src)
		if !ok || alertTitles[a.kind] == "" {
			continue
		}
		q.SetAttributeString(alertKey, a)
		q.SetAttributeString("class", []byte("admonition admonition-"+a.kind))
		title := &alertTitle{kind: a.kind}
		moveFirstLine(p, title, end, src)
		if !title.HasChildren() {
			title.AppendChild(title, ast.NewString([]byte(alertTitles[a.kind])))
		}
		q.InsertBefore(q, p, title)
		if !p.HasChildren() {
			q.RemoveChild(q, p)
		}
	}
}

// parseAlert reads GitHub's alert syntax on the first line of q's first
// paragraph p, and returns the source offset where its title starts.
func parseAlert(q *ast.Blockquote, src []byte) (p *ast.Paragraph, a alert, titleStart int, ok bool) {
	p, ok = q.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return nil, alert{}, 0, false
	}
	first := p.Lines().At(0)
	line := bytes.TrimRight(first.Value(src), "\r\n")
	m := alertLine.FindSubmatchIndex(line)
	if m == nil {
		return nil, alert{}, 0, false
	}
	a = alert{kind: strings.ToLower(string(line[m[2]:m[3]])), sign: string(line[m[4]:m[5]]), title: string(line[m[6]:m[7]])}
	return p, a, first.Start + m[6], true
}

// moveFirstLine moves the inlines of p's first line from titleStart on
// into title, and drops those before it (the marker). A text node across
// titleStart keeps its part after it.
func moveFirstLine(p *ast.Paragraph, title ast.Node, titleStart int, src []byte) {
	lineEnd := p.Lines().At(0).Stop
	if p.Lines().Len() == 1 {
		lineEnd = len(src) + 1 // everything: the paragraph is the line
	}
	end := p.Lines().At(0).Start // where the inline before c ends
	for c := p.FirstChild(); c != nil; {
		next := c.NextSibling()
		start := inlineStart(c)
		if start < 0 {
			start = end // no text of the source: a typographer's quote
		}
		if start >= lineEnd {
			break
		}
		if e := inlineEnd(c); e >= 0 {
			end = e
		}
		p.RemoveChild(p, c)
		t, isText := c.(*ast.Text)
		last := isText && (t.SoftLineBreak() || t.HardLineBreak()) // the line's last inline
		if isText && start < titleStart && t.Segment.Stop > titleStart {
			t.Segment = t.Segment.WithStart(titleStart)
			start = titleStart
		}
		if start >= titleStart {
			if last {
				t.SetSoftLineBreak(false)
				t.SetHardLineBreak(false)
				t.Segment = t.Segment.TrimRightSpace(src)
			}
			title.AppendChild(title, c)
		}
		if last {
			break
		}
		c = next
	}
}

// inlineEnd returns the source offset where the last text in inline n
// ends, -1 when there is none.
func inlineEnd(n ast.Node) int {
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Stop
	}
	for c := n.LastChild(); c != nil; c = c.PreviousSibling() {
		if e := inlineEnd(c); e >= 0 {
			return e
		}
	}
	return -1
}

// setAlert records an alert of any kind on q, when it has GitHub's alert
// syntax and no alert yet, for the blockquote hook: it removes the marker
// line from the quote (the whole first paragraph when it is all there is).
func setAlert(q *ast.Blockquote, src []byte) {
	if _, ok := q.AttributeString(alertKey); ok {
		return
	}
	p, a, _, ok := parseAlert(q, src)
	if !ok {
		return
	}
	q.SetAttributeString(alertKey, a)
	if p.Lines().Len() == 1 {
		q.RemoveChild(q, p)
		return
	}
	first := p.Lines().At(0)
	for c := p.FirstChild(); c != nil; {
		next := c.NextSibling()
		if start := inlineStart(c); start < 0 || start >= first.Stop {
			break
		}
		p.RemoveChild(p, c)
		c = next
	}
}

// kindAlertTitle is the kind of alertTitle nodes.
var kindAlertTitle = ast.NewNodeKind("QuireAlertTitle")

// alertTitle is the first child of a quote that is an alert: its title's
// inlines.
type alertTitle struct {
	ast.BaseBlock
	kind string
}

// Kind implements ast.Node.
func (*alertTitle) Kind() ast.NodeKind { return kindAlertTitle }

// Dump implements ast.Node.
func (n *alertTitle) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Kind": n.kind}, nil)
}

// renderAlertTitle writes
//
//	<p class="admonition-title"><span class="admonition-icon" aria-hidden="true"><svg …></svg></span> <strong>Title</strong></p>
//
// as the shortcodes' callouts write their titles, so the theme's CSS
// styles both.
func renderAlertTitle(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<p class="admonition-title"><span class="admonition-icon" aria-hidden="true">`)
		_, _ = w.WriteString(alertIcon(node.(*alertTitle).kind))
		_, _ = w.WriteString(`</span> <strong>`)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("</strong></p>\n")
	return ast.WalkContinue, nil
}

// alertTitleRenderer registers renderAlertTitle: the node is quire's, so
// goldmark has no renderer of it to replace.
type alertTitleRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (alertTitleRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindAlertTitle, renderAlertTitle)
}
