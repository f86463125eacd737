// Package llms writes a site's docs for machines: llms.txt (the
// llmstxt.org format), llms-full.txt and each page's markdown twin.
package llms

import (
	"bytes"
	"strings"
)

// Page is what llms.txt and llms-full.txt show of one page.
type Page struct {
	Title       string
	Description string // "" for none
	URL         string // the twin's URL: absolute when baseURL is
	// Section is the title of the page's top-level section, the heading
	// it is listed under in llms.txt; "" for the home page and the pages
	// beside it at the root.
	Section string
	// Optional lists the page under llms.txt's "Optional" heading, which
	// a reader short of room may skip (front matter llms: optional).
	Optional bool
	Twin     []byte // the twin's markdown (Twin)
}

// Site is what llms.txt says of the site as a whole.
type Site struct {
	Title       string // the H1
	Description string // the blockquote under it; "" for none
	RootSection string // the heading of the pages of no section; "" for "Pages"
}

// Index returns llms.txt of pages, in their order (reading order): the
// site's title as the H1, its description as a blockquote, then one H2 per
// top-level section, in the order its first page comes, listing each page
// as "- [Title](URL): description", and last the Optional section.
func Index(s Site, pages []Page) []byte {
	var b bytes.Buffer
	b.WriteString("# " + oneLine(s.Title) + "\n")
	if d := oneLine(s.Description); d != "" {
		b.WriteString("\n> " + d + "\n")
	}
	root := s.RootSection
	if root == "" {
		root = "Pages"
	}
	var order []string
	bySection := map[string][]Page{}
	var optional []Page
	for _, p := range pages {
		if p.Optional {
			optional = append(optional, p)
			continue
		}
		name := p.Section
		if name == "" {
			name = root
		}
		if _, ok := bySection[name]; !ok {
			order = append(order, name)
		}
		bySection[name] = append(bySection[name], p)
	}
	list := func(heading string, ps []Page) {
		b.WriteString("\n## " + oneLine(heading) + "\n\n")
		for _, p := range ps {
			b.WriteString("- [" + linkText(p.Title) + "](" + p.URL + ")")
			if d := oneLine(p.Description); d != "" {
				b.WriteString(": " + d)
			}
			b.WriteByte('\n')
		}
	}
	for _, name := range order {
		list(name, bySection[name])
	}
	if len(optional) > 0 {
		list("Optional", optional)
	}
	return b.Bytes()
}

// Full returns llms-full.txt of pages: the site's title and description
// as in llms.txt, then every page's twin in their order, each after a
// line giving its URL and separated by a thematic break.
func Full(s Site, pages []Page) []byte {
	var b bytes.Buffer
	n := len(s.Title) + len(s.Description) + 8
	for _, p := range pages {
		n += len(p.URL) + len(p.Twin) + 16
	}
	b.Grow(n) // one allocation of the size it takes: the file is large
	b.WriteString("# " + oneLine(s.Title) + "\n")
	if d := oneLine(s.Description); d != "" {
		b.WriteString("\n> " + d + "\n")
	}
	for _, p := range pages {
		b.WriteString("\n---\n\nURL: " + p.URL + "\n\n")
		b.Write(bytes.TrimRight(p.Twin, "\n"))
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// Twin returns a page's markdown twin: its title as the H1, then body
// (its markdown, shortcodes expanded and links made absolute).
func Twin(title string, body []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(title) + len(body) + 8) // kept until the build ends: no slack
	b.WriteString("# " + oneLine(title) + "\n")
	if body = bytes.TrimLeft(bytes.TrimRight(body, " \t\r\n"), "\r\n"); len(body) > 0 {
		b.WriteByte('\n')
		b.Write(body)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// TwinPath returns the output path of the twin of the page written to
// outPath: "docs/install/index.html" has "docs/install/index.md" (its URL
// and "index.md"), "old.html" has "old.md"; false when outPath is not an
// HTML file.
func TwinPath(outPath string) (string, bool) {
	base, ok := strings.CutSuffix(outPath, ".html")
	if !ok || base == "" || strings.HasSuffix(base, "/") {
		return "", false
	}
	return base + ".md", true
}

// oneLine joins s's lines with spaces and trims it.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// linkText escapes the brackets of a link's text.
func linkText(s string) string {
	return strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`).Replace(oneLine(s))
}
