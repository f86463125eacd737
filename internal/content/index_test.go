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
		"content/docs/languages/_index.md":    page("Languages"),
		"content/blog/setup.md":               page("Blog setup"),
		"content/faq/old.md":                  {Data: []byte("---\ntitle: Old\ndraft: true\n---\n")},
		"content/wip/_index.md":               {Data: []byte("---\ntitle: WIP\ndraft: true\n---\n")},
		"content/wip/plan.md":                 page("Plan"),
	}
	s, _, err := Load(fsys, Options{Dir: "content"})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// pagesByPath maps the content path of each published page to the page.
func pagesByPath(s *Site) map[string]*Page {
	byPath := map[string]*Page{}
	for _, p := range s.Pages {
		byPath[p.Path] = p
	}
	return byPath
}

// TestIndexRef: ref, relref and .Site.GetPage, in every form, from several
// pages.
func TestIndexRef(t *testing.T) {
	t.Parallel()
	s := indexSite(t)
	ix := NewIndex(s)
	byPath := pagesByPath(s)
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
		{"AbsoluteIsNotRelative", "docs/a.md", "/setup/x", ""},
		{"FileCaseInsensitive", "", "FAQ/Security.MD", "/faq/security/"},
		{"StemCaseInsensitive", "", "/Faq/SECURITY", "/faq/security/"},
		{"DirCaseInsensitive", "docs/a.md", "Guide", "/docs/guide/"},
		{"HyphenForSpace", "", "blog/my-post", "/blog/my-post/"},
		{"FromLeafBundleReadsItsParent", "docs/guide/index.markdown", "a", "/docs/a/"},
		{"FromLeafBundleSiblingBundle", "docs/guide/index.markdown", "setup", "/docs/setup/"},
		{"FromLeafBundleFileUp", "docs/guide/index.markdown", "../a.md", "/docs/a/"},
		{"DotSlashIsOnlyRelative", "docs/a.md", "./faq", ""},
		{"DotDotSlashIsOnlyRelative", "docs/deep/nested/page.md", "../faq", ""},
		{"DotSlashRelative", "docs/a.md", "./setup", "/docs/setup/"},
		{"BaseNameOfSection", "blog/2024/first-post.md", "languages", "/docs/languages/"},
		{"BaseNameWithLeadingSlash", "", "/languages", "/docs/languages/"},
		{"BaseNameWithTrailingSlash", "faq/security.md", "languages/", "/docs/languages/"},
		{"BaseNameWithExtension", "", "languages.md", "/docs/languages/"},
		{"BaseNameCaseInsensitive", "faq/security.md", "Languages", "/docs/languages/"},
		{"BaseNameOfPage", "docs/a.md", "security", "/faq/security/"},
		{"BaseNameOfLeafBundle", "blog/setup.md", "guide", "/docs/guide/"},
		{"BaseNameOfPageInSubsection", "docs/a.md", "first-post", "/blog/2024/first-post/"},
		{"BaseNameNotForTwoNames", "docs/a.md", "2024/first-post", ""},
		{"BaseNameNotForDotSlash", "faq/security.md", "./languages", ""},
		{"RelativeBeforeAmbiguousBaseName", "docs/a.md", "setup", "/docs/setup/"},
		{"RootBeforeAmbiguousBaseName", "", "blog/setup", "/blog/setup/"},
		{"DraftIsNoPage", "faq/security.md", "old", ""},
		{"DraftSectionPageIsNoPage", "", "wip/plan.md", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var from *Page
			if tc.from != "" {
				if from = byPath[tc.from]; from == nil {
					t.Fatalf("no page %s", tc.from)
				}
			}
			p, err := ix.Ref(from, tc.ref)
			got := ""
			if p != nil {
				got = p.RelPermalink
			}
			if got != tc.want || (p == nil) != (err != nil) {
				t.Errorf("Ref(%s, %q) = %q, %v; want %q", tc.from, tc.ref, got, err, tc.want)
			}
		})
	}
}

// TestIndexRefErrors: a ref that names no page, or several, says where it
// was looked for, and mentions drafts only when it names one.
func TestIndexRefErrors(t *testing.T) {
	t.Parallel()
	s := indexSite(t)
	ix := NewIndex(s)
	byPath := pagesByPath(s)
	tests := []struct {
		name, from, ref, want string
	}{
		{"FromPage", "docs/a.md", "nowhere", `no page "nowhere" in docs/ or the content directory, and no page named "nowhere"`},
		{"FromRootPage", "_index.md", "nowhere.md", `no page "nowhere.md" in the content directory, and no page named "nowhere"`},
		{"FromSite", "", "x/nowhere", `no page "x/nowhere" in the content directory`},
		{"Absolute", "docs/a.md", "/x/nowhere", `no page "/x/nowhere" in the content directory`},
		{"DotSlash", "docs/a.md", "./nowhere", `no page "./nowhere" in docs/`},
		{"Draft", "faq/security.md", "old.md", `no page "old.md" in faq/ or the content directory, and no page named "old" (content/faq/old.md is a draft: drafts are left out unless built with --drafts)`},
		{"DraftByBaseName", "docs/a.md", "old", `no page "old" in docs/ or the content directory, and no page named "old" (content/faq/old.md is a draft: drafts are left out unless built with --drafts)`},
		{"PageOfDraftSection", "", "wip/plan", `no page "wip/plan" in the content directory (content/wip/plan.md is a draft: drafts are left out unless built with --drafts)`},
		{"DraftSection", "", "/wip/", `no page "/wip/" in the content directory, and no page named "wip" (content/wip/_index.md is a draft: drafts are left out unless built with --drafts)`},
		{"Ambiguous", "faq/security.md", "setup", `page reference "setup" is ambiguous: it names content/blog/setup.md, content/docs/setup/index.md (hint: write the page's path from the content root)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ix.Ref(byPath[tc.from], tc.ref)
			if p != nil || err == nil || err.Error() != tc.want {
				t.Errorf("Ref(%s, %q) = %v, %v\nwant error %s", tc.from, tc.ref, p, err, tc.want)
			}
		})
	}
}

// TestIndexGetPage: .Page.GetPage, as the link render hook calls it, reads
// paths as Ref does but never by base name alone.
func TestIndexGetPage(t *testing.T) {
	t.Parallel()
	s := indexSite(t)
	ix := NewIndex(s)
	byPath := pagesByPath(s)
	tests := []struct {
		name, from, ref, want string
	}{
		{"RelativeStem", "docs/a.md", "setup", "/docs/setup/"},
		{"UpToSibling", "docs/deep/nested/page.md", "../../a/", "/docs/a/"},
		{"FromRoot", "docs/a.md", "faq/security", "/faq/security/"},
		{"CaseInsensitive", "docs/a.md", "../FAQ/Security", "/faq/security/"},
		{"NoBaseName", "faq/security.md", "languages", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ix.GetPage(byPath[tc.from], tc.ref)
			got := ""
			if p != nil {
				got = p.RelPermalink
			}
			if got != tc.want || (p == nil) != (err != nil) {
				t.Errorf("GetPage(%s, %q) = %q, %v; want %q", tc.from, tc.ref, got, err, tc.want)
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
		{"CaseAsWritten", "FAQ/security.md", ""},
		{"DraftIsNoTarget", "faq/old.md", ""},
		{"Outside", "../faq/security.md", ""},
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
