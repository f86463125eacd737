package themetest

import (
	"context"
	"testing"
	"testing/fstest"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/quire-docs/quire/internal/config"
)

// buildGerman builds a small site whose languageCode is de: its
// /anleitung/ page has a code block and the only "Wasserfall".
func buildGerman(t *testing.T) *docs {
	t.Helper()
	cfg, _, err := config.Parse([]byte("languageCode = \"de\"\ntitle = \"Handbuch\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"content/_index.md":    {Data: []byte("---\ntitle: Handbuch\n---\nWillkommen.\n")},
		"content/anleitung.md": {Data: []byte("---\ntitle: Anleitung\n---\n## Erstens\n\nEin Wasserfall.\n\n```sh\nquire build\n```\n\n## Zweitens\n\nText.\n")},
	}
	return buildSite(t, fsys, cfg)
}

// searchStatus opens search, runs query q and returns the status line
// the search shows for it, once it differs from prev.
func searchStatus(t *testing.T, ctx context.Context, q, prev string) string {
	t.Helper()
	// A click of the header's button opens search; once open, the dialog
	// is modal and the button behind it cannot be clicked.
	eval[bool](t, ctx, `(document.getElementById("quire-search").open || document.querySelector(".search-button").click(), true)`)
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("#quire-search-input"))); err != nil {
		t.Fatal(err)
	}
	// Whether search.js has loaded yet or not, the query runs: its own
	// input handler runs it, or the opening runs it once loaded.
	return eval[string](t, ctx, `new Promise(r => {
		const s = document.querySelector(".search-status"), i = document.getElementById("quire-search-input");
		const check = () => { if (s.textContent && s.textContent !== `+jsString(prev)+`) r(s.textContent) };
		new MutationObserver(check).observe(s, {childList: true, characterData: true, subtree: true});
		i.value = `+jsString(q)+`;
		i.dispatchEvent(new Event("input"));
		check();
	})`)
}

// TestGermanStringsInScripts: on a site whose languageCode is de, the
// strings the theme's scripts show are German: the copy button's, the
// search's status lines (with German plural forms), and the menu's.
func TestGermanStringsInScripts(t *testing.T) {
	srv := serve(t, buildGerman(t))
	ctx := open(t, view{1280, 800, "light"})
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		_, err := chromedp.CallBrowser(ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
			Permission: &cdpbrowser.PermissionDescriptor{Name: name}, Setting: "granted", Origin: srv.URL,
		})
		if err != nil {
			t.Fatalf("granting %s: %v", name, err)
		}
	}
	visit(t, ctx, srv.URL+"/anleitung/")
	if got := eval[string](t, ctx, `document.documentElement.lang`); got != "de" {
		t.Errorf("<html lang> = %q, want de", got)
	}
	// The stylesheet titles the table of contents beside the content.
	if got := eval[string](t, ctx, `getComputedStyle(document.querySelector(".toc-aside"), "::before").content`); got != `"Auf dieser Seite"` {
		t.Errorf("the table of contents' title is %s, want \"Auf dieser Seite\"", got)
	}
	if got := eval[string](t, ctx, `document.querySelector(".copy-button").textContent`); got != "Kopieren" {
		t.Errorf("copy button reads %q, want Kopieren", got)
	}
	eval[bool](t, ctx, `(window.quireLabel = new Promise(r => { const b = document.querySelector(".copy-button");
		new MutationObserver((_, o) => { o.disconnect(); r(b.textContent) }).observe(b, {childList: true, characterData: true, subtree: true}) }), true)`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".copy-button"))); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](t, ctx, `window.quireLabel`); got != "Kopiert" {
		t.Errorf("copy button reads %q after a click, want Kopiert", got)
	}

	none := searchStatus(t, ctx, "xyzzyq", "")
	if want := "Keine Ergebnisse für „xyzzyq“"; none != want {
		t.Errorf("search status for a word no page has = %q, want %q", none, want)
	}
	if got, want := searchStatus(t, ctx, "Wasserfall", none), "1 Seite"; got != want {
		t.Errorf("search status for a word one page has = %q, want %q", got, want)
	}
	if got := eval[string](t, ctx, `document.querySelector(".search-more").textContent`); got != "Weitere Ergebnisse" {
		t.Errorf("more results button reads %q, want Weitere Ergebnisse", got)
	}
	screenshot(t, ctx, "search-de")
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\x1b")); err != nil { // Escape closes search
		t.Fatal(err)
	}

	narrow := open(t, view{375, 740, "light"})
	visit(t, narrow, srv.URL+"/anleitung/")
	if got := eval[string](t, narrow, `document.querySelector(".menu-button").innerText || document.querySelector(".menu-button").textContent`); got != "Menü" {
		t.Errorf("menu button's label = %q, want Menü", got)
	}
	if err := chromedp.Do(narrow, chromedp.Click(chromedp.CSS(".menu-button")), chromedp.WaitVisible(chromedp.CSS("#quire-nav a[aria-current=page]"))); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](t, narrow, `document.querySelector(".menu-button").getAttribute("aria-expanded")`); got != "true" {
		t.Errorf("aria-expanded = %q after opening the menu, want true", got)
	}
	screenshot(t, narrow, "menu-de")
}
