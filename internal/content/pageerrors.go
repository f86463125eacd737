package content

import "github.com/quire-docs/quire/internal/diag"

// PageErrors are errs, the errors of s's pages by page index (nil for a
// page without one), as diagnostics: once per distinct error, at the
// first page's file, naming how many other pages had it
// (diag.OncePerError).
func (s *Site) PageErrors(errs []error) diag.List {
	names := make([]string, len(s.Pages))
	files := make([]string, len(s.Pages))
	for i, p := range s.Pages {
		names[i], files[i] = p.Name(), p.File
	}
	return diag.OncePerError(errs, files, names)
}

// Name names p in messages: its file, or its URL when it has none.
func (p *Page) Name() string {
	if p.Virtual {
		return p.RelPermalink
	}
	return p.File
}
