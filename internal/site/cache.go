package site

import (
	"maps"
	"sync"

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
	mu       sync.Mutex
	entries  map[key]*cacheEntry // used by the last complete build
	next     map[key]*cacheEntry // filled by the running build
	rendered int
	reused   int
	seq      uint64 // entries made, for their ids
	seeds    keySeeds

	// Template output and what views derive from bodies, the same way
	// (see pagememo.go and derived.go).
	pages, nextPages     map[key]*pageOut
	derived, nextDerived map[key]*derived
	templated, kept      int

	links *linkcheck.Memo // the internal link check of each page
	steps stepMemo        // the search index's and sitemap's parts (searchcache.go, sitemap.go)

	last  *builder // the last good build, for a quick rebuild (quick.go)
	quick bool     // the last build was a quick one
}

type cacheEntry struct {
	id    key // unique to this entry: its result's identity
	res   markdown.Result
	links []resolution
	index key // fingerprint of the link index links were resolved with
}

// resolution is one call of the link resolver and its answer.
type resolution struct {
	dest, url string
	ok        bool
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{entries: map[key]*cacheEntry{}, seeds: newKeySeeds(), links: linkcheck.NewMemo()}
}

// Last reports how many pages the last build rendered and how many it
// took from the cache.
func (c *Cache) Last() (rendered, reused int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.rendered, c.reused
}

// begin starts a build's use of the cache.
func (c *Cache) begin() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.next = make(map[key]*cacheEntry, len(c.entries))
	c.rendered, c.reused = 0, 0
	c.nextPages = make(map[key]*pageOut, len(c.pages))
	c.nextDerived = make(map[key]*derived, len(c.derived))
	c.templated, c.kept = 0, 0
}

// commit makes the entries this build used the cache's contents.
func (c *Cache) commit() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries, c.next = c.next, nil
	c.pages, c.nextPages = c.nextPages, nil
	c.derived, c.nextDerived = c.nextDerived, nil
}

// beginQuick starts a quick rebuild's use of the cache: entries it does
// not touch stay, as its pages do.
func (c *Cache) beginQuick() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.next = maps.Clone(c.entries)
	c.nextPages = maps.Clone(c.pages)
	c.nextDerived = maps.Clone(c.derived)
	c.rendered, c.reused, c.templated, c.kept = 0, 0, 0, 0
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

// page returns the file memoised under key, recording it for the next
// build, or nil.
func (c *Cache) page(k key, links bool) *pageOut {
	c.mu.Lock()
	defer c.mu.Unlock()
	o := c.pages[k]
	if o == nil || (links && o.parsed == nil) {
		return nil
	}
	c.nextPages[k] = o
	c.kept++
	return o
}

func (c *Cache) putPage(k key, o *pageOut) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nextPages[k] = o
	c.templated++
}

// derivedOf returns what was derived under k last build, recording it
// for the next, or nil.
func (c *Cache) derivedOf(k key) *derived {
	c.mu.Lock()
	defer c.mu.Unlock()
	d := c.derived[k]
	if d != nil {
		c.nextDerived[k] = d
	}
	return d
}

func (c *Cache) putDerived(k key, d *derived) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nextDerived[k] = d
}

func (c *Cache) get(k key) *cacheEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.entries[k]
}

func (c *Cache) put(k key, e *cacheEntry, reused bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.next[k] = e
	if reused {
		c.reused++
		return
	}
	c.rendered++
	c.seq++
	e.id = key{c.seq, 0} // no hash of content is ever {n, 0} but by chance
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
func (b *builder) cacheKey(p *content.Page, src []byte) key {
	h := b.opts.Cache.seeds.hasher()
	h.num(int64(p.Kind))
	h.flag(b.cfg.Unsafe)
	h.str(p.Path)
	h.bytes(src)
	return h.sum()
}
