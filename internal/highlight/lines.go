package highlight

import (
	"io"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/formatters/html"
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
}

// CodeLines writes code as Code does, but with one element per line so
// lines can be numbered and highlighted: chroma's own HTML formatter with
// classes (".line", ".ln", ".hl"), which the Stylesheet covers. An unknown
// or empty lang renders plain lines.
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
	f := html.New(
		html.WithClasses(true),
		html.WithLineNumbers(o.Numbers),
		html.LineNumbersInTable(o.Table),
		html.BaseLineNumber(start),
		html.HighlightLines(o.Highlight),
	)
	return f.Format(w, styles.Fallback, chroma.Literator(tokens...))
}
