package site

import (
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/publish"
	"github.com/quire-docs/quire/internal/resources"
)

// addResources adds what the build's templates published to its outputs,
// where a collision with any other file is caught.
func (b *builder) addResources() {
	for _, f := range b.res.Published() {
		b.out.Add(publish.Real, publish.File(f))
	}
}

// quickResources replaces, in files, what the last build's templates
// published with what this one's did. A new file at a path another file
// holds is an error: the next build is a full one, which names both.
// When the paths changed, the links are checked anew over every file.
func (b *builder) quickResources(files []publish.File, ds *diag.List) []publish.File {
	out, clashes, changed := resources.Swap(b.res, files,
		func(f publish.File) string { return f.Path }, func(f resources.File) publish.File { return publish.File(f) })
	for _, f := range clashes {
		ds.Add(diag.Errorf(f.Source, 0, 0, "a resource made %s, which another file of the site already is", f.Path).
			WithHint("save the file again: the next build is a full one, which names both"))
	}
	if changed {
		b.snap.checked = nil
	}
	return out
}
