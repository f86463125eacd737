package funcs

import (
	"fmt"
	"html/template"
)

// Cast is Hugo's cast namespace.
type Cast struct{}

// ToInt converts numbers, numeric strings and bools to an int (floats are
// truncated): int "42" → 42.
func (Cast) ToInt(v any) (int, error) {
	n, err := toInt(v)
	if err != nil {
		return 0, fmt.Errorf("int: %w", err)
	}
	return n, nil
}

// ToFloat converts numbers, numeric strings and bools to a float64.
func (Cast) ToFloat(v any) (float64, error) {
	f, err := toFloat(v)
	if err != nil {
		return 0, fmt.Errorf("float: %w", err)
	}
	return f, nil
}

// ToString converts a scalar to a string.
func (Cast) ToString(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	return str("string", v)
}

// Compare is Hugo's compare namespace.
type Compare struct{}

// Conditional returns a when control is true, else b: cond CONTROL A B.
// Both are evaluated either way.
func (Compare) Conditional(control, a, b any) any {
	if truth(control) {
		return a
	}
	return b
}

// Default returns given if it is set (true in the template sense:
// non-zero, non-empty, not nil), else def: {{ default "Untitled" .Title }}.
func (Compare) Default(def any, given ...any) any {
	if len(given) == 0 || given[0] == nil {
		return def
	}
	if truth(given[0]) {
		return given[0]
	}
	return def
}

// Eq reports whether a equals any of others, numbers compared by value
// whatever their types.
func (Compare) Eq(a any, others ...any) bool {
	for _, b := range others {
		if equal(a, b) {
			return true
		}
	}
	return false
}

// Ne reports whether a differs from b.
func (Compare) Ne(a, b any) bool { return !equal(a, b) }

func (Compare) Lt(a, b any) (bool, error) {
	return order("lt", a, b, func(c int) bool { return c < 0 })
}
func (Compare) Le(a, b any) (bool, error) {
	return order("le", a, b, func(c int) bool { return c <= 0 })
}
func (Compare) Gt(a, b any) (bool, error) {
	return order("gt", a, b, func(c int) bool { return c > 0 })
}
func (Compare) Ge(a, b any) (bool, error) {
	return order("ge", a, b, func(c int) bool { return c >= 0 })
}

func order(fn string, a, b any, ok func(int) bool) (bool, error) {
	c, comparable := compare(a, b)
	if !comparable {
		return false, fmt.Errorf("%s: cannot compare %T with %T", fn, a, b)
	}
	return ok(c), nil
}

// Safe is Hugo's safe namespace: marking strings as trusted so html/template
// does not escape them.
type Safe struct{}

func (Safe) HTML(v any) (template.HTML, error) {
	s, err := safeStr("safeHTML", v)
	return template.HTML(s), err
}

func (Safe) URL(v any) (template.URL, error) {
	s, err := safeStr("safeURL", v)
	return template.URL(s), err
}

func (Safe) JS(v any) (template.JS, error) {
	s, err := safeStr("safeJS", v)
	return template.JS(s), err
}

func (Safe) CSS(v any) (template.CSS, error) {
	s, err := safeStr("safeCSS", v)
	return template.CSS(s), err
}

func (Safe) HTMLAttr(v any) (template.HTMLAttr, error) {
	s, err := safeStr("safeHTMLAttr", v)
	return template.HTMLAttr(s), err
}

func (Safe) JSStr(v any) (template.JSStr, error) {
	s, err := safeStr("safeJSStr", v)
	return template.JSStr(s), err
}

// safeStr converts like toStr but takes nil as "".
func safeStr(fn string, v any) (string, error) {
	if v == nil {
		return "", nil
	}
	return str(fn, v)
}
