package content

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/quire-docs/quire/internal/diag"
)

func TestFrontMatterDepth(t *testing.T) {
	t.Parallel()
	deepIndent := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat(" ", i) + "k:\n")
		}
		return b.String()
	}
	tests := []struct {
		name, src string
		want      string // error prefix; "" for none
	}{
		{"YAMLFlowRefused", "---\ntitle: T\nx: " + strings.Repeat("[", 200_000) + "\n---\n",
			"a.md:3:103: YAML front matter nested more than 100 deep"},
		{"YAMLFlowMapsRefused", "---\nx: " + strings.Repeat("{a: ", 101) + "\n---\n",
			"a.md:2:400: YAML front matter nested more than 100 deep"},
		{"YAMLSequenceEntriesRefused", "---\nx:\n" + strings.Repeat("- ", 200) + "y\n---\n",
			"a.md:3:199: YAML front matter nested more than 100 deep"},
		{"YAMLIndentRefused", "---\n" + deepIndent(101) + "---\n",
			"a.md:102:101: YAML front matter nested more than 100 deep"},
		{"TOMLArrayRefused", "+++\nx = " + strings.Repeat("[", 200_000) + "\n+++\n",
			"a.md:2:105: TOML front matter nested more than 100 deep"},
		{"TOMLInlineTableRefused", "+++\nx = " + strings.Repeat("{a=", 101) + "\n+++\n",
			"a.md:2:305: TOML front matter nested more than 100 deep"},
		{"JSONRefused", "{\"x\": " + strings.Repeat("[", 200) + strings.Repeat("]", 200) + "}\n",
			"a.md:1:106: JSON front matter nested more than 100 deep"},
		{"YAMLAfterScalarRefused", "---\na: b: " + strings.Repeat("[", 200) + "\n---\n",
			"a.md:2:106: YAML front matter nested more than 100 deep"},
		{"YAMLAtLimitAccepted", "---\nx: " + strings.Repeat("[", 99) + strings.Repeat("]", 99) + "\n---\n", ""},
		{"BracketsInStringsAccepted", "---\na: \"" + strings.Repeat("[", 200) + "\"\nb: '" + strings.Repeat("{", 200) + "'\nc: it's [" + strings.Repeat("[", 200) + "\n---\n", ""},
		{"BracketsInCommentsAccepted", "---\na: 1 # " + strings.Repeat("[", 200) + "\n# " + strings.Repeat("{", 200) + "\n---\n", ""},
		{"BracketsInBlockScalarAccepted", "---\na: |\n  " + strings.Repeat("[", 200) + "\n  " + strings.Repeat("- ", 200) + "\nb: 1\n---\n", ""},
		{"TOMLStringsAccepted", "+++\na = \"" + strings.Repeat("[", 200) + "\"\nb = '" + strings.Repeat("{", 200) + "'\n+++\n", ""},
		{"RealFrontMatterAccepted", "---\ntitle: T\ntoc: {startLevel: 2, endLevel: 3}\nparams:\n  list:\n    - a: [1, 2]\n      b: {c: [d]}\n---\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, _, err := ParsePage("a.md", []byte(tt.src))
			if tt.want == "" {
				if err != nil {
					t.Errorf("ParsePage error = %.300v, want none", err)
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("ParsePage error = %.300v, want %q", err, tt.want)
			}
		})
	}
}

// TestFrontMatterSize: front matter longer than Options.MaxFrontMatter is
// an error at the place where it passes the bound, in every format.
func TestFrontMatterSize(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("9", 3000)
	fsys := fstest.MapFS{
		"content/ok.md":   {Data: []byte("---\ntitle: OK\n---\n" + long + "\n")},
		"content/yaml.md": {Data: []byte("---\ntitle: Y\nweight: " + long + "\n---\n")},
		"content/toml.md": {Data: []byte("+++\nweight = " + long + "\n+++\n")},
		"content/json.md": {Data: []byte("{\"weight\": " + long + "}\n")},
		"content/open.md": {Data: []byte("---\nweight: " + long + "\n")},
	}
	_, _, err := Load(fsys, Options{Dir: "content", MaxFrontMatter: 1024})
	got := errLines(err)
	want := []string{
		"content/json.md:1:1025: JSON front matter is longer than 1024 bytes (hint: move long data out of front matter, or raise frontMatterBytes under [limits] in config.toml)",
		"content/open.md:2:1025: YAML front matter is longer than 1024 bytes (hint: move long data out of front matter, or raise frontMatterBytes under [limits] in config.toml)",
		"content/toml.md:2:1025: TOML front matter is longer than 1024 bytes (hint: move long data out of front matter, or raise frontMatterBytes under [limits] in config.toml)",
		"content/yaml.md:3:1016: YAML front matter is longer than 1024 bytes (hint: move long data out of front matter, or raise frontMatterBytes under [limits] in config.toml)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Load errors =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestReadPageStopsEarly: a page that claims a gigabyte of front matter
// is read only as far as the bound shows it is too long; nothing of the
// rest is read, so nothing of it is decoded.
func TestReadPageStopsEarly(t *testing.T) {
	t.Parallel()
	const max = 4096
	f := &endlessFile{head: []byte("---\nweight: "), fill: '9', size: 1 << 30}
	_, err := readPage(oneFileFS{f}, "content/a.md", "a.md", max)
	if err == nil || !strings.HasPrefix(err.Error(), "content/a.md:2:4097: YAML front matter is longer than 4096 bytes") {
		t.Errorf("readPage error = %.300v, want one at content/a.md:2:4097", err)
	}
	if f.read > 2*max+64 {
		t.Errorf("readPage read %d bytes of a 1 GiB page, want at most %d", f.read, 2*max+64)
	}
}

// TestLongValuesShortenedInMessages: a value of megabytes is quoted in a
// message by its first characters only.
func TestLongValuesShortenedInMessages(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("9", 1<<20)
	for _, src := range []string{
		"---\nweight: " + long + "\n---\n",
		"---\nweight: \"" + long + "\"\n---\n",
		"+++\nweight = " + long + "\n+++\n",
		"{\"weight\": " + long + "}\n",
		"---\ndraft: x" + long + "\n---\n",
		"---\nslug: a/" + long + "\n---\n",
		"---\n" + long + ": [\n---\n",
	} {
		_, _, err := Load(fstest.MapFS{"content/a.md": {Data: []byte(src)}}, Options{Dir: "content", MaxFrontMatter: -1})
		if err == nil {
			t.Errorf("Load(%.40q…) error = nil, want one", src)
			continue
		}
		if msg := err.Error(); len(msg) > 400 || !strings.HasPrefix(msg, "content/a.md:") {
			t.Errorf("Load(%.40q…) error = %.400q (%d bytes), want a short positioned one", src, msg, len(msg))
		}
	}
}

// endlessFile is a file of size bytes, head and then fill, made as it is
// read; read counts the bytes read.
type endlessFile struct {
	head []byte
	fill byte
	size int64
	read int64
}

func (f *endlessFile) Read(p []byte) (int, error) {
	if f.read >= f.size {
		return 0, io.EOF
	}
	n := int(min(int64(len(p)), f.size-f.read))
	for i := range n {
		if off := f.read + int64(i); off < int64(len(f.head)) {
			p[i] = f.head[off]
		} else {
			p[i] = f.fill
		}
	}
	f.read += int64(n)
	return n, nil
}

func (f *endlessFile) Stat() (fs.FileInfo, error) { return endlessInfo{f.size}, nil }

type endlessInfo struct{ size int64 }

func (i endlessInfo) Name() string       { return "a.md" }
func (i endlessInfo) Size() int64        { return i.size }
func (i endlessInfo) Mode() fs.FileMode  { return 0o644 }
func (i endlessInfo) ModTime() time.Time { return time.Time{} }
func (i endlessInfo) IsDir() bool        { return false }
func (i endlessInfo) Sys() any           { return nil }

func (f *endlessFile) Close() error { return nil }

// oneFileFS opens its one file under any name.
type oneFileFS struct{ f *endlessFile }

func (o oneFileFS) Open(string) (fs.File, error) { return o.f, nil }

// FuzzCheckDepth checks that the depth scan never panics, and that what
// it refuses is refused at a place inside the front matter.
func FuzzCheckDepth(f *testing.F) {
	f.Add([]byte("x: [[{a: [1]}]]\n"), uint8(FormatYAML), 3)
	f.Add([]byte("- - - x\n"), uint8(FormatYAML), 2)
	f.Add([]byte("a: |\n  [[[\nb: \"[[\\\"[\"\n"), uint8(FormatYAML), 1)
	f.Add([]byte("x = [[1], {a = [2]}]\n"), uint8(FormatTOML), 2)
	f.Add([]byte(`{"a": [[["]"]]]}`), uint8(FormatJSON), 3)
	f.Fuzz(func(t *testing.T, raw []byte, format uint8, limit int) {
		limit = 1 + int(uint(limit)%20)
		fm := FrontMatter{Format: Format(1 + format%3), Raw: raw, RawLine: 2}
		err := checkDepth("a.md", fm, limit)
		if err == nil {
			return
		}
		var d *diag.Diagnostic
		if !errors.As(err, &d) || d.Line < 2 || d.Line > 2+bytes.Count(raw, []byte("\n")) || d.Col < 1 {
			t.Fatalf("checkDepth(%q, %d) = %v, want a diagnostic inside the front matter", raw, limit, err)
		}
	})
}
