package render

import (
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/content"
)

func TestBundleFiles(t *testing.T) {
	tree := &content.Site{Static: []content.StaticFile{
		{File: "content/post/a.png", OutPath: "post/a.png"},
		{File: "content/post/img/b.png", OutPath: "post/img/b.png"},
		{File: "content/docs/c.png", OutPath: "docs/c.png"},
		{File: "content/docs/sub/d.png", OutPath: "docs/sub/d.png"},
		{File: "content/other.png", OutPath: "other.png"},
	}}
	for _, tt := range []struct {
		name, file, want string
	}{
		{"LeafBundleHasItsSubfolders", "content/post/index.md", "a.png img/b.png"},
		{"BranchBundleHasItsOwnFolder", "content/docs/_index.md", "c.png"},
		{"PlainPageHasNone", "content/docs/page.md", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var names []string
			for _, f := range bundleFiles(tree, tt.file) {
				names = append(names, f.Name)
			}
			if got := strings.Join(names, " "); got != tt.want {
				t.Errorf("bundleFiles(%s) = %q, want %q", tt.file, got, tt.want)
			}
		})
	}
}
