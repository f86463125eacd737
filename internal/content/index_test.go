package content

import (
	"testing"
	"testing/fstest"
)

// indexSite is the tree every index test resolves against.
func indexSite(t *testing.T) *Site {
	t.Helper()
	page := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\n---\nbody\n")}
	}
	fsys := fstest.MapFS{
		"content/_index.md":                   page("Home"),
		"content/faq/_index.md":               page("FAQ"),
		"content/faq/security.md":             page("Security"),
		"content/faq/diagram.png":             {Data: []byte("png")},
		"content/docs/a.md":                   page("A"),
		"content/docs/guide/index.markdown":   page("Guide"),
		"content/docs/guide/shot.png":         {Data: []byte("png")},
		"content/docs/setup/index.md":         page("Setup"),
		"content/docs/deep/nested/page.md":    page("Nested"),
		"content/blog/my post.md":             page("Spaced"),
		"content/blog/_index.md":              page("Blog"),
		"content/blog/2024/_index.md":         page("2024"),
		"content/blog/2024/first-post.md":     page("First"),
		"content/blog/2024/first-post.d/x.md": page("X"),
	}
	s, _, err := Load(fsys, Options{Dir: "content"})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestIndexRef: ref, relref and GetPage, in every form, from several pages.
func TestIndexRef(t *testing.T) {
	t.Parallel()
	s := indexSite(t)
	ix := NewIndex(s)
	byPath := map[string]*Page{}
	for _, p := range s.Pages {
		byPath[p.Path] = p
	}
	tests := []struct {
		name, from, ref string
		want            string // the page's URL; "" for no page
	}{
		{"FileFromRoot", "", "faq/security.md", "/faq/security/"},
		{"FileWithSlash", "", "/faq/security.md", "/faq/security/"},
		{"StemFromRoot", "", "faq/security", "/faq/security/"},
		{"SectionByDir", "", "faq", "/faq/"},
		{"SectionByDirSlash", "", "/faq/", "/faq/"},
		{"SectionByFile", "", "faq/_index.md", "/faq/"},
		{"HomeByRoot", "", "/", "/"},
		{"HomeByDot", "", ".", "/"},
		{"RelativeToPage", "docs/a.md", "setup", "/docs/setup/"},
		{"RelativeWinsOverRoot", "blog/2024/first-post.md", "first-post", "/blog/2024/first-post/"},
		{"RootWhenNotRelative", "docs/a.md", "faq/security.md", "/faq/security/"},
		{"ParentDir", "docs/deep/nested/page.md", "../../a.md", "/docs/a/"},
		{"FromSectionPage", "faq/_index.md", "security", "/faq/security/"},
		{"LeafBundleIndexMd", "docs/a.md", "setup", "/docs/setup/"},
		{"LeafBundleIndexMarkdown", "docs/a.md", "guide", "/docs/guide/"},
		{"LeafBundleFile", "", "docs/guide/index.markdown", "/docs/guide/"},
		{"SpacesTrimmed", "", "  faq/security.md ", "/faq/security/"},
		{"SpaceInName", "", "blog/my post.md", "/blog/my-post/"},
		{"StaticFileIsNoPage", "", "faq/diagram.png", ""},
		{"Missing", "docs/a.md", "nowhere", ""},
		{"AbsoluteIsNotRelative", "docs/a.md", "/setup", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var from *Page
			if tc.from != "" {
				if from = byPath[tc.from]; from == nil {
					t.Fatalf("no page %s", tc.from)
				}
			}
			p, ok := ix.Ref(from, tc.ref)
			got := ""
			if ok {
				got = p.RelPermalink
			}
			if got != tc.want {
				t.Errorf("Ref(%s, %q) = %q, want %q", tc.from, tc.ref, got, tc.want)
			}
		})
	}
}

// TestIndexSource: the content paths markdown links name, joined with the
// page's directory by the caller.
func TestIndexSource(t *testing.T) {
	t.Parallel()
	ix := NewIndex(indexSite(t))
	tests := []struct {
		name, src, want string
	}{
		{"PageFile", "faq/security.md", "/faq/security/"},
		{"SectionDir", "faq", "/faq/"},
		{"SectionDirSlash", "faq/", "/faq/"},
		{"SectionFile", "faq/_index.md", "/faq/"},
		{"Home", ".", "/"},
		{"HomeEmpty", "", "/"},
		{"StaticFile", "faq/diagram.png", "/faq/diagram.png"},
		{"BundleResource", "docs/guide/shot.png", "/docs/guide/shot.png"},
		{"LeafBundleDirIndexMd", "docs/setup", "/docs/setup/"},
		{"LeafBundleDirIndexMarkdown", "docs/guide", "/docs/guide/"},
		{"EscapedURL", "blog/my post.md", "/blog/my-post/"},
		{"StemIsNotALinkTarget", "faq/security", ""},
		{"Missing", "faq/nothing.md", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			target, ok := ix.Source(tc.src)
			got := ""
			if ok {
				got = target.URL
			}
			if got != tc.want {
				t.Errorf("Source(%q) = %q, want %q", tc.src, got, tc.want)
			}
		})
	}
}

// TestIndexEntriesFixed: the same tree gives the same entries, in the same
// order, so a fingerprint of them is stable.
func TestIndexEntriesFixed(t *testing.T) {
	t.Parallel()
	a, b := NewIndex(indexSite(t)).Entries(), NewIndex(indexSite(t)).Entries()
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("entries: %d and %d", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("entry %d: %v and %v", i, a[i], b[i])
		}
	}
}
