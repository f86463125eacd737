package corpus

import (
	"fmt"
	"strings"
)

// sectionFile writes a section's _index.md. A draft section also cascades
// draft to its pages, so Hugo leaves out the same pages quire does.
func (g *gen) sectionFile(s *section) []byte {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", s.title)
	if s.weight != 0 {
		fmt.Fprintf(&b, "weight: %d\n", s.weight)
	}
	if s.draft {
		b.WriteString("draft: true\ncascade:\n  draft: true\n")
	}
	b.WriteString("---\n\n")
	g.paragraph(&b, nil)
	return []byte(b.String())
}

// pageFile writes a page: front matter, then an intro and a few blocks
// under every heading.
func (g *gen) pageFile(p *page) []byte {
	var b strings.Builder
	b.Grow(6 << 10)
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", p.title)
	fmt.Fprintf(&b, "description: %s.\n", sentence(g, 8+g.rng.IntN(8)))
	if p.weight != 0 {
		fmt.Fprintf(&b, "weight: %d\n", p.weight)
	}
	if p.draft {
		b.WriteString("draft: true\n")
	}
	if g.rng.IntN(3) == 0 {
		fmt.Fprintf(&b, "lastmod: 2025-%02d-%02d\n", 1+g.rng.IntN(12), 1+g.rng.IntN(28))
	}
	b.WriteString("---\n\n")
	g.paragraph(&b, p)
	for _, h := range p.headings {
		fmt.Fprintf(&b, "%s %s\n\n", strings.Repeat("#", h.level), h.text)
		g.paragraph(&b, p)
		switch r := g.rng.IntN(10); {
		case r < 3:
			g.code(&b)
		case r < 5:
			g.list(&b, p)
		case r < 6:
			g.table(&b)
		}
	}
	return []byte(b.String())
}

// paragraph writes 2–4 sentences, some with inline markup and links.
func (g *gen) paragraph(b *strings.Builder, p *page) {
	n := 2 + g.rng.IntN(3)
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(title(sentence(g, 4+g.rng.IntN(7))))
		switch g.rng.IntN(8) {
		case 0:
			fmt.Fprintf(b, " with `%s`", pick(g.rng, codeWords))
		case 1:
			fmt.Fprintf(b, " and *%s*", pick(g.rng, pageWords))
		case 2:
			fmt.Fprintf(b, " or **%s**", pick(g.rng, pageWords))
		case 3, 4:
			b.WriteString(" (see ")
			g.link(b, p)
			b.WriteByte(')')
		}
		b.WriteByte('.')
	}
	b.WriteString("\n\n")
}

// link writes a markdown link: to another page (half of them to one of
// its headings), to a heading of the same page, or to an external URL.
func (g *gen) link(b *strings.Builder, p *page) {
	r := g.rng.IntN(10)
	switch {
	case r < 6 && len(g.published) > 0:
		t := g.published[g.rng.IntN(len(g.published))]
		if g.rng.IntN(2) == 0 {
			h := t.headings[g.rng.IntN(len(t.headings))]
			fmt.Fprintf(b, "[%s](%s#%s)", strings.ToLower(h.text), t.url(), h.id)
			return
		}
		fmt.Fprintf(b, "[%s](%s)", strings.ToLower(t.title), t.url())
	case r < 8 && p != nil:
		h := p.headings[g.rng.IntN(len(p.headings))]
		fmt.Fprintf(b, "[%s](#%s)", strings.ToLower(h.text), h.id)
	default:
		fmt.Fprintf(b, "[the %s reference](http://127.0.0.1:%d/%s/%s.html)",
			pick(g.rng, pageWords), g.opts.Port, pick(g.rng, sectionWords), pick(g.rng, pageWords))
	}
}

// list writes a bulleted or numbered list of 3–6 items, some nested.
func (g *gen) list(b *strings.Builder, p *page) {
	marker := "-"
	if g.rng.IntN(3) == 0 {
		marker = "1."
	}
	for range 3 + g.rng.IntN(4) {
		fmt.Fprintf(b, "%s %s", marker, title(sentence(g, 4+g.rng.IntN(8))))
		if g.rng.IntN(4) == 0 {
			b.WriteString(", as in ")
			g.link(b, p)
		}
		b.WriteByte('\n')
		if g.rng.IntN(5) == 0 {
			fmt.Fprintf(b, "   - %s\n", sentence(g, 3+g.rng.IntN(5)))
		}
	}
	b.WriteByte('\n')
}

// table writes a table of 2–6 rows of options.
func (g *gen) table(b *strings.Builder) {
	b.WriteString("| Option | Default | Description |\n|--------|---------|-------------|\n")
	for range 2 + g.rng.IntN(5) {
		fmt.Fprintf(b, "| `%s` | `%d` | %s. |\n", pick(g.rng, codeWords), g.rng.IntN(1000), title(sentence(g, 5+g.rng.IntN(8))))
	}
	b.WriteByte('\n')
}

// code writes a fenced code block in one of several languages.
func (g *gen) code(b *strings.Builder) {
	s := snippets[g.rng.IntN(len(snippets))]
	fmt.Fprintf(b, "```%s\n", s.lang)
	for range 1 + g.rng.IntN(2) {
		b.WriteString(strings.ReplaceAll(s.code, "NAME", pick(g.rng, codeWords)))
	}
	b.WriteString("```\n\n")
}

// sentence returns n words, lower case, without a full stop.
func sentence(g *gen, n int) string {
	return strings.Join(pickN(g.rng, proseWords, n), " ")
}
