package site

import (
	"encoding/json"
	"strings"
	"testing"
)

// alertsSite has a page and an FAQ answer that start with GitHub alerts.
const alertsSite = `
-- config.toml --
baseURL = "https://example.com/"
title = "Alerts"
-- content/guide.md --
---
title: Guide
---
> [!WARNING] Deprecated
> Use the *new* API.

The guide's own text.

## Install

> [!tip]
> Pin the version.
-- content/faq/_index.md --
---
title: FAQ
type: faq
---
-- content/faq/general.md --
---
title: General
---
#### Is it fast?

> [!NOTE]
> Yes, it is.
`

// TestAlertsNeverLeakMarker: a page whose first paragraph is an alert
// gets the alert's body, not its marker or its title, as its meta
// description and og:description; neither the search index nor FAQ
// JSON-LD holds a marker.
func TestAlertsNeverLeakMarker(t *testing.T) {
	t.Parallel()
	s := mustBuild(t, alertsSite, Options{})
	guide := file(t, s, "guide/index.html")
	for _, want := range []string{
		`<meta name="description" content="Use the new API.">`,
		`<meta property="og:description" content="Use the new API.">`,
		`class="admonition admonition-warning"`,
		`class="admonition admonition-tip"`,
	} {
		if !strings.Contains(guide, want) && !strings.Contains(guide, strings.ReplaceAll(want, `"`, "")) {
			t.Errorf("guide/index.html lacks %s", want)
		}
	}
	ix := readIndex(t, s)
	for _, u := range []string{"/guide/", "/faq/general/"} {
		frag, ok := ix.pages[u]
		if !ok {
			t.Fatalf("%s is not in the search index", u)
		}
		b, _ := json.Marshal(frag)
		if strings.Contains(string(b), "[!") {
			t.Errorf("search entry of %s holds an alert marker: %s", u, b)
		}
		if !strings.Contains(string(b), "Pin the version.") && !strings.Contains(string(b), "Yes, it is.") {
			t.Errorf("search entry of %s lacks the alert's text: %s", u, b)
		}
	}
	m := jsonLDRE.FindStringSubmatch(file(t, s, "faq/general/index.html"))
	if m == nil {
		t.Fatal("the FAQ page has no JSON-LD")
	}
	var ld struct {
		Main []struct {
			Name   string
			Answer struct{ Text string } `json:"acceptedAnswer"`
		} `json:"mainEntity"`
	}
	if err := json.Unmarshal([]byte(m[1]), &ld); err != nil {
		t.Fatalf("JSON-LD: %v\n%s", err, m[1])
	}
	if len(ld.Main) != 1 || ld.Main[0].Answer.Text != "Note Yes, it is." {
		t.Errorf("JSON-LD = %+v, want the answer \"Note Yes, it is.\"", ld)
	}
}
