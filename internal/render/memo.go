package render

import (
	"sync/atomic"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/markdown"
	"github.com/quire-docs/quire/internal/memo"
)

// Memo keeps pages' markdown results, and what their views derive from
// them (DeriveView), between builds of one site (quire serve's), so a
// rebuild after a one-page edit renders only that page's markdown. Give the same Memo in Options to each build's Renderer,
// between Begin and Commit; it is safe for concurrent use.
//
// An entry is keyed by a hash of everything rendering reads from the page
// (its path, kind and body, and the markdown options) and remembers how
// each of its links was resolved: it is reused only while every link
// still resolves the same way, so adding, moving or removing a linked
// page re-renders the pages that link to it. Only bodies without
// shortcodes go through it: theirs depend on other pages and templates.
type Memo struct {
	seeds   memo.Seeds
	entries memo.Table[memo.Key, *memoEntry]
	derived memo.Table[memo.Key, *derivedEntry] // see DeriveView

	counts memo.Counts   // made: rendered; taken: reused
	seq    atomic.Uint64 // entries made, for their ids
}

type memoEntry struct {
	id    ID // unique to this entry: its result's identity
	res   markdown.Result
	links []resolution
	index memo.Key // fingerprint of the Links its links were resolved with
}

// resolution is one call of the link resolver and its answer.
type resolution struct {
	dest, url string
	ok        bool
}

// NewMemo returns an empty memo whose keys are hashed with seeds.
func NewMemo(seeds memo.Seeds) *Memo { return &Memo{seeds: seeds} }

// Begin starts a build: it keeps the entries the build uses. With keep
// (a quick rebuild, which renders few pages), it keeps every entry.
func (m *Memo) Begin(keep bool) {
	if keep {
		m.entries.BeginKeep()
		m.derived.BeginKeep()
	} else {
		m.entries.Begin()
		m.derived.Begin()
	}
	m.counts.Reset()
}

// Commit ends a build of a site of n pages: a quick rebuild (Begin(true))
// counts the pages it did not ask for as reused.
func (m *Memo) Commit(quick bool, n int) {
	m.entries.Commit()
	m.derived.Commit()
	if quick {
		m.counts.Quick(n)
	}
}

// Abort ends a failed build: the memo is as the last committed build
// left it.
func (m *Memo) Abort() {
	m.entries.Abort()
	m.derived.Abort()
}

// Last reports how many pages the last build rendered and how many it
// took from the memo.
func (m *Memo) Last() (rendered, reused int) { return m.counts.Last() }

// Len returns the number of entries the last committed build kept.
func (m *Memo) Len() int { return m.entries.Len() }

// hash identifies a body's HTML for the memo keys of later stages.
func (m *Memo) hash(html string) ID {
	h := m.seeds.Hasher()
	h.Str(html)
	return ID(h.Sum())
}

// fingerprint identifies what links resolves to: two Links with one
// fingerprint resolve every link the same way.
func (m *Memo) fingerprint(links *Links) memo.Key {
	h := m.seeds.Hasher()
	h.Str(links.Base())
	for _, e := range links.Index().Entries() {
		h.Num(int64(e.Form))
		h.Str(e.Name)
		h.Str(e.URL)
		h.Flag(e.Draft)
	}
	return h.Sum()
}

// hooksFingerprint identifies the render hook templates of t (nil: none).
func (m *Memo) hooksFingerprint(t *layout.Templates) memo.Key {
	h := m.seeds.Hasher()
	if t != nil {
		fp := t.HooksFingerprint()
		h.Bytes(fp[:])
	}
	return h.Sum()
}

// markdown renders page p's markdown src (a body without shortcodes)
// through m, with hooks; the result's ID is its identity there.
func (m *Memo) markdown(r *Renderer, p *content.Page, src []byte, hooks markdown.HookOptions) (markdown.Result, ID, error) {
	k := m.key(r, p, src)
	if e, _ := m.entries.Peek(k); e != nil && (e.res.Hooked == 0 || !r.hooksReadPages()) {
		// (A result of hooks that read pages depends on more than k.)
		if e.index == r.linksFP {
			// The same links, resolved against the same pages and files.
			m.put(k, e, true)
			return e.res, e.id, nil
		}
		if sameResolutions(r.opts.Links, p, e.links) {
			moved := *e
			moved.index = r.linksFP
			m.put(k, &moved, true)
			return e.res, e.id, nil
		}
	}
	e := &memoEntry{index: r.linksFP}
	res, err := r.opts.Markdown.RenderPage(src, markdown.RenderOptions{
		Resolve: func(dest string) (string, bool) {
			u, ok := r.opts.Links.Resolve(p, dest)
			e.links = append(e.links, resolution{dest, u, ok})
			return u, ok
		},
		Hooks:             hooks,
		NormalizeHeadings: r.opts.Config.NormalizeHeadings,
	})
	if err != nil {
		return res, ID{}, err
	}
	e.res = res
	m.put(k, e, false)
	return res, e.id, nil
}

// put records e under k for the running build: reused, or rendered anew
// (then it gets its id).
func (m *Memo) put(k memo.Key, e *memoEntry, reused bool) {
	if reused {
		m.counts.Taken()
	} else {
		m.counts.Made()
		e.id = ID{m.seq.Add(1), 0} // no hash of content is ever {n, 0} but by chance
	}
	m.entries.Put(k, e)
}

// key hashes what markdown rendering of p depends on besides link
// resolution: the markdown options, the render hook templates and the
// page's type that picks among them, the page's place and its body.
func (m *Memo) key(r *Renderer, p *content.Page, src []byte) memo.Key {
	h := m.seeds.Hasher()
	h.Num(int64(p.Kind))
	h.Flag(r.opts.Config.Unsafe)
	h.Flag(r.opts.Config.NormalizeHeadings)
	h.Key(r.hooksFP)
	if v := r.views[p]; v != nil && r.opts.Layouts != nil && r.opts.Layouts.HasHooks() {
		h.Str(v.Type) // hooks are looked up by type (and section, of the path)
	}
	h.Str(p.Path)
	h.Bytes(src)
	return h.Sum()
}

// sameResolutions reports whether every recorded link of p resolves as
// before.
func sameResolutions(links *Links, p *content.Page, rs []resolution) bool {
	for _, l := range rs {
		if u, ok := links.Resolve(p, l.dest); u != l.url || ok != l.ok {
			return false
		}
	}
	return true
}
