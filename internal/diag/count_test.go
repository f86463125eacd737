package diag

import "testing"

func TestCount(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		n    int
		noun string
		want string
	}{
		{"OneIsSingular", 1, "page", "1 page"},
		{"ZeroIsPlural", 0, "warning", "0 warnings"},
		{"ManyArePlural", 12, "error", "12 errors"},
		{"NegativeIsPlural", -1, "error", "-1 errors"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Count(tc.n, tc.noun); got != tc.want {
				t.Errorf("Count(%d, %q) = %q, want %q", tc.n, tc.noun, got, tc.want)
			}
		})
	}
}
