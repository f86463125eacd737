package site

import (
	"sync"

	"github.com/quire-docs/quire/internal/memo"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/markdown"
	"github.com/quire-docs/quire/internal/render"
)

// Cache memoises pages' markdown results between builds of one site, so
// a rebuild after a one-page edit renders only that page's markdown while
// everything else (templates, navigation, extras) is built anew. Pass the
// same Cache in Options to each Build; it is safe for concurrent use, but
// meant for one site at a time.
//
// An entry is keyed by a hash of everything rendering reads from the page
// (its path, kind and body, and the markdown options) and remembers how
// each of its links was resolved: it is reused only while every link
// still resolves the same way, so adding, moving or removing a linked page
// re-renders the pages that link to it. Entries of pages that were not
// part of the last build are dropped.
type Cache struct {
	seeds memo.Seeds

	// Markdown results, template output and what views derive from
	// bodies (see pagememo.go and derived.go), each keyed by a hash of
	// what it read.
	markdown memo.Table[memo.Key, *cacheEntry]
	pages    memo.Table[memo.Key, *pageOut]
	derived  memo.Table[memo.Key, *derived]

	mu               sync.Mutex
	rendered, reused int    // the last build's markdown results
	templated, kept  int    // the last build's template outputs
	seq              uint64 // markdown entries made, for their ids

	links *linkcheck.Memo // the internal link check of each page
	steps stepMemo        // the search index's and sitemap's parts (searchcache.go, package sitemap)

	last  *builder // the last good build, for a quick rebuild (quick.go)
	quick bool     // the last build was a quick one
}

type cacheEntry struct {
	id    memo.Key // unique to this entry: its result's identity
	res   markdown.Result
	links []resolution
	index memo.Key // fingerprint of the link index links were resolved with
}

// resolution is one call of the link resolver and its answer.
type resolution struct {
	dest, url string
	ok        bool
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{seeds: memo.NewSeeds(), links: linkcheck.NewMemo()}
}

// Last reports how many pages the last build rendered and how many it
// took from the cache.
func (c *Cache) Last() (rendered, reused int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.rendered, c.reused
}

// begin starts a build's use of the cache: it keeps what the build uses.
func (c *Cache) begin() {
	c.markdown.Begin()
	c.pages.Begin()
	c.derived.Begin()
	c.mu.Lock()
	c.rendered, c.reused, c.templated, c.kept = 0, 0, 0, 0
	c.mu.Unlock()
}

// beginQuick starts a quick rebuild's use of the cache: entries it does
// not touch stay, as its pages do.
func (c *Cache) beginQuick() {
	c.markdown.BeginKeep()
	c.pages.BeginKeep()
	c.derived.BeginKeep()
	c.mu.Lock()
	c.rendered, c.reused, c.templated, c.kept = 0, 0, 0, 0
	c.mu.Unlock()
}

// commit makes the entries this build used the cache's contents.
func (c *Cache) commit() {
	c.markdown.Commit()
	c.pages.Commit()
	c.derived.Commit()
}

// commitQuick ends a quick rebuild of a site of n pages: the pages it did
// not render count as taken from the last build.
func (c *Cache) commitQuick(n int) {
	c.mu.Lock()
	c.reused = n - c.rendered
	c.kept = n - c.templated
	c.mu.Unlock()
	c.commit()
}

// LastPages reports how many pages the last build ran templates for and
// how many files it took from the previous build unchanged.
func (c *Cache) LastPages() (templated, kept int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.templated, c.kept
}

// page returns the file memoised under k, recording it for the next
// build, or nil; with links, only one parsed for the link check.
func (c *Cache) page(k memo.Key, links bool) *pageOut {
	o, _ := c.pages.Peek(k)
	if o == nil || (links && o.parsed == nil) {
		return nil
	}
	c.pages.Put(k, o)
	c.mu.Lock()
	c.kept++
	c.mu.Unlock()
	return o
}

func (c *Cache) putPage(k memo.Key, o *pageOut) {
	c.pages.Put(k, o)
	c.mu.Lock()
	c.templated++
	c.mu.Unlock()
}

// derivedOf returns what was derived under k last build, recording it
// for the next, or nil.
func (c *Cache) derivedOf(k memo.Key) *derived {
	d, _ := c.derived.Get(k)
	return d
}

func (c *Cache) putDerived(k memo.Key, d *derived) { c.derived.Put(k, d) }

// get returns the markdown entry under k, to be checked before reuse.
func (c *Cache) get(k memo.Key) *cacheEntry {
	e, _ := c.markdown.Peek(k)
	return e
}

// put records e under k for the next build: reused, or rendered anew
// (then it gets its id).
func (c *Cache) put(k memo.Key, e *cacheEntry, reused bool) {
	c.mu.Lock()
	if reused {
		c.reused++
	} else {
		c.rendered++
		c.seq++
		e.id = memo.Key{c.seq, 0} // no hash of content is ever {n, 0} but by chance
	}
	c.mu.Unlock()
	c.markdown.Put(k, e)
}

// cachedMarkdown renders page p's markdown src (a body without
// shortcodes) through the cache; id is the result's identity there.
func (b *builder) cachedMarkdown(p *content.Page, src []byte) (res markdown.Result, id render.ID, err error) {
	c := b.opts.Cache
	k := b.cacheKey(p, src)
	if e := c.get(k); e != nil {
		if e.index == b.linksFP {
			// The same links, resolved against the same pages and files.
			c.put(k, e, true)
			return e.res, render.ID(e.id), nil
		}
		if b.sameLinks(p, e.links) {
			moved := *e
			moved.index = b.linksFP
			c.put(k, &moved, true)
			return e.res, render.ID(e.id), nil
		}
	}
	e := &cacheEntry{index: b.linksFP}
	res, err = b.md.RenderPage(src, markdown.RenderOptions{
		Resolve: func(dest string) (string, bool) {
			u, ok := b.links.Resolve(p, dest)
			e.links = append(e.links, resolution{dest, u, ok})
			return u, ok
		},
	})
	if err != nil {
		return res, id, err
	}
	e.res = res
	c.put(k, e, false)
	return res, render.ID(e.id), nil
}

// sameLinks reports whether every recorded link of p resolves as before.
func (b *builder) sameLinks(p *content.Page, links []resolution) bool {
	for _, l := range links {
		if u, ok := b.links.Resolve(p, l.dest); u != l.url || ok != l.ok {
			return false
		}
	}
	return true
}

// cacheKey hashes what markdown rendering of p depends on besides link
// resolution: the markdown options, the page's place and its body.
func (b *builder) cacheKey(p *content.Page, src []byte) memo.Key {
	h := b.opts.Cache.seeds.Hasher()
	h.Num(int64(p.Kind))
	h.Flag(b.cfg.Unsafe)
	h.Str(p.Path)
	h.Bytes(src)
	return h.Sum()
}
