package resources

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp" // webp sources decode; there is no webp encoder
)

// Size is the size of the image op makes from a src of sw×sh: for Fill,
// the size it scales to before the crop (at least w×h).
func (sp Spec) scaled(sw, sh int) (w, h int) {
	w, h = sp.Width, sp.Height
	switch sp.Op {
	case Resize:
		switch {
		case w == 0:
			w = ratio(sw, h, sh)
		case h == 0:
			h = ratio(sh, w, sw)
		}
	case Fit:
		if sw <= w && sh <= h {
			return sw, sh
		}
		if sw*h <= sh*w { // height is the tighter side
			w = ratio(sw, h, sh)
		} else {
			h = ratio(sh, w, sw)
		}
	case Fill:
		if sw*h >= sh*w { // wider than the box: scale to its height
			w = ratio(sw, h, sh)
		} else {
			h = ratio(sh, w, sw)
		}
	case Crop:
		return sw, sh
	}
	return w, h
}

// Size is the size of the image sp makes from a source of sw×sh pixels
// (after its rotation).
func (sp Spec) Size(sw, sh int) (w, h int) {
	if sp.Rotate == 90 || sp.Rotate == 270 {
		sw, sh = sh, sw
	}
	w, h = sp.scaled(sw, sh)
	if sp.Op == Fill || sp.Op == Crop {
		w, h = min(w, sp.Width), min(h, sp.Height)
	}
	return w, h
}

// ratio is n·num/den rounded to the nearest integer, and at least 1.
func ratio(n, num, den int) int {
	if den == 0 {
		return 1
	}
	return max(1, int((int64(n)*int64(num)*2+int64(den))/(int64(den)*2)))
}

// anchorAt is the top left corner of a w×h box at anchor a in a W×H image.
func anchorAt(a string, W, H, w, h int) image.Point {
	x, y := (W-w)/2, (H-h)/2
	switch a {
	case "TopLeft", "Left", "BottomLeft":
		x = 0
	case "TopRight", "Right", "BottomRight":
		x = W - w
	}
	switch a {
	case "TopLeft", "Top", "TopRight":
		y = 0
	case "BottomLeft", "Bottom", "BottomRight":
		y = H - h
	}
	return image.Pt(x, y)
}

// process decodes src, applies sp and encodes the result in format. The
// same input gives the same bytes: every step is deterministic.
func process(src []byte, format string, sp Spec) ([]byte, error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	if int64(cfg.Width)*int64(cfg.Height) > maxPixels {
		return nil, fmt.Errorf("image of %dx%d pixels is larger than quire processes (%d megapixels)", cfg.Width, cfg.Height, maxPixels>>20)
	}
	w, h := sp.Size(cfg.Width, cfg.Height)
	if int64(w)*int64(h) > maxPixels {
		return nil, fmt.Errorf("%s to %dx%d pixels is larger than quire makes (%d megapixels)", sp.Op, w, h, maxPixels>>20)
	}
	img, _, err := image.Decode(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	img = rotate(img, sp.Rotate)
	b := img.Bounds()
	sw, sh := sp.scaled(b.Dx(), b.Dy())
	var out *image.RGBA
	if sp.Op == Crop {
		out = image.NewRGBA(image.Rect(0, 0, w, h))
		at := anchorAt(sp.Anchor, b.Dx(), b.Dy(), w, h).Add(b.Min)
		draw.Draw(out, out.Bounds(), img, at, draw.Src)
	} else {
		scaled := image.NewRGBA(image.Rect(0, 0, sw, sh))
		interp(sp.Filter).Scale(scaled, scaled.Bounds(), img, b, draw.Src, nil)
		out = scaled
		if sw != w || sh != h { // Fill: the box at the anchor
			out = image.NewRGBA(image.Rect(0, 0, w, h))
			draw.Draw(out, out.Bounds(), scaled, anchorAt(sp.Anchor, sw, sh, w, h), draw.Src)
		}
	}
	return encode(out, format, sp)
}

func interp(name string) draw.Interpolator {
	switch name {
	case "Linear":
		return draw.BiLinear
	case "NearestNeighbor":
		return draw.NearestNeighbor
	case "Box":
		return draw.ApproxBiLinear
	}
	return draw.CatmullRom
}

// rotate turns img by deg degrees counter-clockwise, as Hugo's r90.
func rotate(img image.Image, deg int) image.Image {
	if deg == 0 {
		return img
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if deg != 180 {
		w, h = h, w
	}
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			c := img.At(b.Min.X+x, b.Min.Y+y)
			switch deg {
			case 90:
				out.Set(y, b.Dx()-1-x, c)
			case 180:
				out.Set(b.Dx()-1-x, b.Dy()-1-y, c)
			case 270:
				out.Set(b.Dy()-1-y, x, c)
			}
		}
	}
	return out
}

// encode writes img as format with fixed options: no timestamps, no
// metadata, the same bytes for the same pixels.
func encode(img *image.RGBA, format string, sp Spec) ([]byte, error) {
	var buf bytes.Buffer
	switch format {
	case "png":
		err := (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(&buf, img)
		return buf.Bytes(), err
	case "jpg":
		bg := color.NRGBA{R: 255, G: 255, B: 255, A: 255} // as Hugo: JPEG has no alpha
		if sp.HasBackground {
			bg = sp.Background
		}
		flat := image.NewRGBA(img.Bounds())
		draw.Draw(flat, flat.Bounds(), &image.Uniform{C: bg}, image.Point{}, draw.Src)
		draw.Draw(flat, flat.Bounds(), img, img.Bounds().Min, draw.Over)
		err := jpeg.Encode(&buf, flat, &jpeg.Options{Quality: sp.quality()})
		return buf.Bytes(), err
	case "gif":
		err := gif.Encode(&buf, img, &gif.Options{NumColors: 256})
		return buf.Bytes(), err
	case "webp":
		return nil, errors.New("quire cannot write WebP (golang.org/x/image reads it but has no encoder); ask for png or jpg")
	}
	return nil, fmt.Errorf("cannot write images as %q", format)
}
