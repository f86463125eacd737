// Package audit guards quire's code that copies or shadows the internals of
// a dependency: a test names the module and the version the copy was
// checked against, and fails when go.mod moves to another version.
package audit

import (
	"os/exec"
	"strings"
	"testing"
)

// Module fails t unless the main module requires module path at version
// audited (after replacements); what names quire's copy, so that the
// failure says what to re-audit. It asks the go command, as a test binary
// carries no module versions of its own.
func Module(t testing.TB, path, audited, what string) {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{if .Replace}}{{.Replace.Version}}{{else}}{{.Version}}{{end}}", path).Output()
	if err != nil {
		t.Fatalf("go list -m %s: %v: is %s still a dependency? %s shadows it", path, err, path, what)
	}
	if v := strings.TrimSpace(string(out)); v != audited {
		t.Errorf("%s is at %s, but %s was audited against %s: re-audit %s against %s, then update this test", path, v, what, audited, what, v)
	}
}
