// Package sitetest holds what tests that build whole sites share: a site
// from a txtar archive, the files of a build's output, and git
// repositories with a fixed identity. Only tests import it.
package sitetest

import (
	"bytes"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/publish"
)

// Archive returns the files of a txtar archive as a file system, and the
// configuration its config.toml gives (the defaults when it has none).
func Archive(t testing.TB, archive string) (fstest.MapFS, config.Config) {
	t.Helper()
	fsys := fstest.MapFS{}
	var cfgData []byte
	for _, f := range txtar.Parse([]byte(archive)).Files {
		if f.Name == "config.toml" {
			cfgData = f.Data
		}
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	cfg, _, err := config.Parse(cfgData)
	if err != nil {
		t.Fatalf("config: %v", err)
	}
	return fsys, cfg
}

// File returns the text of the file at path among files; the test fails
// when there is none, naming those there are.
func File(t testing.TB, files []publish.File, path string) string {
	t.Helper()
	for _, f := range files {
		if f.Path == path {
			return string(f.Data)
		}
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Path)
	}
	t.Fatalf("no output file %s; have %v", path, names)
	return ""
}

// Has reports whether files has one at path.
func Has(files []publish.File, path string) bool {
	for _, f := range files {
		if f.Path == path {
			return true
		}
	}
	return false
}

// ErrorLines returns the error diagnostics of err as printed lines,
// sorted.
func ErrorLines(err error) []string {
	var l diag.List
	l.AddError("", err)
	l.Sort()
	var out []string
	for _, d := range l {
		out = append(out, d.Error())
	}
	return out
}

// SameFiles fails the test where two builds' files differ: in number,
// or in a path or the bytes at one.
func SameFiles(t testing.TB, a, b []publish.File) {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("%s differs between two builds", a[i].Path)
		}
	}
}

// Recorder is a build's Output that keeps a copy of every file it is
// sent, by path. It is safe for concurrent use.
type Recorder struct {
	mu    sync.Mutex
	Files map[string][]byte
}

// Write keeps a copy of f.
func (r *Recorder) Write(f publish.File) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.Files == nil {
		r.Files = map[string][]byte{}
	}
	r.Files[f.Path] = bytes.Clone(f.Data)
	return nil
}
