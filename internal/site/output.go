package site

import (
	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/publish"
)

// sent records the pages written to Options.Output as they were rendered:
// their paths, and their HTML parsed for the link check (which then never
// needs the bytes again).
type sent struct {
	paths  []string            // by page index; "" when not sent
	parsed []*linkcheck.Parsed // by page index; nil with LinksOff
}

// send parses page i's file for the link check and writes it to Output.
// Pages are sent from the parallel template pass; each index is written
// by one goroutine only.
func (b *builder) send(i int, f publish.File) error {
	if b.opts.Links != LinksOff {
		b.sent.parsed[i] = linkcheck.Parse(f.Data)
	}
	if err := b.opts.Output.Write(f); err != nil {
		return err
	}
	b.sent.paths[i] = f.Path
	return nil
}

// parsedByPath returns the pages parsed by send, for linkcheck.Options.
func (b *builder) parsedByPath() map[string]*linkcheck.Parsed {
	if b.sent.parsed == nil {
		return nil
	}
	m := make(map[string]*linkcheck.Parsed, len(b.sent.parsed))
	for i, p := range b.sent.parsed {
		if p != nil && b.sent.paths[i] != "" {
			m[b.sent.paths[i]] = p
		}
	}
	return m
}

// unsent returns the files of out that were not sent to Options.Output.
func (b *builder) unsent(out []publish.File) []publish.File {
	if b.sent.paths == nil {
		return out
	}
	done := make(map[string]bool, len(b.sent.paths))
	for _, p := range b.sent.paths {
		if p != "" {
			done[p] = true
		}
	}
	kept := out[:0:0]
	for _, f := range out {
		if !done[f.Path] {
			kept = append(kept, f)
		}
	}
	return kept
}
