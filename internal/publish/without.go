package publish

// Without returns the files of files whose paths are not in paths ("" in
// paths stands for none), in their order; files itself when paths is nil.
func Without(files []File, paths []string) []File {
	if paths == nil {
		return files
	}
	drop := make(map[string]bool, len(paths))
	for _, p := range paths {
		if p != "" {
			drop[p] = true
		}
	}
	kept := files[:0:0]
	for _, f := range files {
		if !drop[f.Path] {
			kept = append(kept, f)
		}
	}
	return kept
}
