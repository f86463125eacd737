package arch

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/quire-docs/quire/internal/"

// TestLayers: every package under internal/ is named in the layers block
// of ARCHITECTURE.md, and imports only packages on lower layers.
func TestLayers(t *testing.T) {
	t.Parallel()
	layer := readLayers(t, filepath.Join("..", "..", "ARCHITECTURE.md"))
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "../...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, ok := strings.CutPrefix(fields[0], module)
		if !ok {
			continue
		}
		pkg, _, _ = strings.Cut(pkg, "/") // a package's own subpackages share its layer
		l, named := layer[pkg]
		if !named {
			t.Errorf("internal/%s is not named in ARCHITECTURE.md's layers", pkg)
			continue
		}
		for _, imp := range fields[1:] {
			dep, ok := strings.CutPrefix(imp, module)
			if !ok {
				continue
			}
			dep, _, _ = strings.Cut(dep, "/")
			if dep == pkg {
				continue
			}
			if dl, ok := layer[dep]; ok && dl >= l {
				t.Errorf("internal/%s (layer %d) imports internal/%s (layer %d): imports must go down", pkg, l, dep, dl)
			}
		}
	}
}

// readLayers reads the ```layers block of the architecture document:
// lines of a layer number and the packages on it.
func readLayers(t *testing.T, path string) map[string]int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	layer := map[string]int{}
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "```layers":
			in = true
		case in && line == "```":
			in = false
		case in && line != "":
			fields := strings.Fields(line)
			n, err := strconv.Atoi(fields[0])
			if err != nil {
				t.Fatalf("%s: layer line %q does not start with a number", path, line)
			}
			for _, p := range fields[1:] {
				layer[p] = n
			}
		}
	}
	if len(layer) == 0 {
		t.Fatalf("%s has no ```layers block", path)
	}
	return layer
}
