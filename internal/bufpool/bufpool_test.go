package bufpool

import "testing"

func TestGetIsEmpty(t *testing.T) {
	t.Parallel()
	b := Get()
	b.WriteString("page")
	Put(b)
	if c := Get(); c.Len() != 0 {
		t.Errorf("Get gave a buffer holding %q", c.String())
	}
	big := Get()
	big.Grow(2 * maxPooled)
	Put(big) // not kept: too large
	if c := Get(); c.Cap() > maxPooled {
		t.Errorf("Get gave back a buffer of %d bytes, more than Put keeps", c.Cap())
	}
}
