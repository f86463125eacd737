package cli

import (
	"bytes"
	"testing"

	"github.com/quire-docs/quire/internal/config"
)

// TestGitHubToken: GITHUB_TOKEN, when set, authorizes the requests to
// github.com and api.github.com, and to no other host; a host whose
// config sets an Authorization keeps it.
func TestGitHubToken(t *testing.T) {
	t.Parallel()
	cfg, _, err := config.Parse([]byte(`[linkcheck.hosts."api.github.com"]
headers = { Authorization = "token ${OTHER}" }
[linkcheck.hosts."example.com"]
headers = { X-Key = "k" }
`))
	if err != nil {
		t.Fatal(err)
	}
	env := func(vars map[string]string) Env {
		return Env{Stderr: &bytes.Buffer{}, Getenv: func(k string) string { return vars[k] }}
	}
	for _, tc := range []struct {
		name string
		vars map[string]string
		want map[string]string // host → Authorization
	}{
		{"TokenForGitHubHosts", map[string]string{"GITHUB_TOKEN": "ghs_abc", "OTHER": "o"},
			map[string]string{"github.com": "Bearer ghs_abc", "api.github.com": "token o", "example.com": ""}},
		{"NoTokenNoHeader", map[string]string{"OTHER": "o"},
			map[string]string{"github.com": "", "api.github.com": "token o", "example.com": ""}},
		{"ControlCharacterIgnored", map[string]string{"GITHUB_TOKEN": "ghs\nX: y", "OTHER": "o"},
			map[string]string{"github.com": "", "api.github.com": "token o"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			hs, err := hostHeaders(env(tc.vars), cfg.LinkCheck)
			if err != nil {
				t.Fatal(err)
			}
			for host, want := range tc.want {
				if got := hs[host].Get("Authorization"); got != want {
					t.Errorf("%s: Authorization %q, want %q", host, got, want)
				}
			}
		})
	}
}
