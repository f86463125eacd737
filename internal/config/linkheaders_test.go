package config

import (
	"strings"
	"testing"
)

// TestHostHeaders: ${NAME} in [linkcheck.hosts] headers is replaced by
// the environment's value; a variable that is unset or empty, or whose
// value cannot go in a header, is an error at the header's key that
// never shows the value.
func TestHostHeaders(t *testing.T) {
	t.Parallel()
	const src = `[linkcheck.hosts."API.example.com"]
headers = { Authorization = "Bearer ${TOKEN}", X-Plain = "v1" }

[linkcheck.hosts."b.example".headers]
X-Key = "${KEY_A}:${KEY_B}"
`
	cfg, _, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	const secret = "s3cr3t-value"
	env := func(vars map[string]string) func(string) (string, bool) {
		return func(k string) (string, bool) { v, ok := vars[k]; return v, ok }
	}
	t.Run("Expanded", func(t *testing.T) {
		t.Parallel()
		hs, err := cfg.LinkCheck.HostHeaders(env(map[string]string{"TOKEN": secret, "KEY_A": "a", "KEY_B": "b"}))
		if err != nil {
			t.Fatal(err)
		}
		if got := hs["api.example.com"].Get("Authorization"); got != "Bearer "+secret {
			t.Errorf("Authorization = %q, want the token", got)
		}
		if got := hs["api.example.com"].Get("X-Plain"); got != "v1" {
			t.Errorf("X-Plain = %q, want v1", got)
		}
		if got := hs["b.example"].Get("X-Key"); got != "a:b" {
			t.Errorf("X-Key = %q, want a:b", got)
		}
	})
	for _, tc := range []struct {
		name string
		vars map[string]string
		want []string
	}{
		{"UnsetIsAnErrorAtTheKey", map[string]string{"KEY_A": "a", "KEY_B": "b"},
			[]string{`:2:13: linkcheck.hosts."api.example.com".headers.Authorization: the environment variable TOKEN is not set`}},
		{"EmptyIsUnset", map[string]string{"TOKEN": "", "KEY_A": "a", "KEY_B": ""},
			[]string{`:2:13: linkcheck.hosts."api.example.com".headers.Authorization: the environment variable TOKEN is not set`,
				`:5:1: linkcheck.hosts."b.example".headers.X-Key: the environment variable KEY_B is not set`}},
		{"LineBreakRefused", map[string]string{"TOKEN": secret + "\r\nX-Evil: 1", "KEY_A": "a", "KEY_B": "b"},
			[]string{`:2:13: linkcheck.hosts."api.example.com".headers.Authorization: the environment variable TOKEN holds a line break or a control character`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := cfg.LinkCheck.HostHeaders(env(tc.vars))
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q lacks %q", msg, w)
				}
			}
			if strings.Contains(msg, secret) {
				t.Errorf("error %q shows the value", msg)
			}
		})
	}
}
