package site

import (
	"testing"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/publish"
)

// TestDedupeNormalisationOnlyDifference: two outputs whose paths differ
// only in Unicode normalisation (NFC and NFD, as macOS writes file names)
// are an error naming both sources; the one sorting first is kept.
func TestDedupeNormalisationOnlyDifference(t *testing.T) {
	t.Parallel()
	b := &builder{}
	b.add(real, publish.File{Path: "caf\u00e9/index.html", Source: "content/caf\u00e9.md"})
	b.add(real, publish.File{Path: "cafe\u0301/logo.png", Source: "content/cafe\u0301/logo.png"})
	b.add(real, publish.File{Path: "cafe\u0301/index.html", Source: "content/cafe\u0301/index.md"})
	var ds diag.List
	files := b.dedupe(&ds)
	want := "content/caf\u00e9.md: output caf\u00e9/index.html differs only in Unicode normalisation (NFC/NFD) from cafe\u0301/index.html, " +
		"produced by content/cafe\u0301/index.md (hint: they are one file on macOS and on many web hosts; rename one, or save both names in the same form)"
	if len(ds) != 1 || ds[0].String() != want {
		t.Errorf("diagnostics = %v, want [%s]", ds, want)
	}
	if len(files) != 2 {
		t.Errorf("kept %d files, want 2", len(files))
	}
}
