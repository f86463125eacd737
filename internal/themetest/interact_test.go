package themetest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestThemeToggle goes round the header switch's three choices, the
// system's (no data-theme: prefers-color-scheme decides), light and dark,
// under either system scheme: a choice survives a reload, and the switch
// shows its choice's icon (screen, sun or moon) and no other.
func TestThemeToggle(t *testing.T) {
	d := buildDocs(t)
	srv := serve(t, d)
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) { themeToggle(t, srv.URL+"/docs/configuration/", scheme) })
	}
}

func themeToggle(t *testing.T, page, scheme string) {
	ctx := open(t, view{1280, 800, scheme})
	visit(t, ctx, page)
	// The remembered choice is applied by the inline script before the
	// stylesheets, so the page never paints in the other scheme.
	if !eval[bool](t, ctx, `(() => { const h = [...document.head.children];
		return h.findIndex(e => e.matches("script:not([src])") && e.textContent.includes("quire-theme")) < h.findIndex(e => e.matches("link[rel=stylesheet]")) })()`) {
		t.Error("the script that applies the remembered scheme does not run before the stylesheets")
	}
	check := func(when, choice string, dark bool) {
		t.Helper()
		want := choice
		if choice == "system" {
			want = ""
		}
		if got := eval[string](t, ctx, `document.documentElement.dataset.theme || ""`); got != want {
			t.Errorf("%s: data-theme = %q, want %q", when, got, want)
		}
		icons := eval[[]string](t, ctx, `[...document.querySelectorAll(".theme-toggle svg")].filter(s => s.getClientRects().length).map(s => s.getAttribute("class") || "unnamed")`)
		if len(icons) != 1 || icons[0] != "icon-"+choice {
			t.Errorf("%s: the switch shows icons %q, want only icon-%s", when, icons, choice)
		}
		if got := eval[string](t, ctx, `document.querySelector(".theme-toggle .visually-hidden").textContent`); !strings.Contains(got, choice) {
			t.Errorf("%s: the switch's label %q does not name %s", when, got, choice)
		}
		if got := eval[string](t, ctx, `getComputedStyle(document.body).backgroundColor`); (got != "rgb(255, 255, 255)") != dark {
			t.Errorf("%s: background = %s, want dark %v", when, got, dark)
		}
	}
	click := func() {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".theme-toggle"))); err != nil {
			t.Fatal(err)
		}
	}
	check("at first", "system", scheme == "dark")
	click()
	check("after one click", "light", false)
	screenshot(t, ctx, "toggle-light-on-"+scheme)
	click()
	check("after two clicks", "dark", true)
	screenshot(t, ctx, "toggle-dark-on-"+scheme)
	visit(t, ctx, page)
	check("after a reload", "dark", true)
	click()
	check("after three clicks", "system", scheme == "dark")
	if got := eval[bool](t, ctx, `localStorage.getItem("quire-theme") === null`); !got {
		t.Error("choosing the system's scheme leaves a choice in localStorage")
	}
	visit(t, ctx, page)
	check("after another reload", "system", scheme == "dark")
}

// TestMenuAt375 opens and closes the sidebar with the header's menu button
// on phone-sized screens, 375 and 360 px wide.
func TestMenuAt375(t *testing.T) {
	d := buildDocs(t)
	srv := serve(t, d)
	for _, w := range []int64{375, 360} {
		t.Run(fmt.Sprint(w), func(t *testing.T) { menuAt(t, srv.URL, w) })
	}
}

func menuAt(t *testing.T, base string, width int64) {
	ctx := open(t, view{width, 740, "light"})
	srv := struct{ URL string }{base}
	visit(t, ctx, srv.URL+"/docs/ordering/")
	navShown := `(() => { const r = document.getElementById("quire-nav").getBoundingClientRect();
		return r.width > 300 && r.height > 200 && r.top < 100 && r.right <= innerWidth })()`
	if eval[bool](t, ctx, navShown) {
		t.Fatal("sidebar is shown at 375 px before the menu is opened")
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".menu-button")), chromedp.WaitVisible(chromedp.CSS("#quire-nav a[aria-current=page]"))); err != nil {
		t.Fatal(err)
	}
	screenshot(t, ctx, fmt.Sprintf("menu-open-%d", width))
	if !settled[bool](t, ctx, navShown) {
		t.Error("the menu button does not show the sidebar over the page")
	}
	if got := eval[string](t, ctx, `document.querySelector(".menu-button").getAttribute("aria-expanded")`); got != "true" {
		t.Errorf("aria-expanded = %q after opening, want true", got)
	}
	// The current page's link is in the menu and can be followed.
	if got := eval[string](t, ctx, `document.querySelector("#quire-nav a[aria-current=page]").getAttribute("href")`); got != "/docs/ordering/" {
		t.Errorf("current link in the menu = %q", got)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\x1b")); err != nil {
		t.Fatal(err)
	}
	if settled[bool](t, ctx, navShown) {
		t.Error("Escape does not close the menu")
	}
}

// TestTOCHighlightsSectionInView scrolls to a heading and expects its
// "On this page" entry, and only it, to be marked.
func TestTOCHighlightsSectionInView(t *testing.T) {
	d := buildDocs(t)
	srv := serve(t, d)
	ctx := open(t, view{1280, 800, "light"})
	visit(t, ctx, srv.URL+"/docs/configuration/")
	ids := eval[[]string](t, ctx, `[...document.querySelectorAll(".toc a")].map(a => a.hash.slice(1))`)
	if len(ids) < 3 {
		t.Fatalf("want a page with at least 3 TOC entries, got %q", ids)
	}
	target := ids[len(ids)/2]
	// The script marks the entry in an animation frame it asks for on
	// "scroll"; a frame asked for after it runs after it.
	got := eval[[]string](t, ctx, `new Promise(r => {
		addEventListener("scroll", () => requestAnimationFrame(() =>
			r([...document.querySelectorAll(".toc a[aria-current]")].map(a => a.hash.slice(1)))), {once: true});
		document.getElementById(`+jsString(target)+`).scrollIntoView();
	})`)
	if len(got) != 1 || got[0] != target {
		t.Errorf("after scrolling to #%s the TOC marks %q", target, got)
	}
	screenshot(t, ctx, "toc-"+target)
}

// TestCodeCopyButton expects a copy button on every code block, and the
// code's text on the clipboard after a click.
// TestTOCFoldsOnNarrowScreens: at 375 px "On this page" is folded behind
// its button, the button unfolds it, and following one of its links folds
// it again and lands on the heading; at 1280 px it is open beside the
// content with no button; without the script's "js" class it is open.
func TestTOCFoldsOnNarrowScreens(t *testing.T) {
	d := buildDocs(t)
	srv := serve(t, d)
	const listShown = `document.querySelector(".toc").getBoundingClientRect().height > 50`
	const buttonShown = `document.querySelector(".toc-toggle").getBoundingClientRect().height > 0`
	t.Run("375", func(t *testing.T) {
		ctx := open(t, view{375, 740, "light"})
		visit(t, ctx, srv.URL+"/docs/configuration/")
		if eval[bool](t, ctx, listShown) || !eval[bool](t, ctx, buttonShown) {
			t.Fatal("at 375 px the TOC is not folded behind its button")
		}
		screenshot(t, ctx, "toc-folded-375")
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".toc-toggle"))); err != nil {
			t.Fatal(err)
		}
		if !eval[bool](t, ctx, listShown) {
			t.Fatal("the button does not unfold the TOC")
		}
		if got := eval[string](t, ctx, `document.querySelector(".toc-toggle").getAttribute("aria-expanded")`); got != "true" {
			t.Errorf("aria-expanded = %q when unfolded, want true", got)
		}
		screenshot(t, ctx, "toc-unfolded-375")
		const last = ".toc > ul > li:last-child > a" // far down the page
		id := eval[string](t, ctx, `document.querySelector("`+last+`").hash.slice(1)`)
		// The browser scrolls to the heading, then fires "hashchange".
		eval[bool](t, ctx, `(window.quireLanded = new Promise(r => addEventListener("hashchange", () => r(true), {once: true})), true)`)
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(last))); err != nil {
			t.Fatal(err)
		}
		top := eval[float64](t, ctx, `window.quireLanded.then(() => document.getElementById(`+jsString(id)+`).getBoundingClientRect().top)`)
		if eval[bool](t, ctx, listShown) {
			t.Error("following a TOC link leaves the TOC unfolded")
		}
		if top < 0 || top > 200 {
			t.Errorf("after following the link to #%s its heading is %v px from the top", id, top)
		}
		eval[bool](t, ctx, `(document.documentElement.classList.remove("js"), true)`)
		if !eval[bool](t, ctx, listShown) || eval[bool](t, ctx, buttonShown) {
			t.Error("without the script the TOC is not simply open")
		}
	})
	t.Run("1280", func(t *testing.T) {
		ctx := open(t, view{1280, 800, "light"})
		visit(t, ctx, srv.URL+"/docs/configuration/")
		if !eval[bool](t, ctx, listShown) || eval[bool](t, ctx, buttonShown) {
			t.Error("at 1280 px the TOC is not open beside the content")
		}
	})
}

func TestCodeCopyButton(t *testing.T) {
	d := buildDocs(t)
	srv := serve(t, d)
	ctx := open(t, view{1280, 800, "light"})
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		_, err := chromedp.CallBrowser(ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
			Permission: &cdpbrowser.PermissionDescriptor{Name: name}, Setting: "granted", Origin: srv.URL,
		})
		if err != nil {
			t.Fatalf("granting %s: %v", name, err)
		}
	}
	visit(t, ctx, srv.URL+"/docs/configuration/")
	if n := eval[int](t, ctx, `document.querySelectorAll(".content pre").length - document.querySelectorAll(".code-block > pre + .copy-button").length`); n != 0 {
		t.Errorf("%d code blocks have no copy button", n)
	}
	// The label changes once the clipboard has the text, and changes back
	// later: record its first change, however late it comes.
	eval[bool](t, ctx, `(window.quireLabel = new Promise(r => { const b = document.querySelector(".copy-button");
		new MutationObserver((_, o) => { o.disconnect(); r(b.textContent) }).observe(b, {childList: true, characterData: true, subtree: true}) }), true)`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".copy-button"))); err != nil {
		t.Fatal(err)
	}
	label := eval[string](t, ctx, `window.quireLabel`)
	if label != "Copied" {
		t.Errorf("copy button reads %q after a click, want Copied", label)
	}
	got := eval[string](t, ctx, `navigator.clipboard.readText()`)
	want := eval[string](t, ctx, `document.querySelector(".content pre").innerText.replace(/\n$/, "")`)
	if got != want || !strings.Contains(got, "baseURL") {
		t.Errorf("clipboard holds %q, want the first code block, %q", got, want)
	}
}

// settled evaluates expr once the page has drawn two frames and no CSS
// transition or animation is running: the state an input event leads to,
// however long the machine takes to get there (the transition starts at
// the first style update after the event, before the second frame).
func settled[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	return eval[T](t, ctx, `new Promise(r => {
		const check = () => document.getAnimations().some(a => a.playState === "running") ? requestAnimationFrame(check) : r(`+expr+`);
		requestAnimationFrame(() => requestAnimationFrame(check));
	})`)
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestHeadingSelfLinks expects a heading's "#" link to be hidden until the
// heading is hovered or the link has the keyboard focus.
func TestHeadingSelfLinks(t *testing.T) {
	d := buildDocs(t)
	srv := serve(t, d)
	ctx := open(t, view{1280, 800, "light"})
	visit(t, ctx, srv.URL+"/docs/configuration/")
	opacity := `getComputedStyle(document.querySelector(".content h2 a.anchor")).opacity`
	wait := func(expr string) string { return settled[string](t, ctx, expr) }
	if got := wait(opacity); got != "0" {
		t.Errorf("self-link opacity %s at rest, want 0", got)
	}
	if err := chromedp.Do(ctx, chromedp.ScrollIntoView(chromedp.CSS(".content h2")), chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		box, err := chromedp.Run(ctx, chromedp.Dimensions(chromedp.CSS(".content h2")))
		if err != nil {
			return err
		}
		q := box.Content
		return chromedp.Do(ctx, chromedp.MouseEvent("mouseMoved", (q[0]+q[2])/2, (q[1]+q[5])/2))
	})); err != nil {
		t.Fatal(err)
	}
	if got := wait(opacity); got != "1" {
		t.Errorf("self-link opacity %s while its heading is hovered, want 1", got)
	}
	if err := chromedp.Do(ctx, chromedp.MouseEvent("mouseMoved", 5, 700)); err != nil {
		t.Fatal(err)
	}
	// Tab from the element before the link, as a keyboard user would.
	eval[bool](t, ctx, `(() => { const a = document.querySelector(".content h2 a.anchor"); const all = [...document.querySelectorAll("a, button, [tabindex]")].filter(e => e.tabIndex >= 0 && e.offsetParent); all[all.indexOf(a) - 1].focus(); return true })()`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
		t.Fatal(err)
	}
	if got := wait(`document.activeElement.matches(".content h2 a.anchor") + " " + ` + opacity); got != "true 1" {
		t.Errorf("focused self-link: focus and opacity %q, want the link focused and opacity 1", got)
	}
}

// TestPrintHidesNavigation emulates print media: header, sidebar, table
// of contents, page navigation and footer are not printed.
func TestPrintHidesNavigation(t *testing.T) {
	d := buildDocs(t)
	srv := serve(t, d)
	ctx := open(t, view{1280, 800, "light"})
	visit(t, ctx, srv.URL+"/docs/configuration/")
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	shown := eval[[]string](t, ctx, `[".site-header", ".sidebar", ".toc-aside", ".prevnext", ".site-footer", ".copy-button"]
		.filter(s => [...document.querySelectorAll(s)].some(e => getComputedStyle(e).display !== "none"))`)
	if len(shown) > 0 {
		t.Errorf("print shows %q", shown)
	}
	if got := eval[string](t, ctx, `getComputedStyle(document.querySelector(".content")).display`); got == "none" {
		t.Error("print hides the content")
	}
}
