package content

import (
	"io/fs"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/memo"
)

// FileCache keeps what Load read from each file of a site, so the next Load
// with the same cache reads and parses again only the files that changed.
// A file is unchanged when its identity is: size, modification time and
// mode, and on unix its device, inode and change time. Everything else Load
// does (the walk that finds added and deleted files, sections, drafts,
// URLs, order, static files) is done again on every Load, and each Load
// gets pages of its own: a cached Load returns exactly what an uncached one
// would, every diagnostic included.
//
// A file modified less than 100 ms before the Load started (2 s if its
// time is in whole seconds, as on file systems that keep no finer) is not
// kept, so the next Load reads it again too: a second edit within the same
// tick of the file system's clock could leave its identity unchanged (as
// with git's "racily clean" index entries).
//
// One cache belongs to one site: pass it only to Loads of the same file
// system and content directory. Loads with the same cache run one at a
// time (a later one waits). Pages of a cached Load share their Body bytes,
// and the values inside Params, with earlier Loads: like every stage of
// the build, callers must treat them as read-only.
type FileCache struct {
	mu sync.Mutex // held by a Load from begin to end
	// The files each Load saw, by path in the file system: one
	// generation per Load, so files it did not see are dropped.
	files   memo.Table[string, *cachedFile]
	start   time.Time // when the running Load started
	nread   int       // pages read and parsed by the last Load
	nreused int       // pages reused by the last Load
}

// NewFileCache returns an empty cache.
func NewFileCache() *FileCache { return &FileCache{} }

// Last returns how many markdown (and HTML content) files the last Load
// with c read and parsed, and how many it took from the cache.
func (c *FileCache) Last() (read, reused int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.nread, c.nreused
}

// cachedFile is what one Load learnt about one file with identity id.
type cachedFile struct {
	id      fileID
	sniffed bool        // a non-markdown file was opened and sniffed
	isPage  bool        // the sniffed file is HTML with front matter
	read    *readResult // the parsed page, never handed out (see clone)
}

// fileID is the identity of a file's contents, as far as stat tells.
type fileID struct {
	size                 int64
	mtimeSec, ctimeSec   int64
	mtimeNsec, ctimeNsec int64
	mode                 fs.FileMode
	dev, ino             uint64
}

// begin locks c for one Load.
func (c *FileCache) begin() {
	c.mu.Lock()
	c.start = time.Now()
	c.files.Begin()
	c.nread, c.nreused = 0, 0
}

// end makes what the Load saw the cache, dropping files it did not see,
// and unlocks c.
func (c *FileCache) end() {
	c.files.Commit()
	c.mu.Unlock()
}

// see returns the entry for the file at p with info fi, carrying over what
// the last Load learnt if its identity is the same. It returns nil (do not
// cache) when c is nil, fi could not be had, or the file changed too
// recently to trust its identity.
func (c *FileCache) see(p string, fi fs.FileInfo, err error) *cachedFile {
	if c == nil || err != nil {
		return nil
	}
	mt := fi.ModTime()
	margin := 100 * time.Millisecond // a few ticks of the kernel's coarse clock
	if mt.Nanosecond() == 0 {
		margin = 2 * time.Second // the file system may keep whole (even) seconds
	}
	if !mt.Before(c.start.Add(-margin)) {
		return nil
	}
	id := fileID{size: fi.Size(), mtimeSec: mt.Unix(), mtimeNsec: int64(mt.Nanosecond()), mode: fi.Mode()}
	statID(fi.Sys(), &id)
	e, _ := c.files.Peek(p)
	if e == nil || e.id != id {
		e = &cachedFile{id: id}
	}
	c.files.Put(p, e)
	return e
}

// count adds one Load's page counts; after readAll, in the Load's goroutine.
func (c *FileCache) count(rs []readResult) {
	if c == nil {
		return
	}
	for _, r := range rs {
		if r.reused {
			c.nreused++
		} else {
			c.nread++
		}
	}
}

// clone returns a copy of r that shares nothing a Load modifies: the Page
// (a new struct, Params map and Aliases slice) and the diagnostics are new.
func (r *readResult) clone() readResult {
	c := readResult{pos: r.pos, warns: cloneDiags(r.warns), errs: cloneDiags(r.errs)}
	if r.page != nil {
		p := *r.page
		p.Params = maps.Clone(p.Params)
		p.Aliases = slices.Clone(p.Aliases)
		c.page = &p
	}
	return c
}

func cloneDiags(ds []*diag.Diagnostic) []*diag.Diagnostic {
	if ds == nil {
		return nil
	}
	out := make([]*diag.Diagnostic, len(ds))
	for i, d := range ds {
		cp := *d
		out[i] = &cp
	}
	return out
}
