package content

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParsePageFields(t *testing.T) {
	t.Parallel()
	may1 := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		src   string
		check func(t *testing.T, p *Page)
	}{
		{"AllKnownKeysYAML", `---
title: Security
linkTitle: Sec
description: About security
weight: 10
draft: true
date: 2024-05-01
lastmod: 2024-05-02T10:00:00Z
slug: sec
url: /s/
aliases: [/old/, /older/]
toc: {startLevel: 2, endLevel: 3}
type: faq
---
`, func(t *testing.T, p *Page) {
			want := Page{Title: "Security", LinkTitle: "Sec", Description: "About security", Weight: 10,
				Draft: true, Date: may1, Lastmod: time.Date(2024, 5, 2, 10, 0, 0, 0, time.UTC), Slug: "sec",
				URL: "/s/", Aliases: []string{"/old/", "/older/"}, TOC: TOCSetting{StartLevel: 2, EndLevel: 3}, Type: "faq"}
			got := *p
			got.File, got.Params, got.Body, got.BodyLine, got.FrontSum = "", nil, nil, 0, [16]byte{}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("ParsePage fields = %+v, want %+v", got, want)
			}
		}},
		{"KeysMatchCaseInsensitively", "---\nTitle: T\nlinktitle: L\nWEIGHT: 3\n---\n", func(t *testing.T, p *Page) {
			if p.Title != "T" || p.LinkTitle != "L" || p.Weight != 3 {
				t.Errorf("ParsePage = title %q linkTitle %q weight %d, want T L 3", p.Title, p.LinkTitle, p.Weight)
			}
		}},
		{"LinkTitleDefaultsToTitle", "---\ntitle: T\n---\n", func(t *testing.T, p *Page) {
			if p.LinkTitle != "T" {
				t.Errorf("LinkTitle = %q, want %q", p.LinkTitle, "T")
			}
		}},
		{"ParamsHoldEveryKeyLowercased", "---\nTitle: T\nTags: [a, b]\nExtra:\n  NestedKey: 1\n---\n", func(t *testing.T, p *Page) {
			want := map[string]any{"title": "T", "tags": []any{"a", "b"}, "extra": map[string]any{"nestedkey": int64(1)}}
			if !reflect.DeepEqual(p.Params, want) {
				t.Errorf("Params = %#v, want %#v", p.Params, want)
			}
		}},
		{"QuotedWeight", "---\nweight: \"10\"\n---\n", func(t *testing.T, p *Page) {
			if p.Weight != 10 {
				t.Errorf("Weight = %d, want 10", p.Weight)
			}
		}},
		{"NullWeightIsUnset", "---\ntitle: x\nweight:\n---\n", func(t *testing.T, p *Page) {
			if p.Weight != 0 {
				t.Errorf("Weight = %d, want 0", p.Weight)
			}
		}},
		{"NegativeWeight", "---\nweight: -5\n---\n", func(t *testing.T, p *Page) {
			if p.Weight != -5 {
				t.Errorf("Weight = %d, want -5", p.Weight)
			}
		}},
		{"DraftAsString", "---\ndraft: \"true\"\n---\n", func(t *testing.T, p *Page) {
			if !p.Draft {
				t.Errorf("Draft = false, want true")
			}
		}},
		{"DateWithoutZone", "---\ndate: 2024-05-01T10:30:00\n---\n", func(t *testing.T, p *Page) {
			if want := time.Date(2024, 5, 1, 10, 30, 0, 0, time.UTC); !p.Date.Equal(want) {
				t.Errorf("Date = %v, want %v", p.Date, want)
			}
		}},
		{"DateWithOffset", "---\ndate: \"2024-05-01T10:30:00+02:00\"\n---\n", func(t *testing.T, p *Page) {
			if want := time.Date(2024, 5, 1, 8, 30, 0, 0, time.UTC); !p.Date.Equal(want) {
				t.Errorf("Date = %v, want %v", p.Date, want)
			}
		}},
		{"AliasesSingleString", "---\naliases: /old/\n---\n", func(t *testing.T, p *Page) {
			if !reflect.DeepEqual(p.Aliases, []string{"/old/"}) {
				t.Errorf("Aliases = %q, want [/old/]", p.Aliases)
			}
		}},
		{"TOCFalse", "---\ntoc: false\n---\n", func(t *testing.T, p *Page) {
			if !p.TOC.Disabled {
				t.Errorf("TOC = %+v, want disabled", p.TOC)
			}
		}},
		{"TOCBlockMap", "---\ntoc:\n  endLevel: 4\n---\n", func(t *testing.T, p *Page) {
			if p.TOC != (TOCSetting{EndLevel: 4}) {
				t.Errorf("TOC = %+v, want EndLevel 4", p.TOC)
			}
		}},
		{"TOML", "+++\ntitle = \"T\"\nweight = 7\ndraft = true\ndate = 2024-05-01\naliases = \"/a/\"\n[toc]\nstartLevel = 3\n+++\nbody\n", func(t *testing.T, p *Page) {
			if p.Title != "T" || p.Weight != 7 || !p.Draft || !p.Date.Equal(may1) ||
				!reflect.DeepEqual(p.Aliases, []string{"/a/"}) || p.TOC.StartLevel != 3 || string(p.Body) != "body\n" || p.BodyLine != 10 {
				t.Errorf("ParsePage(TOML) = %+v", p)
			}
		}},
		{"TOMLDateTime", "+++\ndate = 2024-05-01T10:00:00Z\nlastmod = 2024-05-01T10:00:00\n+++\n", func(t *testing.T, p *Page) {
			if p.Date.Hour() != 10 || p.Lastmod.Hour() != 10 {
				t.Errorf("Date = %v, Lastmod = %v, want 10:00", p.Date, p.Lastmod)
			}
		}},
		{"JSON", "{\n  \"title\": \"T\",\n  \"weight\": 4,\n  \"draft\": false,\n  \"date\": \"2024-05-01\"\n}\nbody", func(t *testing.T, p *Page) {
			if p.Title != "T" || p.Weight != 4 || p.Draft || !p.Date.Equal(may1) || string(p.Body) != "body" || p.BodyLine != 7 {
				t.Errorf("ParsePage(JSON) = %+v", p)
			}
		}},
		{"NoFrontMatter", "# Hello\n", func(t *testing.T, p *Page) {
			if p.Title != "" || string(p.Body) != "# Hello\n" || p.BodyLine != 1 || len(p.Params) != 0 {
				t.Errorf("ParsePage(no front matter) = %+v", p)
			}
		}},
		{"FAQShapeThematicBreakAfterFrontMatter", "---\ntitle: Security FAQ's\nweight: 2300\n---\n---\n#### How do I report a bug?\nMail us.\n", func(t *testing.T, p *Page) {
			if p.Title != "Security FAQ's" || p.Weight != 2300 {
				t.Errorf("title %q weight %d, want Security FAQ's 2300", p.Title, p.Weight)
			}
			if want := "---\n#### How do I report a bug?\nMail us.\n"; string(p.Body) != want || p.BodyLine != 5 {
				t.Errorf("Body = %q at line %d, want %q at line 5", p.Body, p.BodyLine, want)
			}
		}},
		{"BOMAndCRLF", "\xEF\xBB\xBF---\r\ntitle: T\r\nweight: 2\r\n---\r\nline one\r\nline two\r\n", func(t *testing.T, p *Page) {
			if p.Title != "T" || p.Weight != 2 || string(p.Body) != "line one\nline two\n" || p.BodyLine != 5 {
				t.Errorf("ParsePage(BOM+CRLF) = title %q weight %d body %q line %d", p.Title, p.Weight, p.Body, p.BodyLine)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, warns, err := ParsePage("content/a.md", []byte(tt.src))
			if err != nil || len(warns) != 0 {
				t.Fatalf("ParsePage(%q) = warnings %q, error %v; want none", tt.src, diagLines(warns), err)
			}
			tt.check(t, p)
		})
	}
}

func TestParsePageTypos(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		want      []string
	}{
		{"TransposedWeight", "---\ntitle: x\nwieght: 3\n---\n",
			[]string{`content/faq/a.md:3:1: unknown front matter key "wieght" (hint: did you mean "weight"?)`}},
		{"TransposedTitle", "---\ntitel: x\n---\n",
			[]string{`content/faq/a.md:2:1: unknown front matter key "titel" (hint: did you mean "title"?)`}},
		{"PluralDraft", "---\ntitle: x\ndrafts: true\n---\n",
			[]string{`content/faq/a.md:3:1: unknown front matter key "drafts" (hint: did you mean "draft"?)`}},
		{"MissingLetter", "---\ntitle: x\ndescripton: y\n---\n",
			[]string{`content/faq/a.md:3:1: unknown front matter key "descripton" (hint: did you mean "description"?)`}},
		{"CamelCaseKey", "---\ntitle: x\nLinkTitel: y\n---\n",
			[]string{`content/faq/a.md:3:1: unknown front matter key "LinkTitel" (hint: did you mean "linkTitle"?)`}},
		{"TOMLPosition", "+++\ntitle = 'x'\n  wieght = 3\n+++\n",
			[]string{`content/faq/a.md:3:3: unknown front matter key "wieght" (hint: did you mean "weight"?)`}},
		{"JSONPosition", "{\"title\": \"x\",\n \"wieght\": 3}\n",
			[]string{`content/faq/a.md:2:2: unknown front matter key "wieght" (hint: did you mean "weight"?)`}},
		{"HugoKeysNeverWarn", "---\ntitle: x\ntags: [a]\ncategories: [b]\nkeywords: [c]\nsummary: s\nlayout: l\nmenu: m\nauthor: a\nimages: []\nseries: []\nheadless: true\nbuild: {}\nsitemap: {}\n---\n", nil},
		{"FarKeysDoNotWarn", "---\ntitle: x\nicon: star\nsidebar: true\nhero: y\n---\n", nil},
		{"ShortKeysAllowOneEdit", "---\ntitle: x\nurls: /a/\ntoe: 1\n---\n",
			[]string{`content/faq/a.md:3:1: unknown front matter key "urls" (hint: did you mean "url"?)`,
				`content/faq/a.md:4:1: unknown front matter key "toe" (hint: did you mean "toc"?)`}},
		{"ShortKeysNotTwoEdits", "---\ntitle: x\nxyz: 1\nsl: 1\n---\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, warns, err := ParsePage("content/faq/a.md", []byte(tt.src))
			if err != nil || p == nil {
				t.Fatalf("ParsePage(%q) error %v", tt.src, err)
			}
			if got := diagLines(warns); !reflect.DeepEqual(got, tt.want) && (len(got) != 0 || len(tt.want) != 0) {
				t.Errorf("ParsePage(%q) warnings =\n%q\nwant\n%q", tt.src, got, tt.want)
			}
		})
	}
}

func TestSuggestKey(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"wieght": "weight", "wight": "weight", "weigth": "weight", "titel": "title", "tilte": "title",
		"drafts": "draft", "darft": "draft", "descripton": "description", "lastmode": "lastmod",
		"aliasses": "aliases", "sulg": "slug", "tpye": "type", "linktitel": "linkTitle",
		"weight": "", "tags": "", "type": "", "summary": "", "x": "", "weights2x": "",
	}
	for key, want := range tests {
		if got := suggestKey(key); got != want {
			t.Errorf("suggestKey(%q) = %q, want %q", key, got, want)
		}
	}
}

func TestParsePageAliasBomb(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 12; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [", i, i)
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	b.WriteString("---\n")
	_, _, err := ParsePage("a.md", []byte(b.String()))
	if want := "a.md:2:1: YAML front matter expands to more than 100000 values"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("ParsePage(alias bomb) error = %v, want %q", err, want)
	}
	p, _, err := ParsePage("a.md", []byte("---\nbase: &b {x: 1}\nother: *b\ntitle: T\n---\n"))
	if err != nil || p.Title != "T" {
		t.Errorf("ParsePage(small aliases) = %v, %v; want title T", p, err)
	}
}
