// Package toc builds a nested table of contents from a page's headings.
package toc

import "html/template"

// Heading is one heading of a page body, in document order.
type Heading struct {
	Level int    // 1..6
	ID    string // the id attribute on the heading element
	Text  string // plain text, for the TOC link and search
}

// Options selects the heading levels; 0 means automatic: StartLevel is the
// shallowest level present, EndLevel is StartLevel+2.
type Options struct {
	StartLevel int
	EndLevel   int
	Ordered    bool // <ol> instead of <ul>
}

// Entry is one TOC item with its nested children.
type Entry struct {
	Heading
	Children []*Entry
}

// TOC is a page's table of contents. The zero value (no entries) renders
// as nothing.
type TOC struct {
	Entries []*Entry
	Ordered bool
}

// Build nests the headings within the selected levels. Skipped levels do
// not produce empty wrappers.
func Build(hs []Heading, opts Options) *TOC { panic("unimplemented") }

// HTML renders <nav class="toc" aria-label="On this page"> with nested lists,
// or "" when the TOC is empty.
func (t *TOC) HTML() template.HTML { panic("unimplemented") }
