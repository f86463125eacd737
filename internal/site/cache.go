package site

import (
	"sync/atomic"

	"github.com/quire-docs/quire/internal/gitinfo"
	"github.com/quire-docs/quire/internal/memo"

	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/render"
)

// Cache is what quire serve keeps between builds of one site: the memo
// tables of the stages (markdown results in render.Memo, template output,
// what views derive from bodies, markdown link positions, the link check,
// the search index and the sitemap), each keyed by a hash of what it
// read, and the last good build for a quick rebuild. Pass the same Cache
// in Options to each Build; it is safe for concurrent use, but meant for
// one site at a time. Entries a build did not use are dropped.
type Cache struct {
	seeds memo.Seeds

	// Markdown results and what views derive from them (render.Memo),
	// and template output (render.FileMemo), each keyed by a hash of what
	// it read.
	markdown *render.Memo
	pages    render.FileMemo

	links *linkcheck.Memo // the internal link check of each page
	steps stepMemo        // the search index's and sitemap's parts (searchcache.go, package sitemap)

	git   atomic.Pointer[gitinfo.Info] // what the last build read of git, reused while HEAD stays (git.go)
	last  atomic.Pointer[builder]      // the last good build, for a quick rebuild (quick.go)
	quick atomic.Bool                  // the last build was a quick one
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	seeds := memo.NewSeeds()
	return &Cache{seeds: seeds, markdown: render.NewMemo(seeds), links: linkcheck.NewMemo()}
}

// Last reports how many pages the last build rendered and how many it
// took from the cache.
func (c *Cache) Last() (rendered, reused int) {
	return c.markdown.Last()
}

// begin starts a build's use of the cache: it keeps what the build uses.
func (c *Cache) begin() {
	c.markdown.Begin(false)
	c.pages.Begin(false)
}

// beginQuick starts a quick rebuild's use of the cache: entries it does
// not touch stay, as its pages do.
func (c *Cache) beginQuick() {
	c.markdown.Begin(true)
	c.pages.Begin(true)
}

// commit makes the entries a build of n pages used the cache's contents;
// a quick rebuild counts the pages it did not render as taken from the
// last build.
func (c *Cache) commit(quick bool, n int) {
	c.markdown.Commit(quick, n)
	c.pages.Commit(quick, n)
}

// abort ends a failed build's use of the cache: it changes nothing.
func (c *Cache) abort() {
	c.markdown.Abort()
	c.pages.Abort()
}

// LastPages reports how many pages the last build ran templates for and
// how many files it took from the previous build unchanged.
func (c *Cache) LastPages() (templated, kept int) {
	return c.pages.Last()
}
