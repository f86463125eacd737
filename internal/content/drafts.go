package content

import (
	"slices"
	"strings"
)

// pruneDrafts leaves out draft pages and the whole subtree of draft
// sections unless l.opts.Drafts, counting every left-out page in
// Site.Skipped and naming it in Site.Drafts. A synthesised section left
// with no children is dropped too (it stood only for the drafts), without
// being counted.
func (l *loader) pruneDrafts() {
	if l.opts.Drafts {
		return
	}
	defer func() {
		slices.SortFunc(l.site.Drafts, func(a, b DraftFile) int { return strings.Compare(a.Path, b.Path) })
	}()
	home := l.site.Home
	if home.Draft {
		// A draft home hides the whole site; keep a synthesised home so
		// Site.Home is never nil.
		l.leaveOut(home)
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
			l.leaveOut(c)
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

// leaveOut counts p and every page under it that came from a file in
// Site.Skipped, and names them in Site.Drafts.
func (l *loader) leaveOut(p *Page) {
	if !p.Virtual {
		l.site.Skipped++
		l.site.Drafts = append(l.site.Drafts, DraftFile{File: p.File, Path: p.Path})
	}
	for _, c := range p.Children {
		l.leaveOut(c)
	}
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
