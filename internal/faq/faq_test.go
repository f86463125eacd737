package faq

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/outline"
)

func TestQuestions(t *testing.T) {
	t.Parallel()
	secs := []outline.Section{
		{Text: "intro"},
		{Level: 2, ID: "general", Title: "General", Text: ""},
		{Level: 4, ID: "why", Title: "Why?", Text: "Because."},
		{Level: 5, ID: "detail", Title: "Detail", Text: "More."},
		{Level: 4, ID: "empty", Title: "Empty?", Text: ""},
		{Level: 2, ID: "other", Title: "Other", Text: "Text."},
	}
	got := Questions(secs)
	want := []QA{
		{"General", "Why? Because. Detail More. Empty?"},
		{"Why?", "Because. Detail More."},
		{"Detail", "More."},
		{"Other", "Text."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Questions =\n%q\nwant\n%q", got, want)
	}
}

func TestJSONLD(t *testing.T) {
	t.Parallel()
	if got := JSONLD(nil); got != nil {
		t.Errorf("JSONLD(nil) = %s, want nil", got)
	}
	out := JSONLD([]QA{{"Is <b> safe?", `Yes & no </script>`}})
	if strings.Contains(string(out), "</script") || strings.Contains(string(out), "<b>") {
		t.Errorf("JSONLD does not escape markup: %s", out)
	}
	var v struct {
		Context string `json:"@context"`
		Type    string `json:"@type"`
		Main    []struct {
			Type   string `json:"@type"`
			Name   string `json:"name"`
			Answer struct {
				Type string `json:"@type"`
				Text string `json:"text"`
			} `json:"acceptedAnswer"`
		} `json:"mainEntity"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("JSONLD is not valid JSON: %v\n%s", err, out)
	}
	if v.Context != "https://schema.org" || v.Type != "FAQPage" || len(v.Main) != 1 ||
		v.Main[0].Type != "Question" || v.Main[0].Name != "Is <b> safe?" ||
		v.Main[0].Answer.Type != "Answer" || v.Main[0].Answer.Text != "Yes & no </script>" {
		t.Errorf("JSONLD decoded to %+v", v)
	}
}
