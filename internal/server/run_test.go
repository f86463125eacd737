package server

import (
	"context"
	"io/fs"
	"slices"
	"testing"
	"time"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/site"
	"github.com/quire-docs/quire/internal/watch"
)

// heldBuild is a site build that tells the test it started, with the
// changed files it was given, and then does not end by itself: it
// returns when the test releases it or, with ctx's error, when ctx is
// done.
type heldBuild struct {
	started chan []string
	release chan struct{}
}

func newHeldBuild() *heldBuild {
	return &heldBuild{started: make(chan []string), release: make(chan struct{})}
}

func (h *heldBuild) build(ctx context.Context, _ fs.FS, _ config.Config, opts site.Options) (*site.Site, error) {
	select {
	case h.started <- opts.Changed:
	case <-ctx.Done():
		return &site.Site{}, ctx.Err()
	}
	select {
	case <-h.release:
		return &site.Site{}, nil
	case <-ctx.Done():
		return &site.Site{}, ctx.Err()
	}
}

// next returns the changed files of the next build to start.
func (h *heldBuild) next(t *testing.T) []string {
	t.Helper()
	select {
	case c := <-h.started:
		return c
	case <-time.After(time.Minute): // a guard against hanging, not a measure
		t.Fatal("no build started")
		return nil
	}
}

// send hands b to the rebuild loop, failing if it is not taken.
func send(t *testing.T, batches chan<- watch.Batch, b watch.Batch) {
	t.Helper()
	select {
	case batches <- b:
	case <-time.After(time.Minute): // a guard against hanging, not a measure
		t.Fatalf("batch %v not taken while a rebuild runs", b.Paths)
	}
}

// TestSavesDuringRebuild: changes saved while a rebuild runs are taken
// at once and give exactly one rebuild after it, of all of them.
func TestSavesDuringRebuild(t *testing.T) {
	t.Parallel()
	h := newHeldBuild()
	s := New(Options{Root: writeSite(t, "-- config.toml --\ntitle = 'x'\n"), SiteBuild: h.build})
	ctx, cancel := context.WithCancel(context.Background())
	batches := make(chan watch.Batch)
	done := make(chan error, 1)
	go func() {
		_, err := s.rebuildOnChange(ctx, batches, s.sourceDirs())
		done <- err
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("rebuildOnChange: %v", err)
		}
	}()

	send(t, batches, watch.Batch{Paths: []string{"content/a.md"}})
	if got := h.next(t); !slices.Equal(got, []string{"content/a.md"}) {
		t.Fatalf("first rebuild of %q", got)
	}
	send(t, batches, watch.Batch{Paths: []string{"content/b.md"}})
	send(t, batches, watch.Batch{Paths: []string{"content/c.md", "content/a.md"}})
	h.release <- struct{}{}
	if got, want := h.next(t), []string{"content/a.md", "content/b.md", "content/c.md"}; !slices.Equal(got, want) {
		t.Fatalf("follow-up rebuild of %q, want %q", got, want)
	}
	h.release <- struct{}{}
	// Had a third rebuild started, it would be the next one seen.
	send(t, batches, watch.Batch{Paths: []string{"content/d.md"}})
	if got := h.next(t); !slices.Equal(got, []string{"content/d.md"}) {
		t.Fatalf("after the follow-up: a rebuild of %q, want content/d.md alone", got)
	}
	if v := s.state.Load().version; v != 2 {
		t.Errorf("%d builds finished, want 2", v)
	}
}

// TestRunStopsRebuild: cancelling Run stops a rebuild that does not end
// by itself, and Run returns once it has; what the rebuild was making is
// not shown.
func TestRunStopsRebuild(t *testing.T) {
	t.Parallel()
	h := newHeldBuild()
	dir := writeSite(t, "-- config.toml --\ntitle = 'x'\n-- content/a.md --\nA\n")
	s := New(Options{Root: dir, SiteBuild: h.build})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	<-s.ready
	writeFile(t, dir, "content/a.md", "A2\n")
	h.next(t)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(time.Minute): // a guard against hanging, not a measure
		t.Fatal("Run did not return after cancel while a rebuild ran")
	}
	if v := s.state.Load().version; v != 0 {
		t.Errorf("the stopped rebuild was shown as build %d", v)
	}
}

// TestWatchesStaticDirs: a change in Hugo's static directories rebuilds
// the site, as one in content/ does.
func TestWatchesStaticDirs(t *testing.T) {
	t.Parallel()
	cfg, _, err := config.Parse([]byte(`staticDir = ["static", "files"]`))
	if err != nil {
		t.Fatal(err)
	}
	got := sourceDirs(cfg)
	for _, want := range []string{"content", "static", "files"} {
		if !slices.Contains(got, want) {
			t.Errorf("sourceDirs = %q, want %s among them", got, want)
		}
	}
}
