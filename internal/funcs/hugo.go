package funcs

import "html/template"

// Hugo is what Hugo's hugo function returns, for templates that ask about
// the build: {{ if hugo.IsProduction }}. quire has no Hugo version, so
// Version is left out: a template that reads it is told so when it is
// parsed.
type Hugo struct{ env string }

// Environment is Options.Environment, "production" by default.
func (h Hugo) Environment() string { return h.env }

func (h Hugo) IsProduction() bool  { return h.env == "production" }
func (h Hugo) IsDevelopment() bool { return h.env == "development" }

// IsServer reports whether the site is being served by quire serve.
func (h Hugo) IsServer() bool { return h.env == "development" }

// Generator is the generator meta tag, naming quire.
func (Hugo) Generator() template.HTML {
	return `<meta name="generator" content="quire">`
}
