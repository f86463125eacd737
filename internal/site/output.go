package site

import (
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/publish"
)

// send parses page i's file for the link check and writes it to Output,
// recording it in the build's publish.Sent. Pages are sent from the
// parallel template pass; each index is written by one goroutine only.
func (b *builder) send(i int, f publish.File) error {
	if b.opts.Links != LinksOff && b.pages.parsed[i] == nil {
		b.pages.parsed[i] = linkcheck.Parse(f.Data) // the link check then never needs the bytes again
	}
	if err := b.opts.Output.Write(f); err != nil {
		return err
	}
	b.pages.sent.Page(i, f.Path)
	return nil
}

// sendFragment writes the search index's fragment of page i's entry to
// Output as soon as it is encoded, so the index's thousands of small
// files are written while other pages render instead of after them all,
// and the entry keeps the rest only. Pages with the same fragment share
// its file, sent once (publish.Sent.Share).
func (b *builder) sendFragment(i int) error {
	e := b.pages.entries[i]
	f, ok := e.Fragment()
	if !ok {
		return nil
	}
	if b.pages.sent.Share(f.Path) {
		if err := b.opts.Output.Write(f); err != nil {
			return err
		}
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
