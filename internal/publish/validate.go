package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Validate checks that every File.Path is a clean, relative, slash-separated
// path without ".." elements, that no path is given twice (nor two that
// differ only in Unicode normalisation, NFC and NFD), that no file sits
// where another needs a directory, and that none is the Marker. All problems
// are reported, joined; each names the File's Source.
func Validate(files []File) error {
	var errs []error
	seen := make(map[string]int, len(files)) // path → index of its first file
	forms := make(map[string]int)            // NFC form of a non-ASCII path → index of its first file
	for i, f := range files {
		if reason := badPath(f.Path); reason != "" {
			errs = append(errs, fmt.Errorf("%s: invalid output path %q: %s", f.Source, f.Path, reason))
			continue
		}
		if f.Path == Marker {
			errs = append(errs, fmt.Errorf("%s: output path %q is reserved for quire's marker file", f.Source, f.Path))
			continue
		}
		if prev, ok := seen[f.Path]; ok {
			errs = append(errs, fmt.Errorf("output path %q is written by both %s and %s", f.Path, files[prev].Source, f.Source))
			continue
		}
		seen[f.Path] = i
		if hasNonASCII(f.Path) {
			n := norm.NFC.String(f.Path)
			if prev, ok := forms[n]; ok {
				errs = append(errs, fmt.Errorf("output paths %q of %s and %q of %s differ only in Unicode normalisation (NFC/NFD): "+
					"they are one file on macOS and on many web hosts", files[prev].Path, files[prev].Source, f.Path, f.Source))
				continue
			}
			forms[n] = i
		}
	}
	for _, f := range files {
		if _, ok := seen[f.Path]; !ok {
			continue
		}
		for d := pathDir(f.Path); d != ""; d = pathDir(d) {
			if other, ok := seen[d]; ok {
				errs = append(errs, fmt.Errorf("output path %q of %s needs %q to be a directory, but %s writes a file there",
					f.Path, f.Source, d, files[other].Source))
				break
			}
		}
	}
	return errors.Join(errs...)
}

// badPath says why p is not an acceptable output path, or "" if it is.
func badPath(p string) string {
	switch {
	case p == "":
		return "empty"
	case strings.HasPrefix(p, "/"):
		return "absolute"
	case strings.ContainsRune(p, '\\'):
		return "contains a backslash"
	case strings.ContainsRune(p, 0):
		return "contains a NUL byte"
	case p == "." || !fs.ValidPath(p):
		for _, e := range strings.Split(p, "/") {
			if e == ".." {
				return "contains \"..\""
			}
		}
		return "not clean (empty, \".\" or trailing elements)"
	}
	return ""
}
