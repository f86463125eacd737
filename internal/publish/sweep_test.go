package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// entries returns every entry under dir, slash path → "file:CONTENT",
// "dir" or "link:TARGET", without following symbolic links.
func entries(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			out[rel] = "link:" + target
			return err
		case d.IsDir():
			out[rel] = "dir"
		default:
			b, err := os.ReadFile(p)
			out[rel] = "file:" + string(b)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// want is what entries returns for an output of exactly files plus the
// Marker (listing the top-level dot-entries files owns).
func want(fs []File) map[string]string {
	paths := make([]string, len(fs))
	for i, f := range fs {
		paths[i] = f.Path
	}
	w := map[string]string{Marker: "file:" + string(markerData(ownedDotEntries(paths)))}
	for p, isDir := range keptOf(paths) {
		if isDir {
			w[p] = "dir"
		}
	}
	for _, f := range fs {
		w[f.Path] = "file:" + string(f.Data)
	}
	return w
}

// builders publish files into dir, with Write or through a Stage writing
// them concurrently.
var builders = map[string]func(dir string, fs []File) error{
	"Write": Write,
	"Stage": func(dir string, fs []File) error {
		s := NewStage(dir)
		var wg sync.WaitGroup
		errs := make([]error, len(fs))
		for i, f := range fs {
			wg.Go(func() { errs[i] = s.Write(f) })
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			s.Abort()
			return err
		}
		return s.Commit()
	},
}

// TestSweepNeverPublishesStaleEntries builds before (the output that
// becomes the spare), then another output, then plants entries in the
// spare, and builds next into it: the output is exactly next, whatever
// the spare held, and nothing a planted symbolic link points at changes.
func TestSweepNeverPublishesStaleEntries(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		before, next []File
		plant        []string // in the spare: path, then "dir", "link:TARGET" (TARGET under outside) or content
	}{
		{"PageRemoved", files("index.html", "v1", "gone/index.html", "g", "docs/a.html", "a", "docs/gone.html", "g"),
			files("index.html", "v3", "docs/a.html", "a"), nil},
		{"SameFiles", files("index.html", "v1", "a/b/c.html", "c"),
			files("index.html", "v3", "a/b/c.html", "c3"), nil},
		{"FileBecameDir", files("index.html", "v1", "x", "file x"),
			files("index.html", "v3", "x/index.html", "x is a dir now"), nil},
		{"DirBecameFile", files("index.html", "v1", "y/index.html", "y", "y/z/deep.html", "d"),
			files("index.html", "v3", "y", "y is a file now"), nil},
		{"ShorterAndLongerFiles", files("short.html", "a long old page", "long.html", "s"),
			files("short.html", "new", "long.html", "a longer new page"), nil},
		{"EmptyFile", files("e.html", "was full"), files("e.html", ""), nil},
		{"StaleOwnDotEntry", files("index.html", "v1", ".well-known/a.txt", "a", ".nojekyll", ""),
			files("index.html", "v3"), nil},
		{"StaleDotEntryPlanted", files("index.html", "v1"), files("index.html", "v3"),
			[]string{".stale", "s", ".git/HEAD", "h", "sub/.hidden", "h"}},
		{"EmptyStaleDirs", files("index.html", "v1", "a/b/c/d.html", "d"), files("index.html", "v3", "a/e.html", "e"),
			[]string{"empty", "dir", "a/b/also", "dir"}},
		{"SymlinkedDirPlanted", files("index.html", "v1", "a/index.html", "a"), files("index.html", "v3", "a/index.html", "a3"),
			[]string{"a", "link:d"}},
		{"SymlinkedFilePlanted", files("index.html", "v1", "b.html", "b"), files("index.html", "v3", "b.html", "b3"),
			[]string{"b.html", "link:f"}},
		{"StaleSymlinkPlanted", files("index.html", "v1"), files("index.html", "v3"),
			[]string{"l", "link:d", "m.html", "link:f"}},
		{"DirWhereFileIsWritten", files("index.html", "v1"), files("index.html", "v3", "c.html", "c"),
			[]string{"c.html/x", "x"}},
		{"FileWhereDirIsMade", files("index.html", "v1"), files("index.html", "v3", "c/d.html", "d"),
			[]string{"c", "a file"}},
		{"CaseDiffers", files("index.html", "v1", "A.html", "upper", "Docs/x.html", "x"),
			files("index.html", "v3", "a.html", "lower", "docs/x.html", "x3"), nil},
		{"NothingWritten", files("index.html", "v1", "a/b.html", "b"), nil, nil},
	}
	for _, tt := range tests {
		for _, via := range []string{"Write", "Stage"} {
			t.Run(tt.name+"/"+via, func(t *testing.T) {
				t.Parallel()
				build := builders[via]
				tmp := t.TempDir()
				dir, outside := filepath.Join(tmp, "public"), filepath.Join(tmp, "outside")
				put(t, outside, "d/keep.html", "outside d", "f", "outside f")
				outsideBefore := entries(t, outside)
				middle := files("index.html", "v2", "mid.html", "m")
				for _, fs := range [][]File{tt.before, middle} {
					if err := build(dir, fs); err != nil {
						t.Fatal(err)
					}
				}
				spare := filepath.Join(tmp, spareName("public"))
				if got, w := entries(t, spare), want(tt.before); !maps.Equal(got, w) {
					t.Fatalf("spare = %v, want the output before last: %v", got, w)
				}
				for i := 0; i+1 < len(tt.plant); i += 2 {
					p, v := filepath.Join(spare, filepath.FromSlash(tt.plant[i])), tt.plant[i+1]
					os.RemoveAll(p)
					if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
						t.Fatal(err)
					}
					var err error
					switch {
					case v == "dir":
						err = os.Mkdir(p, 0o755)
					case len(v) > 5 && v[:5] == "link:":
						if err := os.Symlink(filepath.Join(outside, v[5:]), p); err != nil {
							t.Skip(err) // no symbolic links here
						}
					default:
						err = os.WriteFile(p, []byte(v), 0o644)
					}
					if err != nil {
						t.Fatal(err)
					}
				}
				spareInfo, err := os.Stat(spare)
				if err != nil {
					t.Fatal(err)
				}
				if err := build(dir, tt.next); err != nil {
					t.Fatal(err)
				}
				if out, err := os.Stat(dir); err != nil || !os.SameFile(out, spareInfo) {
					t.Errorf("the output is not the spare reused: %v", err)
				}
				if got, w := entries(t, dir), want(tt.next); !maps.Equal(got, w) {
					t.Errorf("output = %v, want exactly %v", got, w)
				}
				if got, w := entries(t, spare), want(middle); !maps.Equal(got, w) {
					t.Errorf("spare = %v, want the output before: %v", got, w)
				}
				if got := entries(t, outside); !maps.Equal(got, outsideBefore) {
					t.Errorf("outside the output = %v, want it untouched: %v", got, outsideBefore)
				}
				if s := siblings(t, dir); fmt.Sprint(s) != fmt.Sprint([]string{spareName("public"), "outside"}) {
					t.Errorf("beside output: %v, want only the spare", s)
				}
			})
		}
	}
}

// TestSweepKeepsRespelledEntries: where two spellings name one file (a
// case-insensitive file system), sweep never removes the one not written,
// which is the file written; where they name two files, it removes it.
func TestSweepKeepsRespelledEntries(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	put(t, root, Marker, "", "a.html", "new", "B.html", "stale", "b.html", "new b", "Docs/x.html", "stale x", "docs/x.html", "x")
	// A.html is a hard link to a.html: one file under two names, as a
	// case-insensitive file system shows a.html written over A.html.
	if err := os.Link(filepath.Join(root, "a.html"), filepath.Join(root, "A.html")); err != nil {
		t.Skip(err)
	}
	if err := sweep(root, keptOf([]string{"a.html", "b.html", "docs/x.html"})); err != nil {
		t.Fatal(err)
	}
	w := map[string]string{Marker: "file:", "a.html": "file:new", "A.html": "file:new", "b.html": "file:new b",
		"docs": "dir", "docs/x.html": "file:x"}
	if got := entries(t, root); !maps.Equal(got, w) {
		t.Errorf("after sweep: %v, want %v", got, w)
	}
}
