package assets

// Files are the files of a site that [params] and front matter may name:
// the assets, by name, and the static files' output paths.
type Files struct {
	assets  map[string]Asset
	statics map[string]bool
}

// NewFiles returns the files of a site whose asset table is table (as
// Process returns it, with whatever a build adds) and whose static files
// are published at the slash paths statics.
func NewFiles(table map[string]Asset, statics []string) Files {
	f := Files{assets: table, statics: make(map[string]bool, len(statics))}
	for _, p := range statics {
		f.statics[p] = true
	}
	return f
}

// Has reports whether the site has a file at slash path p.
func (f Files) Has(p string) bool {
	_, ok := f.assets[p]
	return ok || f.statics[p]
}
