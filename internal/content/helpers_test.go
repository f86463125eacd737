package content

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files")

// txtarFS turns a txtar archive into an in-memory file system.
func txtarFS(archive string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// result is what one Load returned.
type result struct {
	site  *Site
	warns []*diag.Diagnostic
	err   error
}

// loadTxtar loads the site in archive with content dir "content", without
// drafts.
func loadTxtar(t *testing.T, archive string) result {
	t.Helper()
	return loadTxtarOpts(t, archive, Options{Dir: "content"})
}

func loadTxtarOpts(t *testing.T, archive string, opts Options) result {
	t.Helper()
	site, warns, err := Load(txtarFS(archive), opts)
	if site == nil {
		t.Fatalf("Load returned a nil site (err %v)", err)
	}
	return result{site, warns, err}
}

// mustLoad is loadTxtar that fails the test on any error.
func mustLoad(t *testing.T, archive string) result {
	t.Helper()
	r := loadTxtar(t, archive)
	if r.err != nil {
		t.Fatalf("Load: unexpected error:\n%v", r.err)
	}
	return r
}

// paths lists the Path of each page ("" is home).
func paths(pages []*Page) []string {
	out := make([]string, len(pages))
	for i, p := range pages {
		out[i] = p.Path
	}
	return out
}

// errLines splits a joined error into its lines ("" for nil).
func errLines(err error) []string {
	if err == nil {
		return nil
	}
	return strings.Split(err.Error(), "\n")
}

func diagLines(ds []*diag.Diagnostic) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Error()
	}
	return out
}

// dump describes a loaded site in a stable text form for golden files.
func dump(r result) string {
	var b strings.Builder
	for _, p := range r.site.Pages {
		fmt.Fprintf(&b, "%-28s %-7s %-26s %s", p.File, kindName(p), p.RelPermalink, p.OutPath)
		fmt.Fprintf(&b, " title=%q", p.Title)
		if p.LinkTitle != p.Title {
			fmt.Fprintf(&b, " linkTitle=%q", p.LinkTitle)
		}
		if p.Weight != 0 {
			fmt.Fprintf(&b, " weight=%d", p.Weight)
		}
		if !p.Date.IsZero() {
			fmt.Fprintf(&b, " date=%s", p.Date.Format("2006-01-02T15:04:05Z07:00"))
		}
		if p.Draft {
			b.WriteString(" draft")
		}
		if p.Type != "" {
			fmt.Fprintf(&b, " type=%s", p.Type)
		}
		if p.Parent != nil {
			fmt.Fprintf(&b, " parent=%s", p.Parent.File)
		}
		fmt.Fprintf(&b, " bodyLine=%d\n", p.BodyLine)
	}
	for _, s := range r.site.Static {
		fmt.Fprintf(&b, "static %s -> %s\n", s.File, s.OutPath)
	}
	fmt.Fprintf(&b, "skipped %d\n", r.site.Skipped)
	for _, w := range r.warns {
		fmt.Fprintf(&b, "%s: %s\n", w.Severity, w)
	}
	for _, e := range errLines(r.err) {
		fmt.Fprintf(&b, "error: %s\n", e)
	}
	return b.String()
}

func kindName(p *Page) string {
	k := [...]string{"page", "section", "home"}[p.Kind]
	if p.Virtual {
		k += "*"
	}
	return k
}

// fuzzSeeds returns every file in testdata/*.txtar (except golden "want"
// files), each also with CRLF line endings and a BOM.
func fuzzSeeds(tb testing.TB) [][]byte {
	tb.Helper()
	names, err := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	if err != nil || len(names) == 0 {
		tb.Fatalf("no testdata/*.txtar seeds (%v)", err)
	}
	var seeds [][]byte
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		for _, f := range txtar.Parse(data).Files {
			if f.Name == "want" {
				continue
			}
			seeds = append(seeds, f.Data,
				bytes.ReplaceAll(f.Data, []byte("\n"), []byte("\r\n")),
				append([]byte("\xEF\xBB\xBF"), f.Data...))
		}
	}
	return seeds
}
