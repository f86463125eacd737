package resources

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"
)

// Op is an image operation: Hugo's Resize, Fit, Fill or Crop.
type Op int

const (
	Resize Op = iota // to the size given; one side 0 keeps the aspect ratio
	Fit              // down to fit in the box, keeping the aspect ratio; never up
	Fill             // to cover the box, keeping the aspect ratio, then cropped to it at the anchor
	Crop             // the box cut out at the anchor, not scaled
)

func (o Op) String() string {
	switch o {
	case Fit:
		return "fit"
	case Fill:
		return "fill"
	case Crop:
		return "crop"
	}
	return "resize"
}

// Limits of a spec: a larger image is an error, not a build that runs out
// of memory.
const (
	maxSide   = 16384
	maxPixels = 64 << 20
)

// DefaultQuality is the JPEG quality when a spec names none, as Hugo's.
const DefaultQuality = 75

// Spec is a parsed image processing spec such as "300x200 q80 TopLeft png".
type Spec struct {
	Op            Op
	Width, Height int    // 0: not given
	Quality       int    // 1..100; 0: DefaultQuality
	Anchor        string // "Center", "TopLeft", ...; Hugo's "Smart" is taken as "Center"
	Format        string // "png", "jpg", "gif" or "webp"; "": the source's
	Filter        string // "CatmullRom" (default), "Linear", "NearestNeighbor", "Box"
	Rotate        int    // 0, 90, 180 or 270, counter-clockwise, applied first
	Background    color.NRGBA
	HasBackground bool
}

var anchors = []string{"Center", "TopLeft", "Top", "TopRight", "Left", "Right", "BottomLeft", "Bottom", "BottomRight"}

// filters maps Hugo's filter names to the ones quire has: x/image/draw's.
// Hugo's Lanczos, and the other sinc-like filters, are CatmullRom here.
var filters = map[string]string{
	"catmullrom": "CatmullRom", "lanczos": "CatmullRom", "mitchellnetravali": "CatmullRom",
	"linear": "Linear", "bilinear": "Linear", "box": "Box", "nearestneighbor": "NearestNeighbor",
}

const specHint = `write a size ("300x", "x200", "300x200"), then any of q1..q100, r90/r180/r270, an anchor (Center, TopLeft, ...), a format (png, jpg, gif), a filter (CatmullRom, Linear, Box, NearestNeighbor), a #rrggbb background`

// ParseSpec parses the spec of op. Resize needs a width or a height; Fit,
// Fill and Crop need both. It never panics; its errors say what is wrong
// and how to write it.
func ParseSpec(op Op, s string) (Spec, error) {
	sp := Spec{Op: op}
	sized := false
	for _, tok := range strings.Fields(s) {
		low := strings.ToLower(tok)
		switch {
		case strings.Contains(low, "x") && !sized && isSize(low):
			w, h, err := parseSize(low)
			if err != nil {
				return Spec{}, err
			}
			sp.Width, sp.Height, sized = w, h, true
		case len(low) > 1 && low[0] == 'q' && isDigits(low[1:]):
			q, _ := strconv.Atoi(low[1:])
			if len(low) > 4 || q < 1 || q > 100 {
				return Spec{}, fmt.Errorf("image spec %q: quality %s is not in q1..q100", s, tok)
			}
			sp.Quality = q
		case len(low) > 1 && low[0] == 'r' && isDigits(low[1:]):
			switch low {
			case "r0", "r90", "r180", "r270":
				sp.Rotate, _ = strconv.Atoi(low[1:])
			default:
				return Spec{}, fmt.Errorf("image spec %q: rotation %s is not r90, r180 or r270", s, tok)
			}
		case low[0] == '#':
			c, ok := parseHex(low[1:])
			if !ok {
				return Spec{}, fmt.Errorf("image spec %q: background %s is not #rgb or #rrggbb", s, tok)
			}
			sp.Background, sp.HasBackground = c, true
		case low == "png" || low == "gif" || low == "webp":
			sp.Format = low
		case low == "jpg" || low == "jpeg":
			sp.Format = "jpg"
		case low == "smart":
			sp.Anchor = "Center"
		case filters[low] != "":
			sp.Filter = filters[low]
		default:
			a := anchorName(low)
			if a == "" {
				return Spec{}, fmt.Errorf("image spec %q: unknown option %q (%s)", s, tok, specHint)
			}
			sp.Anchor = a
		}
	}
	switch {
	case !sized:
		return Spec{}, fmt.Errorf("image spec %q: no size (%s)", s, specHint)
	case op == Resize && sp.Width == 0 && sp.Height == 0:
		return Spec{}, fmt.Errorf("image spec %q: give a width, a height or both", s)
	case op != Resize && (sp.Width == 0 || sp.Height == 0):
		return Spec{}, fmt.Errorf("image spec %q: %s needs both a width and a height, as in \"300x200\"", s, op)
	}
	if sp.Anchor == "" {
		sp.Anchor = "Center"
	}
	if sp.Filter == "" {
		sp.Filter = "CatmullRom"
	}
	return sp, nil
}

// String is the canonical form of sp: two specs that process an image
// alike have the same string, which keys the cache and names the output.
func (sp Spec) String() string {
	bg := ""
	if sp.HasBackground {
		bg = fmt.Sprintf(" #%02x%02x%02x", sp.Background.R, sp.Background.G, sp.Background.B)
	}
	return fmt.Sprintf("%s %dx%d q%d r%d %s %s %s%s", sp.Op, sp.Width, sp.Height, sp.quality(), sp.Rotate,
		sp.Anchor, sp.Filter, sp.Format, bg)
}

func (sp Spec) quality() int {
	if sp.Quality == 0 {
		return DefaultQuality
	}
	return sp.Quality
}

func isSize(s string) bool {
	for _, r := range s {
		if r != 'x' && (r < '0' || r > '9') {
			return false
		}
	}
	return strings.Count(s, "x") == 1
}

func parseSize(s string) (w, h int, err error) {
	ws, hs, _ := strings.Cut(s, "x")
	for _, p := range []struct {
		s string
		n *int
	}{{ws, &w}, {hs, &h}} {
		if p.s == "" {
			continue
		}
		if len(p.s) > 5 {
			return 0, 0, fmt.Errorf("image size %q: sides are at most %d pixels", s, maxSide)
		}
		*p.n, _ = strconv.Atoi(p.s)
		if *p.n < 1 || *p.n > maxSide {
			return 0, 0, fmt.Errorf("image size %q: sides are 1 to %d pixels", s, maxSide)
		}
	}
	return w, h, nil
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func anchorName(low string) string {
	for _, a := range anchors {
		if strings.ToLower(a) == low {
			return a
		}
	}
	return ""
}

func parseHex(s string) (color.NRGBA, bool) {
	if len(s) == 3 {
		s = string([]byte{s[0], s[0], s[1], s[1], s[2], s[2]})
	}
	if len(s) != 6 {
		return color.NRGBA{}, false
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return color.NRGBA{}, false
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255}, true
}
