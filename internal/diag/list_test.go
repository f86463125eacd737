package diag

import (
	"errors"
	"testing"
)

// TestListAdd: Add and AddAll keep order and leave out nil; AddError keeps
// a diagnostic's position, splits joined errors and places others at
// the file given.
func TestListAdd(t *testing.T) {
	t.Parallel()
	a, b := Errorf("a.md", 1, 2, "first"), Warnf("b.md", 3, 4, "second")
	var l List
	l.Add(nil)
	l.AddAll(a, nil, b)
	l.AddError("c.md", errors.Join(Errorf("d.md", 5, 6, "third"), errors.New("plain")))
	want := []string{"a.md:1:2: first", "b.md:3:4: warning: second", "d.md:5:6: third", "c.md: plain"}
	if len(l) != len(want) {
		t.Fatalf("list = %v, want %q", l, want)
	}
	for i, d := range l {
		if got := d.String(); got != want[i] {
			t.Errorf("l[%d] = %q, want %q", i, d.String(), want[i])
		}
	}
}
