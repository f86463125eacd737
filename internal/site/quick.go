package site

import (
	"context"
	"errors"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"slices"

	"github.com/quire-docs/quire/internal/memo"
	"github.com/quire-docs/quire/internal/par"
	"github.com/quire-docs/quire/internal/render"
	"github.com/quire-docs/quire/internal/search"

	"github.com/quire-docs/quire/internal/clientlib"
	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/gitinfo"
	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/publish"
)

// A quick rebuild is the common case of quire serve made cheap: the
// writer saved one page (or a few), changing its text but not its front
// matter. Then nothing about the site's structure changed (no title,
// weight, URL or draft flag; no file added or removed; the same layouts,
// assets and config), so the last build's state holds for every other
// page: quick renders the markdown of the changed pages and of the pages
// with shortcodes (which may show another page's content), runs their
// templates and those of the pages whose layouts read other pages' bodies
// (layout.ReadsOtherBodies), encodes their search index entries and
// checks their links through the last build's links (linkcheck.Update).
// Its output is exactly what a full build would give
// (TestQuickMatchesFull); anything it cannot be sure of
// sends the build down the full path.

// keep makes b, a successful build, the state the next quick rebuild
// starts from.
func (c *Cache) keep(b *builder) {
	b.snap.index(b)
	c.last.Store(b)
}

// Quick reports whether the last build with c was a quick rebuild that
// succeeded.
func (c *Cache) Quick() bool { return c.quick.Load() }

// quick rebuilds the site from the last build with opts.Cache when every
// path of opts.Changed is the markdown file of a page of that build whose
// front matter is as it was. ok is false when it did not: then nothing
// was changed and the caller builds in full.
func quick(ctx context.Context, fsys fs.FS, cfg config.Config, opts Options, git *gitinfo.Info) (s *Site, err error, ok bool) {
	c := opts.Cache
	if c == nil {
		return nil, nil, false
	}
	c.quick.Store(false)
	// Whatever happens, the kept state is used once: a build that does
	// not start from it may fail, and the next one cannot start from a
	// state older than the changes that build saw.
	b := c.last.Swap(nil)
	if b == nil || len(opts.Changed) == 0 || opts.Output != nil {
		return nil, nil, false
	}
	if !git.Equal(b.snap.git) {
		return nil, nil, false // a commit changed pages' dates: every page's view and the sitemap
	}
	edits, ok := b.quickEdits(fsys, cfg, opts)
	if !ok {
		return nil, nil, false
	}
	next := b.next(fsys, opts)
	s, err = next.quickBuild(ctx, edits)
	if errors.Is(err, errLibsChanged) {
		return nil, nil, false
	}
	if err == nil {
		c.keep(next)
		c.quick.Store(true)
	}
	return s, err, true
}

// edit is a changed page's new body.
type edit struct {
	i    int // page index
	body []byte
}

// quickEdits reads the changed files and returns their new bodies, or
// false when the change is not one quickBuild can make.
func (b *builder) quickEdits(fsys fs.FS, cfg config.Config, opts Options) ([]edit, bool) {
	if opts.Drafts != b.opts.Drafts || opts.Links != b.opts.Links || opts.Files != b.opts.Files ||
		!reflect.DeepEqual(cfg, b.cfg) {
		return nil, false
	}
	if reads, _ := b.tmpl.NotFoundReadsBodies(); reads {
		return nil, false // 404.html would have to be rendered again
	}
	if b.tmpl.UsesResources() {
		return nil, false // pages not rendered again would not publish theirs
	}
	byFile := b.snap.byFile
	var edits []edit
	for _, name := range opts.Changed {
		i, ok := byFile[path.Clean(name)]
		if !ok {
			return nil, false
		}
		body, ok := content.BodyEdit(fsys, b.snap.tree.Pages[i])
		if !ok {
			return nil, false
		}
		edits = append(edits, edit{i: i, body: body})
	}
	return edits, true
}

// quickBuild renders the edited pages into b, the last build's state, and
// returns the site as a full build would.
func (b *builder) quickBuild(ctx context.Context, edits []edit) (*Site, error) {
	c := b.opts.Cache
	tree := b.snap.tree
	n := len(tree.Pages)
	c.beginQuick()

	var ds diag.List
	r := newPageRun(n, &ds)
	r.pageDiags = b.snap.pageDiags
	// The edited pages' markdown is rendered again, and so is that of
	// every page with shortcodes: a shortcode may show another page's
	// content or point at its headings.
	changed := make(map[int]bool, len(edits))
	bodies := make(map[*content.Page][]byte, len(edits))
	for _, e := range edits {
		bodies[tree.Pages[e.i]] = e.body
		changed[e.i] = true
	}
	for i, p := range tree.Pages {
		if b.render.HasShortcodes(p) {
			changed[i] = true
		}
	}
	again := slices.Sorted(maps.Keys(changed))
	pages := make([]*content.Page, len(again))
	for j, i := range again {
		pages[j] = tree.Pages[i]
		r.pageDiags[i] = nil
	}
	b.res.Again()
	b.render = b.render.WithBodies(b.site, bodies, pages)
	par.Each(ctx, len(again), func(j int) { b.markdownPage(tree, again[j], r) })
	if clientlib.Used(b.site.Pages) != b.snap.libs {
		c.abort()
		return nil, errLibsChanged
	}
	b.render.CheckAnchors(r.rendered, r.report)
	if err := ds.Err(); err != nil {
		return failed(ds), err
	}
	keys := make(map[int]memo.Key, len(again))
	for _, i := range again {
		keys[i] = r.viewKeys[i]
	}
	b.snap.memo = b.snap.memo.WithBodies(b.site, keys)
	redo := slices.Clone(again)
	for _, i := range b.snap.readers {
		if !changed[i] {
			redo = append(redo, i)
		}
	}
	par.Each(ctx, len(redo), func(j int) { b.templatePage(tree, redo[j], r, b.snap.memo) })
	if err := ctx.Err(); err != nil {
		return failed(ds), err
	}
	ds = append(ds, tree.PageErrors(r.tmplErrs)...)
	if err := ds.Err(); err != nil {
		return failed(ds), err
	}

	files := slices.Clone(b.snap.final)
	for _, i := range redo {
		if tree.Pages[i].Writes() { // build render link or never: no file
			if f := r.out[i]; !publish.Replace(files, f) { // cannot happen: the last build wrote every page
				ds.Add(diag.Errorf(f.Source, 0, 0, "internal error: a quick rebuild made %s, which the last build did not", f.Path).
					WithHint("save the file again: the next build is a full one"))
			}
		}
	}
	files = b.quickResources(files, &ds)
	llmsFull := b.quickLLMs(tree, files, again)
	// The index holds every page's text (tens of megabytes on a large
	// site) in files named by their content: it is joined when one of its
	// files is first asked for, from entries encoded now.
	es := search.Reencode(b.snap.searchEs, again, b.site.Pages, b.pages.outlines, b.searchEncoder())
	b.snap.searchEs = es
	files = slices.DeleteFunc(files, func(f publish.File) bool { return search.IsIndexFile(f.Path) })
	deferred := search.Deferred(es, b.searchEncoder().Lang(), llmsFull)
	for _, i := range again {
		if b.pages.lpages != nil {
			p := tree.Pages[i]
			b.pages.lpages[i].Body = b.render.Source(p)
			b.pages.lpages[i].Links = render.LinkPositions(p, b.pages.lpages[i].Body, b.pages.mdLinks[i])
		}
	}
	if err := ds.Err(); err != nil {
		return failed(ds), err
	}
	b.snap.final = files
	c.commit(true, n)

	ds.AddAll(b.snap.before...)
	for _, pd := range b.snap.pageDiags {
		ds.AddAll(pd...)
	}
	ds.AddAll(b.snap.after...)
	var checked Site
	b.quickLinks(ctx, tree, files, again, redo, &checked, &ds)
	if err := ds.Err(); err != nil {
		return failed(ds), err
	}
	s := failed(ds)
	if llmsFull != nil {
		files = slices.DeleteFunc(slices.Clone(files), func(f publish.File) bool { return llmsFull.Owns(f.Path) })
	}
	s.Files, s.Pages, s.Skipped, s.Deferred = files, tree.Written(), tree.Skipped, deferred
	s.Links, s.BrokenLinks = checked.Links, checked.BrokenLinks
	return s, nil
}

// quickLinks checks the links of a quick rebuild: through the last
// build's links updated with the pages rendered again when it can, with a
// link check of every file otherwise.
func (b *builder) quickLinks(ctx context.Context, tree *content.Site, files []publish.File, again, redo []int, s *Site, ds *diag.List) {
	if b.opts.Links == LinksOff {
		return
	}
	if b.snap.checked != nil {
		parsed := make(map[string]*linkcheck.Parsed, len(redo))
		for _, i := range redo {
			if tree.Pages[i].Writes() {
				parsed[tree.Pages[i].OutPath] = b.pages.parsed[i]
			}
		}
		pages := make(map[string]linkcheck.Page, len(again))
		for _, i := range again {
			pages[tree.Pages[i].OutPath] = b.pages.lpages[i]
		}
		if next, ok := b.snap.checked.Update(parsed, pages); ok {
			s.Links = next
			b.reportLinks(ctx, s, ds)
			return
		}
	}
	b.checkLinks(ctx, tree, files, s, ds)
}
