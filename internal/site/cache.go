package site

import (
	"crypto/sha256"
	"sync"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/markdown"
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
	entries  map[[sha256.Size]byte]*cacheEntry // used by the last complete build
	next     map[[sha256.Size]byte]*cacheEntry // filled by the running build
	rendered int
	reused   int
}

type cacheEntry struct {
	res   markdown.Result
	links []resolution
}

// resolution is one call of the link resolver and its answer.
type resolution struct {
	dest, url string
	ok        bool
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{entries: map[[sha256.Size]byte]*cacheEntry{}}
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
	c.next = make(map[[sha256.Size]byte]*cacheEntry, len(c.entries))
	c.rendered, c.reused = 0, 0
}

// commit makes the entries this build used the cache's contents.
func (c *Cache) commit() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries, c.next = c.next, nil
}

func (c *Cache) get(key [sha256.Size]byte) *cacheEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.entries[key]
}

func (c *Cache) put(key [sha256.Size]byte, e *cacheEntry, reused bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.next[key] = e
	if reused {
		c.reused++
	} else {
		c.rendered++
	}
}

// renderMarkdown renders p's body, through the cache when there is one.
func (b *builder) renderMarkdown(p *content.Page) (markdown.Result, error) {
	c := b.opts.Cache
	if c == nil {
		return b.md.RenderPage(p.Body, markdown.RenderOptions{
			Resolve: func(dest string) (string, bool) { return b.links.resolve(p, dest) },
		})
	}
	key := b.cacheKey(p)
	if e := c.get(key); e != nil && b.sameLinks(p, e.links) {
		c.put(key, e, true)
		return e.res, nil
	}
	e := &cacheEntry{}
	res, err := b.md.RenderPage(p.Body, markdown.RenderOptions{
		Resolve: func(dest string) (string, bool) {
			u, ok := b.links.resolve(p, dest)
			e.links = append(e.links, resolution{dest, u, ok})
			return u, ok
		},
	})
	if err != nil {
		return res, err
	}
	e.res = res
	c.put(key, e, false)
	return res, nil
}

// sameLinks reports whether every recorded link of p resolves as before.
func (b *builder) sameLinks(p *content.Page, links []resolution) bool {
	for _, l := range links {
		if u, ok := b.links.resolve(p, l.dest); u != l.url || ok != l.ok {
			return false
		}
	}
	return true
}

// cacheKey hashes what markdown rendering of p depends on besides link
// resolution: the markdown options, the page's place and its body.
func (b *builder) cacheKey(p *content.Page) [sha256.Size]byte {
	h := sha256.New()
	var flags [2]byte
	flags[0] = byte(p.Kind)
	if b.cfg.Unsafe {
		flags[1] = 1
	}
	h.Write(flags[:])
	h.Write([]byte(p.Path))
	h.Write([]byte{0})
	h.Write(p.Body)
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return key
}
