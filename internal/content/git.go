package content

// applyGit gives each page read from a file that git knows its last
// commit, and that commit's author date as its lastmod (Options.Git). It
// runs after URLs are made: as in Hugo, a permalink's :year comes from
// the front matter's dates, never from git.
func (l *loader) applyGit() {
	if l.opts.Git == nil {
		return
	}
	for _, p := range l.site.Pages {
		if p.Virtual {
			continue
		}
		if c := l.opts.Git.File(p.File); c != nil {
			p.GitInfo = c
			p.Lastmod = c.AuthorDate
		}
	}
}
