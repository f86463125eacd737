package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fixture is a site root with a watcher on content/, layouts/, assets/
// and config.toml, whose quiet period ends only when the test says so.
type fixture struct {
	t    *testing.T
	root string
	w    *Watcher
	q    *manualQuiet

	mu      sync.Mutex
	markers map[string]chan struct{} // by marker path, closed when observed
	n       int                      // markers written
}

// manualQuiet is a Quiet the test ends by firing it; it counts the
// relevant changes the watcher reported since the test last looked.
type manualQuiet struct {
	resets atomic.Int64
	fire   chan time.Time
}

func (q *manualQuiet) Reset()                 { q.resets.Add(1) }
func (q *manualQuiet) Done() <-chan time.Time { return q.fire }
func (q *manualQuiet) Stop()                  {}

func newFixture(t *testing.T, files ...string) *fixture {
	t.Helper()
	f := &fixture{t: t, root: t.TempDir(), q: &manualQuiet{fire: make(chan time.Time)}, markers: map[string]chan struct{}{}}
	for _, name := range files {
		f.write(name, "initial\n")
	}
	w, err := New(Options{
		Root:    f.root,
		Dirs:    []string{"content", "layouts", "assets"},
		Files:   []string{"config.toml"},
		Quiet:   f.q,
		observe: f.observed,
	})
	if err != nil {
		t.Fatal(err)
	}
	f.w = w
	t.Cleanup(func() { w.Close() })
	return f
}

func (f *fixture) path(name string) string { return filepath.Join(f.root, filepath.FromSlash(name)) }

func (f *fixture) write(name, data string) {
	f.t.Helper()
	p := f.path(name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) rename(from, to string) {
	f.t.Helper()
	if err := os.Rename(f.path(from), f.path(to)); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) remove(name string) {
	f.t.Helper()
	if err := os.Remove(f.path(name)); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) observed(rel string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if ch := f.markers[rel]; ch != nil {
		close(ch)
		delete(f.markers, rel)
	}
}

// sync returns once the watcher has handled every change made so far:
// it writes a marker file (hidden, so never part of a batch) in the root
// and waits for the watcher to see it, which it does after every earlier
// event.
func (f *fixture) sync() {
	f.t.Helper()
	f.mu.Lock()
	f.n++
	name := fmt.Sprintf(".sync-%d", f.n)
	seen := make(chan struct{})
	f.markers[name] = seen
	f.mu.Unlock()
	f.write(name, "")
	wait(f.t, seen, "the watcher to see "+name)
}

// next ends the quiet period once every change made so far is handled,
// and returns the batch it gives.
func (f *fixture) next() Batch {
	f.t.Helper()
	f.sync()
	if f.q.resets.Swap(0) == 0 {
		f.t.Fatal("no relevant change pending")
	}
	f.q.fire <- time.Time{}
	var b Batch
	select {
	case b = <-f.w.C:
	case <-time.After(time.Minute): // a guard against hanging, not a measure
		f.t.Fatal("no batch after the quiet period ended")
	}
	return b
}

// quiet fails if any change made so far was relevant, which would give
// a batch once the quiet period ends.
func (f *fixture) quiet() {
	f.t.Helper()
	f.sync()
	if n := f.q.resets.Load(); n != 0 {
		f.t.Fatalf("%d relevant changes pending, want none", n)
	}
	select {
	case b := <-f.w.C:
		f.t.Fatalf("unexpected batch %+v", b)
	default:
	}
}

// wait waits for ch to close, failing only if it takes a minute (a
// guard against hanging, not a measure).
func wait(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(time.Minute):
		t.Fatalf("waited a minute for %s", what)
	}
}

func (f *fixture) wantPaths(b Batch, want ...string) {
	f.t.Helper()
	if !reflect.DeepEqual(b.Paths, want) {
		f.t.Fatalf("batch paths = %q, want %q", b.Paths, want)
	}
}

func (f *fixture) wantContent(name, want string) {
	f.t.Helper()
	got, err := os.ReadFile(f.path(name))
	if err != nil || string(got) != want {
		f.t.Fatalf("%s = %q (%v), want %q", name, got, err, want)
	}
}

// TestSaveStyles: each way editors save a file gives exactly one batch,
// naming only the saved file, delivered after the save is complete.
func TestSaveStyles(t *testing.T) {
	t.Parallel()
	styles := map[string]func(f *fixture){
		"WriteInPlace": func(f *fixture) {
			// Truncate, then write in two halves: one batch, once
			// the quiet period after the second half is over.
			fh, err := os.OpenFile(f.path("content/a.md"), os.O_WRONLY|os.O_TRUNC, 0)
			if err != nil {
				f.t.Fatal(err)
			}
			defer fh.Close()
			fh.WriteString("new ")
			fh.WriteString("text\n")
		},
		"TempThenRename": func(f *fixture) {
			f.write("content/.a.md.tmp-1234", "new text\n")
			f.rename("content/.a.md.tmp-1234", "content/a.md")
		},
		"VimBackupRename": func(f *fixture) {
			// vim with 'nowritebackup' off: probe file, swap, move the
			// original to a backup, write anew, drop the backup.
			f.write("content/4913", "")
			f.remove("content/4913")
			f.write("content/.a.md.swp", "swap")
			f.rename("content/a.md", "content/a.md~")
			f.write("content/a.md", "new text\n")
			f.remove("content/a.md~")
			f.remove("content/.a.md.swp")
		},
		"EmacsLockAndAutoSave": func(f *fixture) {
			f.write("content/.#a.md", "user@host")
			f.write("content/#a.md#", "autosave")
			f.write("content/a.md~", "initial\n")
			f.write("content/a.md", "new text\n")
			f.remove("content/#a.md#")
			f.remove("content/.#a.md")
		},
		"SedInPlace": func(f *fixture) {
			// GNU sed -i: a temporary file from mkostemp("sedXXXXXX"),
			// renamed over the original.
			f.write("content/sedQ7xK2p", "new text\n")
			f.rename("content/sedQ7xK2p", "content/a.md")
		},
		"JetBrainsSafeWrite": func(f *fixture) {
			f.write("content/a.md___jb_tmp___", "new text\n")
			f.rename("content/a.md", "content/a.md___jb_old___")
			f.rename("content/a.md___jb_tmp___", "content/a.md")
			f.remove("content/a.md___jb_old___")
		},
	}
	for name, save := range styles {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, "content/a.md")
			save(f)
			b := f.next()
			f.wantPaths(b, "content/a.md")
			f.wantContent("content/a.md", "new text\n")
			f.quiet()
		})
	}
}

// TestBackupFilesAlone: touching only backup, swap and lock files, or
// changing a file's mode, triggers nothing.
func TestBackupFilesAlone(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "content/a.md")
	f.write("content/.a.md.swp", "x")
	f.write("content/a.md~", "x")
	f.write("content/.#a.md", "x")
	f.write("content/#a.md#", "x")
	f.write("content/.git/HEAD", "x")
	if err := os.Chmod(f.path("content/a.md"), 0o600); err != nil {
		t.Fatal(err)
	}
	f.quiet()
}

// TestScope: config.toml and the watched dirs count; other files in the
// root (the output dir, notes) do not.
func TestScope(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "content/a.md", "config.toml", "public/index.html")
	f.write("public/index.html", "x")
	f.write("notes.txt", "x")
	f.quiet()
	f.write("config.toml", "title = 'x'\n")
	f.write("layouts/_default/single.html", "x")
	f.write("assets/css/site.css", "x")
	f.wantPaths(f.next(), "assets", "assets/css", "assets/css/site.css", "config.toml",
		"layouts", "layouts/_default", "layouts/_default/single.html")
}

// TestNewDirectories: a directory tree created after the watcher started
// is reported with the files already in it, and watched from then on.
func TestNewDirectories(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "content/a.md")
	f.write("content/new/deeper/b.md", "b\n")
	b := f.next()
	f.wantPaths(b, "content/new", "content/new/deeper", "content/new/deeper/b.md")
	f.write("content/new/deeper/b.md", "b2\n")
	f.wantPaths(f.next(), "content/new/deeper/b.md")
	f.remove("content/new/deeper/b.md")
	f.wantPaths(f.next(), "content/new/deeper/b.md")
}

// TestMissingDirCreatedLater: content/ need not exist when watching starts.
func TestMissingDirCreatedLater(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.write("content/a.md", "a\n")
	f.wantPaths(f.next(), "content", "content/a.md")
	f.write("content/a.md", "a2\n")
	f.wantPaths(f.next(), "content/a.md")
}

// TestBurst: 1,000 changes to 100 files in quick succession give one
// batch, delivered when the files are in their final state, and closing
// the watcher leaves no goroutine behind. Not parallel, so that the
// goroutine count is this test's alone.
func TestBurst(t *testing.T) {
	before := runtime.NumGoroutine()
	f := newFixture(t)
	var want []string
	for i := 0; i < 1000; i++ {
		name := fmt.Sprintf("content/p%02d.md", i%100)
		f.write(name, fmt.Sprintf("version %d\n", i))
		if i < 100 {
			want = append(want, name)
		}
	}
	b := f.next()
	f.wantPaths(b, append([]string{"content"}, want...)...)
	for i := 900; i < 1000; i++ {
		f.wantContent(fmt.Sprintf("content/p%02d.md", i%100), fmt.Sprintf("version %d\n", i))
	}
	f.quiet()
	if err := f.w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, ok := <-f.w.C; ok {
		t.Fatal("C still open after Close")
	}
	waitGoroutines(t, before)
}

// TestCloseWithPendingBatch: Close returns while a batch waits for a
// receiver that never comes.
func TestCloseWithPendingBatch(t *testing.T) {
	before := runtime.NumGoroutine()
	f := newFixture(t, "content/a.md")
	f.write("content/a.md", "x")
	f.sync()
	f.q.fire <- time.Time{} // the batch is ready; nobody receives it
	if err := f.w.Close(); err != nil {
		t.Fatal(err)
	}
	f.w.Close() // twice is fine
	waitGoroutines(t, before)
}

// waitGoroutines waits for the goroutine count to drop to n: a goroutine
// that was told to stop may not have been scheduled to return yet. It
// fails only when the count is still higher a minute later (a leak, not
// a slow machine), with every goroutine's stack.
func waitGoroutines(t *testing.T, n int) {
	t.Helper()
	give := time.After(time.Minute)
	for runtime.NumGoroutine() > n {
		select {
		case <-give:
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines, want %d:\n%s", runtime.NumGoroutine(), n, buf[:runtime.Stack(buf, true)])
		case <-time.After(time.Millisecond): // let the exiting goroutines run
		}
	}
}

func TestIgnored(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]bool{
		"content/a.md":               false,
		"content/faq/security.md":    false,
		"config.toml":                false,
		"content/4913x.md":           false,
		"content/a.md~":              true,
		"content/.a.md.swp":          true,
		"content/a.md.swp":           true,
		"content/.#a.md":             true,
		"content/#a.md#":             true,
		"content/4913":               true,
		"content/.git/HEAD":          true,
		"content/a.md___jb_tmp___":   true,
		"content/faq/sedQ7xK2p":      true,
		"content/sed.md":             false,
		"content/sedentary.md":       false,
		"content/sedQ7xK2":           false,
		"content/sedQ7xK2p.md":       false,
		"content/sed-q7xk2":          false,
		"content/.hidden/page.md":    true,
		"layouts/_default/list.html": false,
	} {
		if got := Ignored(name); got != want {
			t.Errorf("Ignored(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestDirectoryMovedIn: a directory tree moved into a watched dir (a
// section restored from elsewhere) is reported with its files and watched.
func TestDirectoryMovedIn(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "content/a.md")
	f.write("elsewhere/sec/page.md", "p\n")
	f.quiet()
	f.rename("elsewhere/sec", "content/sec")
	f.wantPaths(f.next(), "content/sec", "content/sec/page.md")
	f.write("content/sec/page.md", "p2\n")
	f.wantPaths(f.next(), "content/sec/page.md")
}

// TestTimerQuiet: without a Quiet, a timer of Debounce ends the quiet
// period; the batch comes whenever the machine gets to it, and holds the
// saved file in its final state.
func TestTimerQuiet(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	w, err := New(Options{Root: root, Dirs: []string{"content"}, Debounce: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := os.MkdirAll(filepath.Join(root, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "content", "a.md"), []byte("final\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// However the events were split into batches, they name content/a.md.
	for seen := false; !seen; {
		select {
		case b := <-w.C:
			seen = slices.Contains(b.Paths, "content/a.md")
		case <-time.After(time.Minute): // a guard against hanging, not a measure
			t.Fatal("no batch naming content/a.md")
		}
	}
}
