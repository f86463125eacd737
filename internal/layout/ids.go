package layout

// ReservedIDs returns the element ids the embedded theme puts on every page
// ("quire-main", "quire-nav", "quire-search", ...), so that the markdown stage can keep heading
// ids from colliding with them. A site's own layouts may add more; they are
// not listed. The result is a new slice each call.
func ReservedIDs() []string {
	return []string{"quire-main", "quire-nav", "quire-search", "quire-search-input", "quire-search-results", "quire-strings"}
}
