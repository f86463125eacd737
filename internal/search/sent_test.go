package search

import (
	"bytes"
	"strings"
	"testing"
)

// TestSentEntriesJoinTheSame: entries whose fragments were written early
// (Fragment, then Sent) join into the same index, the fragments' files
// listed with no Data, and each Fragment is the file Files has.
func TestSentEntriesJoinTheSame(t *testing.T) {
	t.Parallel()
	es := (*Memo)(nil).Encode(NewEncoder("en"), sitePages(30))
	want := Files(es, "en")
	frags := map[string][]byte{}
	sent := make([]Entry, len(es))
	for i, e := range es {
		if f, ok := e.Fragment(); ok {
			frags[f.Path] = f.Data
		}
		sent[i] = e.Sent()
		if sent[i].Excluded() != e.Excluded() {
			t.Fatalf("entry %d: Sent changed Excluded", i)
		}
	}
	got := Files(sent, "en")
	if len(got) != len(want) {
		t.Fatalf("%d files from sent entries, %d from whole ones", len(got), len(want))
	}
	n := 0
	for i, f := range got {
		w := want[i]
		if f.Path != w.Path {
			t.Fatalf("file %d: %s, want %s", i, f.Path, w.Path)
		}
		if strings.HasPrefix(f.Path, Dir+"f-") {
			n++
			if f.Data != nil || !bytes.Equal(frags[f.Path], w.Data) {
				t.Errorf("%s: Data %q after Sent, Fragment gave %q, want nil and %q", f.Path, f.Data, frags[f.Path], w.Data)
			}
		} else if !bytes.Equal(f.Data, w.Data) {
			t.Errorf("%s differs when the entries were sent", f.Path)
		}
	}
	if n == 0 || n != len(frags) {
		t.Errorf("%d fragment files, %d fragments", n, len(frags))
	}
}
