package assets

import "testing"

// TestFilesHas: a site's files are its assets, by name, and its static
// files, by output path; nothing else.
func TestFilesHas(t *testing.T) {
	t.Parallel()
	f := NewFiles(map[string]Asset{"css/site.css": {}}, []string{"favicon.png", "images/og.png"})
	for p, want := range map[string]bool{
		"css/site.css":  true,
		"favicon.png":   true,
		"images/og.png": true,
		"css/other.css": false,
		"images":        false,
		"/favicon.png":  false, // a slash path from the site root, without the leading "/"
		"":              false,
	} {
		if got := f.Has(p); got != want {
			t.Errorf("Has(%q) = %v, want %v", p, got, want)
		}
	}
	if NewFiles(nil, nil).Has("css/site.css") {
		t.Errorf("a site without files has one")
	}
}
