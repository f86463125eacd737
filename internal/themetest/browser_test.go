package themetest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/quire-docs/quire/internal/browser"
)

// view is one way a reader sees the site.
type view struct {
	width, height int64
	scheme        string // "light" or "dark": the emulated prefers-color-scheme
}

func (v view) String() string { return fmt.Sprintf("%dpx-%s", v.width, v.scheme) }

var views = []view{
	{1280, 800, "light"},
	{1280, 800, "dark"},
	{375, 740, "light"},
	{375, 740, "dark"},
}

// open starts a browser showing pages at v.
func open(t *testing.T, v view) context.Context {
	t.Helper()
	ctx := browser.New(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(v.width, v.height)); err != nil {
		t.Fatal(err)
	}
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: v.scheme}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return ctx
}

// visit loads url and waits until the theme script has run (it shows the
// theme toggle).
func visit(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(".theme-toggle"))); err != nil {
		t.Fatalf("loading %s: %v", url, err)
	}
}

// eval evaluates a JavaScript expression (awaiting a promise) in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// screenshot saves the viewport as a PNG under $QUIRE_SCREENSHOTS, when set,
// for a person to look at.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("QUIRE_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	name = strings.NewReplacer("/", "_").Replace(strings.Trim(name, "/"))
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestAxe renders every page of the docs at each view and runs axe-core
// in it: there must be no violations, and every resource the page loaded
// must come from the site's own host.
func TestAxe(t *testing.T) {
	axe, err := os.ReadFile(tool(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	d := buildDocs(t)
	srv := serve(t, d)
	// A browser per view and group of pages keeps each well within the
	// time limit browser.New sets, on a slow machine too.
	const group = 4
	for _, v := range views {
		for start := 0; start < len(d.pages); start += group {
			pages := d.pages[start:min(start+group, len(d.pages))]
			t.Run(fmt.Sprintf("%s/%d", v, start/group), func(t *testing.T) { axePages(t, v, srv.URL, pages, axe) })
		}
	}
}

// axePages opens pages (URL paths under base) at v and checks each.
func axePages(t *testing.T, v view, base string, pages []string, axe []byte) {
	ctx := open(t, v)
	for _, p := range pages {
		visit(t, ctx, base+p)
		screenshot(t, ctx, v.String()+"-"+strings.ReplaceAll(strings.Trim(p, "/"), "/", "-"))
		axeCheck(t, ctx, p, axe)
	}
}

// axeCheck runs axe-core in the page shown, which is p, and checks that
// every resource it loaded came from the site's own host.
func axeCheck(t *testing.T, ctx context.Context, p string, axe []byte) {
	t.Helper()
	if report := axeRun(t, ctx, axe); report != "" {
		t.Errorf("%s: axe-core violations:\n%s", p, report)
	}
	foreign := eval[[]string](t, ctx, `performance.getEntriesByType("resource").map(e => e.name).filter(u => !u.startsWith(location.origin + "/"))`)
	if len(foreign) > 0 {
		t.Errorf("%s loads from other hosts: %q", p, foreign)
	}
}

// axeRun runs axe-core in the page ctx shows and returns its violations,
// one a line with the elements under it, "" for none.
func axeRun(t *testing.T, ctx context.Context, axe []byte) string {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](string(axe)+";true")); err != nil {
		t.Fatalf("injecting axe-core: %v", err)
	}
	return eval[string](t, ctx, `axe.run(document, {resultTypes: ["violations"]}).then(r =>
		r.violations.map(v => v.id + " (" + v.impact + "): " + v.help + "\n" +
			v.nodes.map(n => "    " + n.target.join(" ") + ": " + n.failureSummary.replace(/\n/g, " ")).join("\n")).join("\n"))`)
}
