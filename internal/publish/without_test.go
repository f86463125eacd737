package publish

import (
	"slices"
	"testing"
)

// TestWithout: the files at the paths given are left out, in order; nil
// paths leave every file.
func TestWithout(t *testing.T) {
	t.Parallel()
	files := []File{{Path: "a"}, {Path: "b"}, {Path: "c"}}
	path := func(f File) string { return f.Path }
	if got := Without(files, []string{"b", ""}); !slices.Equal(mapOf(got, path), []string{"a", "c"}) {
		t.Errorf("Without(b) = %v", got)
	}
	if got := Without(files, nil); len(got) != 3 {
		t.Errorf("Without(nil) = %v", got)
	}
}

func mapOf(files []File, f func(File) string) []string {
	out := make([]string, len(files))
	for i, x := range files {
		out[i] = f(x)
	}
	return out
}
