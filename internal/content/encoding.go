package content

import (
	"bytes"
	"unicode/utf8"

	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/pos"
)

// encodingWarning returns a warning at the first byte of src that is not
// valid UTF-8 or is a NUL byte, or nil when there is none. Such a page
// still builds, but its text is likely not what the writer meant (a file
// saved in another encoding, or binary data). The position is counted as
// in the rest of the file's diagnostics: lines of the file, columns in
// characters, a leading BOM not counted.
func encodingWarning(file string, src []byte) *diag.Diagnostic {
	src = Normalize(src)
	if utf8.Valid(src) && bytes.IndexByte(src, 0) < 0 {
		return nil
	}
	for off := 0; off < len(src); {
		r, size := utf8.DecodeRune(src[off:])
		switch {
		case r == utf8.RuneError && size == 1:
			line, col := pos.New(src).Position(off)
			return diag.Warnf(file, line, col, "invalid UTF-8").
				WithHint("save the file as UTF-8")
		case r == 0:
			line, col := pos.New(src).Position(off)
			return diag.Warnf(file, line, col, "invalid UTF-8: NUL byte").
				WithHint("remove the NUL byte")
		}
		off += size
	}
	return nil
}
