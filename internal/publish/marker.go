package publish

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Marker is the file quire leaves in every directory it publishes, so a
// later build knows it may replace that directory.
const Marker = ".quire-build"

// markerText is the first line of the Marker file.
const markerText = "This directory is written by quire build and replaced on every build.\n"

// ownsPrefix starts each further line of the Marker: one top-level entry
// whose name starts with "." that the build wrote itself. Every other such
// entry of the directory is someone else's and carried over.
const ownsPrefix = "owns: "

// markerData is the content of the Marker of an output whose files have
// the top-level dot-entries owned.
func markerData(owned []string) []byte {
	if len(owned) == 0 {
		return []byte(markerText)
	}
	owned = append([]string(nil), owned...)
	sort.Strings(owned)
	var b bytes.Buffer
	b.WriteString(markerText)
	for _, name := range owned {
		b.WriteString(ownsPrefix + name + "\n")
	}
	return b.Bytes()
}

// ownedDotEntries returns the top-level names starting with "." among
// paths (slash paths relative to the output root), each once, sorted.
func ownedDotEntries(paths []string) []string {
	seen := map[string]bool{}
	var names []string
	for _, p := range paths {
		top, _, _ := strings.Cut(p, "/")
		if strings.HasPrefix(top, ".") && !seen[top] {
			seen[top] = true
			names = append(names, top)
		}
	}
	sort.Strings(names)
	return names
}

// hasMarker reports whether dir holds a Marker that is a regular file.
func hasMarker(dir string) bool {
	fi, err := os.Lstat(filepath.Join(dir, Marker))
	return err == nil && fi.Mode().IsRegular()
}

// readOwned returns the entries the Marker of dir says its build wrote;
// none when there is no Marker or it predates the list.
func readOwned(dir string) map[string]bool {
	data, err := os.ReadFile(filepath.Join(dir, Marker))
	if err != nil {
		return nil
	}
	owned := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if name, ok := strings.CutPrefix(sc.Text(), ownsPrefix); ok && strings.HasPrefix(name, ".") {
			owned[name] = true
		}
	}
	return owned
}

// carriedEntries returns the names of the top-level entries of dir that a
// swap moves into the new output: those whose names start with ".", other
// than the Marker and those the Marker says quire wrote.
func carriedEntries(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	owned := readOwned(dir)
	var names []string
	for _, e := range entries {
		if carried(e.Name(), owned) {
			names = append(names, e.Name())
		}
	}
	return names, nil
}

// carried reports whether a top-level entry name of an old output whose
// Marker lists owned is moved into the new one.
func carried(name string, owned map[string]bool) bool {
	return strings.HasPrefix(name, ".") && name != Marker && !owned[name]
}
