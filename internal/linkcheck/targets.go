package linkcheck

import (
	"context"
	"slices"
)

// External returns one Result per unique external URL of the site (http,
// https, mailto:, tel: and other schemes), each with every place citing
// it, sorted by URL. Outcomes are empty until a Checker fills them in.
func (l *Links) External(ctx context.Context) []Result {
	perDoc := make([]map[string][]Source, len(l.docs))
	in := make([]string, len(l.docs)) // the source file of each doc
	l.eachDoc(ctx, func(i int, d *doc) {
		in[i] = d.from
		if d.page != nil && d.page.File != "" {
			in[i] = d.page.File
		}
		m := map[string][]Source{}
		seen := map[string]bool{}
		for href := range d.refs.all() {
			r := l.resolve(d.url, href)
			if r.kind != refExternal || seen[href] {
				continue
			}
			seen[href] = true
			m[r.url] = append(m[r.url], l.sources(d, href)...)
		}
		perDoc[i] = m
	})
	byURL := map[string]*Result{}
	for i, m := range perDoc {
		for u, srcs := range m {
			r := byURL[u]
			if r == nil {
				r = &Result{URL: u, Kind: External}
				byURL[u] = r
			}
			r.Sources = append(r.Sources, srcs...)
			if in[i] != "" {
				r.in = append(r.in, in[i])
			}
		}
	}
	out := make([]Result, 0, len(byURL))
	for _, r := range byURL {
		r.Sources = sortSources(r.Sources)
		slices.Sort(r.in)
		r.in = slices.Compact(r.in)
		out = append(out, *r)
	}
	sortResults(out)
	return out
}
