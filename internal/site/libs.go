package site

import (
	"errors"

	"github.com/quire-docs/quire/internal/assets"
	"github.com/quire-docs/quire/internal/clientlib"
	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/markdown"
	"github.com/quire-docs/quire/internal/publish"
)

// markdownOptions are the markdown stage's settings from cfg.
func markdownOptions(cfg config.Config) markdown.Options {
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

// withLibs adds the client libraries' entries to the asset table, where
// the site has no asset of the same name.
func withLibs(table map[string]assets.Asset, basePath string) map[string]assets.Asset {
	if table == nil {
		table = map[string]assets.Asset{}
	}
	for name, a := range clientlib.Assets(basePath) {
		if _, ok := table[name]; !ok {
			table[name] = a
		}
	}
	return table
}

// addLibs publishes the client libraries the pages use.
func (b *builder) addLibs() {
	b.snap.libs = b.libsUsed()
	for _, f := range clientlib.Files(b.snap.libs) {
		b.out.Add(publish.Generated, f)
	}
}

// libsUsed returns the client libraries the pages' bodies need.
func (b *builder) libsUsed() clientlib.Lib {
	var l clientlib.Lib
	for _, v := range b.site.Pages {
		if v.HasMath {
			l |= clientlib.Math
		}
		if v.HasMermaid {
			l |= clientlib.Mermaid
		}
	}
	return l
}

// errLibsChanged ends a quick rebuild whose pages need other client
// libraries than the last build published: a full build publishes the
// right ones (an edit that adds a site's first formula is rare).
var errLibsChanged = errors.New("the client libraries the pages use changed")
