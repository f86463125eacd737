package content

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/diag"
)

// FuzzParsePage checks that any bytes parse without panicking, that a
// parsed page's body and BodyLine agree with SplitFrontMatter (so front
// matter and body reassemble into the source), that Params keys are
// lowercased and that every problem is a positioned diagnostic. It also
// loads the bytes as a one-page site.
func FuzzParsePage(f *testing.F) {
	for _, seed := range fuzzSeeds(f) {
		f.Add(seed)
	}
	// Hostile front matter: deep nesting in each format, long values.
	f.Add([]byte("---\nx: " + strings.Repeat("[", 500) + "\n---\n"))
	f.Add([]byte("---\nx:\n" + strings.Repeat("- ", 500) + "y\n---\n"))
	f.Add([]byte("+++\nx = " + strings.Repeat("{a=", 500) + "\n+++\n"))
	f.Add([]byte("{\"x\": " + strings.Repeat("[", 500) + "}\n"))
	f.Add([]byte("---\nweight: " + strings.Repeat("9", 5000) + "\n---\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		const file = "content/a.md"
		p, warns, err := ParsePage(file, src)
		checkDiags(t, src, warns, err)
		fm, splitErr := SplitFrontMatter(file, src)
		if p == nil {
			if err == nil {
				t.Fatalf("ParsePage(%q) = nil page and no error", src)
			}
			return
		}
		if splitErr != nil {
			t.Fatalf("ParsePage(%q) parsed what SplitFrontMatter rejects: %v", src, splitErr)
		}
		if !bytes.Equal(p.Body, fm.Body) || p.BodyLine != fm.BodyLine {
			t.Fatalf("ParsePage(%q) body %q line %d, SplitFrontMatter %q line %d", src, p.Body, p.BodyLine, fm.Body, fm.BodyLine)
		}
		n := Normalize(src)
		if !bytes.HasSuffix(n, p.Body) {
			t.Fatalf("ParsePage(%q) body %q is not the tail of the source", src, p.Body)
		}
		for k := range p.Params {
			if k != strings.ToLower(k) {
				t.Fatalf("ParsePage(%q) Params key %q is not lowercased", src, k)
			}
		}
		if p.LinkTitle == "" && p.Title != "" {
			t.Fatalf("ParsePage(%q) LinkTitle empty with Title %q", src, p.Title)
		}

		site, warns, err := Load(fstest.MapFS{"content/a.md": {Data: src}}, Options{Dir: "content", Drafts: true})
		checkDiags(t, src, warns, err)
		if site == nil || site.Home == nil || site.Pages[0] != site.Home {
			t.Fatalf("Load(%q) site without home: %+v", src, site)
		}
	})
}

// checkDiags fails unless every warning and joined error is a
// *diag.Diagnostic naming a file.
func checkDiags(t *testing.T, src []byte, warns []*diag.Diagnostic, err error) {
	t.Helper()
	for _, w := range warns {
		if w.Severity != diag.Warning || w.File == "" {
			t.Fatalf("%q: bad warning %#v", src, w)
		}
	}
	if err == nil {
		return
	}
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	for _, e := range errs {
		var d *diag.Diagnostic
		if !errors.As(e, &d) || d.File == "" || d.Severity != diag.Error {
			t.Fatalf("%q: error %v is not a *diag.Diagnostic", src, e)
		}
	}
}
