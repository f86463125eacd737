package gitinfo

import "testing"

// FuzzParseLog: parseLog never panics, and every path it keeps has a
// commit.
func FuzzParseLog(f *testing.F) {
	f.Add([]byte("\x1eabc\x1fab\x1fAnn\x1fann@x\x1f2024-01-02T10:00:00+00:00\x1f2024-01-02T10:00:00+00:00\x1fSubject\x00\ndocs/content/a.md\x00"), "docs/")
	f.Add([]byte("\x1e\x1f\x1f\x00\n\x00"), "")
	f.Fuzz(func(t *testing.T, out []byte, prefix string) {
		files, err := parseLog(out, prefix)
		if err != nil {
			return
		}
		for name, c := range files {
			if c == nil {
				t.Errorf("parseLog: %q has no commit", name)
			}
		}
	})
}

func TestParseLog(t *testing.T) {
	t.Parallel()
	out := "\x1eh2\x1fh\x1fAnn\x1fann@x\x1f2024-03-04T10:00:00+01:00\x1f2024-03-05T10:00:00Z\x1fSecond\x00\ndocs/content/a.md\x00" +
		"\x1eh1\x1fh\x1fBob\x1fbob@x\x1f2024-01-02T10:00:00Z\x1f2024-01-02T10:00:00Z\x1fFirst\x00\ndocs/content/a.md\x00docs/content/b c.md\x00README\x00"
	files, err := parseLog([]byte(out), "docs/")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 {
		t.Errorf("parseLog kept %d files, want 2 (those under docs/)", len(files))
	}
	if c := files["content/a.md"]; c == nil || c.Subject != "Second" || c.AuthorDate.Format("2006-01-02 -07:00") != "2024-03-04 +01:00" {
		t.Errorf("content/a.md: %+v, want the newer commit, with its zone", c)
	}
	if c := files["content/b c.md"]; c == nil || c.Subject != "First" {
		t.Errorf("content/b c.md: %+v, want the first commit", c)
	}
	if _, err := parseLog([]byte("\x1eonly\x1ftwo\x00"), ""); err == nil {
		t.Error("parseLog of a short record: no error")
	}
}
