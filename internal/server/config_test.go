package server

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestConfigFilesWatched: serve rebuilds when any config file Hugo reads
// changes: a root config.yaml, and files of config/_default/ and of the
// environment's directory, even when the config directory is created
// while serving. Each write is awaited as a build event, not a delay.
func TestConfigFilesWatched(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, "-- config.yaml --\ntitle: From YAML\n-- content/_index.md --\n---\ntitle: Home\n---\nHi.\n")
	var log syncBuffer
	s := New(Options{Root: dir, Log: &log, Environment: "staging"})
	if _, err := s.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	startRun(t, s)
	st := openStream(t, ts.URL)
	st.next()
	for _, step := range []struct{ file, data, want string }{
		{"config.yaml", "title: Edited YAML\n", "Edited YAML"},
		{"config/_default/hugo.toml", "title = \"From the directory\"\n", "From the directory"},
		{"config/staging/hugo.json", `{"title": "From staging"}`, "From staging"},
	} {
		writeFile(t, dir, step.file, step.data)
		for !strings.Contains(get(t, s, "/").Body, step.want) {
			st.next() // the build after the write; a first event may be for an earlier batch
		}
	}
}
