// Package markdown converts a page body to HTML with goldmark and quire's
// extensions, and reports its headings and links with source positions.
package markdown

import "github.com/quire-docs/quire/internal/toc"

// Options configures a Renderer.
type Options struct {
	Unsafe bool // render raw HTML; when false it is dropped and reported in Result.RawHTML
}

// Pos is a 1-based position in the markdown body.
type Pos struct{ Line, Col int }

// Link is a link or image destination found in the body.
type Link struct {
	Dest  string
	Image bool
	Pos   Pos
}

// Result is one rendered body.
type Result struct {
	HTML     []byte
	Headings []toc.Heading
	Links    []Link
	RawHTML  []Pos // where raw HTML was removed (only when !Unsafe)
}

// Renderer is safe for concurrent use.
type Renderer struct{}

// New returns a Renderer.
func New(opts Options) *Renderer { panic("unimplemented") }

// Render converts src. It never panics on any input.
func (r *Renderer) Render(src []byte) (Result, error) { panic("unimplemented") }
