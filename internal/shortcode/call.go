package shortcode

import (
	"fmt"
	"html/template"
	"strings"
)

// Call is what a shortcode template receives as ".", with Hugo's names.
// Page and Site are whatever the caller put in Env (quire passes views
// with .Title, .Params, .RelPermalink, ... and .Site.GetPage).
type Call struct {
	Name          string
	Page          any
	Site          any
	Parent        *Call // the enclosing shortcode, nil at the top
	Position      Position
	Inner         template.HTML // text between the tags, nested shortcodes expanded
	Ordinal       int           // 0-based index among the shortcodes of its parent (or of the page)
	IsNamedParams bool
	params        []Param
	offset        int // of the tag in the body, for diagnostics
	innerSpans    []innerSpan
}

// innerSpan is a part of Inner copied from the body: n bytes at in, from
// src in the body.
type innerSpan struct{ in, src, n int }

// innerSource returns the body offset of Inner[off:off+n] when those bytes
// are copied from the body as they are, after skip bytes of spaces and
// tabs (indentation added around a nested block's lines); else -1.
func (c *Call) innerSource(off, n int) (src, skip int) {
	for _, sp := range c.innerSpans {
		if off+n <= sp.in || off+n > sp.in+sp.n {
			continue
		}
		if off >= sp.in {
			return sp.src + off - sp.in, 0
		}
		if strings.Trim(string(c.Inner[off:sp.in]), " \t") == "" {
			return sp.src, sp.in - off
		}
	}
	return -1, 0
}

// Position is where a shortcode is written, as Hugo's text.Position.
type Position struct {
	Filename     string
	LineNumber   int
	ColumnNumber int
}

// String formats the position as "file:line:col".
func (p Position) String() string {
	return fmt.Sprintf("%s:%d:%d", p.Filename, p.LineNumber, p.ColumnNumber)
}

// Get returns a parameter by 0-based index (positional parameters) or by
// name (named ones), or "" when there is no such parameter, so templates
// can test it with `with` or `if`.
func (c *Call) Get(key any) (any, error) {
	switch k := key.(type) {
	case int:
		if c.IsNamedParams || k < 0 || k >= len(c.params) {
			return "", nil
		}
		return c.params[k].Value, nil
	case string:
		for _, p := range c.params {
			if p.Name != "" && p.Name == k {
				return p.Value, nil
			}
		}
		return "", nil
	case int64:
		return c.Get(int(k))
	}
	return nil, fmt.Errorf("Get wants an index or a name, not %T", key)
}

// Params returns the named parameters as a map, or the positional ones
// as a slice.
func (c *Call) Params() any {
	if c.IsNamedParams {
		m := make(map[string]any, len(c.params))
		for _, p := range c.params {
			m[p.Name] = p.Value
		}
		return m
	}
	s := make([]any, len(c.params))
	for i, p := range c.params {
		s[i] = p.Value
	}
	return s
}

// InnerDeindent is Inner with the indentation common to its lines
// removed, for shortcodes used inside indented lists.
func (c *Call) InnerDeindent() template.HTML {
	lines := strings.Split(string(c.Inner), "\n")
	indent := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if indent < 0 || n < indent {
			indent = n
		}
	}
	if indent <= 0 {
		return c.Inner
	}
	for i, l := range lines {
		if len(l) >= indent {
			lines[i] = l[indent:]
		} else {
			lines[i] = strings.TrimLeft(l, " \t")
		}
	}
	return template.HTML(strings.Join(lines, "\n"))
}

// str returns a parameter as a string ("" when missing).
func (c *Call) str(key any) string {
	v, _ := c.Get(key)
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}
