package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// lockedFS is fsys in which opening any name in locked fails with
// fs.ErrPermission, as an unreadable file does (even for root).
type lockedFS struct {
	fsys   fs.FS
	locked map[string]bool
}

func (l lockedFS) Open(name string) (fs.File, error) {
	if l.locked[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return l.fsys.Open(name)
}

func (l lockedFS) ReadLink(name string) (string, error)   { return fs.ReadLink(l.fsys, name) }
func (l lockedFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(l.fsys, name) }

// symlinkSite writes a site to a temp dir: pages, static files, a link to
// each, a link to a directory and dangling links. It skips the test where
// symbolic links cannot be made.
func symlinkSite(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	files := map[string]string{
		"content/_index.md":  "---\ntitle: Home\n---\n",
		"content/real.md":    "---\ntitle: Real\n---\n",
		"content/img.png":    "PNG",
		"content/sub/a.md":   "---\ntitle: A\n---\n",
		"content/locked.png": "PNG",
		"shared/outside.md":  "---\ntitle: Outside\n---\n",
	}
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{ // link in content/ -> target
		"page-link.md":    "real.md",
		"outside-link.md": "../shared/outside.md",
		"img-link.png":    "img.png",
		"dirlink":         "sub",
		"dangling.md":     "missing.md",
		"dangling.png":    "missing.png",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, "content", name)); err != nil {
			t.Skipf("cannot make symbolic links here: %v", err)
		}
	}
	return root
}

func TestLoadSymlinks(t *testing.T) {
	t.Parallel()
	root := symlinkSite(t)
	fsys := lockedFS{fsys: os.DirFS(root), locked: map[string]bool{"content/locked.png": true}}
	site, warns, err := Load(fsys, Options{Dir: "content"})
	t.Run("EveryErrorInOneRun", func(t *testing.T) {
		want := []string{
			"content/dangling.md: dangling symbolic link: missing.md does not exist (hint: remove the link, or create the file it points to)",
			"content/dangling.png: dangling symbolic link: missing.png does not exist (hint: remove the link, or create the file it points to)",
			"content/locked.png: cannot read: permission denied",
		}
		if got := errLines(err); !reflect.DeepEqual(got, want) {
			t.Errorf("errors =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
	t.Run("DirectoryLinkSkippedWithWarning", func(t *testing.T) {
		want := []string{"content/dirlink: symbolic link to a directory skipped (hint: quire does not follow directory links; copy or move the files instead)"}
		if got := diagLines(warns); !reflect.DeepEqual(got, want) {
			t.Errorf("warnings =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
	t.Run("FileLinksWork", func(t *testing.T) {
		want := []string{"_index.md", "outside-link.md", "page-link.md", "real.md", "sub/", "sub/a.md"}
		if got := paths(site.Pages); !reflect.DeepEqual(got, want) {
			t.Errorf("Site.Pages = %q, want %q", got, want)
		}
		for _, p := range site.Pages {
			if p.Path == "page-link.md" && (p.Title != "Real" || p.RelPermalink != "/page-link/") {
				t.Errorf("page-link.md: title %q at %s, want Real at /page-link/", p.Title, p.RelPermalink)
			}
		}
		wantStatic := []StaticFile{
			{File: "content/img-link.png", OutPath: "img-link.png"},
			{File: "content/img.png", OutPath: "img.png"},
		}
		if !reflect.DeepEqual(site.Static, wantStatic) {
			t.Errorf("Static = %v, want %v", site.Static, wantStatic)
		}
	})
}

func TestLoadUnreadable(t *testing.T) {
	t.Parallel()
	fsys := lockedFS{
		fsys: fstest.MapFS{
			"content/a.md":         {Data: []byte("---\ntitle: A\n---\n")},
			"content/b.md":         {Data: []byte("---\ntitle: B\n---\n")},
			"content/img/x.png":    {Data: []byte("PNG")},
			"content/img/y.png":    {Data: []byte("PNG")},
			"content/private/z.md": {Data: []byte("---\ntitle: Z\n---\n")},
		},
		locked: map[string]bool{"content/b.md": true, "content/img/x.png": true, "content/private": true},
	}
	site, _, err := Load(fsys, Options{Dir: "content"})
	want := []string{
		"content/b.md: cannot read: permission denied",
		"content/img/x.png: cannot read: permission denied",
		"content/private: cannot read: permission denied",
	}
	if got := errLines(err); !reflect.DeepEqual(got, want) {
		t.Errorf("errors =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := paths(site.Pages); !reflect.DeepEqual(got, []string{"", "a.md"}) {
		t.Errorf("Site.Pages = %q, want home and a.md", got)
	}
	if want := []StaticFile{{File: "content/img/y.png", OutPath: "img/y.png"}}; !reflect.DeepEqual(site.Static, want) {
		t.Errorf("Static = %v, want %v", site.Static, want)
	}
}

func TestLoadContentDirIsAFile(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{"content": {Data: []byte("---\ntitle: oops\n---\n")}}
	site, _, err := Load(fsys, Options{Dir: "content"})
	want := []string{`content: not a directory (hint: the content directory holds the pages; move the file "content" away, or set the content directory in config.toml)`}
	if got := errLines(err); !reflect.DeepEqual(got, want) {
		t.Errorf("errors = %q, want %q", got, want)
	}
	if site == nil || site.Home == nil || len(site.Pages) != 1 || len(site.Static) != 0 {
		t.Errorf("site = %+v, want only a synthesised home", site)
	}
}
