package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// tree returns every regular file under dir as slash path → content.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// siblings returns the names in dir's parent other than dir itself.
func siblings(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Name() != filepath.Base(dir) {
			names = append(names, e.Name())
		}
	}
	return names
}

// onlySpare fails t unless the spare of the output dir, and nothing else,
// is beside dir.
func onlySpare(t *testing.T, dir string) {
	t.Helper()
	if s := siblings(t, dir); !slices.Equal(s, []string{spareName(filepath.Base(dir))}) {
		t.Errorf("beside output: %v, want only the spare", s)
	}
}

func files(kv ...string) []File {
	var fs []File
	for i := 0; i+1 < len(kv); i += 2 {
		fs = append(fs, File{Path: kv[i], Data: []byte(kv[i+1]), Source: "src/" + kv[i]})
	}
	return fs
}

func TestWrite(t *testing.T) {
	t.Parallel()

	t.Run("FreshWrite", func(t *testing.T) {
		t.Parallel()
		dir := filepath.Join(t.TempDir(), "out", "public")
		if err := Write(dir, files("index.html", "home", "faq/a/index.html", "a", "css/site.css", "css")); err != nil {
			t.Fatalf("Write: %v", err)
		}
		got := tree(t, dir)
		want := map[string]string{"index.html": "home", "faq/a/index.html": "a", "css/site.css": "css", Marker: markerText}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("Write tree = %v, want %v", got, want)
		}
		if s := siblings(t, dir); len(s) != 0 {
			t.Errorf("left beside output: %v", s)
		}
	})

	t.Run("Permissions", func(t *testing.T) {
		t.Parallel()
		dir := filepath.Join(t.TempDir(), "public")
		if err := Write(dir, files("a/b/c.html", "c")); err != nil {
			t.Fatal(err)
		}
		for p, want := range map[string]fs.FileMode{".": 0o755, "a": 0o755, "a/b": 0o755, "a/b/c.html": 0o644, Marker: 0o644} {
			fi, err := os.Stat(filepath.Join(dir, p))
			if err != nil {
				t.Fatal(err)
			}
			if got := fi.Mode().Perm(); got != want {
				t.Errorf("mode of %s = %v, want %v", p, got, want)
			}
		}
	})

	t.Run("ReplaceWithMarkerRemovesStaleFiles", func(t *testing.T) {
		t.Parallel()
		dir := filepath.Join(t.TempDir(), "public")
		if err := Write(dir, files("old/index.html", "old", "index.html", "v1")); err != nil {
			t.Fatal(err)
		}
		if err := Write(dir, files("index.html", "v2")); err != nil {
			t.Fatalf("second Write: %v", err)
		}
		got := tree(t, dir)
		want := map[string]string{"index.html": "v2", Marker: markerText}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("tree after rebuild = %v, want %v", got, want)
		}
		onlySpare(t, dir)
	})

	t.Run("EmptyExistingDirIsFine", func(t *testing.T) {
		t.Parallel()
		dir := filepath.Join(t.TempDir(), "public")
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := Write(dir, files("index.html", "x")); err != nil {
			t.Fatalf("Write into empty dir: %v", err)
		}
		if got := tree(t, dir)["index.html"]; got != "x" {
			t.Errorf("index.html = %q, want %q", got, "x")
		}
	})

	t.Run("RefusesNonEmptyDirWithoutMarker", func(t *testing.T) {
		t.Parallel()
		dir := filepath.Join(t.TempDir(), "src")
		if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "main.go"), []byte("package main"), 0o644)
		err := Write(dir, files("index.html", "x"))
		want := "refusing to replace " + dir + ": it is not empty and has no .quire-build marker, so quire did not create it (hint: choose another --destination or empty it)"
		if err == nil || err.Error() != want {
			t.Fatalf("Write error = %v, want %q", err, want)
		}
		var re *RefusalError
		if !errors.As(err, &re) {
			t.Errorf("Write error is %T, want *RefusalError", err)
		}
		if got := tree(t, dir); fmt.Sprint(got) != fmt.Sprint(map[string]string{"main.go": "package main"}) {
			t.Errorf("refused dir changed: %v", got)
		}
		if s := siblings(t, dir); len(s) != 0 {
			t.Errorf("left beside output: %v", s)
		}
	})

	t.Run("RefusesNonDirectory", func(t *testing.T) {
		t.Parallel()
		dir := filepath.Join(t.TempDir(), "public")
		os.WriteFile(dir, []byte("a file"), 0o644)
		err := Write(dir, files("index.html", "x"))
		if err == nil || !strings.Contains(err.Error(), "refusing to replace "+dir+": it is not a directory") {
			t.Fatalf("Write error = %v, want refusal", err)
		}
		if b, _ := os.ReadFile(dir); string(b) != "a file" {
			t.Errorf("file content = %q, want untouched", b)
		}
	})

	t.Run("RefusesSymlink", func(t *testing.T) {
		t.Parallel()
		tmp := t.TempDir()
		real, dir := filepath.Join(tmp, "real"), filepath.Join(tmp, "public")
		os.Mkdir(real, 0o755)
		if err := os.Symlink(real, dir); err != nil {
			t.Skip(err)
		}
		err := Write(dir, files("index.html", "x"))
		var re *RefusalError
		if !errors.As(err, &re) || !strings.Contains(err.Error(), "symbolic link") {
			t.Errorf("Write error = %v, want refusal naming the symbolic link", err)
		}
		if fi, err := os.Lstat(dir); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("symlink was replaced")
		}
	})

	t.Run("InvalidPathLeavesOldOutput", func(t *testing.T) {
		t.Parallel()
		dir := filepath.Join(t.TempDir(), "public")
		if err := Write(dir, files("index.html", "v1")); err != nil {
			t.Fatal(err)
		}
		err := Write(dir, files("index.html", "v2", "../escape.html", "x"))
		if err == nil || !strings.Contains(err.Error(), `src/../escape.html: invalid output path "../escape.html"`) {
			t.Fatalf("Write error = %v, want invalid path error", err)
		}
		if got := tree(t, dir); got["index.html"] != "v1" {
			t.Errorf("old output changed: %v", got)
		}
		if s := siblings(t, dir); len(s) != 0 {
			t.Errorf("left beside output: %v", s)
		}
	})

	t.Run("FailureMidwayLeavesOldOutput", func(t *testing.T) {
		t.Parallel()
		dir := filepath.Join(t.TempDir(), "public")
		if err := Write(dir, files("index.html", "v1", "a.html", "a")); err != nil {
			t.Fatal(err)
		}
		failing := func(name string, data []byte) error {
			if filepath.Base(name) == "b.html" {
				return errors.New("disk full")
			}
			return writeFile(name, data)
		}
		o := osOps()
		o.writeFile = failing
		err := write(dir, files("index.html", "v2", "b.html", "b", "c/d.html", "d"), o)
		if err == nil || !strings.Contains(err.Error(), "publish b.html (from src/b.html): disk full") {
			t.Fatalf("write error = %v, want disk full naming b.html", err)
		}
		want := map[string]string{"index.html": "v1", "a.html": "a", Marker: markerText}
		if got := tree(t, dir); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("old output = %v, want %v", got, want)
		}
		if s := siblings(t, dir); len(s) != 0 {
			t.Errorf("left beside output: %v", s)
		}
	})
}

func TestValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		files []File
		want  string // substring of the error; "" for none
	}{
		{"Good", files("index.html", "", "a/b/c.css", ""), ""},
		{"Empty", files("", ""), `invalid output path "": empty`},
		{"Absolute", files("/etc/passwd", ""), "absolute"},
		{"DotDot", files("a/../../b", ""), `contains ".."`},
		{"NotClean", files("a//b", ""), "not clean"},
		{"TrailingSlash", files("a/", ""), "not clean"},
		{"Dot", files("./a", ""), "not clean"},
		{"Backslash", files(`a\b`, ""), "backslash"},
		{"Marker", files(Marker, ""), "reserved"},
		{"DuplicateNamesBothSources", []File{{Path: "a.html", Source: "content/a.md"}, {Path: "a.html", Source: "content/a/index.md"}},
			`output path "a.html" is written by both content/a.md and content/a/index.md`},
		{"NFCAndNFDBothSources", []File{{Path: "caf\u00e9/index.html", Source: "content/caf\u00e9.md"}, {Path: "cafe\u0301/index.html", Source: "content/cafe\u0301.md"}},
			"output paths \"caf\u00e9/index.html\" of content/caf\u00e9.md and \"cafe\u0301/index.html\" of content/cafe\u0301.md differ only in Unicode normalisation (NFC/NFD)"},
		{"NFCOnlyIsFine", files("caf\u00e9/index.html", "", "cafe/index.html", ""), ""},
		{"FileWhereDirNeeded", []File{{Path: "a", Source: "x.md"}, {Path: "a/b/index.html", Source: "y.md"}},
			`output path "a/b/index.html" of y.md needs "a" to be a directory, but x.md writes a file there`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := Validate(tt.files)
			if tt.want == "" {
				if err != nil {
					t.Errorf("Validate() = %v, want nil", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Validate() = %v, want error containing %q", err, tt.want)
			}
		})
	}
}

func FuzzValidate(f *testing.F) {
	for _, p := range []string{"index.html", "a/b", "../x", "/a", "a//b", ".", "", "a/./b", `a\b`} {
		f.Add(p, "a/b")
	}
	f.Fuzz(func(t *testing.T, p, q string) {
		fs := []File{{Path: p, Source: "p"}, {Path: q, Source: "q"}}
		if Validate(fs) != nil {
			return
		}
		for _, x := range []string{p, q} {
			if x == "" || strings.HasPrefix(x, "/") || filepath.Clean(x) != x || slices.Contains(strings.Split(x, "/"), "..") {
				t.Errorf("Validate accepted %q", x)
			}
		}
	})
}

func BenchmarkWrite(b *testing.B) {
	var fs []File
	for i := range 1000 {
		fs = append(fs, File{Path: fmt.Sprintf("s%d/p%d/index.html", i%20, i), Data: []byte(strings.Repeat("x", 2000)), Source: "bench"})
	}
	sort.Slice(fs, func(i, j int) bool { return fs[i].Path < fs[j].Path })
	dir := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		if err := Write(dir, fs); err != nil {
			b.Fatal(err)
		}
	}
}
