package config

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/quire-docs/quire/internal/audit"
)

// TestKeyPosAudited: scanKeys is a TOML key scanner of quire's own beside
// BurntSushi/toml's parser; it was checked against this version.
func TestKeyPosAudited(t *testing.T) {
	t.Parallel()
	audit.Module(t, "github.com/BurntSushi/toml", "v1.6.0", "internal/config/keypos.go")
}

// TestScanKeysMatchesToml runs scanKeys over every valid document of the
// TOML test suite that BurntSushi/toml keeps in its module, and wants a
// position for every key the parser reports, on a line that holds the
// key's last part.
func TestScanKeysMatchesToml(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/BurntSushi/toml").Output()
	if err != nil {
		t.Skipf("cannot find BurntSushi/toml's module directory: %v", err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "internal", "toml-test", "tests", "valid")
	checked := 0
	err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".toml") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		md, err := toml.Decode(string(src), new(map[string]any))
		if err != nil {
			return nil // the suite's newer TOML that this version refuses
		}
		kp := scanKeys(string(src))
		lines := strings.Split(string(src), "\n")
		for _, k := range md.Keys() {
			checked++
			p, ok := kp[joinPath(k)]
			if !ok {
				t.Errorf("%s: no position for key %q", path, k.String())
				continue
			}
			last := k[len(k)-1]
			if strings.ContainsAny(last, "\\\"") || strings.IndexFunc(last, func(r rune) bool { return r < ' ' || r > '~' }) >= 0 {
				continue // written escaped: the line holds it otherwise
			}
			if p.line < 1 || p.line > len(lines) {
				t.Errorf("%s: key %q at %v, past the end", path, k.String(), p)
			} else if line := lines[p.line-1]; !strings.Contains(line, last) && !strings.Contains(line, `\`) {
				t.Errorf("%s: key %q at %v, a line without %q", path, k.String(), p, last)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 500 {
		t.Errorf("only %d keys checked", checked)
	}
}
