package diag

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestEscape(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"PlainTextUnchanged", `a "b" \ é 世界 🙂`, `a "b" \ é 世界 🙂`},
		{"Empty", "", ""},
		{"NewlineCannotStartAWorkflowCommand", "/a\n::warning::x/", `/a\n::warning::x/`},
		{"CarriageReturnAndTab", "a\r\tb", `a\r\tb`},
		{"EscapeSequence", "\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"OtherC0AndDEL", "\x00\x07\x7f", `\x00\x07\x7f`},
		{"C1Controls", "a\u009bb\u0085", `a\u009bb\u0085`},
		{"LineAndParagraphSeparators", "a\u2028b\u2029", `a\u2028b\u2029`},
		{"BidiOverridesAndIsolates", "\u202eabc\u202c \u2066x\u2069 \u200f\u061c", `\u202eabc\u202c \u2066x\u2069 \u200f\u061c`},
		{"InvalidUTF8", "a\x9bb\xff", `a\x9bb\xff`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Escape(tt.in); got != tt.want {
				t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDiagnosticErrorIsOneSafeLine(t *testing.T) {
	t.Parallel()
	d := Errorf("content/a\x1b[2J.md", 3, 1, "no page /a\n::error::x/").WithHint("see \u202egpj.exe")
	got := d.Error()
	want := `content/a\x1b[2J.md:3:1: no page /a\n::error::x/ (hint: see \u202egpj.exe)`
	if got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestEscapeJSONKeepsValues(t *testing.T) {
	t.Parallel()
	in := map[string]string{"url": "/a\n\x1b\x7f\u009b\u202e\u2028é/"}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	out := EscapeJSON(data)
	if i := firstUnsafe(string(out)); i >= 0 {
		t.Errorf("EscapeJSON(%s) = %s: unsafe character at %d", data, out, i)
	}
	var back map[string]string
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatalf("EscapeJSON output is not JSON: %v\n%s", err, out)
	}
	if back["url"] != in["url"] {
		t.Errorf("decoded %q, want %q", back["url"], in["url"])
	}
	if !strings.Contains(string(out), `\u202e`) {
		t.Errorf("EscapeJSON(%s) = %s, want \\u202e", data, out)
	}
}
