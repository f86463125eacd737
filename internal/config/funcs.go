package config

import (
	"fmt"
	"regexp"
)

// DefaultGetenv are the variables os.Getenv may read when
// security.funcs.getenv is not set: Hugo's defaults.
var DefaultGetenv = []string{"^HUGO_", "^CI$"}

var securityFuncsFields = []field{
	{name: "getenv", kind: kindArray},
}

// applySecurityFuncs checks and copies security.funcs.getenv and the
// enableInlineShortcodes settings (the [security] one wins).
func (d *decoder) applySecurityFuncs(c *Security) {
	d.setBool("enableInlineShortcodes", &c.EnableInlineShortcodes)
	d.setBool("security.enableInlineShortcodes", &c.EnableInlineShortcodes)
	const name = "security.funcs.getenv"
	l, ok := d.leaves[name]
	if !ok {
		return
	}
	pats := []string{}
	for _, v := range l.value.([]any) {
		s, ok := v.(string)
		if !ok {
			d.addAt(l, &problem{fmt.Sprintf("%s: %v is not a string", name, v), `list regular expressions, like ["^HUGO_", "^CI$"]`})
			return
		}
		if _, err := regexp.Compile(s); err != nil {
			d.addAt(l, &problem{fmt.Sprintf("%s: %q is not a regular expression: %v", name, s, err), `list regular expressions, like ["^HUGO_", "^CI$"]`})
			return
		}
		pats = append(pats, s)
	}
	c.Getenv = pats
}

// GetenvAllow returns the compiled patterns of the variables os.Getenv may
// read: Getenv, or DefaultGetenv when it is nil.
func (s Security) GetenvAllow() []*regexp.Regexp {
	pats := s.Getenv
	if pats == nil {
		pats = DefaultGetenv
	}
	out := make([]*regexp.Regexp, 0, len(pats))
	for _, p := range pats {
		if re, err := regexp.Compile(p); err == nil { // checked when parsed
			out = append(out, re)
		}
	}
	return out
}
