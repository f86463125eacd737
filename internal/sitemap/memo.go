package sitemap

import (
	"sync"

	"github.com/quire-docs/quire/internal/memo"
	"github.com/quire-docs/quire/internal/minify"
)

// Memo keeps the last build's sitemap.xml between the builds of one site
// (quire serve): a rebuild in which no listed page's permalink or date
// changed, and minification did not change, reuses its bytes instead of
// encoding and minifying an entry per page again. The zero Memo is ready
// to use; it is safe for concurrent use, but meant for one site.
type Memo struct {
	once  sync.Once
	seeds memo.Seeds
	table memo.Table[memo.Key, []byte]
}

// file returns the sitemap of es, minified with min unless min is nil,
// from m when m holds the sitemap of the same es and minification. Each
// call is one build of m's table: it keeps only this call's sitemap, and
// a call that fails leaves m as it was.
func (m *Memo) file(es []entry, min *minify.Minifier) ([]byte, error) {
	m.once.Do(func() { m.seeds = memo.NewSeeds() })
	k := m.key(es, min != nil)
	m.table.Begin()
	if data, ok := m.table.Get(k); ok {
		m.table.Commit()
		return data, nil
	}
	data, err := build(es, min)
	if err != nil {
		m.table.Abort()
		return nil, err
	}
	m.table.Put(k, data)
	m.table.Commit()
	return data, nil
}

// key hashes everything the sitemap is made of: each entry's location and
// date as written, and whether it is minified.
func (m *Memo) key(es []entry, minified bool) memo.Key {
	h := m.seeds.Hasher()
	h.Flag(minified)
	h.Num(int64(len(es)))
	for _, e := range es {
		h.Str(e.Loc)
		h.Str(e.Lastmod)
	}
	return h.Sum()
}
