package cli

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"strconv"

	"github.com/rogpeppe/go-internal/testscript"
)

// mkpng writes a W×H PNG with a gradient: `mkpng FILE W H`.
func mkpng(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: mkpng file width height")
	}
	w, err1 := strconv.Atoi(args[1])
	h, err2 := strconv.Atoi(args[2])
	if err1 != nil || err2 != nil || w < 1 || h < 1 {
		ts.Fatalf("mkpng: bad size %s×%s", args[1], args[2])
	}
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.NRGBA{R: uint8(x), G: uint8(y), B: 9, A: 255})
		}
	}
	f, err := os.Create(ts.MkAbs(args[0]))
	if err != nil {
		ts.Fatalf("mkpng: %v", err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		ts.Fatalf("mkpng: %v", err)
	}
}
