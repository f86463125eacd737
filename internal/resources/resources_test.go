package resources

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestGetAndMatch(t *testing.T) {
	s := New(Options{Assets: fstest.MapFS{
		"images/a.png": {Data: []byte("a")}, "images/B.PNG": {Data: []byte("b")}, "images/sub/c.png": {Data: []byte("c")},
		"css/s.css": {Data: []byte("s")},
	}, AssetURLs: map[string]string{"css/s.css": "/css/s.1234.css"}})
	if r, err := s.Get("missing.png"); r != nil || err != nil {
		t.Errorf("Get(missing) = %v, %v; want nil, nil", r, err)
	}
	if r, _ := s.Get("/images/a.png"); r == nil || r.RelPermalink() != "/images/a.png" || r.Name() != "images/a.png" {
		t.Errorf("Get(/images/a.png) = %+v", r)
	}
	if r, _ := s.Get("css/s.css"); r.RelPermalink() != "/css/s.1234.css" {
		t.Errorf("Get(css/s.css).RelPermalink = %q, want the asset's own URL", r.RelPermalink())
	}
	for pattern, want := range map[string]string{
		"images/*.png":     "images/B.PNG images/a.png",
		"**.png":           "images/B.PNG images/a.png images/sub/c.png",
		"**/c.png":         "images/sub/c.png",
		"images/{a,b}.png": "images/B.PNG images/a.png",
		"*.css":            "",
	} {
		rs, err := s.Match(pattern)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, r := range rs {
			names = append(names, r.Name())
		}
		if got := strings.Join(names, " "); got != want {
			t.Errorf("Match(%q) = %q, want %q", pattern, got, want)
		}
	}
	if r, _ := s.GetMatch("**/c.*"); r == nil || r.Name() != "images/sub/c.png" {
		t.Errorf("GetMatch = %v", r)
	}
	if len(s.Files()) != 0 {
		t.Errorf("files of the assets dir were published by the store: %v", s.Files())
	}
}

func TestBundle(t *testing.T) {
	s := New(Options{Files: fstest.MapFS{"content/post/images/a.png": {Data: testPNG(t, 20, 10)}, "content/post/x.txt": {Data: []byte("x")}},
		BasePath: "/docs/"})
	rs := s.Bundle([]BundleFile{
		{Name: "x.txt", Source: "content/post/x.txt", OutPath: "post/x.txt"},
		{Name: "images/a.png", Source: "content/post/images/a.png", OutPath: "post/images/a.png"},
	})
	if rs[0].Name() != "images/a.png" {
		t.Errorf("bundle not sorted by name: %s first", rs[0].Name())
	}
	img, _ := rs.GetMatch("images/*")
	if img == nil || img.RelPermalink() != "/docs/post/images/a.png" {
		t.Fatalf("GetMatch(images/*) = %+v", img)
	}
	if n := len(rs.ByType("image")); n != 1 {
		t.Errorf("ByType(image) has %d, want 1", n)
	}
	small, err := img.Resize("10x")
	if err != nil {
		t.Fatal(err)
	}
	if rel := small.RelPermalink(); !strings.HasPrefix(rel, "/docs/post/images/a_") || !strings.HasSuffix(rel, "_10x0_resize.png") {
		t.Errorf("a bundle image's resize is at %s, want beside it", rel)
	}
	if txt, _ := rs.Get("X.TXT").Content(); txt != "x" {
		t.Errorf("Content = %q", txt)
	}
}

func TestFingerprintAndMinify(t *testing.T) {
	s := New(Options{Assets: fstest.MapFS{"css/s.css": {Data: []byte("a {  color: red  }")}},
		Minify: func(name string, data []byte) ([]byte, error) {
			return []byte(strings.Join(strings.Fields(string(data)), "")), nil
		}})
	r, _ := s.Get("css/s.css")
	m, err := r.Minify()
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := m.Content(); c != "a{color:red}" || m.RelPermalink() != "/css/s.min.css" {
		t.Errorf("Minify = %q at %s", c, m.RelPermalink())
	}
	fp, err := m.Fingerprint("")
	if err != nil {
		t.Fatal(err)
	}
	rel := fp.RelPermalink()
	if !strings.HasPrefix(rel, "/css/s.min.") || len(rel) != len("/css/s.min..css")+64 {
		t.Errorf("Fingerprint RelPermalink = %q", rel)
	}
	if integ, _ := fp.Data()["Integrity"].(string); !strings.HasPrefix(integ, "sha256-") {
		t.Errorf("Integrity = %q", integ)
	}
	if _, err := r.Fingerprint("md5"); err == nil {
		t.Error("Fingerprint(md5): no error")
	}
	if n := len(s.Files()); n != 2 {
		t.Errorf("published %d files, want 2 (the minified and the fingerprinted)", n)
	}
}

func TestNilResource(t *testing.T) {
	var r *Resource // what Get gives for a missing file
	for name, call := range map[string]func() error{
		"Resize":      func() error { _, err := r.Resize("10x"); return err },
		"Process":     func() error { _, err := r.Process("png"); return err },
		"Width":       func() error { _, err := r.Width(); return err },
		"Content":     func() error { _, err := r.Content(); return err },
		"Fingerprint": func() error { _, err := r.Fingerprint(""); return err },
		"Minify":      func() error { _, err := r.Minify(); return err },
	} {
		if err := call(); err == nil || !strings.Contains(err.Error(), "found no file") {
			t.Errorf("%s of no resource: error %v", name, err)
		}
	}
	if r.RelPermalink() != "" || r.Permalink() != "" || r.Name() != "" || r.ResourceType() != "" || len(r.Data()) != 0 {
		t.Error("the strings of no resource are not empty")
	}
}
