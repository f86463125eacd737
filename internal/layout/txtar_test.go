package layout

import (
	"bytes"
	"os"
	"strings"
)

// The golden files are txtar archives. github.com/rogpeppe/go-internal/txtar
// (v1.16) wraps golang.org/x/tools/txtar, which go.sum does not cover yet,
// so the tests carry this minimal reader and writer of the same format.

type txtarFile struct {
	Name string
	Data []byte
}

type txtarArchive struct {
	Comment []byte
	Files   []txtarFile
}

// parseTxtar splits data at lines of the form "-- name --".
func parseTxtar(data []byte) *txtarArchive {
	a := &txtarArchive{}
	cur := &a.Comment
	for len(data) > 0 {
		line, rest, _ := bytes.Cut(data, []byte("\n"))
		data = rest
		s := string(line)
		if strings.HasPrefix(s, "-- ") && strings.HasSuffix(s, " --") && len(s) >= 6 {
			a.Files = append(a.Files, txtarFile{Name: strings.TrimSpace(s[3 : len(s)-3])})
			cur = &a.Files[len(a.Files)-1].Data
			continue
		}
		*cur = append(append(*cur, line...), '\n')
	}
	return a
}

func readTxtar(file string) (*txtarArchive, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return parseTxtar(data), nil
}

// format is the inverse of parseTxtar; sections end with a newline.
func (a *txtarArchive) format() []byte {
	var b bytes.Buffer
	b.Write(fixNL(a.Comment))
	for _, f := range a.Files {
		b.WriteString("-- " + f.Name + " --\n")
		b.Write(fixNL(f.Data))
	}
	return b.Bytes()
}

func fixNL(data []byte) []byte {
	if len(data) == 0 || data[len(data)-1] == '\n' {
		return data
	}
	return append(data, '\n')
}
