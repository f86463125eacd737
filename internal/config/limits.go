package config

import "fmt"

// Limits is the [limits] table: bounds on what one input file may make
// quire do, so a hostile or broken page fails fast instead of exhausting
// memory.
type Limits struct {
	FrontMatterBytes int // frontMatterBytes: longest front matter of a page, default 256 KiB
}

// Defaults and bounds of [limits] frontMatterBytes. Decoding YAML takes
// about 300 times the front matter's size in memory, so the highest
// setting allows for a few gigabytes.
const (
	defaultFrontMatterBytes = 256 << 10
	minFrontMatterBytes     = 1 << 10
	maxFrontMatterBytes     = 16 << 20
)

func defaultLimits() Limits {
	return Limits{FrontMatterBytes: defaultFrontMatterBytes}
}

var limitsFields = []field{
	{name: "frontMatterBytes", kind: kindInt},
}

func (d *decoder) applyLimits(c *Limits) {
	const name = "limits.frontMatterBytes"
	l, ok := d.leaves[name]
	if !ok {
		return
	}
	n := l.value.(int64)
	if n < minFrontMatterBytes || n > maxFrontMatterBytes {
		d.addAt(l, &problem{fmt.Sprintf("%s: %d is out of range", name, n),
			fmt.Sprintf("use %d to %d (16 MiB); the default is %d (256 KiB)", minFrontMatterBytes, maxFrontMatterBytes, defaultFrontMatterBytes)})
		return
	}
	c.FrontMatterBytes = int(n)
}
