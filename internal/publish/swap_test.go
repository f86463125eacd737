package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// put writes files (slash path → content) under dir, making directories.
func put(t *testing.T, dir string, kv ...string) {
	t.Helper()
	for i := 0; i+1 < len(kv); i += 2 {
		name := filepath.Join(dir, filepath.FromSlash(kv[i]))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(kv[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestWriteCarriesDotEntries(t *testing.T) {
	t.Parallel()

	t.Run("DotEntriesSurviveRebuildsAndStaleFilesGo", func(t *testing.T) {
		t.Parallel()
		dir := filepath.Join(t.TempDir(), "public")
		if err := Write(dir, files("index.html", "v1", "stale.html", "s", "old/index.html", "o")); err != nil {
			t.Fatal(err)
		}
		put(t, dir, ".git/HEAD", "ref: refs/heads/gh-pages", ".git/objects/ab/cd", "obj", ".nojekyll", "", ".well-known/security.txt", "x")
		for i, v := range []string{"v2", "v3"} {
			if err := Write(dir, files("index.html", v)); err != nil {
				t.Fatalf("rebuild %d: %v", i+1, err)
			}
			want := map[string]string{"index.html": v, Marker: markerText, ".git/HEAD": "ref: refs/heads/gh-pages",
				".git/objects/ab/cd": "obj", ".nojekyll": "", ".well-known/security.txt": "x"}
			if got := tree(t, dir); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("tree after rebuild %d = %v, want %v", i+1, got, want)
			}
			onlySpare(t, dir)
			if got := tree(t, filepath.Join(filepath.Dir(dir), spareName("public"))); slices.ContainsFunc(slices.Collect(maps.Keys(got)),
				func(p string) bool { return p != Marker && strings.HasPrefix(p, ".") }) {
				t.Errorf("spare after rebuild %d holds carried entries: %v", i+1, got)
			}
		}
	})

	t.Run("GeneratedPathNeverReplacesCarriedEntry", func(t *testing.T) {
		t.Parallel()
		dir := filepath.Join(t.TempDir(), "public")
		if err := Write(dir, files("index.html", "v1")); err != nil {
			t.Fatal(err)
		}
		put(t, dir, ".nojekyll", "old", ".well-known/a.txt", "old a", ".git/HEAD", "h")
		before := tree(t, dir)
		err := Write(dir, []File{{Path: "index.html", Data: []byte("v2"), Source: "content/_index.md"},
			{Path: ".git/index.html", Data: []byte("alias"), Source: "content/evil.md"},
			{Path: ".well-known/b.txt", Data: []byte("new b"), Source: "content/wk.md"}})
		for _, want := range []string{"content/evil.md: output .git would replace " + filepath.Join(dir, ".git") + ", which quire did not write; nothing was changed",
			"content/wk.md: output .well-known would replace"} {
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("Write error = %v, want one containing %q", err, want)
			}
		}
		if Touched(err) {
			t.Errorf("Touched(%v) = true, want false: nothing was changed", err)
		}
		if got := tree(t, dir); fmt.Sprint(got) != fmt.Sprint(before) {
			t.Errorf("tree = %v, want it unchanged: %v", got, before)
		}
		if s := siblings(t, dir); len(s) != 0 {
			t.Errorf("left beside output: %v", s)
		}
	})

	t.Run("OwnDotEntryIsReplacedNextBuild", func(t *testing.T) {
		t.Parallel()
		dir := filepath.Join(t.TempDir(), "public")
		if err := Write(dir, files("index.html", "v1")); err != nil {
			t.Fatal(err)
		}
		put(t, dir, ".git/HEAD", "h")
		if err := Write(dir, files("index.html", "v2", ".well-known/a.txt", "a")); err != nil {
			t.Fatal(err)
		}
		if err := Write(dir, files("index.html", "v3", ".well-known/b.txt", "b")); err != nil {
			t.Fatalf("rebuild generating the build's own .well-known again: %v", err)
		}
		want := map[string]string{"index.html": "v3", Marker: markerText + "owns: .well-known\n", ".well-known/b.txt": "b", ".git/HEAD": "h"}
		if got := tree(t, dir); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("tree = %v, want %v", got, want)
		}
		if err := Write(dir, files("index.html", "v4")); err != nil {
			t.Fatal(err)
		}
		want = map[string]string{"index.html": "v4", Marker: markerText, ".git/HEAD": "h"}
		if got := tree(t, dir); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("tree after the build stopped generating .well-known = %v, want %v", got, want)
		}
	})

	for _, mode := range []string{"Exchange", "TwoRenames"} {
		t.Run("FailedMoveKeepsOldOutputAndNamesIt/"+mode, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "public")
			if err := Write(dir, files("index.html", "v1")); err != nil {
				t.Fatal(err)
			}
			put(t, dir, ".git/HEAD", "h", ".nojekyll", "")
			o := osOps()
			if mode == "TwoRenames" {
				o.exchange = func(a, b string) error { return errNoExchange }
			}
			o.rename = func(oldpath, newpath string) error {
				if filepath.Base(oldpath) == ".git" {
					return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: errors.New("device busy")}
				}
				return os.Rename(oldpath, newpath)
			}
			var notes []string
			err := write(dir, files("index.html", "v2"), o)
			s := siblings(t, dir)
			if len(s) != 1 {
				t.Fatalf("beside output: %v, want the old output kept", s)
			}
			old := filepath.Join(filepath.Dir(dir), s[0])
			if err == nil || !strings.Contains(err.Error(), "the old output is kept in "+old) || !strings.Contains(err.Error(), "device busy") {
				t.Errorf("write error = %v, want one naming %s and the cause", err, old)
			}
			if !Touched(err) {
				t.Errorf("Touched(%v) = false, want true: the new output is in place", err)
			}
			if got := tree(t, old); got[".git/HEAD"] != "h" {
				t.Errorf("kept old output = %v, want .git/HEAD in it", got)
			}
			want := map[string]string{"index.html": "v2", Marker: markerText, ".nojekyll": ""}
			if got := tree(t, dir); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("new output = %v, want %v", got, want)
			}
			// The next build must not delete the kept output, and says so.
			o = osOps()
			o.notify = func(msg string) { notes = append(notes, msg) }
			if err := write(dir, files("index.html", "v3"), o); err != nil {
				t.Fatal(err)
			}
			if got := tree(t, old); got[".git/HEAD"] != "h" {
				t.Errorf("kept old output after the next build = %v, want .git/HEAD in it", got)
			}
			if len(notes) != 1 || !strings.HasPrefix(notes[0], "kept "+old+", left by an interrupted build: it holds .git") {
				t.Errorf("notes of the next build = %q, want one saying %s is kept", notes, old)
			}
		})
	}
}

func TestWriteRemovesLeftovers(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	if err := Write(dir, files("index.html", "v1")); err != nil {
		t.Fatal(err)
	}
	put(t, parent,
		".public.quire-staging-123/"+Marker, markerText, // killed while filling
		".public.quire-staging-123/a/index.html", "a",
		".public.quire-staging-456.old/"+Marker, markerText, // killed after moving the old output aside
		".public.quire-staging-456.old/index.html", "old",
		".public.quire-staging-789/index.html", "no marker: a stranger's",
		".public.quire-staging-321.old/"+Marker, markerText, // still holds an entry to carry over
		".public.quire-staging-321.old/.git/HEAD", "h",
		".public.quire-staging-x1/"+Marker, markerText, // not a name Write gives
		".other.quire-staging-1/"+Marker, markerText, // another output's
		".public.quire-staging-5", "a file",
	)
	if err := Write(dir, files("index.html", "v2")); err != nil {
		t.Fatal(err)
	}
	got := siblings(t, dir)
	want := []string{".other.quire-staging-1", ".public.quire-spare", ".public.quire-staging-321.old", ".public.quire-staging-5",
		".public.quire-staging-789", ".public.quire-staging-x1"}
	if !slices.Equal(got, want) {
		t.Errorf("beside output = %v, want %v", got, want)
	}
}

func TestFillWritesMarkerFirst(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	failing := func(name string, data []byte) error {
		if filepath.Base(name) != Marker {
			return errors.New("killed")
		}
		return writeFile(name, data)
	}
	fs := files("index.html", "x", "a/b.html", "y")
	if err := fill(root, fs, keptOf([]string{fs[0].Path, fs[1].Path}), nil, failing); err == nil {
		t.Fatal("fill = nil error, want the writer's")
	}
	if b, err := os.ReadFile(filepath.Join(root, Marker)); err != nil || string(b) != markerText {
		t.Errorf("Marker after an interrupted fill = %q, %v, want it written", b, err)
	}
}

func TestWriteStagingErrorHasHint(t *testing.T) {
	t.Parallel()
	const hint = "quire writes a staging directory next to the output directory"

	t.Run("MkdirTempFails", func(t *testing.T) {
		t.Parallel()
		dir := filepath.Join(t.TempDir(), "public")
		o := osOps()
		o.mkdirTemp = func(d, pattern string) (string, error) {
			return "", &fs.PathError{Op: "mkdirtemp", Path: filepath.Join(d, pattern), Err: fs.ErrPermission}
		}
		err := write(dir, files("index.html", "x"), o)
		if err == nil || !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), hint) ||
			!strings.Contains(err.Error(), "needs write access to its parent") {
			t.Errorf("write error = %v, want permission error with the staging hint", err)
		}
	})

	t.Run("ReadOnlyParent", func(t *testing.T) {
		t.Parallel()
		if os.Geteuid() == 0 {
			t.Skip("root may write anywhere")
		}
		parent := t.TempDir()
		dir := filepath.Join(parent, "public")
		if err := os.Chmod(parent, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(parent, 0o755) })
		err := Write(dir, files("index.html", "x"))
		if err == nil || !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), hint) {
			t.Errorf("Write error = %v, want permission error with the staging hint", err)
		}
	})
}
