package llms

import (
	"testing"
)

func TestLinks(t *testing.T) {
	t.Parallel()
	abs := func(dest string, html bool) string {
		if html {
			return "https://x.org/html/" + dest
		}
		return "https://x.org/" + dest
	}
	for _, tc := range []struct {
		name, in, want string
	}{
		{"InlineLink", "See [a](b.md) and [c](d/#e).\n", "See [a](https://x.org/b.md) and [c](https://x.org/d/#e).\n"},
		{"ImageWithTitle", `![alt](img.png "A title")`, `![alt](https://x.org/img.png "A title")`},
		{"AngleBrackets", "[a](<my file.md>)", "[a](<https://x.org/my file.md>)"},
		{"BalancedParens", "[a](f(1).md)", "[a](https://x.org/f(1).md)"},
		{"ReferenceDefinition", "[ref]: guide.md \"Guide\"\n", "[ref]: https://x.org/guide.md \"Guide\"\n"},
		{"ReferenceUseKept", "[a][ref]\n", "[a][ref]\n"},
		{"CodeSpanKept", "`[a](b.md)` [c](d)", "`[a](b.md)` [c](https://x.org/d)"},
		{"FencedCodeKept", "```md\n[a](b.md)\n```\n[c](d)\n", "```md\n[a](b.md)\n```\n[c](https://x.org/d)\n"},
		{"TildeFenceKept", "~~~~\n[a](b.md)\n~~~\n~~~~\n[c](d)\n", "~~~~\n[a](b.md)\n~~~\n~~~~\n[c](https://x.org/d)\n"},
		{"EscapedBracketKept", `\](b.md)`, `\](b.md)`},
		{"EmptyDestination", "[a]()", "[a]()"},
		{"AutolinkKept", "<https://example.org/>", "<https://example.org/>"},
		{"HTMLAttributes", `<a href="a/">x</a> <img SRC='i.png' alt="">`, `<a href="https://x.org/html/a/">x</a> <img SRC='https://x.org/html/i.png' alt="">`},
		{"HTMLAttributeOnNextLine", "<img\n  src=\"i.png\">", "<img\n  src=\"https://x.org/html/i.png\">"},
		{"HTMLEntityKept", `<a href="a?x=1&amp;y=2">`, `<a href="a?x=1&amp;y=2">`},
		{"WordEndingInSrcKept", `mysrc="i.png"`, `mysrc="i.png"`},
		{"HTMLInCodeSpanKept", "`<a href=\"a/\">`", "`<a href=\"a/\">`"},
		{"HTMLInFenceKept", "```\n<a href=\"a/\">\n```\n", "```\n<a href=\"a/\">\n```\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(Links([]byte(tc.in), abs)); got != tc.want {
				t.Errorf("Links(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestTwinPath(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"docs/install/index.html", "docs/install/index.md", true},
		{"index.html", "index.md", true},
		{"old.html", "old.md", true},
		{"feed.xml", "", false},
		{".html", "", false},
	} {
		if got, ok := TwinPath(tc.in); got != tc.want || ok != tc.ok {
			t.Errorf("TwinPath(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestIndex(t *testing.T) {
	t.Parallel()
	pages := []Page{
		{Title: "Home", URL: "https://x.org/index.md", Description: "Start\nhere"},
		{Title: "Guide", URL: "https://x.org/guide/index.md", Section: "Guide"},
		{Title: "Install [beta]", URL: "https://x.org/guide/install/index.md", Section: "Guide", Description: "How to install."},
		{Title: "Changelog", URL: "https://x.org/changes/index.md", Section: "Changes", Optional: true},
		{Title: "About", URL: "https://x.org/about/index.md"},
	}
	got := string(Index(Site{Title: "Docs", Description: "All about x."}, pages))
	want := `# Docs

> All about x.

## Pages

- [Home](https://x.org/index.md): Start here
- [About](https://x.org/about/index.md)

## Guide

- [Guide](https://x.org/guide/index.md)
- [Install \[beta\]](https://x.org/guide/install/index.md): How to install.

## Optional

- [Changelog](https://x.org/changes/index.md)
`
	if got != want {
		t.Errorf("Index =\n%s\nwant\n%s", got, want)
	}
	if got := string(Index(Site{Title: "Docs"}, nil)); got != "# Docs\n" {
		t.Errorf("Index of no pages = %q, want the title alone", got)
	}
}

func TestFull(t *testing.T) {
	t.Parallel()
	pages := []Page{
		{URL: "https://x.org/index.md", Twin: Twin("Home", []byte("\nHello.\n\n"))},
		{URL: "https://x.org/a/index.md", Twin: Twin("A", []byte("A's text."))},
	}
	got := string(Full(Site{Title: "Docs"}, pages))
	want := "# Docs\n\n---\n\nURL: https://x.org/index.md\n\n# Home\n\nHello.\n\n---\n\nURL: https://x.org/a/index.md\n\n# A\n\nA's text.\n"
	if got != want {
		t.Errorf("Full = %q, want %q", got, want)
	}
}

func TestTwin(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, title, body, want string }{
		{"TitleThenBody", "Install", "\nSteps.\n\n", "# Install\n\nSteps.\n"},
		{"NoBody", "Guide", "\n  \n", "# Guide\n"},
		{"TitleOnOneLine", "Two\nlines", "x", "# Two lines\n\nx\n"},
		{"IndentedCodeKept", "T", "    code\n", "# T\n\n    code\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(Twin(tc.title, []byte(tc.body))); got != tc.want {
				t.Errorf("Twin(%q, %q) = %q, want %q", tc.title, tc.body, got, tc.want)
			}
		})
	}
}
