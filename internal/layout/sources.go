package layout

// Source is one template file as diagnostics name it, with its text.
type Source struct {
	File string // "layouts/_default/single.html" or "theme/layouts/partials/footer.html"
	Text string
}

// Sources returns the template files that can write into page p: its main
// template first, then baseof (when the main template fills it) and every
// shared file (partials) in name order. The link checker searches them to
// say which layout file a link came from.
func (t *Templates) Sources(p *Page) []Source {
	main := t.mainFor(p)
	return t.sourcesOf(main)
}

// NotFoundSources is Sources for the 404 page.
func (t *Templates) NotFoundSources() []Source { return t.sourcesOf(notFoundName) }

func (t *Templates) sourcesOf(main string) []Source {
	if v, ok := t.srcs.Load(main); ok {
		return v.([]Source)
	}
	out := []Source{t.source(main)}
	if definesMain(t.files[main].text) {
		out = append(out, t.source(baseofName))
	}
	for _, n := range names(t.files) {
		if !isMain(n) {
			out = append(out, t.source(n))
		}
	}
	t.srcs.Store(main, out)
	return out
}

func (t *Templates) source(n string) Source {
	return Source{File: displayOf(t.files, n), Text: t.files[n].text}
}
