package publish

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestSpareNotQuiresIsLeftAlone: under the spare's name, a directory
// without a Marker (or with a symbolic link for one), a symbolic link to a
// spare or a file is never used as a staging directory nor removed, build
// after build; the old outputs are then removed as before.
func TestSpareNotQuiresIsLeftAlone(t *testing.T) {
	t.Parallel()
	plants := map[string]func(t *testing.T, spare, elsewhere string){
		"NoMarker": func(t *testing.T, spare, _ string) { put(t, spare, "x.html", "mine", "sub/y.html", "y") },
		"SymlinkedMarker": func(t *testing.T, spare, elsewhere string) {
			put(t, spare, "x.html", "mine")
			if err := os.Symlink(filepath.Join(elsewhere, Marker), filepath.Join(spare, Marker)); err != nil {
				t.Skip(err)
			}
		},
		"SymlinkToSpare": func(t *testing.T, spare, elsewhere string) {
			if err := os.Symlink(elsewhere, spare); err != nil {
				t.Skip(err)
			}
		},
		"File": func(t *testing.T, spare, _ string) {
			if err := os.WriteFile(spare, []byte("mine"), 0o644); err != nil {
				t.Fatal(err)
			}
		},
	}
	for name, plant := range plants {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			tmp := t.TempDir()
			dir, elsewhere := filepath.Join(tmp, "out", "public"), filepath.Join(tmp, "elsewhere")
			spare := filepath.Join(tmp, "out", spareName("public"))
			put(t, elsewhere, Marker, markerText, "z.html", "a spare elsewhere")
			if err := os.Mkdir(filepath.Join(tmp, "out"), 0o755); err != nil {
				t.Fatal(err)
			}
			plant(t, spare, elsewhere)
			before, elsewhereBefore := entries(t, filepath.Join(tmp, "out")), entries(t, elsewhere)
			for i, v := range []string{"v1", "v2", "v3"} {
				fs := files("index.html", v)
				if err := Write(dir, fs); err != nil {
					t.Fatalf("build %d: %v", i+1, err)
				}
				if got, w := entries(t, dir), want(fs); !maps.Equal(got, w) {
					t.Errorf("output of build %d = %v, want %v", i+1, got, w)
				}
			}
			got := entries(t, filepath.Join(tmp, "out"))
			maps.DeleteFunc(got, func(p, _ string) bool { return p == "public" || strings.HasPrefix(p, "public/") })
			if !maps.Equal(got, before) {
				t.Errorf("beside the output: %v, want it as planted: %v", got, before)
			}
			if got := entries(t, elsewhere); !maps.Equal(got, elsewhereBefore) {
				t.Errorf("elsewhere = %v, want it untouched: %v", got, elsewhereBefore)
			}
		})
	}
}

// TestRecoverIgnoresSpare: with the output missing, Recover restores it
// from an old output a killed swap left, never from the spare; with only
// a spare, it restores nothing and keeps the spare, which the next build
// then reuses.
func TestRecoverIgnoresSpare(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	put(t, parent,
		".public.quire-spare/"+Marker, markerText,
		".public.quire-spare/index.html", "before last",
		".public.quire-spare/stale.html", "s",
	)
	var notes []string
	notify := func(msg string) { notes = append(notes, msg) }
	if err := Recover(dir, notify); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(dir); !os.IsNotExist(err) || len(notes) != 0 {
		t.Errorf("Recover with only a spare: Lstat(dir) = %v, notes %q; want nothing restored", err, notes)
	}
	put(t, parent,
		".public.quire-staging-5.old/"+Marker, markerText,
		".public.quire-staging-5.old/index.html", "old",
	)
	if err := Recover(dir, notify); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, dir); got["index.html"] != "old" {
		t.Errorf("restored output = %v, want the old one, not the spare", got)
	}
	if got := tree(t, filepath.Join(parent, spareName("public"))); got["index.html"] != "before last" {
		t.Errorf("spare after Recover = %v, want it kept", got)
	}
	fs := files("index.html", "new")
	if err := Write(dir, fs); err != nil {
		t.Fatal(err)
	}
	if got, w := entries(t, dir), want(fs); !maps.Equal(got, w) {
		t.Errorf("output = %v, want exactly %v", got, w)
	}
	if got := tree(t, filepath.Join(parent, spareName("public"))); got["index.html"] != "old" {
		t.Errorf("spare after the build = %v, want the restored output it replaced", got)
	}
	onlySpare(t, dir)
}

// TestLeftoversSpareKept: removing what killed builds left keeps the
// spare, with or without a Marker, and a staging directory a build was
// killed in after taking the spare is an ordinary leftover.
func TestLeftoversSpareKept(t *testing.T) {
	t.Parallel()
	for _, withMarker := range []bool{true, false} {
		parent := t.TempDir()
		put(t, parent,
			".public.quire-spare/index.html", "spare",
			".public.quire-staging-9/"+Marker, markerText, // a spare taken by a killed build
			".public.quire-staging-9/index.html", "taken",
		)
		if withMarker {
			put(t, parent, ".public.quire-spare/"+Marker, markerText)
		}
		removeLeftovers(parent, "public", osOps())
		names, err := os.ReadDir(parent)
		if err != nil {
			t.Fatal(err)
		}
		got := slices.Collect(func(yield func(string) bool) {
			for _, e := range names {
				if !yield(e.Name()) {
					return
				}
			}
		})
		if !slices.Equal(got, []string{spareName("public")}) {
			t.Errorf("with a Marker %v: after removeLeftovers %v, want only the spare", withMarker, got)
		}
	}
}

// TestAbortRemovesTakenSpare: a build that took the spare and is aborted
// removes it with its staging directory and leaves the output as it was;
// the next build starts from an empty staging directory.
func TestAbortRemovesTakenSpare(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "public")
	for _, v := range []string{"v1", "v2"} {
		if err := Write(dir, files("index.html", v, v+".html", v)); err != nil {
			t.Fatal(err)
		}
	}
	s := NewStage(dir)
	if err := s.Write(files("index.html", "v3")[0]); err != nil {
		t.Fatal(err)
	}
	if !s.reused {
		t.Fatal("the Stage did not take the spare")
	}
	s.Abort()
	if got, w := entries(t, dir), want(files("index.html", "v2", "v2.html", "v2")); !maps.Equal(got, w) {
		t.Errorf("output after Abort = %v, want %v", got, w)
	}
	if s := siblings(t, dir); len(s) != 0 {
		t.Errorf("beside the output after Abort: %v", s)
	}
	fs := files("index.html", "v4")
	if err := builders["Stage"](dir, fs); err != nil {
		t.Fatal(err)
	}
	if got, w := entries(t, dir), want(fs); !maps.Equal(got, w) {
		t.Errorf("output = %v, want %v", got, w)
	}
	onlySpare(t, dir)
}

// TestSpareReplacesEarlierSpare: a swap that finds a spare already there
// (one the build could not take) replaces it by the output it swapped out.
func TestSpareReplacesEarlierSpare(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "public")
	spare := filepath.Join(filepath.Dir(dir), spareName("public"))
	for _, v := range []string{"v1", "v2"} {
		if err := Write(dir, files("index.html", v, v+".html", v)); err != nil {
			t.Fatal(err)
		}
	}
	s := NewStage(dir)
	if err := s.Write(files("index.html", "v3")[0]); err != nil {
		t.Fatal(err)
	}
	put(t, spare, Marker, markerText, "x.html", "a spare that appeared meanwhile")
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if got, w := entries(t, dir), want(files("index.html", "v3")); !maps.Equal(got, w) {
		t.Errorf("output = %v, want %v", got, w)
	}
	if got, w := entries(t, spare), want(files("index.html", "v2", "v2.html", "v2")); !maps.Equal(got, w) {
		t.Errorf("spare = %v, want the output swapped out: %v", got, w)
	}
	onlySpare(t, dir)
}

// TestSpareWithTwoRenames: where the swap is two renames, the old output
// moved aside is kept as the spare too, and reused.
func TestSpareWithTwoRenames(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "public")
	spare := filepath.Join(filepath.Dir(dir), spareName("public"))
	o := osOps()
	o.exchange = func(a, b string) error { return errNoExchange }
	var spareInfo os.FileInfo
	for i, v := range []string{"v1", "v2", "v3", "v4"} {
		fs := files("index.html", v, v+".html", v)
		if err := write(dir, fs, o); err != nil {
			t.Fatal(err)
		}
		if got, w := entries(t, dir), want(fs); !maps.Equal(got, w) {
			t.Errorf("output of build %d = %v, want %v", i+1, got, w)
		}
		if out, err := os.Stat(dir); spareInfo != nil && (err != nil || !os.SameFile(out, spareInfo)) {
			t.Errorf("build %d did not reuse the spare: %v", i+1, err)
		}
		if i == 0 {
			continue
		}
		onlySpare(t, dir)
		var err error
		if spareInfo, err = os.Stat(spare); err != nil {
			t.Fatal(err)
		}
	}
}
