package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteRestoresOldOutputLeftByAKill builds the state a kill between
// the two renames of a swap leaves (no output, the old one moved aside
// beside a complete staging directory): the next build restores the old
// output, carries its .git over, says so, and leaves nothing beside.
func TestWriteRestoresOldOutputLeftByAKill(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	old := filepath.Join(parent, ".public.quire-staging-123.old")
	put(t, parent,
		".public.quire-staging-123.old/"+Marker, markerText,
		".public.quire-staging-123.old/index.html", "old",
		".public.quire-staging-123.old/.git/HEAD", "h",
		".public.quire-staging-123/"+Marker, markerText,
		".public.quire-staging-123/index.html", "new, never swapped in",
	)
	var notes []string
	o := osOps()
	o.notify = func(msg string) { notes = append(notes, msg) }
	if err := write(dir, files("index.html", "v2"), o); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"index.html": "v2", Marker: markerText, ".git/HEAD": "h"}
	if got := tree(t, dir); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("output = %v, want %v", got, want)
	}
	onlySpare(t, dir) // the restored old output
	if want := "restored " + dir + " from " + old + ", which an interrupted build left"; len(notes) != 1 || notes[0] != want {
		t.Errorf("notes = %q, want [%q]", notes, want)
	}
}

// TestFailedBuildKeepsRestoredOutput: a build that fails after restoring
// the output still leaves the restored output in place, not deleted.
func TestFailedBuildKeepsRestoredOutput(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	put(t, parent,
		".public.quire-staging-7.old/"+Marker, markerText,
		".public.quire-staging-7.old/index.html", "old",
	)
	s := NewStage(dir)
	var notes []string
	s.Notify = func(msg string) { notes = append(notes, msg) }
	if err := s.Write(files("index.html", "v2")[0]); err != nil {
		t.Fatal(err)
	}
	s.Abort()
	if got := tree(t, dir); got["index.html"] != "old" {
		t.Errorf("output after an aborted build = %v, want the restored old one", got)
	}
	if len(notes) != 1 || !strings.HasPrefix(notes[0], "restored "+dir) {
		t.Errorf("notes = %q, want one saying %s was restored", notes, dir)
	}
}

// TestSwapNeverLeavesOutputMissing: where the system exchanges
// directories atomically, the swap never renames the output away.
func TestSwapNeverLeavesOutputMissing(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "public")
	if err := Write(dir, files("index.html", "v1")); err != nil {
		t.Fatal(err)
	}
	put(t, dir, ".git/HEAD", "h")
	probe := filepath.Join(t.TempDir(), "probe")
	put(t, probe, "a/x", "a", "b/y", "b")
	if err := exchange(filepath.Join(probe, "a"), filepath.Join(probe, "b")); errors.Is(err, errNoExchange) {
		t.Skip("no atomic exchange on this system or file system")
	} else if err != nil {
		t.Fatal(err)
	}
	o := osOps()
	o.rename = func(oldpath, newpath string) error {
		if oldpath == dir {
			t.Errorf("rename(%s, %s): the output was moved away", oldpath, newpath)
		}
		return os.Rename(oldpath, newpath)
	}
	if err := write(dir, files("index.html", "v2"), o); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"index.html": "v2", Marker: markerText, ".git/HEAD": "h"}
	if got := tree(t, dir); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("output = %v, want %v", got, want)
	}
}
