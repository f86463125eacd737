package config

import (
	"fmt"
	"strings"
)

// Security is the [security] table.
type Security struct {
	// AllowOutside lists directories outside the site root (relative to
	// it, or absolute) that symbolic links in the site may point into,
	// such as a monorepo's shared docs. Default: none.
	AllowOutside []string
	// Getenv (security.funcs.getenv) lists the patterns of the
	// environment variables os.Getenv may read; nil: Hugo's defaults,
	// DefaultGetenv. See funcs.go.
	Getenv []string
	// EnableInlineShortcodes (security.enableInlineShortcodes, or Hugo's
	// older top-level enableInlineShortcodes) runs the inline shortcodes
	// pages define. Default false.
	EnableInlineShortcodes bool
}

var securityFields = []field{
	{name: "allowOutside", kind: kindArray},
	{name: "funcs", kind: kindTable, fields: securityFuncsFields},
	{name: "enableInlineShortcodes", kind: kindBool},
}

func (d *decoder) applySecurity(c *Security) {
	d.applySecurityFuncs(c)
	const name = "security.allowOutside"
	l, ok := d.leaves[name]
	if !ok {
		return
	}
	var dirs []string
	for _, v := range l.value.([]any) {
		s, ok := v.(string)
		if !ok || strings.TrimSpace(s) == "" {
			d.addAt(l, &problem{fmt.Sprintf("%s: %v is not a directory path", name, v), `write paths relative to the site root, like ["../shared-docs"]`})
			return
		}
		dirs = append(dirs, s)
	}
	c.AllowOutside = dirs
}
