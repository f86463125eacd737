package publish

// Deferred is a set of output files made when first asked for.
type Deferred struct {
	// Owns reports whether the file at path, if the site has it, is one
	// of the set.
	Owns func(path string) bool
	// Files makes the set's files, sorted by path. It may be called from
	// any goroutine, and returns the same files every time.
	Files func() []File
}
