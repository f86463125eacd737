package content

import (
	"net/url"
	"path"
	"strings"
	"testing"
)

// The fast paths of dirOf, baseName, foldCase and escapePath must agree with the
// plain forms they replace.

func TestDirOfIsPathDir(t *testing.T) {
	t.Parallel()
	for _, rel := range []string{"", "a.md", "a/b.md", "a/b/c.md", "a/", "a/b/", "dir", "é/ü.md", "a b/c d.md"} {
		want := path.Dir(rel)
		if want == "." {
			want = ""
		}
		if got := dirOf(rel); got != want {
			t.Errorf("dirOf(%q) = %q, want %q", rel, got, want)
		}
	}
}

func TestBaseNameIsBaseWithoutExt(t *testing.T) {
	t.Parallel()
	for _, rel := range []string{"", "a.md", "a/b.md", "a/b/_index.md", "a/b/", "x/", "a.tar.gz", ".md", "a.", "noext", "d.x/noext", "é/ü.markdown"} {
		b := path.Base(rel)
		if got, want := baseName(rel), strings.TrimSuffix(b, path.Ext(b)); got != want {
			t.Errorf("baseName(%q) = %q, want %q", rel, got, want)
		}
	}
}

func TestFoldCaseIsLowerOfUpper(t *testing.T) {
	t.Parallel()
	for _, p := range []string{"", "docs/a/index.html", "Docs/A/INDEX.html", "ſ/ς/σ/Σ.html", "café/CAFÉ", "k/K/\u212a"} {
		if got, want := foldCase(p), strings.ToLower(strings.ToUpper(p)); got != want {
			t.Errorf("foldCase(%q) = %q, want %q", p, got, want)
		}
	}
}

func TestEscapePathEscapesEachSegment(t *testing.T) {
	t.Parallel()
	for _, p := range []string{"/", "/docs/a/", "/a#b/", "/café/", "/a b/c?d/", "/x;y,z/", "/$&+:=@~/", "/%/"} {
		segs := strings.Split(p, "/")
		for i, s := range segs {
			segs[i] = url.PathEscape(s)
		}
		if got, want := escapePath(p), strings.Join(segs, "/"); got != want {
			t.Errorf("escapePath(%q) = %q, want %q", p, got, want)
		}
	}
}
