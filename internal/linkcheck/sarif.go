package linkcheck

import (
	"io"
	"net/url"
	"strings"

	"github.com/quire-docs/quire/internal/diag"
)

// SARIF 2.1.0, only the parts a link report needs.
type (
	sarifLog struct {
		Version string     `json:"version"`
		Schema  string     `json:"$schema"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool    sarifTool     `json:"tool"`
		Results []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID               string       `json:"id"`
		ShortDescription sarifMessage `json:"shortDescription"`
	}
	sarifResult struct {
		RuleID    string          `json:"ruleId"`
		Level     string          `json:"level"`
		Message   sarifMessage    `json:"message"`
		Locations []sarifLocation `json:"locations"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
	}
)

// writeSARIF prints a SARIF 2.1.0 log with one result per problem and
// source location.
func (r *Report) writeSARIF(w io.Writer) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "quire linkcheck",
			InformationURI: "https://github.com/quire-docs/quire",
			Rules: []sarifRule{
				{ID: "internal-link", ShortDescription: sarifMessage{"A link or anchor inside the site is broken."}},
				{ID: "external-link", ShortDescription: sarifMessage{"A link to another site is broken or doubtful."}},
			},
		}},
		Results: []sarifResult{},
	}
	for _, l := range r.Links {
		if l.Outcome != Error && l.Outcome != Warning {
			continue
		}
		level := "error"
		if l.Outcome == Warning {
			level = "warning"
		}
		for _, d := range Diagnostics([]Result{l}, diag.Error) {
			loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: sarifURI(d.File)}}}
			if d.Line > 0 {
				loc.PhysicalLocation.Region = &sarifRegion{StartLine: d.Line, StartColumn: d.Col}
			}
			run.Results = append(run.Results, sarifResult{
				RuleID:    string(l.Kind) + "-link",
				Level:     level,
				Message:   sarifMessage{diag.Escape(withHint(d.Msg, d.Hint))},
				Locations: []sarifLocation{loc},
			})
		}
	}
	return writeJSON(w, sarifLog{
		Version: "2.1.0",
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Runs:    []sarifRun{run},
	})
}

// sarifURI makes a relative URI reference of a slash path: segments
// percent-encoded, ':' included, so "a:b.md" is not read as a scheme.
func sarifURI(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = strings.ReplaceAll(url.PathEscape(s), ":", "%3A")
	}
	return strings.Join(segs, "/")
}
