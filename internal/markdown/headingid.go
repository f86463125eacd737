package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Slug returns the GitHub-compatible anchor for a heading's plain text,
// following github-slugger: lowercase; keep Unicode letters, marks,
// numbers, connector punctuation ('_') and '-'; turn each ASCII space into
// '-'; drop everything else. It may return "" (e.g. for "?!").
func Slug(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_',
			unicode.IsLetter(r), unicode.IsMark(r), unicode.IsNumber(r),
			unicode.Is(unicode.Pc, r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// SlugBlackfriday returns the anchor Hugo's "blackfriday" heading id type
// gives (that of Hugo before 0.60, which older Hugo content links to):
// lowercase letters and numbers, every run of anything else between them
// one '-', nothing at either end. It may return "".
func SlugBlackfriday(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	dash := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		dash = true
	}
	return b.String()
}

// slugger is the per-page parser.IDs: ids are unique within one Render.
// Duplicates get "-1", "-2", ... as github-slugger does, skipping any id
// already taken (custom {#id}s included).
type slugger struct {
	slug        func(string) string // Slug or SlugBlackfriday
	blackfriday bool                // slug from the source text, raw HTML included, as blackfriday did
	// seen maps every id handed out or reserved to the last suffix tried
	// for it as a base.
	seen map[string]int
}

// newSlugger returns a slugger with the reserved ids already taken.
// blackfriday selects SlugBlackfriday over Slug.
func newSlugger(reserved []string, blackfriday bool) *slugger {
	s := &slugger{slug: Slug, blackfriday: blackfriday, seen: make(map[string]int, len(reserved))}
	if blackfriday {
		s.slug = SlugBlackfriday
	}
	for _, id := range reserved {
		s.Put([]byte(id))
	}
	return s
}

// Generate implements parser.IDs: value is plain text, not markdown.
func (s *slugger) Generate(value []byte, kind ast.NodeKind) []byte {
	base := s.slug(string(value))
	if base == "" {
		base = "id"
		if kind == ast.KindHeading {
			base = "heading"
		}
	}
	return []byte(s.unique(base))
}

// Put implements parser.IDs: it reserves an id used verbatim.
func (s *slugger) Put(value []byte) {
	if _, ok := s.seen[string(value)]; !ok {
		s.seen[string(value)] = 0
	}
}

// unique returns base, or base-N with the smallest N not yet taken, and
// takes it.
func (s *slugger) unique(base string) string {
	id := base
	for {
		if _, taken := s.seen[id]; !taken {
			break
		}
		s.seen[base]++
		id = base + "-" + strconv.Itoa(s.seen[base])
	}
	s.seen[id] = 0
	return id
}

// headingIDs is the AST transformer that gives every heading a unique id.
// Custom {#id}s are reserved first, over the whole page, so an automatic
// id never takes one that a later heading asks for; then the other
// headings get slugs of their plain text, in document order. A custom id
// repeated on the page keeps its first use and gets "-N" after that.
type headingIDs struct{}

func (headingIDs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	ids, _ := pc.IDs().(*slugger)
	if ids == nil { // a context built without newSlugger; never from Render
		ids = newSlugger(nil, false)
	}
	var custom []*ast.Heading
	var auto []*ast.Heading
	for n := doc.FirstChild(); n != nil; n = nextBlock(n) {
		h, ok := n.(*ast.Heading)
		if !ok {
			continue
		}
		if id := headingID(h); id != "" {
			custom = append(custom, h)
		} else {
			auto = append(auto, h)
		}
	}
	for _, h := range custom {
		id := headingID(h)
		if _, taken := ids.seen[id]; taken {
			h.SetAttributeString("id", []byte(ids.unique(id)))
			continue
		}
		ids.Put([]byte(id))
	}
	for _, h := range auto {
		text := plainText(h, src)
		if ids.blackfriday {
			text = sourceText(h, src)
		}
		h.SetAttributeString("id", ids.Generate([]byte(text), ast.KindHeading))
	}
}

// nextBlock returns the block after n in document order, descending into
// containers (lists, block quotes, footnotes) but not into inline content.
func nextBlock(n ast.Node) ast.Node {
	if c := n.FirstChild(); c != nil && c.Type() != ast.TypeInline {
		return c
	}
	for ; n != nil; n = n.Parent() {
		if s := n.NextSibling(); s != nil {
			return s
		}
	}
	return nil
}

// headingID returns the heading's id attribute, or "" if it has none.
func headingID(h *ast.Heading) string {
	v, ok := h.AttributeString("id")
	if !ok {
		return ""
	}
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return ""
}
