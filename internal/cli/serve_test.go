package cli

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/site"
)

// syncBuffer is a bytes.Buffer safe for a command writing while the test
// reads, which tells the test of every write.
type syncBuffer struct {
	mu      sync.Mutex
	b       bytes.Buffer
	written chan struct{} // one slot: something was written since the last receive
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.written == nil {
		s.written = make(chan struct{}, 1)
	}
	select {
	case s.written <- struct{}{}:
	default:
	}
	return s.b.Write(p)
}

// writes returns the channel that receives after writes.
func (s *syncBuffer) writes() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.written == nil {
		s.written = make(chan struct{}, 1)
	}
	return s.written
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var servingLine = regexp.MustCompile(`serving (http://[^\s;]+)`)

// serveSite writes a small site and returns its root.
func serveSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range map[string]string{
		"config.toml":        "title = 'Served'\n",
		"content/_index.md":  "---\ntitle: Home\n---\nHome text.\n",
		"content/a.md":       "---\ntitle: A\n---\nA text.\n",
		"content/draft.md":   "---\ntitle: D\ndraft: true\n---\nDraft text.\n",
		"content/faq/sec.md": "---\ntitle: Security\n---\nSecure.\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// waitURL waits for the command to print the URL it serves.
func waitURL(t *testing.T, out *syncBuffer, stderr *syncBuffer) string {
	t.Helper()
	give := time.After(time.Minute) // a guard against hanging, not a measure
	for {
		if m := servingLine.FindStringSubmatch(out.String()); m != nil {
			return m[1]
		}
		select {
		case <-out.writes():
		case <-give:
			t.Fatalf("no URL printed; stderr:\n%s", stderr)
		}
	}
}

// fetch GETs url, with the Host header host when one is given.
func fetch(t *testing.T, url string, host ...string) (int, string) {
	t.Helper()
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(host) > 0 {
		req.Host = host[0]
	}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

// TestServe: quire serve --drafts builds in memory, serves drafts, leaves
// the output directory alone, and stops promptly with exit 0 when its
// context ends (as Ctrl-C ends it).
func TestServe(t *testing.T) {
	t.Parallel()
	dir := serveSite(t)
	var stdout, stderr syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	code := make(chan int, 1)
	go func() {
		code <- run(ctx, Env{Stdout: &stdout, Stderr: &stderr, Dir: dir}, []string{"serve", "--drafts", "--addr", "127.0.0.1:0", "--allow-host", "preview.example"})
	}()
	url := waitURL(t, &stdout, &stderr)
	if !strings.HasPrefix(url, "http://127.0.0.1:") || strings.HasSuffix(url, ":0/") {
		t.Errorf("printed URL %s does not name the bound port", url)
	}
	if !strings.Contains(stdout.String(), "drafts included") {
		t.Errorf("stdout does not say drafts are included: %s", stdout.String())
	}
	if status, body := fetch(t, url+"draft/"); status != http.StatusOK || !strings.Contains(body, "Draft text.") {
		t.Errorf("GET draft/: %d", status)
	}
	if status, _ := fetch(t, url+"nope/"); status != http.StatusNotFound {
		t.Errorf("GET nope/: %d, want 404", status)
	}
	for host, want := range map[string]int{"preview.example:1313": http.StatusOK, "rebound.example": http.StatusForbidden} {
		if status, body := fetch(t, url+"draft/", host); status != want || want != http.StatusOK && strings.Contains(body, "Draft") {
			t.Errorf("GET draft/ for Host %s: %d, want %d", host, status, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("serve created the output directory (%v)", err)
	}
	if strings.Contains(stderr.String(), "warning: --addr") {
		t.Errorf("loopback address warned about: %s", stderr.String())
	}

	cancel()
	select {
	case c := <-code:
		if c != exitOK {
			t.Errorf("exit %d after stop, want 0; stderr:\n%s", c, stderr.String())
		}
	case <-time.After(time.Minute): // a guard against hanging, not a measure
		t.Fatal("serve still running a minute after stop")
	}
}

// TestServeStopsWhileBuilding: a stop (Ctrl-C, SIGTERM) ends serve with
// status 0 while the first build or a rebuild runs, even one that does
// not stop when asked: serve waits for it no longer than its grace.
func TestServeStopsWhileBuilding(t *testing.T) {
	t.Parallel()
	for _, state := range []string{"FirstBuild", "Rebuild"} {
		t.Run(state, func(t *testing.T) {
			t.Parallel()
			dir := serveSite(t)
			started := make(chan struct{}, 1)
			never := make(chan struct{})
			t.Cleanup(func() { close(never) })
			var calls atomic.Int64
			build := func(ctx context.Context, fsys fs.FS, cfg config.Config, opts site.Options) (*site.Site, error) {
				if state == "Rebuild" && calls.Add(1) == 1 {
					return site.Build(ctx, fsys, cfg, opts)
				}
				select {
				case started <- struct{}{}:
				default:
				}
				<-never // ignores ctx: the worst a build can do
				return &site.Site{}, nil
			}
			var stdout, stderr syncBuffer
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() {
				done <- runServe(ctx, Env{Stdout: &stdout, Stderr: &stderr, Dir: dir}, serveFlags{addr: "127.0.0.1:0", siteBuild: build})
			}()
			if state == "Rebuild" {
				waitURL(t, &stdout, &stderr)
				// The watcher starts after the URL is printed: save
				// until a save is seen, ever less often, so that the
				// saves leave the watcher a quiet period however slow
				// the machine is.
				for gap, saved := 10*time.Millisecond, false; !saved; gap = min(2*gap, time.Second) {
					if err := os.WriteFile(filepath.Join(dir, "content", "a.md"), []byte("---\ntitle: A\n---\nNew.\n"), 0o644); err != nil {
						t.Fatal(err)
					}
					select {
					case <-started:
						saved = true
					case <-time.After(gap):
					}
				}
			} else {
				<-started
			}
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("serve: %v", err)
				}
			case <-time.After(time.Minute): // a guard against hanging, not a measure
				t.Fatalf("serve still running a minute after stop; stderr:\n%s", stderr.String())
			}
			if !strings.Contains(stderr.String(), "did not stop in time") || !strings.Contains(stderr.String(), "stopped") {
				t.Errorf("stderr does not say the build was left:\n%s", stderr.String())
			}
		})
	}
}

// TestServeBusyPort: a port in use is an error naming the port and the
// flag to change it.
func TestServeBusyPort(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	var stdout, stderr bytes.Buffer
	c := run(context.Background(), Env{Stdout: &stdout, Stderr: &stderr, Dir: serveSite(t)}, []string{"serve", "--addr", ln.Addr().String()})
	if c != exitError {
		t.Errorf("exit %d, want %d", c, exitError)
	}
	msg := stderr.String()
	if !strings.Contains(msg, "port "+port+" is already in use") || !strings.Contains(msg, "--addr") {
		t.Errorf("stderr = %q, want the port and --addr named", msg)
	}
}

// TestServeNonLoopback: an address other machines can reach is served
// with a warning.
func TestServeNonLoopback(t *testing.T) {
	t.Parallel()
	var stdout, stderr syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	code := make(chan int, 1)
	go func() {
		code <- run(ctx, Env{Stdout: &stdout, Stderr: &stderr, Dir: serveSite(t)}, []string{"serve", "--addr", "0.0.0.0:0"})
	}()
	url := waitURL(t, &stdout, &stderr)
	cancel()
	if c := <-code; c != exitOK {
		t.Errorf("exit %d", c)
	}
	if !strings.Contains(stderr.String(), "warning: --addr 0.0.0.0:0 serves every machine") {
		t.Errorf("no warning for 0.0.0.0; stderr:\n%s", stderr.String())
	}
	if !strings.HasPrefix(url, "http://localhost:") {
		t.Errorf("URL %s, want localhost for all interfaces", url)
	}
}

func TestLoopback(t *testing.T) {
	t.Parallel()
	for host, want := range map[string]bool{
		"127.0.0.1": true, "127.1.2.3": true, "::1": true, "localhost": true,
		"": false, "0.0.0.0": false, "::": false, "192.168.1.5": false, "example.org": false,
	} {
		if got := loopback(host); got != want {
			t.Errorf("loopback(%q) = %v, want %v", host, got, want)
		}
	}
}

// TestServeSignals: the real binary stops on SIGINT and SIGTERM, with
// exit status 0, a live-reload stream open.
func TestServeSignals(t *testing.T) {
	t.Parallel()
	for name, sig := range map[string]os.Signal{"SIGINT": os.Interrupt, "SIGTERM": syscall.SIGTERM} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			cmd := exec.Command(os.Args[0], "serve", "--addr", "127.0.0.1:0", "--source", serveSite(t))
			// Under -race the runtime sleeps a second at exit unless told not to.
			cmd.Env = append(os.Environ(), "QUIRE_CLI_MAIN=1", "GORACE="+os.Getenv("GORACE")+" atexit_sleep_ms=0")
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr syncBuffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			line, err := bufio.NewReader(stdout).ReadString('\n')
			m := servingLine.FindStringSubmatch(line)
			if err != nil || m == nil {
				t.Fatalf("first line %q (%v); stderr:\n%s", line, err, stderr.String())
			}
			if status, _ := fetch(t, m[1]+"a/"); status != http.StatusOK {
				t.Fatalf("GET a/: %d", status)
			}
			// A live-reload stream stays open; shutdown must end it.
			client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
			res, err := client.Get(m[1] + "_quire/livereload")
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()

			start := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			// How soon is serve's own affair (shutdownGrace, and
			// TestServeStopsWhileBuilding); here it must stop by itself.
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("after %s: %v; stderr:\n%s", name, err, stderr.String())
				}
				t.Logf("stopped %s after %s", name, time.Since(start))
			case <-time.After(time.Minute): // a guard against hanging, not a measure
				t.Fatalf("still running a minute after %s", name)
			}
		})
	}
}

// TestServeOpenWithoutBrowser: --open on a machine without a browser
// opener warns and goes on serving. Not parallel: it empties PATH.
func TestServeOpenWithoutBrowser(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	var stdout, stderr syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	code := make(chan int, 1)
	go func() {
		code <- run(ctx, Env{Stdout: &stdout, Stderr: &stderr, Dir: serveSite(t)}, []string{"serve", "--open", "--addr", "127.0.0.1:0"})
	}()
	url := waitURL(t, &stdout, &stderr)
	if status, _ := fetch(t, url); status != http.StatusOK {
		t.Errorf("GET %s: %d", url, status)
	}
	cancel()
	if c := <-code; c != exitOK {
		t.Errorf("exit %d", c)
	}
	if !strings.Contains(stderr.String(), "warning: --open: ") || !strings.Contains(stderr.String(), "open "+url+" yourself") {
		t.Errorf("stderr lacks the --open warning:\n%s", stderr.String())
	}
}
