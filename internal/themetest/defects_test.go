package themetest

import (
	"fmt"
	"math"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestCopyButtonClearOfCode: on a phone (where the Copy button always
// shows) the button covers no part of the first line of any code block.
func TestCopyButtonClearOfCode(t *testing.T) {
	d := buildDocs(t)
	srv := serve(t, d)
	ctx := open(t, view{375, 740, "light"})
	visit(t, ctx, srv.URL+"/docs/configuration/")
	screenshot(t, ctx, "copy-button-375")
	covered := eval[[]string](t, ctx, `[...document.querySelectorAll(".code-block")].flatMap((w, i) => {
		const pre = w.querySelector("pre"), b = w.querySelector(".copy-button").getBoundingClientRect();
		const r = document.createRange();
		r.selectNodeContents(pre);
		const rects = [...r.getClientRects()].filter(x => x.width > 0 && x.height > 0);
		if (!rects.length) return [];
		const top = Math.min(...rects.map(x => x.top));
		const line = rects.filter(x => x.top < top + 2);
		return line.some(x => x.left < b.right && x.right > b.left && x.top < b.bottom && x.bottom > b.top)
			? ["code block " + i + ": " + pre.innerText.split("\n")[0]] : [];
	})`)
	if len(covered) > 0 {
		t.Errorf("at 375 px the Copy button covers the first line of %d code blocks: %q", len(covered), covered)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll(".code-block").length`); n == 0 {
		t.Fatal("no code blocks on the page")
	}
}

// TestMenuTrapsFocus: while the phone menu is open, Tab goes round the
// menu button and the menu's links and never reaches the page behind it;
// Escape closes the menu and gives the focus back to its button.
func TestMenuTrapsFocus(t *testing.T) {
	d := buildDocs(t)
	srv := serve(t, d)
	ctx := open(t, view{375, 740, "light"})
	visit(t, ctx, srv.URL+"/docs/ordering/")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".menu-button")), chromedp.WaitVisible(chromedp.CSS("#quire-nav a[aria-current=page]"))); err != nil {
		t.Fatal(err)
	}
	const stops = `[...document.querySelectorAll("#quire-nav a[href], #quire-nav summary")].filter(e => e.getClientRects().length)`
	const where = `(document.activeElement.matches(".menu-button") ? "menu button" :
		document.activeElement.closest("#quire-nav") ? "menu: " + (document.activeElement.textContent || document.activeElement.getAttribute("aria-label")) :
		"behind the menu: " + document.activeElement.outerHTML.slice(0, 80))`
	eval[bool](t, ctx, `(`+stops+`.at(-1).focus(), true)`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](t, ctx, where); got != "menu button" {
		t.Errorf("Tab from the menu's last link goes to %s, want the menu button", got)
	}
	// Shift+Tab from the menu button goes back to the last link.
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\t", chromedp.KeyModifiers(chromedp.ModifierShift))); err != nil {
		t.Fatal(err)
	}
	if !eval[bool](t, ctx, `document.activeElement === `+stops+`.at(-1)`) {
		t.Errorf("Shift+Tab from the menu button goes to %s, want the menu's last link", eval[string](t, ctx, where))
	}
	// A full round of Tabs stays in the menu.
	n := eval[int](t, ctx, stops+`.length`)
	for i := 0; i < n+1; i++ {
		if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
			t.Fatal(err)
		}
		if got := eval[string](t, ctx, where); got[:4] == "behi" {
			t.Fatalf("Tab %d reaches %s", i+1, got)
		}
	}
	if !eval[bool](t, ctx, `document.querySelector("main").inert`) {
		t.Error("the page behind the open menu is not inert")
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\x1b")); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](t, ctx, `document.querySelector(".menu-button").getAttribute("aria-expanded") + " " + `+where); got != "false menu button" {
		t.Errorf("after Escape: aria-expanded and focus %q, want false and the menu button", got)
	}
	if eval[bool](t, ctx, `document.querySelector("main").inert`) {
		t.Error("the page stays inert after the menu closes")
	}
}

// TestReducedMotion: with prefers-reduced-motion: reduce nothing on the
// page, pseudo-elements included (the chevrons), has a transition.
func TestReducedMotion(t *testing.T) {
	d := buildDocs(t)
	srv := serve(t, d)
	for _, v := range []view{{375, 740, "light"}, {1280, 800, "dark"}} {
		t.Run(v.String(), func(t *testing.T) {
			ctx := open(t, v)
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: v.scheme}, {Name: "prefers-reduced-motion", Value: "reduce"}},
			})
			if err != nil {
				t.Fatal(err)
			}
			visit(t, ctx, srv.URL+"/docs/configuration/")
			moving := eval[[]string](t, ctx, `[...document.querySelectorAll("*")].flatMap(e => [null, "::before", "::after"].map(p => {
				const s = getComputedStyle(e, p);
				return s.transitionDuration.split(",").some(d => parseFloat(d) > 0) ? e.tagName.toLowerCase() + "." + [...e.classList].join(".") + (p || "") + ": " + s.transitionDuration : "";
			})).filter(Boolean)`)
			if len(moving) > 0 {
				t.Errorf("under prefers-reduced-motion: reduce these still have transitions: %q", moving)
			}
		})
	}
}

// TestPrevNextEqualWidths: on a phone the previous and next cards, one
// above the other, are as wide as each other whatever their titles.
func TestPrevNextEqualWidths(t *testing.T) {
	d := buildDocs(t)
	srv := serve(t, d)
	ctx := open(t, view{375, 740, "light"})
	visit(t, ctx, srv.URL+"/docs/theme/")
	w := eval[[]float64](t, ctx, `[".prevnext .prev", ".prevnext .next"].map(s => document.querySelector(s).getBoundingClientRect().width)`)
	if len(w) != 2 || math.Abs(w[0]-w[1]) > 0.5 {
		t.Errorf("at 375 px the prev and next cards are %v px wide, want equal", w)
	}
	if err := chromedp.Do(ctx, chromedp.ScrollIntoView(chromedp.CSS(".prevnext"))); err != nil {
		t.Fatal(err)
	}
	screenshot(t, ctx, "prevnext-375")
}

// TestHeaderLinesUpWithContent: the header's title starts where the
// layout's content (the sidebar) starts, and its tools end where the
// content ends, on wide screens and past the layout's maximum width.
func TestHeaderLinesUpWithContent(t *testing.T) {
	d := buildDocs(t)
	srv := serve(t, d)
	for _, w := range []int64{1280, 1920, 2560} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			ctx := open(t, view{w, 900, "light"})
			visit(t, ctx, srv.URL+"/docs/configuration/")
			screenshot(t, ctx, fmt.Sprintf("header-%d", w))
			got := eval[[]float64](t, ctx, `(() => {
				const l = document.querySelector(".layout"), s = getComputedStyle(l), r = l.getBoundingClientRect();
				return [document.querySelector(".site-title").getBoundingClientRect().left, r.left + parseFloat(s.paddingLeft),
					document.querySelector(".header-tools").getBoundingClientRect().right, r.right - parseFloat(s.paddingRight)];
			})()`)
			if math.Abs(got[0]-got[1]) > 0.5 || math.Abs(got[2]-got[3]) > 0.5 {
				t.Errorf("at %d px the header spans %v–%v, the content %v–%v", w, got[0], got[2], got[1], got[3])
			}
		})
	}
}
