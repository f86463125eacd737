package site

import (
	"errors"

	"github.com/quire-docs/quire/internal/clientlib"
	"github.com/quire-docs/quire/internal/publish"
)

// addLibs publishes the client libraries the pages use.
func (b *builder) addLibs() {
	b.snap.libs = clientlib.Used(b.site.Pages)
	for _, f := range clientlib.Files(b.snap.libs) {
		b.out.Add(publish.Generated, f)
	}
}

// errLibsChanged ends a quick rebuild whose pages need other client
// libraries than the last build published: a full build publishes the
// right ones (an edit that adds a site's first formula is rare).
var errLibsChanged = errors.New("the client libraries the pages use changed")
