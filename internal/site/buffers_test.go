package site

import "testing"

func TestSameArray(t *testing.T) {
	t.Parallel()
	a := make([]byte, 10, 16)
	b := make([]byte, 10)
	for _, c := range []struct {
		name string
		x, y []byte
		want bool
	}{
		{"itself", a, a, true},
		{"a prefix", a[:3], a, true},
		{"a later part", a[4:6], a, true},
		{"another array", b, a, false},
		{"a copy", append([]byte(nil), a...), a, false},
		{"empty", nil, a, false},
	} {
		if got := sameArray(c.x, c.y); got != c.want {
			t.Errorf("%s: sameArray = %v, want %v", c.name, got, c.want)
		}
	}
}
