package content

import (
	"path"

	"github.com/quire-docs/quire/internal/diag"
)

// adapterName is the file name of Hugo's content adapters (Hugo 0.126+): a
// template in any folder of content that adds pages when Hugo runs it.
const adapterName = "_content.gotmpl"

// isContentAdapter reports whether rel, a content-relative path, is a
// content adapter.
func isContentAdapter(rel string) bool {
	return path.Base(rel) == adapterName
}

// skipAdapter leaves the content adapter rel out of the site: quire does
// not run templates to make pages, and the template is not a file of the
// site to publish. The warning says which pages are missing and why.
func (l *loader) skipAdapter(rel string) {
	l.diags.Add(diag.Warnf(l.file(rel), 0, 0, "content adapter not run: the pages it adds are not built").
		WithHint("quire does not run Hugo's %s templates; write those pages as markdown files", adapterName))
}
