// Package browser starts headless Chromium for tests that check what a
// person sees.
//
// chromedp v0.23 has a typed API: chromedp.Do runs actions that return
// nothing, chromedp.Run one action that returns a value:
//
//	ctx := browser.New(t)
//	err := chromedp.Do(ctx, chromedp.Navigate(url))
//	text, err := chromedp.Run(ctx, chromedp.Text("#id"))
//	n, err := chromedp.Run(ctx, chromedp.Evaluate[int]("1+1"))
package browser

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Path returns the Chromium executable to use: $QUIRE_CHROMIUM when set,
// else the first of chromium, chromium-browser and google-chrome on PATH, or
// "" when there is none.
func Path() string {
	if p := os.Getenv("QUIRE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// flags are what Chromium needs on a machine with no network but loopback:
// without the background-networking flags it keeps trying hosts it cannot
// reach.
var flags = []chromedp.ExecAllocatorOption{
	chromedp.NoFirstRun,
	chromedp.NoDefaultBrowserCheck,
	chromedp.Headless,
	chromedp.DisableGPU,
	chromedp.NoSandbox,
	chromedp.Flag("disable-quic", true),
	chromedp.Flag("disable-background-networking", true),
	chromedp.Flag("disable-component-update", true),
	chromedp.Flag("disable-sync", true),
	chromedp.Flag("disable-extensions", true),
	chromedp.Flag("disable-dev-shm-usage", true),
	chromedp.Flag("hide-scrollbars", true),
	chromedp.Flag("mute-audio", true),
}

// New starts a headless Chromium with a fresh profile and returns a
// chromedp context for one tab; the browser stops at t.Cleanup. The
// context has a deadline of five minutes so a hung page fails the test.
//
// When Chromium is missing New calls t.Skip, unless the CI environment
// variable is set: there a missing browser is a broken setup, and New calls
// t.Fatal.
func New(t testing.TB) context.Context {
	t.Helper()
	path := Path()
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium not found; .ci/run installs it with apt-get install -y chromium")
		}
		t.Skip("chromium not found (apt-get install -y chromium); set CI to make this a failure")
	}
	opts := append([]chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.UserDataDir(t.TempDir()),
	}, flags...)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 5*time.Minute)
	t.Cleanup(func() {
		cancelTimeout()
		cancelTab()
		cancelAlloc()
	})
	// Start the browser now, so that a broken install fails here with a
	// clear message rather than in the first action of the test.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return ctx
}
