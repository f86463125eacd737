// Package highlight renders code with chroma v2 as HTML with CSS classes,
// and generates the matching stylesheet.
package highlight

import (
	"html"
	"io"
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// Code writes code as highlighted HTML using CSS classes, never inline styles:
//
//	<pre class="chroma"><code class="language-go"><span class="kd">func</span>…</code></pre>
//
// Each token becomes a <span> whose class is chroma's short class name
// (chroma.StandardTypes); plain text and whitespace tokens are written bare.
// The output does not depend on any style, so one page works with every
// stylesheet Stylesheet produces.
//
// lang is matched against chroma's lexer names and aliases (case-insensitive)
// and file extensions. An unknown or empty lang renders escaped plain code;
// a non-empty lang is still kept as the class "language-<lang>" so CSS or
// client-side tools (e.g. diagrams) can find it. A lang that is not a
// ValidLanguage is not looked up: the code is plain, but the lang is still
// kept as its class when it has at most MaxLanguageLen bytes (CommonMark
// wants ``` föö to give class="language-föö"); a longer one is dropped.
// The only errors returned are those of w.
func Code(w io.Writer, lang, code string) error {
	var b strings.Builder
	b.Grow(len(code)*2 + 64)
	b.WriteString(`<pre class="chroma"><code`)
	if keepClass(lang) {
		b.WriteString(` class="language-`)
		b.WriteString(html.EscapeString(lang))
		b.WriteByte('"')
	}
	b.WriteByte('>')
	if !writeTokens(&b, lang, code) {
		b.WriteString(html.EscapeString(code))
	}
	b.WriteString("</code></pre>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// writeTokens writes the highlighted tokens of code to b and reports whether
// it did; it writes nothing and returns false when there is no lexer for
// lang or the lexer fails.
func writeTokens(b *strings.Builder, lang, code string) bool {
	if lang == "" {
		return false
	}
	lexer := lexer(lang)
	if lexer == nil {
		return false
	}
	// Collect first, so a failing lexer leaves b untouched.
	tokens, err := lexer.tokens(code)
	if err != nil {
		return false
	}
	for _, t := range tokens {
		cls := class(t.Type)
		if cls == "" {
			b.WriteString(html.EscapeString(t.Value))
			continue
		}
		b.WriteString(`<span class="`)
		b.WriteString(cls)
		b.WriteString(`">`)
		b.WriteString(html.EscapeString(t.Value))
		b.WriteString(`</span>`)
	}
	return true
}

// class returns the CSS class for a token type, walking up to its parent
// types as chroma's own HTML formatter does. Text and whitespace get none.
func class(t chroma.TokenType) string {
	if t == chroma.Whitespace {
		return ""
	}
	for t != 0 {
		if cls, ok := chroma.StandardTypes[t]; ok {
			return cls
		}
		t = t.Parent()
	}
	return chroma.StandardTypes[t]
}

// keepClass reports whether lang is kept as the class "language-<lang>".
func keepClass(lang string) bool { return lang != "" && len(lang) <= MaxLanguageLen }
