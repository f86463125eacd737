package assets

import (
	"io/fs"
	"reflect"
	"testing"
	"testing/fstest"
)

func link(target string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(target), Mode: fs.ModeSymlink}
}

func TestStatic(t *testing.T) {
	t.Parallel()
	site := fstest.MapFS{
		"static/img/logo.svg":          {Data: []byte("not SVG <<<")},
		"static/a.txt":                 {Data: []byte("from static")},
		"static/.gitkeep":              {},
		"static/.well-known/x.txt":     {Data: []byte("well known")},
		"static/img/.DS_Store":         {Data: []byte("junk")},
		"static/js/vendor.js":          link("../../node_modules/v.js"),
		"static/js/alias.js":           link("../a.txt"),
		"static/docs":                  link("img"),
		"override/a.txt":               {Data: []byte("from override")},
		"content/_index.md":            {},
		"assets/js/base.js":            link("../../node_modules/base.js"),
		"assets/js/app.js":             {Data: []byte("let a = 1;")},
		"assets/.cache/stale.js":       link("nowhere.js"),
		"assets/css/vendor/theme.css":  link("../../../node_modules/t.css"),
		"assets/css/vendor/local.css":  {Data: []byte("a{}")},
		"assets/css/vendor/.hidden.js": link("x"),
	}
	for _, tc := range []struct {
		name  string
		dirs  []string
		allow []string
		files map[string]string // Path → Data
		links []Link
	}{
		{"CopiedAsTheyAre", []string{"static"}, nil,
			map[string]string{"a.txt": "from static", "img/logo.svg": "not SVG <<<", "js/alias.js": "from static"},
			[]Link{
				{File: "static/docs", Name: "docs", Dir: true},
				{File: "static/js/vendor.js", Name: "js/vendor.js", Target: "../../node_modules/v.js"},
			}},
		{"FirstDirWins", []string{"override", "static"}, nil,
			map[string]string{"a.txt": "from override", "img/logo.svg": "not SVG <<<", "js/alias.js": "from static"},
			nil},
		{"MissingDirSkipped", []string{"nowhere"}, nil, map[string]string{}, nil},
		{"AllowedDotPath", []string{"static"}, []string{".well-known"},
			map[string]string{"a.txt": "from static", "img/logo.svg": "not SVG <<<", "js/alias.js": "from static", ".well-known/x.txt": "well known"},
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			files, links, err := Static(StaticOptions{FS: site, Dirs: tc.dirs, AllowDotPaths: tc.allow})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for i, f := range files {
				got[f.Path] = string(f.Data)
				if i > 0 && files[i-1].Path >= f.Path {
					t.Errorf("files not sorted: %s before %s", files[i-1].Path, f.Path)
				}
			}
			if !reflect.DeepEqual(got, tc.files) {
				t.Errorf("Static(%q) files = %q, want %q", tc.dirs, got, tc.files)
			}
			if tc.links != nil && !reflect.DeepEqual(links, tc.links) {
				t.Errorf("Static(%q) links = %+v, want %+v", tc.dirs, links, tc.links)
			}
		})
	}

	t.Run("AssetLinksThatLeadNowhere", func(t *testing.T) {
		t.Parallel()
		sub, err := fs.Sub(site, "assets")
		if err != nil {
			t.Fatal(err)
		}
		_, table, err := Process(Options{Site: sub})
		if err != nil {
			t.Fatalf("Process: %v, want the dangling links left out", err)
		}
		if _, ok := table["css/vendor/local.css"]; !ok {
			t.Errorf("Process left out css/vendor/local.css")
		}
		if _, ok := table["js/base.js"]; ok {
			t.Errorf("Process published the dangling link js/base.js")
		}
		want := []Link{
			{File: "assets/css/vendor/theme.css", Name: "css/vendor/theme.css", Target: "../../../node_modules/t.css"},
			{File: "assets/js/base.js", Name: "js/base.js", Target: "../../node_modules/base.js"},
		}
		if got := Skipped(sub, "assets"); !reflect.DeepEqual(got, want) {
			t.Errorf("Skipped = %+v, want %+v", got, want)
		}
	})
}
