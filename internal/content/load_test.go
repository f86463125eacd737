package content

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/diag"
)

func TestLoadOrder(t *testing.T) {
	t.Parallel()
	r := mustLoad(t, `
-- content/_index.md --
---
title: Home
---
-- content/unset.md --
---
title: Unset
---
-- content/zero.md --
---
title: Aardvark zero
weight: 0
---
-- content/neg.md --
---
title: Negative
weight: -3
---
-- content/one.md --
---
title: One
weight: 1
---
-- content/undated.md --
---
title: A undated
weight: 2
---
-- content/older.md --
---
title: Older
weight: 2
date: 2020-01-01
---
-- content/newer.md --
---
title: Newer
weight: 2
date: 2021-01-01T08:00:00Z
---
-- content/lt.md --
---
title: Zzz
linkTitle: apple
weight: 3
---
-- content/title.md --
---
title: Banana
weight: 3
---
-- content/upper.md --
---
title: CHERRY
weight: 3
---
-- content/p2.md --
---
title: Tie
weight: 4
---
-- content/p1.md --
---
title: tie
weight: 4
---
-- content/sub/_index.md --
---
title: Sub
weight: -1
---
-- content/sub/b.md --
---
title: B
weight: 1
---
-- content/sub/a.md --
---
title: A
weight: 2
---
`)
	want := []string{"_index.md", "neg.md", "sub/_index.md", "sub/b.md", "sub/a.md", "one.md",
		"newer.md", "older.md", "undated.md", "lt.md", "title.md", "upper.md", "p1.md", "p2.md",
		"zero.md", "unset.md"}
	if got := paths(r.site.Pages); !reflect.DeepEqual(got, want) {
		t.Fatalf("Site.Pages =\n%q\nwant\n%q", got, want)
	}
	t.Run("PrevNextFollowReadingOrder", func(t *testing.T) {
		pages := r.site.Pages
		for i, p := range pages {
			var prev, next *Page
			if i > 0 {
				prev = pages[i-1]
			}
			if i+1 < len(pages) {
				next = pages[i+1]
			}
			if p.Prev != prev || p.Next != next {
				t.Errorf("%s: Prev/Next = %v/%v, want neighbours in Site.Pages", p.Path, p.Prev, p.Next)
			}
		}
	})
	t.Run("ChildrenInOrder", func(t *testing.T) {
		home := r.site.Home
		if home != r.site.Pages[0] || home.Kind != KindHome || home.Parent != nil {
			t.Fatalf("Home = %+v, want the first page, KindHome, no parent", home)
		}
		if got := paths(home.Children[:3]); !reflect.DeepEqual(got, []string{"neg.md", "sub/_index.md", "one.md"}) {
			t.Errorf("Home.Children[:3] = %q", got)
		}
		if sub := home.Children[1]; sub.Kind != KindSection || sub.Parent != home || sub.Children[0].Parent != sub {
			t.Errorf("sub section links wrong: %+v", sub)
		}
	})
}

const draftSite = `
-- content/_index.md --
---
title: Home
---
-- content/public.md --
---
title: Public
---
-- content/draft.md --
---
title: Draft
draft: true
---
-- content/hidden/_index.md --
---
title: Hidden
draft: true
---
-- content/hidden/a.md --
---
title: A
---
-- content/hidden/deeper/b.md --
---
title: B
---
-- content/hidden/pic.png --
PNG
`

func TestLoadDrafts(t *testing.T) {
	t.Parallel()
	t.Run("DraftHiddenByDefault", func(t *testing.T) {
		t.Parallel()
		r := mustLoad(t, draftSite)
		if got, want := paths(r.site.Pages), []string{"_index.md", "public.md"}; !reflect.DeepEqual(got, want) {
			t.Errorf("Site.Pages = %q, want %q", got, want)
		}
		if r.site.Skipped != 4 {
			t.Errorf("Skipped = %d, want 4 (draft.md and the three pages of hidden/)", r.site.Skipped)
		}
		var drafts []string
		for _, d := range r.site.Drafts {
			drafts = append(drafts, d.File)
		}
		if want := []string{"content/draft.md", "content/hidden/_index.md", "content/hidden/a.md", "content/hidden/deeper/b.md"}; !reflect.DeepEqual(drafts, want) {
			t.Errorf("Drafts = %q, want %q", drafts, want)
		}
		if len(r.site.Static) != 0 {
			t.Errorf("Static = %v, want none (pic.png is in a draft section)", r.site.Static)
		}
	})
	t.Run("DraftsKeptWithOption", func(t *testing.T) {
		t.Parallel()
		r := loadTxtarOpts(t, draftSite, Options{Dir: "content", Drafts: true})
		if r.err != nil {
			t.Fatal(r.err)
		}
		want := []string{"_index.md", "draft.md", "hidden/_index.md", "hidden/a.md", "hidden/deeper/b.md", "public.md"}
		if got := paths(r.site.Pages); !reflect.DeepEqual(got, want) {
			t.Errorf("Site.Pages = %q, want %q", got, want)
		}
		if r.site.Skipped != 0 {
			t.Errorf("Skipped = %d, want 0", r.site.Skipped)
		}
		if p := r.site.Pages[1]; !p.Draft {
			t.Errorf("%s Draft = false, want true (kept as a marker)", p.Path)
		}
	})
	t.Run("SectionOfOnlyDraftsDisappears", func(t *testing.T) {
		t.Parallel()
		r := mustLoad(t, `
-- content/notes/x.md --
---
title: X
draft: true
---
`)
		if got := paths(r.site.Pages); !reflect.DeepEqual(got, []string{""}) || r.site.Skipped != 1 {
			t.Errorf("Site.Pages = %q, Skipped = %d; want only the synthesised home, 1", got, r.site.Skipped)
		}
	})
}

func TestLoadFAQShape(t *testing.T) {
	t.Parallel()
	r := mustLoad(t, `
-- content/faq/security.md --
---
title: Security FAQ's
weight: 2300
---
---
#### How do I report a vulnerability?
Mail us.

#### Do you have a bug bounty?
No.
`)
	p := r.site.Pages[2]
	if p.Title != "Security FAQ's" || p.Weight != 2300 || p.RelPermalink != "/faq/security/" {
		t.Fatalf("page = %q weight %d at %s", p.Title, p.Weight, p.RelPermalink)
	}
	if !strings.HasPrefix(string(p.Body), "---\n#### How do I report") || p.BodyLine != 5 {
		t.Errorf("Body = %q at line %d, want it to start with the --- thematic break on line 5", p.Body, p.BodyLine)
	}
}

func TestLoadFormats(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src        string
		title            string
		weight, bodyLine int
		body             string
	}{
		{"YAML", "---\ntitle: T\nweight: 3\n---\nbody\n", "T", 3, 5, "body\n"},
		{"TOML", "+++\ntitle = 'T'\nweight = 3\n+++\nbody\n", "T", 3, 5, "body\n"},
		{"JSON", "{\"title\": \"T\", \"weight\": 3}\nbody\n", "T", 3, 2, "body\n"},
		{"NoFrontMatter", "body\n", "Page", 0, 1, "body\n"},
		{"BOM", "\xEF\xBB\xBF---\ntitle: T\nweight: 3\n---\nbody\n", "T", 3, 5, "body\n"},
		{"CRLF", "---\r\ntitle: T\r\nweight: 3\r\n---\r\nbody\r\nmore\r\n", "T", 3, 5, "body\nmore\n"},
		{"QuotedWeight", "---\ntitle: T\nweight: \"3\"\n---\nbody\n", "T", 3, 5, "body\n"},
		{"NullWeight", "---\ntitle: T\nweight:\n---\nbody\n", "T", 0, 5, "body\n"},
		{"TOMLQuotedWeight", "+++\ntitle = 'T'\nweight = '3'\n+++\nbody\n", "T", 3, 5, "body\n"},
		{"MaxWeight", "---\ntitle: T\nweight: 2147483647\n---\nbody\n", "T", MaxWeight, 5, "body\n"},
		{"MinWeight", "---\ntitle: T\nweight: -2147483648\n---\nbody\n", "T", MinWeight, 5, "body\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := fstest.MapFS{"content/page.md": {Data: []byte(tt.src)}}
			site, _, err := Load(fsys, Options{Dir: "content"})
			if err != nil {
				t.Fatalf("Load(%q): %v", tt.src, err)
			}
			p := site.Pages[1]
			if p.Title != tt.title || p.Weight != tt.weight || p.BodyLine != tt.bodyLine || string(p.Body) != tt.body {
				t.Errorf("Load(%q) page = title %q weight %d body %q line %d, want %q %d %q %d",
					tt.src, p.Title, p.Weight, p.Body, p.BodyLine, tt.title, tt.weight, tt.body, tt.bodyLine)
			}
		})
	}
}

func TestLoadTypoWarning(t *testing.T) {
	t.Parallel()
	r := mustLoad(t, `
-- content/faq/a.md --
---
title: A
wieght: 3
tags: [x]
---
`)
	want := []string{`content/faq/a.md:3:1: unknown front matter key "wieght" (hint: did you mean "weight"?)`}
	if got := diagLines(r.warns); !reflect.DeepEqual(got, want) {
		t.Errorf("warnings = %q, want %q", got, want)
	}
	if p := r.site.Pages[2]; p.Params["wieght"] != int64(3) || p.Weight != 0 {
		t.Errorf("Params[wieght] = %v, Weight = %d; want 3 in Params and Weight unset", p.Params["wieght"], p.Weight)
	}
}

func TestLoadBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, want string
	}{
		{"Unterminated", "---\ntitle: x\nbody\n", "content/faq/a.md:1:1: unterminated YAML front matter: no closing --- line (hint: close the front matter with a line of exactly ---)"},
		{"TabInYAMLIndent", "---\ntitle: x\nparams:\n\tkey: 1\n---\n", "content/faq/a.md:4:1: invalid YAML front matter: "},
		{"TabAfterBOMAndCRLF", "\xEF\xBB\xBF---\r\ntitle: x\r\n\tweight: 1\r\n---\r\n", "content/faq/a.md:3:1: "},
		{"BadYAMLFlow", "---\ntitle: [x\n---\n", "content/faq/a.md:2:8: invalid YAML front matter: "},
		{"BadTOML", "+++\ntitle = \"x\"\nweight = = 3\n+++\n", "content/faq/a.md:3:10: invalid TOML front matter: "},
		{"BadTOMLString", "+++\ntitle = \"x\n+++\n", "content/faq/a.md:2:"},
		{"BadJSON", "{\n  \"title\": \"x\",\n}\n", "content/faq/a.md:3:1: invalid JSON front matter: "},
		{"BadJSONValue", "{\"title\": nope}\n", "content/faq/a.md:1:12: invalid JSON front matter: "},
		{"WeightNotInteger", "---\ntitle: x\nweight: ten\n---\n", `content/faq/a.md:3:9: weight must be an integer, got "ten"`},
		{"WeightFraction", "+++\ntitle = 'x'\nweight = 2.5\n+++\n", "content/faq/a.md:3:10: weight must be an integer, got 2.5"},
		{"WeightAboveInt32", "---\ntitle: x\nweight: 2147483648\n---\n", "content/faq/a.md:3:9: weight 2147483648 is out of range (-2147483648 to 2147483647) (hint: "},
		{"WeightBelowInt32", "+++\ntitle = 'x'\nweight = -2147483649\n+++\n", "content/faq/a.md:3:10: weight -2147483649 is out of range (-2147483648 to 2147483647)"},
		{"WeightAboveInt64", "---\ntitle: x\nweight: 18446744073709551615\n---\n", "content/faq/a.md:3:9: weight 18446744073709551615 is out of range (-2147483648 to 2147483647)"},
		{"WeightQuotedOutOfRange", "---\ntitle: x\nweight: \" 99999999999999999999\"\n---\n", "content/faq/a.md:3:9: weight 99999999999999999999 is out of range (-2147483648 to 2147483647)"},
		{"WeightHugeFloat", "{\"title\": \"x\", \"weight\": 1e300}\n", "content/faq/a.md:1:26: weight 1e+300 is out of range (-2147483648 to 2147483647)"},
		{"DraftNotBool", "---\ntitle: x\ndraft: yes please\n---\n", `content/faq/a.md:3:8: draft must be true or false, got "yes please"`},
		{"DateNotADate", "---\ntitle: x\ndate: 05/01/2024\n---\n", `content/faq/a.md:3:7: date must be a date, got "05/01/2024"`},
		{"JSONDateNotADate", "{\"title\": \"x\",\n  \"date\": 12}\n", "content/faq/a.md:2:11: date must be a date, got 12"},
		{"AliasesNotStrings", "---\ntitle: x\naliases: [1, 2]\n---\n", "content/faq/a.md:3:10: aliases must be a list of paths"},
		{"TOCNotFalseOrMap", "---\ntitle: x\ntoc: sometimes\n---\n", `content/faq/a.md:3:6: toc must be false or a map, got "sometimes"`},
		{"TOCLevelOutOfRange", "---\ntitle: x\ntoc:\n  startLevel: 9\n---\n", "content/faq/a.md:4:3: toc startLevel must be a heading level from 1 to 6, got 9"},
		{"FrontMatterNotAMap", "---\njust text\n---\n", "content/faq/a.md:2:1: front matter must be a map of keys to values"},
		{"URLIsAnAddress", "---\ntitle: x\nurl: http://x.org/\n---\n", "content/faq/a.md:3:6: url "},
		{"SlugWithSlash", "---\ntitle: x\nslug: a/b\n---\n", `content/faq/a.md:3:7: slug "a/b" must be a single URL path segment`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := fstest.MapFS{"content/faq/a.md": {Data: []byte(tt.src)}}
			site, _, err := Load(fsys, Options{Dir: "content"})
			if site == nil {
				t.Fatalf("Load(%q) site = nil, want the pages that loaded", tt.src)
			}
			lines := errLines(err)
			if len(lines) != 1 || !strings.HasPrefix(lines[0], tt.want) {
				t.Fatalf("Load(%q) error =\n%v\nwant one starting %q", tt.src, err, tt.want)
			}
			if !strings.Contains(tt.name, "Four") && !strings.Contains(tt.name, "Unterminated") {
				return
			}
			var d *diag.Diagnostic
			if !errors.As(err, &d) || !strings.Contains(d.Hint, "exactly ---") {
				t.Errorf("Load(%q) error hint = %q, want one about closing with ---", tt.src, d.Hint)
			}
		})
	}
}

func TestLoadReportsAllErrorsTogether(t *testing.T) {
	t.Parallel()
	r := loadTxtar(t, `
-- content/a.md --
---
title: A
weight: x
draft: maybe
---
-- content/b.md --
+++
title =
+++
-- content/c.md --
{"title": }
-- content/d.md --
---
title: D
-- content/ok.md --
---
title: OK
---
`)
	want := []string{
		`content/a.md:3:9: weight must be an integer, got "x" (hint: write weight: 10)`,
		`content/a.md:4:8: draft must be true or false, got "maybe"`,
		"content/b.md:2:",
		"content/c.md:1:11: invalid JSON front matter: ",
		"content/d.md:1:1: unterminated YAML front matter",
	}
	got := errLines(r.err)
	if len(got) != len(want) {
		t.Fatalf("errors =\n%s\nwant %d", strings.Join(got, "\n"), len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("error %d = %q, want prefix %q", i, got[i], want[i])
		}
	}
	joined, ok := r.err.(interface{ Unwrap() []error })
	if !ok {
		t.Fatalf("error %T is not joined", r.err)
	}
	for _, e := range joined.Unwrap() {
		if _, ok := e.(*diag.Diagnostic); !ok {
			t.Errorf("joined error %T, want *diag.Diagnostic", e)
		}
	}
	if got := paths(r.site.Pages); !reflect.DeepEqual(got, []string{"", "a.md", "ok.md"}) {
		t.Errorf("Site.Pages = %q, want the pages that parsed", got)
	}
}
