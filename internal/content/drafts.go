package content

// pruneDrafts leaves out draft pages and the whole subtree of draft
// sections unless l.opts.Drafts, counting every left-out page in
// Site.Skipped. A synthesised section left with no children is dropped too
// (it stood only for the drafts), without being counted.
func (l *loader) pruneDrafts() {
	if l.opts.Drafts {
		return
	}
	home := l.site.Home
	if home.Draft {
		// A draft home hides the whole site; keep a synthesised home so
		// Site.Home is never nil.
		l.site.Skipped += countPages(home)
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
			l.site.Skipped += countPages(c)
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

// countPages counts p and every page under it that came from a file.
func countPages(p *Page) int {
	n := 0
	if !p.Virtual {
		n++
	}
	for _, c := range p.Children {
		n += countPages(c)
	}
	return n
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
