package funcs

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// FileError is an error in a file read by LoadData, at a 1-based line and
// column when the decoder gives one (0 when not).
type FileError struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *FileError) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// yamlPos matches the position goccy/go-yaml puts first: "[2:4] message".
var yamlPos = regexp.MustCompile(`^\[(\d+):(\d+)\] (.*)`)

// fileError gives a decoder's error of file (whose text is src) the
// position the decoder knows.
func fileError(file string, src []byte, err error) *FileError {
	fe := &FileError{File: file, Msg: err.Error()}
	var te toml.ParseError
	var je *json.SyntaxError
	switch {
	case errors.As(err, &te):
		fe.Line, fe.Col, fe.Msg = te.Position.Line, te.Position.Col, te.Message
	case errors.As(err, &je):
		off := min(max(int(je.Offset)-1, 0), len(src)) // Offset is just after the bad byte
		fe.Line = 1 + strings.Count(string(src[:off]), "\n")
		fe.Col = off - strings.LastIndex(string(src[:off]), "\n")
	default:
		first, _, _ := strings.Cut(err.Error(), "\n")
		if m := yamlPos.FindStringSubmatch(first); m != nil {
			fe.Line, _ = strconv.Atoi(m[1])
			fe.Col, _ = strconv.Atoi(m[2])
			fe.Msg = m[3]
		}
	}
	return fe
}
