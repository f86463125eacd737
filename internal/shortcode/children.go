package shortcode

import (
	"fmt"
	"html"
	"reflect"
	"strconv"
	"strings"
)

// runChildren is Relearn's children: a list of links to the page's child
// pages (the Pages of Env.Page, read as templates read them), in their
// order; depth= levels (default 1), description=true adds each page's
// description, showhidden=true lists pages whose front matter has
// hidden: true.
func runChildren(x *expander, c *Call) (string, outKind, error) {
	depth := 1
	if v := c.str("depth"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return "", 0, fmt.Errorf("depth=%s: want a number of levels, 1 or more", v)
		}
		depth = min(n, 10)
	}
	var b strings.Builder
	writeChildren(&b, reflect.ValueOf(c.Page), depth, c.str("description") == "true", c.str("showhidden") == "true")
	if b.Len() == 0 {
		return "", asHTML, nil
	}
	return b.String(), asHTML, nil
}

// writeChildren writes the list of page's Pages, depth levels deep.
func writeChildren(b *strings.Builder, page reflect.Value, depth int, desc, hidden bool) {
	pages := field(page, "Pages")
	if pages.Kind() != reflect.Slice || pages.Len() == 0 {
		return
	}
	b.WriteString(`<ul class="children">`)
	for i := 0; i < pages.Len(); i++ {
		p := pages.Index(i)
		if !hidden && isHidden(field(p, "Params")) {
			continue
		}
		title := text(field(p, "LinkTitle"))
		if title == "" {
			title = text(field(p, "Title"))
		}
		fmt.Fprintf(b, `<li><a href="%s">%s</a>`, html.EscapeString(text(field(p, "RelPermalink"))), html.EscapeString(title))
		if d := text(field(p, "Description")); desc && d != "" {
			b.WriteString(" — " + html.EscapeString(d))
		}
		if depth > 1 {
			writeChildren(b, p, depth-1, desc, hidden)
		}
		b.WriteString("</li>")
	}
	b.WriteString("</ul>")
}

// field returns v's field name, through pointers and embedded structs;
// the zero Value when there is none.
func field(v reflect.Value, name string) reflect.Value {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return reflect.Value{}
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return reflect.Value{}
	}
	f, ok := v.Type().FieldByName(name)
	if !ok {
		return reflect.Value{}
	}
	fv, err := v.FieldByIndexErr(f.Index) // an embedded nil pointer is an error, not a panic
	if err != nil {
		return reflect.Value{}
	}
	return fv
}

// text returns a string field's value, "" for anything else.
func text(v reflect.Value) string {
	if v.Kind() == reflect.String {
		return v.String()
	}
	return ""
}

// isHidden reports whether a page's params say hidden: true.
func isHidden(params reflect.Value) bool {
	if params.Kind() != reflect.Map || params.Type().Key().Kind() != reflect.String {
		return false
	}
	v := params.MapIndex(reflect.ValueOf("hidden"))
	if !v.IsValid() {
		return false
	}
	b, ok := v.Interface().(bool)
	return ok && b
}
