package config

import (
	"fmt"
	"time"
)

// Render bounds the rendering of one page, so that a template or a
// shortcode that never ends or grows without bound fails the build
// instead of hanging it or exhausting memory.
type Render struct {
	Timeout      time.Duration // timeout (Hugo's key): of one page's shortcodes, and of its templates; default 30s; 0 no limit
	MaxPageBytes int64         // maxPageBytes: what one page's shortcodes, and its templates, may write; default 64 MiB; 0 no limit
}

func defaultRender() Render {
	return Render{Timeout: 30 * time.Second, MaxPageBytes: 64 << 20}
}

// applyRender sets the top-level timeout and maxPageBytes.
func (d *decoder) applyRender(r *Render) {
	d.setDuration("timeout", &r.Timeout, true)
	l, ok := d.leaves["maxPageBytes"]
	if !ok {
		return
	}
	if n := l.value.(int64); n < 0 {
		d.addAt(l, &problem{fmt.Sprintf("maxPageBytes: %d is out of range", n), "use a number of bytes, such as 67108864 (64 MiB), or 0 for no limit"})
		return
	}
	r.MaxPageBytes = l.value.(int64)
}
