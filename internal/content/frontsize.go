package content

import (
	"bytes"
	"io"
	"io/fs"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/pos"
)

// DefaultMaxFrontMatter is the default of Options.MaxFrontMatter: 256 KiB.
// Real front matter is a few hundred bytes; YAML decoding takes about 300
// times the front matter's size in memory.
const DefaultMaxFrontMatter = 256 << 10

// checkSize returns a diagnostic when fm's front matter is longer than max
// bytes (max <= 0: no bound), at the place where it passes max.
func checkSize(file string, fm FrontMatter, max int) error {
	if max <= 0 || len(fm.Raw) <= max {
		return nil
	}
	line, col := pos.NewAt(fm.Raw, fm.RawLine).Position(max)
	return diag.Errorf(file, line, col, "%s front matter is longer than %d bytes", fm.Format, max).
		WithHint("move long data out of front matter, or raise frontMatterBytes under [limits] in config.toml")
}

// readPage reads the file name in fsys. When its front matter is longer
// than max bytes (max > 0) it stops reading as soon as it can tell, and
// returns checkSize's diagnostic: a page with a gigabyte of front matter
// costs a bounded read, not a gigabyte.
func readPage(fsys fs.FS, file, name string, max int) ([]byte, error) {
	if max <= 0 {
		return fs.ReadFile(fsys, name)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Front matter of max bytes, with its delimiter lines, a BOM and CRs
	// (at most one for every two bytes), fits in head.
	headLen := 2*max + 64
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() < int64(headLen) {
		var b bytes.Buffer
		b.Grow(int(fi.Size()) + 512)
		if _, err := b.ReadFrom(f); err != nil {
			return nil, err
		}
		return b.Bytes(), nil
	}
	head := make([]byte, headLen)
	n, err := io.ReadFull(f, head)
	head = head[:n]
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return head, nil // the whole file
	case err != nil:
		return nil, err
	}
	if fm, ok := openFrontMatter(head); ok && len(fm.Raw) > max {
		return nil, checkSize(file, fm, max)
	}
	var b bytes.Buffer
	b.Grow(n + 4096)
	b.Write(head)
	if _, err := b.ReadFrom(f); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// openFrontMatter returns the front matter at the start of head, the
// start of a file: all of it, or when head does not hold its end, what
// head holds of it. ok is false when head starts with no front matter.
func openFrontMatter(head []byte) (FrontMatter, bool) {
	if fm, err := SplitFrontMatter("", head); err == nil {
		return fm, fm.Format != FormatNone
	}
	src := Normalize(head)
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	switch string(trimBlankRight(first)) {
	case "---":
		return FrontMatter{Format: FormatYAML, Raw: rest, RawLine: 2}, true
	case "+++":
		return FrontMatter{Format: FormatTOML, Raw: rest, RawLine: 2}, true
	}
	if len(src) > 0 && src[0] == '{' {
		return FrontMatter{Format: FormatJSON, Raw: src, RawLine: 1}, true
	}
	return FrontMatter{}, false
}
