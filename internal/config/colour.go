package config

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Colour is an opaque sRGB colour, each channel 0–255.
type Colour struct{ R, G, B uint8 }

// ParseColour reads a CSS colour written as #rgb, #rrggbb, rgb(r g b) or
// rgb(r, g, b) (channels 0–255 or percentages), or hsl(h s% l%). An alpha
// channel is refused: a see-through accent's contrast depends on what lies
// under it. Named colours are refused too, with a hint to write the hex.
func ParseColour(s string) (Colour, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case strings.HasPrefix(s, "#"):
		return parseHex(s[1:])
	case strings.HasPrefix(s, "rgb(") && strings.HasSuffix(s, ")"):
		return parseRGB(s[4 : len(s)-1])
	case strings.HasPrefix(s, "hsl(") && strings.HasSuffix(s, ")"):
		return parseHSL(s[4 : len(s)-1])
	}
	return Colour{}, fmt.Errorf("%q is not a colour quire reads: write it as #rrggbb, #rgb, rgb(r g b) or hsl(h s%% l%%)", s)
}

// String is the colour as #rrggbb.
func (c Colour) String() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Contrast is WCAG 2's contrast ratio of c and d, from 1 to 21.
func (c Colour) Contrast(d Colour) float64 {
	a, b := c.luminance(), d.luminance()
	if a < b {
		a, b = b, a
	}
	return (a + 0.05) / (b + 0.05)
}

// luminance is WCAG 2's relative luminance of c.
func (c Colour) luminance() float64 {
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

func parseHex(h string) (Colour, error) {
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 {
		return Colour{}, fmt.Errorf("#%s: want 3 or 6 hex digits (no alpha)", h)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return Colour{}, fmt.Errorf("#%s: not hex digits", h)
	}
	return Colour{uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}

// channels splits the arguments of rgb() or hsl(): three, separated by
// commas or spaces.
func channels(args string) ([]string, error) {
	f := strings.FieldsFunc(args, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	if len(f) != 3 {
		return nil, fmt.Errorf("(%s): want three values and no alpha", args)
	}
	return f, nil
}

// number reads v, a number or a percentage of full.
func number(v string, full float64) (float64, error) {
	pct := strings.HasSuffix(v, "%")
	x, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, fmt.Errorf("%q is not a number", v)
	}
	if pct {
		x = x / 100 * full
	}
	return x, nil
}

func parseRGB(args string) (Colour, error) {
	f, err := channels(args)
	if err != nil {
		return Colour{}, fmt.Errorf("rgb%w", err)
	}
	var ch [3]uint8
	for i, v := range f {
		x, err := number(v, 255)
		if err != nil {
			return Colour{}, fmt.Errorf("rgb(%s): %w", args, err)
		}
		ch[i] = clamp255(x)
	}
	return Colour{ch[0], ch[1], ch[2]}, nil
}

func parseHSL(args string) (Colour, error) {
	f, err := channels(args)
	if err != nil {
		return Colour{}, fmt.Errorf("hsl%w", err)
	}
	h, err := number(strings.TrimSuffix(f[0], "deg"), 360)
	if err != nil {
		return Colour{}, fmt.Errorf("hsl(%s): %w", args, err)
	}
	var sl [2]float64
	for i, v := range f[1:] {
		if !strings.HasSuffix(v, "%") {
			return Colour{}, fmt.Errorf("hsl(%s): saturation and lightness are percentages", args)
		}
		if sl[i], err = number(v, 1); err != nil {
			return Colour{}, fmt.Errorf("hsl(%s): %w", args, err)
		}
		sl[i] = math.Max(0, math.Min(1, sl[i]))
	}
	// CSS Color 4's hsl-to-rgb.
	h = math.Mod(math.Mod(h, 360)+360, 360)
	s, l := sl[0], sl[1]
	at := func(n float64) uint8 {
		k := math.Mod(n+h/30, 12)
		a := s * math.Min(l, 1-l)
		return clamp255(255 * (l - a*math.Max(-1, math.Min(math.Min(k-3, 9-k), 1))))
	}
	return Colour{at(0), at(8), at(4)}, nil
}

func clamp255(x float64) uint8 { return uint8(math.Round(math.Max(0, math.Min(255, x)))) }
