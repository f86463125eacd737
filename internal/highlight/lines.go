package highlight

import (
	"bytes"
	"html"
	"io"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// LineOptions are per-line choices for CodeLines, as Hugo's highlight
// shortcode spells them (linenos, linenostart, hl_lines).
type LineOptions struct {
	Numbers   bool     // show line numbers
	Table     bool     // line numbers in a separate table column, so copying skips them
	Start     int      // number of the first line; 0 means 1
	Highlight [][2]int // inclusive ranges of lines to mark, as numbered on the page (from Start)
	// Anchors makes each line number a link to itself, with the id
	// AnchorPrefix followed by the number (only when Numbers is set).
	Anchors      bool
	AnchorPrefix string
}

// CodeLines writes code as Code does, but with one element per line so
// lines can be numbered and highlighted: chroma's own HTML formatter with
// classes (".line", ".ln", ".hl"), which the Stylesheet covers. An unknown
// or empty lang renders plain lines. A lang is kept as the class of the
// <code> element as Code keeps it. The HTML ends with a newline.
func CodeLines(w io.Writer, lang, code string, o LineOptions) error {
	var tokens []chroma.Token
	if l := lexer(lang); lang != "" && l != nil {
		tokens, _ = l.tokens(code)
	}
	if tokens == nil {
		tokens, _ = chromaTokens(lexers.Fallback, code)
	}
	start := o.Start
	if start == 0 {
		start = 1
	}
	f := chromahtml.New(
		chromahtml.WithClasses(true),
		chromahtml.WithLineNumbers(o.Numbers),
		chromahtml.LineNumbersInTable(o.Table),
		chromahtml.BaseLineNumber(start),
		chromahtml.HighlightLines(o.Highlight),
		chromahtml.WithLinkableLineNumbers(o.Anchors && o.Numbers, o.AnchorPrefix),
	)
	var b bytes.Buffer
	if err := f.Format(&b, styles.Fallback, chroma.Literator(tokens...)); err != nil {
		return err
	}
	out := b.Bytes()
	if keepClass(lang) {
		// chroma writes one <code>, the code's own (token text is
		// escaped, and the line number column of a table has none).
		out = bytes.Replace(out, []byte("<code>"), []byte(`<code class="language-`+html.EscapeString(lang)+`">`), 1)
	}
	if !bytes.HasSuffix(out, []byte("\n")) {
		out = append(out, '\n')
	}
	_, err := w.Write(out)
	return err
}
