package assets

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/minify"
	"github.com/quire-docs/quire/internal/publish"
)

func theme() fstest.MapFS {
	return fstest.MapFS{
		"css/site.css":  {Data: []byte("body {\n  color: red;\n}\n")},
		"js/site.js":    {Data: []byte("// c\nvar a = 1;\n")},
		"img/logo.png":  {Data: []byte("\x89PNG  raw  ")},
		".hidden/x.css": {Data: []byte("x{}")},
		".DS_Store":     {Data: []byte("junk")},
	}
}

func byPath(files []publish.File) map[string]publish.File {
	m := map[string]publish.File{}
	for _, f := range files {
		m[f.Path] = f
	}
	return m
}

func integrity(b []byte) string {
	sum := sha256.Sum256(b)
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

func TestProcess(t *testing.T) {
	t.Parallel()

	t.Run("IntegrityMatchesBytesWritten", func(t *testing.T) {
		t.Parallel()
		files, table, err := Process(Options{Theme: theme(), Minify: minify.New()})
		if err != nil {
			t.Fatal(err)
		}
		fs := byPath(files)
		for name, a := range table {
			path := strings.TrimPrefix(a.RelPermalink, "/")
			f, ok := fs[path]
			if !ok {
				t.Fatalf("asset %s links %s, which is not among the files", name, a.RelPermalink)
			}
			if got := integrity(f.Data); got != a.Integrity {
				t.Errorf("Integrity of %s = %s, want %s", name, a.Integrity, got)
			}
			if a.Name != name {
				t.Errorf("table[%q].Name = %q", name, a.Name)
			}
		}
		css := fs[strings.TrimPrefix(table["css/site.css"].RelPermalink, "/")]
		if string(css.Data) != "body{color:red}" {
			t.Errorf("css/site.css = %q, want minified", css.Data)
		}
		if css.Source != "theme/assets/css/site.css" {
			t.Errorf("Source = %q, want theme/assets/css/site.css", css.Source)
		}
	})

	t.Run("FingerprintedNames", func(t *testing.T) {
		t.Parallel()
		_, table, err := Process(Options{Theme: theme()})
		if err != nil {
			t.Fatal(err)
		}
		want := "/css/site." + Fingerprint("x", []byte("body {\n  color: red;\n}\n"))[2:12] + ".css"
		if got := table["css/site.css"].RelPermalink; got != want {
			t.Errorf("RelPermalink = %q, want %q", got, want)
		}
		if got := table["img/logo.png"].RelPermalink; got != "/img/logo.png" {
			t.Errorf("other file RelPermalink = %q, want /img/logo.png", got)
		}
		if _, ok := table[".DS_Store"]; ok {
			t.Errorf("hidden file was processed")
		}
		if _, ok := table[".hidden/x.css"]; ok {
			t.Errorf("hidden dir was processed")
		}
	})

	t.Run("FingerprintChangesWithContent", func(t *testing.T) {
		t.Parallel()
		a := Fingerprint("css/site.css", []byte("a{}"))
		b := Fingerprint("css/site.css", []byte("b{}"))
		if a == b || !strings.HasPrefix(a, "css/site.") || !strings.HasSuffix(a, ".css") || len(a) != len("css/site..css")+10 {
			t.Errorf("Fingerprint = %q and %q, want distinct css/site.<10 hex>.css", a, b)
		}
		if again := Fingerprint("css/site.css", []byte("a{}")); again != a {
			t.Errorf("Fingerprint not deterministic: %q then %q", a, again)
		}
	})

	t.Run("SiteOverridesTheme", func(t *testing.T) {
		t.Parallel()
		site := fstest.MapFS{"css/site.css": {Data: []byte("p{}")}}
		files, table, err := Process(Options{Theme: theme(), Site: site})
		if err != nil {
			t.Fatal(err)
		}
		f := byPath(files)[strings.TrimPrefix(table["css/site.css"].RelPermalink, "/")]
		if string(f.Data) != "p{}" || f.Source != "assets/css/site.css" {
			t.Errorf("css/site.css = %q from %q, want the site's", f.Data, f.Source)
		}
		n := 0
		for _, f := range files {
			if strings.HasPrefix(f.Path, "css/site.") {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d css/site.* files, want 1", n)
		}
	})

	t.Run("ExtraAdded", func(t *testing.T) {
		t.Parallel()
		_, table, err := Process(Options{Theme: theme(), Extra: map[string][]byte{"css/chroma.css": []byte(".k{}")}})
		if err != nil {
			t.Fatal(err)
		}
		if a, ok := table["css/chroma.css"]; !ok || !strings.HasPrefix(a.RelPermalink, "/css/chroma.") {
			t.Errorf("table[css/chroma.css] = %+v, want a fingerprinted asset", a)
		}
	})

	t.Run("BaseDirPrefix", func(t *testing.T) {
		t.Parallel()
		for _, base := range []string{"/docs/", "docs", "/docs"} {
			files, table, err := Process(Options{Theme: theme(), BaseDir: base})
			if err != nil {
				t.Fatal(err)
			}
			if got := table["img/logo.png"].RelPermalink; got != "/docs/img/logo.png" {
				t.Errorf("BaseDir %q: RelPermalink = %q, want /docs/img/logo.png", base, got)
			}
			for _, f := range files {
				if strings.HasPrefix(f.Path, "docs/") {
					t.Errorf("BaseDir %q: file path %q includes the base dir", base, f.Path)
				}
			}
		}
	})

	t.Run("SortedAndDeterministic", func(t *testing.T) {
		t.Parallel()
		opts := Options{Theme: theme(), Extra: map[string][]byte{"a.txt": nil, "z/z.js": []byte("1")}, Minify: minify.New()}
		a, _, _ := Process(opts)
		b, _, _ := Process(opts)
		for i := range a {
			if i > 0 && a[i-1].Path >= a[i].Path {
				t.Errorf("files not sorted: %q before %q", a[i-1].Path, a[i].Path)
			}
			if a[i].Path != b[i].Path || string(a[i].Data) != string(b[i].Data) {
				t.Errorf("run differs at %d: %q vs %q", i, a[i].Path, b[i].Path)
			}
		}
		if err := publish.Validate(a); err != nil {
			t.Errorf("output paths invalid: %v", err)
		}
	})

	t.Run("ErrorNamesFile", func(t *testing.T) {
		t.Parallel()
		_, _, err := Process(Options{Theme: theme(), Extra: map[string][]byte{"../x.css": nil}})
		if err == nil || !strings.Contains(err.Error(), `"../x.css"`) {
			t.Errorf("Process error = %v, want one naming ../x.css", err)
		}
	})

	t.Run("NilThemeAndSite", func(t *testing.T) {
		t.Parallel()
		files, table, err := Process(Options{})
		if err != nil || len(files) != 0 || len(table) != 0 {
			t.Errorf("Process(Options{}) = %v, %v, %v, want nothing", files, table, err)
		}
	})
}

func TestProcessMinifiesEveryTextType(t *testing.T) {
	t.Parallel()
	site := fstest.MapFS{
		"page.html":    {Data: []byte("<p>\n  one   two\n</p>\n")},
		"data/a.json":  {Data: []byte("{\n  \"a\": [1, 2]\n}\n")},
		"img/icon.svg": {Data: []byte("<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <!-- c -->\n  <rect width=\"1\"/>\n</svg>\n")},
		"feed.xml":     {Data: []byte("<feed>\n  <title>T</title>\n</feed>\n")},
		"notes.txt":    {Data: []byte("  keep \n\n  me  ")},
	}
	tests := []struct {
		name, asset, want, permalink string
	}{
		{"HTMLMinifiedNotFingerprinted", "page.html", "<p>one two</p>", "/page.html"},
		{"JSONMinifiedNotFingerprinted", "data/a.json", `{"a":[1,2]}`, "/data/a.json"},
		{"SVGMinifiedNotFingerprinted", "img/icon.svg", `<svg xmlns="http://www.w3.org/2000/svg"><rect width="1"/></svg>`, "/img/icon.svg"},
		{"XMLMinifiedNotFingerprinted", "feed.xml", "<feed><title>T</title></feed>", "/feed.xml"},
		{"OtherFilesUnchanged", "notes.txt", "  keep \n\n  me  ", "/notes.txt"},
	}
	files, table, err := Process(Options{Site: site, Minify: minify.New()})
	if err != nil {
		t.Fatal(err)
	}
	byP := byPath(files)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := table[tt.asset]
			if a.RelPermalink != tt.permalink {
				t.Errorf("RelPermalink of %s = %q, want %q", tt.asset, a.RelPermalink, tt.permalink)
			}
			f := byP[strings.TrimPrefix(tt.permalink, "/")]
			if string(f.Data) != tt.want {
				t.Errorf("%s = %q, want %q", tt.asset, f.Data, tt.want)
			}
			if a.Integrity != integrity(f.Data) {
				t.Errorf("Integrity of %s does not match the bytes written", tt.asset)
			}
		})
	}
}

func TestProcessErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opts Options
		want []string // the diagnostics, in order
	}{
		{
			name: "AllMinifyErrorsWithPositions",
			opts: Options{
				Theme: fstest.MapFS{"js/theme.js": {Data: []byte("var = 1;")}},
				Site: fstest.MapFS{
					"js/bad.js":   {Data: []byte("var a = 1;\nfunction (\n")},
					"js/worse.js": {Data: []byte("ok();\nok();\nvar x = `open")},
					"js/good.js":  {Data: []byte("var a = 1;")},
				},
			},
			want: []string{
				"assets/js/bad.js:2:10: minify: expected Identifier instead of ( in function declaration",
				"assets/js/worse.js:3:9: minify: unterminated template literal in expression",
				"theme/assets/js/theme.js:1:5: minify: unexpected = in binding",
			},
		},
		{
			name: "SiteDirNamesSiteFiles",
			opts: Options{
				SiteDir: "static/assets/",
				Site:    fstest.MapFS{"js/bad.js": {Data: []byte("var = 1;")}},
			},
			want: []string{"static/assets/js/bad.js:1:5: minify: unexpected = in binding"},
		},
		{
			name: "InvalidGeneratedNameAlongsideMinifyError",
			opts: Options{
				Extra: map[string][]byte{"../x.css": nil},
				Site:  fstest.MapFS{"js/bad.js": {Data: []byte("var = 1;")}},
			},
			want: []string{
				`generated asset "../x.css": invalid name`,
				"assets/js/bad.js:1:5: minify: unexpected = in binding",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.opts.Minify = minify.New()
			files, table, err := Process(tt.opts)
			if err == nil {
				t.Fatalf("Process = nil error, want %q", tt.want)
			}
			if files != nil || table != nil {
				t.Errorf("Process returned %d files and %d assets with an error, want none", len(files), len(table))
			}
			errs := []error{err}
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				errs = j.Unwrap()
			}
			var got []string
			for _, e := range errs {
				var d *diag.Diagnostic
				if !errors.As(e, &d) {
					t.Errorf("error %q is %T, want *diag.Diagnostic", e, e)
				}
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Process errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
