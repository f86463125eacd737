package markdown

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

var headingTagRE = regexp.MustCompile(`<h([1-6]) id="([^"]*)"`)

// renderedLevels renders src and returns "hN#id" for each heading of the
// HTML, and "N" for each level of Result.Headings.
func renderedLevels(t *testing.T, src string, normalize bool) (html, written string) {
	t.Helper()
	res, err := New(Options{}).RenderPage([]byte(src), RenderOptions{NormalizeHeadings: normalize})
	if err != nil {
		t.Fatalf("RenderPage(%q): %v", src, err)
	}
	var tags, levels []string
	for _, m := range headingTagRE.FindAllStringSubmatch(string(res.HTML), -1) {
		tags = append(tags, "h"+m[1]+"#"+m[2])
	}
	for _, h := range res.Headings {
		levels = append(levels, fmt.Sprint(h.Level))
	}
	return strings.Join(tags, " "), strings.Join(levels, " ")
}

func TestNormalizeHeadings(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src, want string }{
		{"H4QuestionsRenderAsH2", "#### A?\n\nx\n\n#### B?\n", "h2#a h2#b"},
		{"GapBelowClosed", "## A\n\n#### B\n\n#### C\n\n## D\n", "h2#a h3#b h3#c h2#d"},
		{"WrittenWithoutGapsKept", "## A\n\n### B\n\n#### C\n\n## D\n", "h2#a h3#b h4#c h2#d"},
		{"BodyH1RendersAsH2", "# A\n\n## B\n", "h2#a h3#b"},
		{"ShallowerLaterStartsAgain", "### A\n\n## B\n\n### C\n", "h2#a h2#b h3#c"},
		{"DeeperThenShallowerUnderSameParent", "## A\n\n#### B\n\n### C\n\n#### D\n", "h2#a h3#b h3#c h4#d"},
		{"NestedInQuoteAndList", "#### A\n\n> ###### B\n\n- ##### C\n", "h2#a h3#b h3#c"},
		{"SetextHeadings", "A\n===\n\nB\n---\n", "h2#a h3#b"},
		{"DeepestStaysAtH6", "# 1\n## 2\n### 3\n#### 4\n##### 5\n###### 6\n", "h2#1 h3#2 h4#3 h5#4 h6#5 h6#6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, _ := renderedLevels(t, tt.src, true)
			if got != tt.want {
				t.Errorf("RenderPage(%q) headings = %s, want %s", tt.src, got, tt.want)
			}
		})
	}
}

// TestNormalizeHeadingsKeepsWrittenLevels: Result.Headings (and so the
// TOC) keeps the levels as written, and without the option so does the
// HTML.
func TestNormalizeHeadingsKeepsWrittenLevels(t *testing.T) {
	t.Parallel()
	src := "#### A\n\n## B\n\n#### C\n"
	if _, written := renderedLevels(t, src, true); written != "4 2 4" {
		t.Errorf("Result.Headings levels = %s, want 4 2 4", written)
	}
	if html, _ := renderedLevels(t, src, false); html != "h4#a h2#b h4#c" {
		t.Errorf("without NormalizeHeadings: %s, want h4#a h2#b h4#c", html)
	}
}

// TestNormalizeHeadingsHookLevel: the heading hook's .Level is the level
// the heading renders at.
func TestNormalizeHeadingsHookLevel(t *testing.T) {
	t.Parallel()
	hooks := fakeHooks{"heading": func(ctx any) string {
		c := ctx.(*HeadingContext)
		return fmt.Sprintf("[H%d #%s]", c.Level, c.Anchor)
	}}
	res, err := New(Options{}).RenderPage([]byte("#### A\n\n###### B\n"), RenderOptions{NormalizeHeadings: true, Hooks: HookOptions{Run: hooks}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(res.HTML), "[H2 #a][H3 #b]"; got != want {
		t.Errorf("hook output %q, want %q", got, want)
	}
}
