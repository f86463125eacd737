package render

import (
	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/markdown"
)

// MarkdownOptions are the markdown stage's settings from cfg: raw HTML,
// heading ids (avoiding the theme's own, layout.ReservedIDs), Mermaid
// diagrams and math with its delimiters.
func MarkdownOptions(cfg config.Config) markdown.Options {
	o := markdown.Options{Unsafe: cfg.Unsafe, ReservedIDs: layout.ReservedIDs(), HeadingIDs: cfg.HeadingIDs,
		Mermaid: cfg.Mermaid.Enable}
	if cfg.Math.Enable {
		m := markdown.Math{}
		for _, d := range cfg.Math.Block {
			m.Block = append(m.Block, markdown.Delimiters{Open: d[0], Close: d[1]})
		}
		for _, d := range cfg.Math.Inline {
			m.Inline = append(m.Inline, markdown.Delimiters{Open: d[0], Close: d[1]})
		}
		o.Math = &m
	}
	return o
}
