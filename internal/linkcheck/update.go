package linkcheck

import "slices"

// Update returns the links of the same files after the HTML files in
// parsed (by output path) changed, each now coming from the page pages
// names for it: a quick rebuild of a few pages, which keeps every file's
// path, checks them through l's Memo without collecting every file again.
// l is left as it was. It reports false when a path of parsed is not an
// HTML file of l.
func (l *Links) Update(parsed map[string]*Parsed, pages map[string]Page) (*Links, bool) {
	n := &Links{base: l.base, origin: l.origin, index: l.index, tpls: l.tpls, memo: l.memo, unpub: l.unpub, docs: slices.Clone(l.docs)}
	for p, pre := range parsed {
		k, ok := l.index.at[p]
		if !ok || k < 0 || pre == nil {
			return nil, false
		}
		old := n.docs[k]
		d := new(doc)
		*d = *pre.d
		d.path, d.url, d.from, d.page, d.src = old.path, old.url, old.from, old.page, pre.d
		if pg, ok := pages[p]; ok {
			d.page = &pg
		}
		n.docs[k] = d
	}
	return n, true
}
