package publish

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
)

// TestSent: pages' files and shared files recorded as sent, each shared
// file once whichever page shares it first, are left out by Unsent; a nil
// Sent leaves every file.
func TestSent(t *testing.T) {
	t.Parallel()
	const n = 64
	s := NewSent(n)
	var firsts atomic.Int32
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			if i%2 == 0 {
				s.Page(i, fmt.Sprintf("p%d.html", i))
			}
			if s.Share(fmt.Sprintf("frag%d.json", i%4)) {
				firsts.Add(1)
			}
		})
	}
	wg.Wait()
	if firsts.Load() != 4 {
		t.Errorf("%d pages were first to share one of 4 files, want 4", firsts.Load())
	}
	var files []File
	for i := range n {
		files = append(files, File{Path: fmt.Sprintf("p%d.html", i)})
	}
	for i := range 5 {
		files = append(files, File{Path: fmt.Sprintf("frag%d.json", i)})
	}
	var got []string
	for _, f := range s.Unsent(files) {
		got = append(got, f.Path)
	}
	var want []string
	for i := 1; i < n; i += 2 {
		want = append(want, fmt.Sprintf("p%d.html", i))
	}
	want = append(want, "frag4.json")
	if !slices.Equal(got, want) {
		t.Errorf("Unsent = %v, want %v", got, want)
	}
	if got := (*Sent)(nil).Unsent(files); len(got) != len(files) {
		t.Errorf("a nil Sent left %d of %d files", len(got), len(files))
	}
}
