package resources

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

func TestParseSpec(t *testing.T) {
	tests := []struct {
		name string
		op   Op
		in   string
		want string // Spec.String, or "error: substring"
	}{
		{"WidthOnly", Resize, "300x", "resize 300x0 q75 r0 Center CatmullRom "},
		{"HeightOnly", Resize, "x200", "resize 0x200 q75 r0 Center CatmullRom "},
		{"AllOptions", Fill, "300x200 q80 TopLeft png r90 Linear #fff", "fill 300x200 q80 r90 TopLeft Linear png #ffffff"},
		{"CaseInsensitive", Crop, "300X200 BOTTOMRIGHT JPEG", "crop 300x200 q75 r0 BottomRight CatmullRom jpg"},
		{"SmartIsCenter", Fill, "10x10 Smart", "fill 10x10 q75 r0 Center CatmullRom "},
		{"LanczosIsCatmullRom", Resize, "10x Lanczos", "resize 10x0 q75 r0 Center CatmullRom "},
		{"NoSize", Resize, "q80", "error: no size"},
		{"EmptySize", Resize, "x", "error: give a width"},
		{"FitNeedsBoth", Fit, "300x", "error: needs both"},
		{"QualityTooHigh", Resize, "10x q101", "error: quality"},
		{"ZeroSide", Resize, "0x10", "error: sides are"},
		{"HugeSide", Resize, "99999999x", "error: sides are"},
		{"BadRotation", Resize, "10x r45", "error: rotation"},
		{"UnknownOption", Resize, "10x sepia", `error: unknown option "sepia"`},
		{"BadBackground", Resize, "10x #zz", "error: background"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp, err := ParseSpec(tt.op, tt.in)
			if want, ok := strings.CutPrefix(tt.want, "error: "); ok {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Fatalf("ParseSpec(%v, %q) error = %v, want one containing %q", tt.op, tt.in, err, want)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseSpec(%v, %q): %v", tt.op, tt.in, err)
			}
			if got := sp.String(); got != tt.want {
				t.Errorf("ParseSpec(%v, %q) = %q, want %q", tt.op, tt.in, got, tt.want)
			}
		})
	}
}

func TestSpecSize(t *testing.T) {
	tests := []struct {
		name   string
		op     Op
		spec   string
		sw, sh int
		w, h   int
	}{
		{"ResizeWidthKeepsRatio", Resize, "300x", 600, 400, 300, 200},
		{"ResizeHeightKeepsRatio", Resize, "x100", 600, 400, 150, 100},
		{"ResizeRounds", Resize, "100x", 300, 199, 100, 66},
		{"ResizeNeverZero", Resize, "10x", 1000, 1, 10, 1},
		{"ResizeBothDistorts", Resize, "50x50", 600, 400, 50, 50},
		{"ResizeUpscales", Resize, "1200x", 600, 400, 1200, 800},
		{"FitWide", Fit, "300x300", 600, 400, 300, 200},
		{"FitTall", Fit, "300x300", 400, 600, 200, 300},
		{"FitNeverUp", Fit, "300x300", 100, 50, 100, 50},
		{"FillIsTheBox", Fill, "100x100", 600, 400, 100, 100},
		{"CropIsTheBox", Crop, "100x50", 600, 400, 100, 50},
		{"CropClipsToImage", Crop, "1000x50", 600, 400, 600, 50},
		{"RotateSwapsSides", Resize, "100x r90", 400, 200, 100, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp, err := ParseSpec(tt.op, tt.spec)
			if err != nil {
				t.Fatal(err)
			}
			if w, h := sp.Size(tt.sw, tt.sh); w != tt.w || h != tt.h {
				t.Errorf("%v %q of %dx%d = %dx%d, want %dx%d", tt.op, tt.spec, tt.sw, tt.sh, w, h, tt.w, tt.h)
			}
		})
	}
}

func FuzzParseSpec(f *testing.F) {
	for _, s := range []string{"300x", "x200", "300x200 q80 Center", "1x1 r270 #abc gif Box", "x", "q0", "99999x1", "r90 r180"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, op := range []Op{Resize, Fit, Fill, Crop} {
			sp, err := ParseSpec(op, s)
			if err != nil {
				continue
			}
			if sp.Width < 0 || sp.Width > maxSide || sp.Height < 0 || sp.Height > maxSide {
				t.Fatalf("ParseSpec(%v, %q) = %+v: size out of bounds", op, s, sp)
			}
			again, err := ParseSpec(op, sp.canonicalInput())
			if err != nil || again.String() != sp.String() {
				t.Fatalf("ParseSpec(%v, %q) = %q; reparsed %q, %v", op, s, sp, again, err)
			}
			if w, h := sp.Size(1+len(s), 1+2*len(s)); w < 1 || h < 1 {
				t.Fatalf("%q: size %dx%d", s, w, h)
			}
		}
	})
}

// canonicalInput is a spec string that parses back to sp (for tests).
func (sp Spec) canonicalInput() string {
	s := fmt.Sprintf("%s q%d r%d %s %s", sizeString(sp.Width, sp.Height), sp.quality(), sp.Rotate, sp.Anchor, sp.Filter)
	if sp.Format != "" {
		s += " " + sp.Format
	}
	if sp.HasBackground {
		s += fmt.Sprintf(" #%02x%02x%02x", sp.Background.R, sp.Background.G, sp.Background.B)
	}
	return s
}

func sizeString(w, h int) string {
	s := "x"
	if w > 0 {
		s = strconv.Itoa(w) + s
	}
	if h > 0 {
		s += strconv.Itoa(h)
	}
	return s
}
