package markdown

// alertIconPaths are the strokes of each alert kind's 16×16 icon: an "i"
// in a circle (note), a light bulb (tip), a speech bubble (important), a
// triangle (warning) and an octagon (caution), the last three around an
// exclamation mark, after GitHub's.
var alertIconPaths = map[string]string{
	"note":      `<circle cx="8" cy="8" r="6.25"/><path d="M8 7.25v4M8 4.75v.01"/>`,
	"tip":       `<path d="M6 12.25h4M6.75 14.5h2.5M8 1.5a4.5 4.5 0 0 0-2.6 8.17c.4.3.6.7.6 1.2v.38h4v-.38c0-.5.2-.9.6-1.2A4.5 4.5 0 0 0 8 1.5z"/>`,
	"important": `<path d="M2 2.5h12v8.5H8l-3.25 3v-3H2z"/><path d="M8 4.75v3M8 9.25v.01"/>`,
	"warning":   `<path d="M8 1.75 1 14h14z"/><path d="M8 6.25v3.5M8 11.75v.01"/>`,
	"caution":   `<path d="M5.3 1.5h5.4l3.8 3.8v5.4l-3.8 3.8H5.3l-3.8-3.8V5.3z"/><path d="M8 4.75v3.75M8 11v.01"/>`,
}

// alertIcon returns the inline SVG of the icon of an alert of kind, drawn
// in the text's color ("" for a kind without one).
func alertIcon(kind string) string {
	p, ok := alertIconPaths[kind]
	if !ok {
		return ""
	}
	return `<svg class="admonition-svg" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round">` + p + `</svg>`
}
