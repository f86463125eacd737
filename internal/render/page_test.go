package render

import "testing"

func TestCharCol(t *testing.T) {
	t.Parallel()
	body := []byte("première ligne\nété <b>x</b>\n")
	// "<b>" starts at byte 6 of line 2 ("été " is 4 characters, 6 bytes).
	if got := charCol(body, 2, 7); got != 5 {
		t.Errorf("charCol = %d, want 5", got)
	}
	if got := charCol(body, 1, 1); got != 1 {
		t.Errorf("charCol(line 1, col 1) = %d, want 1", got)
	}
}
