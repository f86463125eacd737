package linkcheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCachePath: the cache file must resolve inside the site root, after
// symbolic links of its existing directories and of the file itself.
func TestCachePath(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	outside := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(root, ".quire"), 0o755))
	must(os.Symlink(outside, filepath.Join(root, "out")))
	must(os.Symlink(filepath.Join(outside, "f.json"), filepath.Join(root, "link.json")))
	must(os.Symlink(filepath.Join(root, ".quire"), filepath.Join(root, "in")))
	for _, tc := range []struct {
		name, file, err string
	}{
		{"DefaultInside", ".quire/linkcache.json", ""},
		{"NewDirectoriesInside", "a/b/c.json", ""},
		{"SymlinkInsideRoot", "in/c.json", ""},
		{"DotSlashInside", "./c.json", ""},
		{"Absolute", filepath.Join(outside, "c.json"), "absolute path"},
		{"SlashAbsolute", "/etc/c.json", "absolute path"},
		{"ParentDir", "../c.json", "outside the site root"},
		{"ParentAfterClean", "a/../../c.json", "outside the site root"},
		{"Root", ".", "the site root"},
		{"Empty", "", "empty"},
		{"ThroughDirSymlink", "out/c.json", "through a symbolic link"},
		{"ThroughDirSymlinkNewDirs", "out/x/y/c.json", "through a symbolic link"},
		{"FileSymlinkOutside", "link.json", "through a symbolic link"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := CachePath(root, tc.file)
			switch {
			case tc.err == "" && err != nil:
				t.Errorf("CachePath(%q): %v", tc.file, err)
			case tc.err == "" && got != filepath.Join(root, filepath.FromSlash(tc.file)):
				t.Errorf("CachePath(%q) = %q", tc.file, got)
			case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
				t.Errorf("CachePath(%q) = %q, %v; want an error saying %q", tc.file, got, err, tc.err)
			}
		})
	}
}
