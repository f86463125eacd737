package content

import (
	"fmt"
	"slices"
	"strings"
)

// pruneDrafts leaves out draft pages and the whole subtree of draft
// sections unless l.opts.Drafts, counting every left-out page in
// Site.Skipped and naming it in Site.Drafts (see draftURLs). A
// synthesised section left with no children is dropped too (it stood only
// for the drafts), without being counted.
func (l *loader) pruneDrafts() {
	if l.opts.Drafts {
		return
	}
	home := l.site.Home
	if home.Draft {
		// A draft home hides the whole site; keep a synthesised home so
		// Site.Home is never nil.
		l.leaveOut(home, home)
		l.draftRoots = append(l.draftRoots, draftRoot{page: home})
		l.pruned = append(l.pruned, "")
		v := &Page{Kind: KindHome, Virtual: true, File: home.File, Title: "Home", LinkTitle: "Home", Params: map[string]any{}}
		l.site.Home, l.sections[""] = v, v
		return
	}
	l.prune(home)
}

func (l *loader) prune(sec *Page) {
	kept := sec.Children[:0]
	for _, c := range sec.Children {
		if c.Draft {
			l.leaveOut(c, c)
			l.draftRoots = append(l.draftRoots, draftRoot{page: c, parent: sec})
			if c.Kind == KindSection {
				l.pruned = append(l.pruned, sectionDir(c))
			}
			continue
		}
		if c.Kind == KindSection {
			l.prune(c)
			if c.Virtual && len(c.Children) == 0 {
				continue
			}
		}
		kept = append(kept, c)
	}
	clear(sec.Children[len(kept):])
	sec.Children = kept
}

// draftRoot is a draft page or section left out, with the section it was
// in (nil for a draft home).
type draftRoot struct{ page, parent *Page }

// leaveOut counts p and every page under it that came from a file in
// Site.Skipped, and keeps them for Site.Drafts; by is the draft page that
// hides them (p itself, or the draft section above it).
func (l *loader) leaveOut(p, by *Page) {
	if !p.Virtual {
		l.site.Skipped++
		l.leftOut = append(l.leftOut, leftOut{page: p, by: by})
	}
	for _, c := range p.Children {
		l.leaveOut(c, by)
	}
}

// leftOut is a page pruneDrafts left out and the draft page that hid it.
type leftOut struct{ page, by *Page }

// draftURLs gives the drafts left out the URLs they would have if
// published, for messages about links to them, and lists them in
// Site.Drafts, sorted by path. It runs after computeURLs: a draft under a
// section gets its URL from the section's, as it would when published.
// Problems with a draft's slug or url are not reported: the draft is not
// published.
func (l *loader) draftURLs() {
	if len(l.leftOut) == 0 {
		return
	}
	saved := l.diags
	l.diags = nil
	for _, r := range l.draftRoots {
		switch {
		case r.parent == nil:
			l.urlTree(r.page, nil)
		case r.page.Kind == KindSection:
			l.urlTree(r.page, l.between(l.segsOf(r.parent), sectionDir(r.parent), dirOf(sectionDir(r.page))))
		default:
			l.setURL(r.page, l.between(l.segsOf(r.parent), sectionDir(r.parent), pageDir(r.page)))
		}
	}
	l.diags = saved
	for _, lo := range l.leftOut {
		l.site.Drafts = append(l.site.Drafts, DraftFile{File: lo.page.File, Path: lo.page.Path, URL: lo.page.RelPermalink, OutPath: lo.page.OutPath, By: lo.by.File})
	}
	slices.SortFunc(l.site.Drafts, func(a, b DraftFile) int { return strings.Compare(a.Path, b.Path) })
}

// segsOf returns the URL segments of section sec's directory, as
// computeURLs found them, or for a section it did not reach (a
// synthesised one dropped because it held only drafts) as it would have.
func (l *loader) segsOf(sec *Page) []string {
	if segs, ok := l.segs[sec]; ok || sec.Parent == nil {
		return segs
	}
	segs := l.setURL(sec, l.between(l.segsOf(sec.Parent), sectionDir(sec.Parent), dirOf(sectionDir(sec))))
	l.segs[sec] = segs
	return segs
}

// underPruned reports whether the content-relative path rel is inside a
// draft section that was left out.
func (l *loader) underPruned(rel string) bool {
	for _, d := range l.pruned {
		if d == "" || rel == d || len(rel) > len(d) && rel[:len(d)] == d && rel[len(d)] == '/' {
			return true
		}
	}
	return false
}

// inherit sets each page's Type, when its front matter does not, from its
// nearest ancestor section that has one, and marks every page under a draft
// section as a draft (it is unpublished too, so with --drafts it gets the
// marker and stays out of the sitemap).
func inherit(sec *Page) {
	for _, c := range sec.Children {
		if c.Type == "" {
			c.Type = sec.Type
		}
		if sec.Draft {
			c.Draft = true
		}
		if c.Kind == KindSection {
			inherit(c)
		}
	}
}

// Unpublished says, by output path, why the pages that are not written
// are not: the drafts left out and the pages with build.render never.
// Each reason reads after the page's URL: "is a draft
// (content/guide/install.md: draft: true); build with --drafts, or
// publish it". Links to these paths are broken, and their messages say
// why.
func (s *Site) Unpublished() map[string]string {
	out := make(map[string]string, len(s.Drafts))
	for _, d := range s.Drafts {
		if d.OutPath == "" {
			continue
		}
		what := "is a draft"
		if d.By != d.File {
			what = "is in a draft section"
		}
		out[d.OutPath] = fmt.Sprintf("%s (%s: draft: true); build with --drafts, or publish it", what, d.By)
	}
	for _, p := range s.Pages {
		if p.Build.Render == RenderNever && p.OutPath != "" && !p.Virtual {
			out[p.OutPath] = fmt.Sprintf("is not rendered (%s: build.render: never); set render: always, or link to a page that is", p.File)
		}
	}
	return out
}
