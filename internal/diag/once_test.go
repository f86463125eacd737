package diag

import (
	"errors"
	"testing"
)

// TestOncePerError: one diagnostic per distinct error, naming the first
// item and how many others; an error that already names its item's file
// says nothing more; errors joined are taken apart.
func TestOncePerError(t *testing.T) {
	t.Parallel()
	partial := &Diagnostic{Severity: Error, File: "layouts/partials/nav.html", Line: 3, Col: 4, Msg: "nav broke"}
	own := errors.New("own error")
	errs := []error{partial, nil, partial, errors.Join(own, partial), own}
	files := []string{"content/a.md", "content/b.md", "content/c.md", "content/d.md", "content/e.md"}
	names := files
	got := OncePerError(errs, files, names)
	want := []string{
		"layouts/partials/nav.html:3:4: nav broke (rendering content/a.md and 2 other pages)",
		"content/d.md: own error",
		"content/e.md: own error",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d diagnostics %v, want %d", len(got), got, len(want))
	}
	for i, d := range got {
		if d.Error() != want[i] {
			t.Errorf("diagnostic %d = %q, want %q", i, d.Error(), want[i])
		}
	}
	if partial.Msg != "nav broke" {
		t.Errorf("the caller's diagnostic was changed: %q", partial.Msg)
	}
}

// TestReported: an error whose diagnostics are all in the list, messages
// extended or not, is reported; one with a diagnostic missing is not.
func TestReported(t *testing.T) {
	t.Parallel()
	partial := &Diagnostic{Severity: Error, File: "layouts/partials/nav.html", Line: 3, Col: 4, Msg: "nav broke"}
	other := &Diagnostic{Severity: Error, File: "layouts/404.html", Line: 1, Col: 1, Msg: "404 broke"}
	l := OncePerError([]error{partial}, []string{"content/a.md"}, []string{"content/a.md"})
	if !l.Reported(partial) {
		t.Error("the partial's error, reported with the page it was met on, is not reported")
	}
	if l.Reported(other) || l.Reported(errors.Join(partial, other)) {
		t.Error("an error not in the list is reported")
	}
	if l.Reported(nil) {
		t.Error("nil is reported")
	}
}

// TestAddOnFreeLines: a diagnostic on a line that has an error is not
// added again; on another line, or without a line, it is.
func TestAddOnFreeLines(t *testing.T) {
	t.Parallel()
	l := List{Errorf("content/a.md", 4, 7, "ref anchor"), Warnf("content/b.md", 2, 1, "a warning")}
	l.AddOnFreeLines(List{
		Errorf("content/a.md", 4, 1, "broken link"),    // same line as an error: left out
		Errorf("content/b.md", 2, 3, "broken link"),    // a warning's line: added
		Errorf("content/a.md", 5, 1, "broken link"),    // another line: added
		Errorf("content/a.md", 0, 0, "no line at all"), // added
	})
	if len(l) != 5 {
		t.Errorf("got %d diagnostics, want 5: %v", len(l), l)
	}
}

// TestOncePerErrorOneOther: one other page is counted in the singular.
func TestOncePerErrorOneOther(t *testing.T) {
	t.Parallel()
	partial := &Diagnostic{Severity: Error, File: "layouts/partials/nav.html", Line: 3, Col: 4, Msg: "nav broke"}
	files := []string{"content/a.md", "content/b.md"}
	got := OncePerError([]error{partial, partial}, files, files)
	if want := "layouts/partials/nav.html:3:4: nav broke (rendering content/a.md and 1 other page)"; len(got) != 1 || got[0].Error() != want {
		t.Errorf("got %v, want [%s]", got, want)
	}
}
