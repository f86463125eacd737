package site

import (
	"slices"
	"sync"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/publish"
)

// sent records the pages written to Options.Output as they were rendered:
// their paths, and their HTML parsed for the link check (which then never
// needs the bytes again).
type sent struct {
	paths  []string            // by page index; "" when not sent
	parsed []*linkcheck.Parsed // by page index; nil with LinksOff
	frags  []string            // by page index: the search fragment sent first by the page, or ""
	seen   sync.Map            // search fragment paths sent
}

// send parses page i's file for the link check and writes it to Output.
// Pages are sent from the parallel template pass; each index is written
// by one goroutine only.
func (b *builder) send(i int, f publish.File) error {
	if b.opts.Links != LinksOff {
		if b.pages.parsed[i] == nil {
			b.pages.parsed[i] = linkcheck.Parse(f.Data)
		}
		b.pages.sent.parsed[i] = b.pages.parsed[i]
	}
	if err := b.opts.Output.Write(f); err != nil {
		return err
	}
	b.pages.sent.paths[i] = f.Path
	return nil
}

// sendFragment writes the search index's fragment of page i's entry to
// Output as soon as it is encoded, so the index's thousands of small
// files are written while other pages render instead of after them all,
// and the entry keeps the rest only. Pages with the same fragment share
// its file, sent once.
func (b *builder) sendFragment(i int) error {
	e := b.pages.entries[i]
	f, ok := e.Fragment()
	if !ok {
		return nil
	}
	if _, dup := b.pages.sent.seen.LoadOrStore(f.Path, true); !dup {
		if err := b.opts.Output.Write(f); err != nil {
			return err
		}
		b.pages.sent.frags[i] = f.Path
	}
	b.pages.entries[i] = e.Sent()
	return nil
}

// parsedByPath returns the pages parsed by send, for linkcheck.Options.
// Pages taken from the serve cache come with their parse too.
func (b *builder) parsedByPath(tree *content.Site) map[string]*linkcheck.Parsed {
	m := make(map[string]*linkcheck.Parsed, len(b.pages.parsed))
	for i, p := range b.pages.parsed {
		if p != nil && i < len(tree.Pages) {
			m[tree.Pages[i].OutPath] = p
		}
	}
	return m
}

// unsent returns the files of out that were not sent to Options.Output.
func (b *builder) unsent(out []publish.File) []publish.File {
	if b.pages.sent.frags == nil {
		return publish.Without(out, b.pages.sent.paths)
	}
	return publish.Without(out, slices.Concat(b.pages.sent.paths, b.pages.sent.frags))
}
