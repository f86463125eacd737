package funcs

import (
	"fmt"
	"html"
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"
)

// stripTags removes HTML tags (and comments) from s, keeping the text
// between them. It is not a sanitizer: its output is plain text for
// counting and plainify, which templates escape again.
func stripTags(s string) string {
	if !strings.ContainsAny(s, "<>") {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		if strings.HasPrefix(s, "<!--") {
			end := strings.Index(s, "-->")
			if end < 0 {
				break
			}
			s = s[end+3:]
			continue
		}
		if len(s) < 2 || !(isASCIILetter(s[1]) || s[1] == '/' || s[1] == '!' || s[1] == '?') {
			b.WriteByte('<')
			s = s[1:]
			continue
		}
		end := strings.IndexByte(s, '>')
		if end < 0 {
			break
		}
		s = s[end+1:]
	}
	return b.String()
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// Plainify returns s without its HTML tags: {{ "<b>BatMan</b>" | plainify }} → BatMan.
func (Transform) Plainify(s any) (string, error) {
	x, err := str("plainify", s)
	return stripTags(x), err
}

// HTMLEscape escapes <, >, &, ' and ": the result is plain text that,
// printed by a template, is escaped again (Hugo's behaviour; pipe it to
// safeHTML to print the entities once).
func (Transform) HTMLEscape(s any) (string, error) {
	x, err := str("htmlEscape", s)
	return html.EscapeString(x), err
}

// HTMLUnescape turns entities such as &amp; and &#39; back into characters.
func (Transform) HTMLUnescape(s any) (string, error) {
	x, err := str("htmlUnescape", s)
	return html.UnescapeString(x), err
}

// defaultEllipsis is what truncate appends by default, as Hugo.
const defaultEllipsis = " …"

// Truncate shortens s to size runes of text at a word boundary and appends
// an ellipsis: truncate SIZE [ELLIPSIS] INPUT. HTML input (template.HTML)
// keeps its tags, which do not count, and gets its open tags closed; other
// input is escaped. The result is HTML.
func (Strings) Truncate(size any, args ...any) (template.HTML, error) {
	n, err := toInt(size)
	if err != nil {
		return "", fmt.Errorf("truncate: size: %w", err)
	}
	if n < 0 {
		return "", fmt.Errorf("truncate: negative size %d", n)
	}
	ellipsis := template.HTML(template.HTMLEscapeString(defaultEllipsis))
	var in any
	switch len(args) {
	case 1:
		in = args[0]
	case 2:
		in = args[1]
		if h, ok := args[0].(template.HTML); ok {
			ellipsis = h
		} else {
			e, err := str("truncate", args[0])
			if err != nil {
				return "", err
			}
			ellipsis = template.HTML(template.HTMLEscapeString(e))
		}
	default:
		return "", fmt.Errorf("truncate: want SIZE [ELLIPSIS] INPUT")
	}
	h, isHTML := in.(template.HTML)
	text := string(h)
	if !isHTML {
		if text, err = str("truncate", in); err != nil {
			return "", err
		}
		text = template.HTMLEscapeString(text)
	}
	return truncateHTML(text, n, ellipsis, isHTML), nil
}

// truncateHTML cuts escaped or HTML text after n runes of text: at the
// last white space at or before the limit, or at the limit when the text
// has no space before it. Entities count as one rune.
func truncateHTML(s string, n int, ellipsis template.HTML, isHTML bool) template.HTML {
	var open []string
	count, lastSpace := 0, -1
	var openAtSpace []string
	for i := 0; i < len(s); {
		c := s[i]
		if isHTML && c == '<' {
			end := strings.IndexByte(s[i:], '>')
			if end < 0 {
				break
			}
			open = trackTag(open, s[i+1:i+end])
			i += end + 1
			continue
		}
		size := 1
		r := rune(c)
		if c == '&' {
			if end := strings.IndexByte(s[i:], ';'); end > 0 && end < 12 {
				size = end + 1
			}
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			lastSpace = i
			openAtSpace = append(openAtSpace[:0], open...)
		}
		count++
		if count > n {
			cut, tags := i, open
			if lastSpace >= 0 {
				cut, tags = lastSpace, openAtSpace
			}
			var b strings.Builder
			b.WriteString(strings.TrimRightFunc(s[:cut], unicode.IsSpace))
			b.WriteString(string(ellipsis))
			for j := len(tags) - 1; j >= 0; j-- {
				b.WriteString("</" + tags[j] + ">")
			}
			return template.HTML(b.String())
		}
		i += size
	}
	return template.HTML(s)
}

// voidElements have no closing tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// trackTag updates the stack of open elements with the tag whose text
// (between < and >) is tag.
func trackTag(open []string, tag string) []string {
	closing := strings.HasPrefix(tag, "/")
	tag = strings.TrimPrefix(tag, "/")
	name := tag
	if i := strings.IndexFunc(tag, func(r rune) bool { return unicode.IsSpace(r) || r == '/' }); i >= 0 {
		name = tag[:i]
	}
	name = strings.ToLower(name)
	if name == "" || name[0] == '!' || voidElements[name] || strings.HasSuffix(tag, "/") {
		return open
	}
	if closing {
		for j := len(open) - 1; j >= 0; j-- {
			if open[j] == name {
				return open[:j]
			}
		}
		return open
	}
	return append(open, name)
}
