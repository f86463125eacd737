// Package faq builds schema.org FAQPage structured data from a page's
// questions and answers.
package faq

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/quire-docs/quire/internal/outline"
)

// QA is one question and its answer as plain text.
type QA struct {
	Question string
	Answer   string
}

// Questions returns the questions of a page: every heading is one, and its
// answer is the text up to the next heading of the same or a higher level
// (so a deeper heading's title and text are part of the answer). A heading
// with no answer text is left out, as FAQPage requires an answer.
func Questions(sections []outline.Section) []QA {
	var out []QA
	for i, s := range sections {
		if s.Level == 0 || s.Title == "" {
			continue
		}
		parts := []string{s.Text}
		for _, d := range sections[i+1:] {
			if d.Level <= s.Level {
				break
			}
			parts = append(parts, d.Title, d.Text)
		}
		answer := strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
		if answer == "" {
			continue
		}
		out = append(out, QA{Question: s.Title, Answer: answer})
	}
	return out
}

// JSONLD returns the FAQPage JSON-LD for qs, or nil when there are none.
// The JSON escapes <, > and & so it can go inside a <script> element as it
// is.
func JSONLD(qs []QA) []byte {
	if len(qs) == 0 {
		return nil
	}
	type answer struct {
		Type string `json:"@type"`
		Text string `json:"text"`
	}
	type question struct {
		Type   string `json:"@type"`
		Name   string `json:"name"`
		Answer answer `json:"acceptedAnswer"`
	}
	type page struct {
		Context string     `json:"@context"`
		Type    string     `json:"@type"`
		Main    []question `json:"mainEntity"`
	}
	p := page{Context: "https://schema.org", Type: "FAQPage"}
	for _, q := range qs {
		p.Main = append(p.Main, question{Type: "Question", Name: q.Question, Answer: answer{Type: "Answer", Text: q.Answer}})
	}
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(p); err != nil { // escapes HTML by default
		return nil // cannot happen for strings
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}
