// Package corpus generates deterministic documentation sites for benchmarks.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
)

// Options chooses the site to generate. The same Options always give the
// same files, byte for byte (with the same Go release: math/rand/v2's PCG
// and its IntN are the only source of variation).
type Options struct {
	Pages int    // regular pages, beside the section pages (_index.md)
	Seed  uint64 // 0 is a seed like any other
	// Port is the port of the external links' http://127.0.0.1:PORT/ URLs,
	// so a link checker's external pass can be pointed at a local server.
	Port int
}

// Files returns the site as slash paths ("config.toml",
// "content/guides/install/_index.md", ...) mapped to their contents.
//
// Pages sit in nested sections (up to four levels deep) with YAML front
// matter: title, description, weights with ties and gaps (some pages have
// none), about 5% drafts and a few draft sections. Bodies have 5–15 h2–h4
// headings (some pages use only h3 and h4; headings such as "Example"
// repeat), paragraphs, lists, tables, code fences in several languages,
// links to other pages and their headings, to headings of the same page and
// to http://127.0.0.1:PORT/. Every internal link points at a published page
// and an id quire and Hugo both give its heading, so a link checker finds
// nothing broken. The median page is about 4.4 KB of markdown.
func Files(opts Options) map[string][]byte {
	g := newGen(opts)
	g.plan()
	files := map[string][]byte{"config.toml": []byte(configTOML)}
	for _, s := range g.sections {
		files[s.file()] = g.sectionFile(s)
	}
	for _, p := range g.pages {
		files[p.file()] = g.pageFile(p)
	}
	return files
}

func newGen(opts Options) *gen {
	return &gen{opts: opts, rng: rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))}
}

// Write generates the site into dir, which must not exist or be empty.
func Write(dir string, opts Options) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("corpus: %s is not empty", dir)
	}
	files := Files(opts)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
	}
	return nil
}

// configTOML is quire's configuration for the generated site.
const configTOML = `baseURL = "/"
title = "Generated docs"
languageCode = "en"

[markup.highlight]
style = "github"
darkStyle = "github-dark"
`
