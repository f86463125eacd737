package server

import (
	"fmt"
	"math"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/quire-docs/quire/internal/browser"
)

// TestBrowserLiveReload opens a page in headless Chromium and, without
// touching the browser again: sees an edit of its markdown appear (at the
// same scroll position), sees the overlay when the front matter breaks,
// and sees it go when it is fixed.
func TestBrowserLiveReload(t *testing.T) {
	var body strings.Builder
	for i := 0; i < 80; i++ {
		fmt.Fprintf(&body, "Paragraph %d of a long page, long enough to scroll.\n\n", i)
	}
	page := func(front, text string) string {
		return "---\n" + front + "\n---\n" + text + "\n\n" + body.String()
	}
	dir := writeSite(t, basicSite)
	writeFile(t, dir, "content/docs/a.md", page("title: Alpha\nweight: 1", "First version."))
	s, log := newServer(t, dir, false)
	s.opts.Debounce = 50 * time.Millisecond
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	startRun(t, s)

	ctx := browser.New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/docs/a/")); err != nil {
		t.Fatal(err)
	}
	// waitFor evaluates expr until it is true: the page reloads when the
	// browser gets to it, which a loaded machine may take long to do. A
	// reload in between makes an evaluation fail; that is expected, so it
	// just tries again. Two minutes is a guard against hanging, not a
	// measure.
	waitFor := func(what, expr string) {
		t.Helper()
		give := time.After(2 * time.Minute)
		for {
			ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
			if err == nil && ok {
				return
			}
			select {
			case <-give:
				html, _ := chromedp.Run(ctx, chromedp.Evaluate[string]("document.documentElement.outerHTML"))
				t.Fatalf("%s: not seen after two minutes (last error %v)\nserver log:\n%s\npage:\n%s", what, err, log, html)
			case <-time.After(20 * time.Millisecond): // between evaluations
			}
		}
	}
	waitFor("page loaded", `document.body && document.body.innerText.includes("First version.")`)
	// Manual scroll restoration: the browser's own would hide a broken
	// restore in the live-reload script.
	scrolled, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`history.scrollRestoration = "manual", window.scrollTo(0, 700), window.scrollY`))
	if err != nil || scrolled < 100 {
		t.Fatalf("scrolled to %v (%v); the page is too short to test scrolling", scrolled, err)
	}

	writeFile(t, dir, "content/docs/a.md", page("title: Alpha\nweight: 1", "Second version, saved by an editor."))
	waitFor("edit shown", `document.readyState === "complete" && document.body.innerText.includes("Second version, saved by an editor.")`)
	if y, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.scrollY`)); err != nil || math.Abs(y-scrolled) > 2 {
		t.Errorf("after the reload scrollY = %v (%v), want %v", y, err, scrolled)
	}

	writeFile(t, dir, "content/docs/a.md", page("title: [Alpha\nweight: 1", "Third version, broken."))
	waitFor("overlay shown", `(function(){var o = document.getElementById("quire-overlay");`+
		`return !!o && o.dataset.kind === "errors" && o.innerText.includes("content/docs/a.md:")})()`)
	if text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`)); err != nil ||
		!strings.Contains(text, "Second version") || strings.Contains(text, "Third version") {
		t.Errorf("with the overlay the page should be the last good build (%v):\n%s", err, text)
	}

	writeFile(t, dir, "content/docs/a.md", page("title: Alpha\nweight: 1", "Fourth version, fixed."))
	waitFor("overlay gone", `document.body && document.body.innerText.includes("Fourth version, fixed.") && !document.getElementById("quire-overlay")`)
}
