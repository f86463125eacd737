package themetest

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/quire-docs/quire/internal/config"
)

// tabsPage is a page with three groups of tabs: two share the labels Go
// and Python, the third has others.
const tabsPage = `---
title: Tabs
---
{{< tabpane langEqualsHeader=true >}}
{{< tab header="Go" >}}
fmt.Println("one")
{{< /tab >}}
{{< tab header="Python" >}}
print("one")
{{< /tab >}}
{{< /tabpane >}}

{{< tabs >}}
{{< tab "Go" >}}Go text.{{< /tab >}}
{{< tab "Python" >}}Python text.{{< /tab >}}
{{< /tabs >}}

{{< tabs >}}
{{< tab "Linux" >}}Linux text.{{< /tab >}}
{{< tab "macOS" >}}macOS text.{{< /tab >}}
{{< /tabs >}}
`

// shortcodesPage has one of each of the other boxes and blocks of the
// themes' shortcodes, for axe-core to check.
const shortcodesPage = `---
title: Shortcodes
---
{{% alert title="Note" color="info" %}}
An alert with [a link](#steps).
{{% /alert %}}

{{% alert title="Careful" color="warning" %}}
A warning.
{{% /alert %}}

{{% alert color="danger" %}}
Danger.
{{% /alert %}}

{{< callout type="important" emoji="💡" >}}
A callout.
{{< /callout >}}

{{% notice style="tip" title="Tip" expanded=true %}}
A notice that opens and closes.
{{% /notice %}}

{{% details title="Details" %}}
Inside.
{{% /details %}}

{{< blocks/cover title="Cover" color="primary" >}}
A cover.
{{< /blocks/cover >}}

{{% blocks/lead %}}
A lead.
{{% /blocks/lead %}}

{{< columns >}}
Left.
<--->
Right.
{{< /columns >}}

## Steps

{{% steps %}}

### One

First.

{{% /steps %}}

{{< cards >}}
{{< card link="#steps" title="Steps" subtitle="Go to the steps" >}}
{{< card link="#steps" title="Again" >}}
{{< /cards >}}

{{< filetree/container >}}
{{< filetree/folder name="content" >}}
{{< filetree/file name="_index.md" >}}
{{< /filetree/folder >}}
{{< /filetree/container >}}

{{< button href="#steps" >}}A button{{< /button >}}
`

// buildTabs builds a site whose page /tabs/ is tabsPage and
// /shortcodes/ shortcodesPage.
func buildTabs(t *testing.T) *docs {
	t.Helper()
	cfg, _, err := config.Parse([]byte(`theme = "docsy"`))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"content/tabs.md":       {Data: []byte(tabsPage)},
		"content/shortcodes.md": {Data: []byte(shortcodesPage)},
	}
	return buildSite(t, fsys, cfg)
}

// shownPanels is, per group of tabs, the labels of its panels a reader
// sees, and whether their labels show over them.
const shownPanels = `[...document.querySelectorAll(".tabs")].map(g =>
	[...g.querySelectorAll(".tab-panel")].filter(p => p.offsetHeight > 0).map(p =>
		p.dataset.tabLabel + (p.querySelector(".tab-label").offsetHeight > 0 ? "+label" : "")).join(","))`

// TestTabsWithoutScript: with JavaScript off, every panel of every group
// shows, each under its label.
func TestTabsWithoutScript(t *testing.T) {
	srv := serve(t, buildTabs(t))
	ctx := open(t, view{1280, 800, "light"})
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/tabs/"), chromedp.WaitReady(chromedp.CSS(".tabs"))); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(eval[[]string](t, ctx, shownPanels), " | ")
	if want := "Go+label,Python+label | Go+label,Python+label | Linux+label,macOS+label"; got != want {
		t.Errorf("panels shown without JavaScript:\n got %s\nwant %s", got, want)
	}
}

// TestTabsKeyboardSyncAndMemory: with the script, each group shows one
// panel under a tab list; a click on a label shows it in every group that
// has it; the arrow keys move the selection and the focus; the choice is
// remembered when the page is loaded again.
func TestTabsKeyboardSyncAndMemory(t *testing.T) {
	srv := serve(t, buildTabs(t))
	ctx := open(t, view{1280, 800, "light"})
	visit(t, ctx, srv.URL+"/tabs/")
	check := func(when, want string) bool {
		t.Helper()
		if got := strings.Join(eval[[]string](t, ctx, shownPanels), " | "); got != want {
			t.Errorf("%s: panels shown\n got %s\nwant %s", when, got, want)
			return false
		}
		return true
	}
	if !check("on load", "Go | Go | Linux") {
		t.FailNow() // no tab list to click
	}
	if got := eval[string](t, ctx, `[...document.querySelectorAll(".tabs")[0].querySelectorAll("[role=tab]")].map(b => b.textContent + ":" + b.getAttribute("aria-selected") + ":" + b.tabIndex).join(" ")`); got != "Go:true:0 Python:false:-1" {
		t.Errorf("first group's tabs = %s, want Go:true:0 Python:false:-1", got)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#quire-tab-1-1`))); err != nil {
		t.Fatal(err)
	}
	check("after a click on Python", "Python | Python | Linux")
	// Focus the third group's selected tab and press the right arrow.
	eval[bool](t, ctx, `(document.querySelectorAll(".tabs")[2].querySelector("[aria-selected=true]").focus(), true)`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	check("after the right arrow in the third group", "Python | Python | macOS")
	if got := eval[string](t, ctx, `document.activeElement.textContent`); got != "macOS" {
		t.Errorf("focus after the right arrow is on %q, want the macOS tab", got)
	}
	visit(t, ctx, srv.URL+"/tabs/")
	check("after a reload", "Python | Python | macOS")
}

// TestTabsAxe runs axe-core on the tabs page, once the script has made
// the tab lists, and on the page of the other shortcodes, at each view.
func TestTabsAxe(t *testing.T) {
	axe, err := os.ReadFile(tool(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	srv := serve(t, buildTabs(t))
	for _, v := range views {
		t.Run(v.String(), func(t *testing.T) { axePages(t, v, srv.URL, []string{"/tabs/", "/shortcodes/"}, axe) })
	}
}
