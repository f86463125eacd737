package render

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/assets"
	"github.com/quire-docs/quire/internal/config"
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

// TestResourceOptions: the store publishes assets at the table's URLs,
// reads the asset directory when the site has one, and minifies.
func TestResourceOptions(t *testing.T) {
	t.Parallel()
	cfg, _, err := config.Parse([]byte("baseURL = \"https://example.org/docs/\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	table := map[string]assets.Asset{"css/site.css": {Name: "css/site.css", RelPermalink: "/docs/css/site.1.css"}}
	fsys := fstest.MapFS{"assets/js/a.js": {Data: []byte("a")}}
	o := ResourceOptions(cfg, fsys, table, nil)
	if o.AssetURLs["css/site.css"] != "/docs/css/site.1.css" || o.BasePath != "/docs/" || o.BaseURL != cfg.BaseURL || o.AssetDir != cfg.AssetDir {
		t.Errorf("options: %+v", o)
	}
	if o.Assets == nil || o.Files == nil || o.Minify == nil {
		t.Fatalf("options without assets, files or minify: %+v", o)
	}
	if m, err := o.Minify("a.css", []byte("a {  color : red ; }")); err != nil || string(m) != "a{color:red}" {
		t.Errorf("Minify = %q, %v", m, err)
	}
	if o := ResourceOptions(cfg, fstest.MapFS{}, nil, nil); o.Assets != nil {
		t.Errorf("a site without %s/ has Assets %v", cfg.AssetDir, o.Assets)
	}
}
