// Package publish writes a built site into its output directory atomically.
package publish

// File is one output file.
type File struct {
	Path   string // slash path relative to the output root, e.g. "faq/security/index.html"
	Data   []byte
	Source string // what produced it, for messages: "content/faq/security.md", "assets/site.css"
}

// Marker is the file quire leaves in every directory it publishes, so a
// later build knows it may replace that directory.
const Marker = ".quire-build"

// Write puts files into dir: it writes a staging directory beside dir and
// swaps it in only when all files were written. It refuses to replace an
// existing non-empty dir that holds no Marker.
func Write(dir string, files []File) error { panic("unimplemented") }
