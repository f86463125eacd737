package shortcode

import "strings"

// The Hugo docs themes whose shortcodes quire has built in, so a site
// that takes them from a theme module it does not have still builds.
const (
	themeNone    = ""
	themeDocsy   = "docsy"
	themeHextra  = "hextra"
	themeBook    = "book"
	themeRelearn = "relearn"
)

// themeOf returns the first of names (Hugo's theme setting, module
// paths) that is a theme quire knows: "docsy", "github.com/google/docsy",
// "hextra", "github.com/imfing/hextra", "hugo-book",
// "github.com/alex-shpak/hugo-book", "hugo-theme-relearn",
// "github.com/McShelby/hugo-theme-relearn". themeNone: none.
func themeOf(names []string) string {
	for _, n := range names {
		n = strings.ToLower(n)
		last := n[strings.LastIndex(n, "/")+1:]
		switch {
		case strings.Contains(n, "docsy"):
			return themeDocsy
		case strings.Contains(n, "hextra"):
			return themeHextra
		case strings.Contains(n, "relearn"):
			return themeRelearn
		case strings.Contains(n, "hugo-book") || last == "book":
			return themeBook
		}
	}
	return themeNone
}

// themeBuiltins returns the themes' shortcodes, those whose name two
// themes share as the site's theme has them.
func themeBuiltins(theme string) map[string]*entry {
	block := func(name string, run func(x *expander, c *Call) (string, outKind, error)) *entry {
		return &entry{file: name, inner: true, block: true, run: run}
	}
	details := collapsible{summary: "Details"}
	expand := collapsible{summary: "Expand"}
	switch theme {
	case themeHextra:
		details.openByDefault = true
	case themeRelearn:
		expand.summary = "Expand me..."
	}
	return map[string]*entry{
		// Docsy
		"alert":        block("alert", runAlert),
		"pageinfo":     block("pageinfo", runPageinfo),
		"blocks/cover": block("blocks/cover", runCover),
		"blocks/lead":  block("blocks/lead", runLead),
		"tabpane":      block("tabpane", runTabs),
		// Hextra, Hugo Book, Relearn (and Docsy's tab)
		"tabs":    block("tabs", runTabs),
		"tab":     block("tab", runTab),
		"callout": block("callout", runCallout),
		"hint":    block("hint", runHint),
		"notice":  block("notice", runNotice),
		"details": block("details", details.run),
		"expand":  block("expand", expand.run),
		"columns": block("columns", runColumns),
		"steps":   block("steps", runSteps),
		"cards":   block("cards", runCards),
		"mermaid": block("mermaid", runMermaid),
		"card":    {file: "card", run: runCard},
		"button":  {file: "button", inner: true, run: runButton},
		"katex":   {file: "katex", inner: true, run: runKaTeX},
		// Docsy's readfile, Relearn's include
		"readfile": {file: "readfile", run: runReadfile},
		"include":  {file: "include", run: runReadfile},
		"children": {file: "children", run: runChildren},
		// Hextra's file trees
		"filetree/container": {file: "filetree/container", inner: true, run: runFiletree},
		"filetree/folder":    {file: "filetree/folder", inner: true, run: runFolder},
		"filetree/file":      {file: "filetree/file", run: runFile},
	}
}
