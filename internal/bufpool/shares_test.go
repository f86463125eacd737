package bufpool

import (
	"bytes"
	"testing"
)

func TestShares(t *testing.T) {
	t.Parallel()
	buf := bytes.NewBuffer(make([]byte, 0, 16))
	buf.WriteString("<p>page</p>")
	other := bytes.NewBufferString("<p>page</p>")
	for _, c := range []struct {
		name string
		data []byte
		want bool
	}{
		{"its bytes", buf.Bytes(), true},
		{"a prefix", buf.Bytes()[:3], true},
		{"a later part", buf.Bytes()[4:6], true},
		{"past its length", buf.Bytes()[len(buf.Bytes()):], true},
		{"another buffer's", other.Bytes(), false},
		{"a copy", append([]byte(nil), buf.Bytes()...), false},
		{"nil", nil, false},
	} {
		if got := Shares(c.data, buf); got != c.want {
			t.Errorf("%s: Shares = %v, want %v", c.name, got, c.want)
		}
	}
	if Shares([]byte("x"), new(bytes.Buffer)) {
		t.Error("Shares of an empty buffer = true")
	}
}
