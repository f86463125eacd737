package resources

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// testPNG is a w×h PNG with a gradient, so scaling has work to do.
func testPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.NRGBA{R: uint8(x * 255 / w), G: uint8(y * 255 / h), B: 128, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// mapCache is a Cache in memory that counts its hits.
type mapCache struct {
	mu   sync.Mutex
	m    map[string][]byte
	hits int
}

func (c *mapCache) Get(k string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.m[k]
	if ok {
		c.hits++
	}
	return d, ok
}

func (c *mapCache) Put(k string, d []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = d
}

func newStore(t testing.TB, c Cache) *Store {
	return New(Options{
		Assets:   fstest.MapFS{"images/a.png": {Data: testPNG(t, 60, 40)}, "css/s.css": {Data: []byte("a { color: red }")}},
		BaseURL:  "https://example.com/docs/",
		BasePath: "/docs/",
		Cache:    c,
	})
}

func decodeSize(t *testing.T, data []byte) (int, int, string) {
	t.Helper()
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return cfg.Width, cfg.Height, format
}

func TestImageOps(t *testing.T) {
	tests := []struct {
		name, spec string
		op         func(*Resource, string) (*Resource, error)
		w, h       int
		format     string
		out        string
	}{
		{"ResizeWidth", "30x", (*Resource).Resize, 30, 20, "png", "images/a_*_30x0_resize.png"},
		{"FitBox", "20x20", (*Resource).Fit, 20, 13, "png", "images/a_*_20x20_fit.png"},
		{"FillBox", "20x20 TopLeft", (*Resource).Fill, 20, 20, "png", "images/a_*_20x20_fill.png"},
		{"CropBox", "10x5 BottomRight", (*Resource).Crop, 10, 5, "png", "images/a_*_10x5_crop.png"},
		{"ToJPEG", "30x jpg q90", (*Resource).Resize, 30, 20, "jpeg", "images/a_*_30x0_resize.jpg"},
		{"ToGIF", "30x gif", (*Resource).Resize, 30, 20, "gif", "images/a_*_30x0_resize.gif"},
		{"ProcessFit", "FIT 20x20", (*Resource).Process, 20, 13, "png", "images/a_*_20x20_fit.png"},
		{"ProcessSizeIsResize", "30x gif", (*Resource).Process, 30, 20, "gif", "images/a_*_30x0_resize.gif"},
		{"ProcessConverts", "jpg", (*Resource).Process, 60, 40, "jpeg", "images/a_*_60x0_resize.jpg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t, nil)
			r, err := s.Get("images/a.png")
			if err != nil || r == nil {
				t.Fatalf("Get = %v, %v", r, err)
			}
			p, err := tt.op(r, tt.spec)
			if err != nil {
				t.Fatal(err)
			}
			w, h, format := decodeSize(t, p.data)
			if w != tt.w || h != tt.h || format != tt.format {
				t.Errorf("%s %q = %dx%d %s, want %dx%d %s", tt.name, tt.spec, w, h, format, tt.w, tt.h, tt.format)
			}
			if pw, _ := p.Width(); pw != tt.w {
				t.Errorf(".Width = %d, want %d", pw, tt.w)
			}
			if len(s.Files()) != 0 {
				t.Errorf("published before RelPermalink: %v", s.Files())
			}
			rel := p.RelPermalink()
			pre, suf, _ := strings.Cut(tt.out, "*")
			if !strings.HasPrefix(rel, "/docs/"+pre) || !strings.HasSuffix(rel, suf) {
				t.Errorf("RelPermalink = %q, want /docs/%s", rel, tt.out)
			}
			if got := p.Permalink(); got != "https://example.com"+rel {
				t.Errorf("Permalink = %q", got)
			}
			files := s.Files()
			if len(files) != 1 || "/docs/"+files[0].Path != rel || !bytes.Equal(files[0].Data, p.data) {
				t.Errorf("Files() = %v, want the one file at %s", files, rel)
			}
		})
	}
}

func TestImageDeterministic(t *testing.T) {
	for _, spec := range []string{"37x png", "37x jpg", "37x gif", "41x23 r90"} {
		a, err := newStore(t, nil).Get("images/a.png")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := newStore(t, nil).Get("images/a.png")
		ra, err := a.Resize(spec)
		if err != nil {
			t.Fatal(err)
		}
		rb, _ := b.Resize(spec)
		if !bytes.Equal(ra.data, rb.data) || ra.RelPermalink() != rb.RelPermalink() {
			t.Errorf("Resize(%q) twice gave different bytes or names", spec)
		}
	}
}

func TestImageCacheHit(t *testing.T) {
	c := &mapCache{m: map[string][]byte{}}
	first := newStore(t, c)
	r, _ := first.Get("images/a.png")
	want, err := r.Resize("30x")
	if err != nil {
		t.Fatal(err)
	}
	if first.Encodes() != 1 {
		t.Fatalf("first build encoded %d images, want 1", first.Encodes())
	}
	second := newStore(t, c) // the next build, with the same cache
	r, _ = second.Get("images/a.png")
	got, err := r.Resize("30x")
	if err != nil {
		t.Fatal(err)
	}
	if second.Encodes() != 0 || c.hits != 1 {
		t.Errorf("second build encoded %d images (cache hits %d), want 0 (1)", second.Encodes(), c.hits)
	}
	if !bytes.Equal(got.data, want.data) || got.RelPermalink() != want.RelPermalink() {
		t.Error("the cached image differs from the one encoded")
	}
	other, _ := second.Get("images/a.png")
	if _, err := other.Resize("31x"); err != nil || second.Encodes() != 1 {
		t.Errorf("another spec: encodes = %d, %v; want 1", second.Encodes(), err)
	}
}

func TestDirCache(t *testing.T) {
	dir := DirCache(t.TempDir())
	k := key([]byte("x"))
	if _, ok := dir.Get(k); ok {
		t.Fatal("empty cache has the key")
	}
	dir.Put(k, []byte("data"))
	if got, ok := dir.Get(k); !ok || string(got) != "data" {
		t.Errorf("Get after Put = %q, %v", got, ok)
	}
}

func TestImageErrors(t *testing.T) {
	s := New(Options{Assets: fstest.MapFS{"a.png": {Data: []byte("not a png")}, "b.png": {Data: testPNG(t, 4, 4)}}})
	a, _ := s.Get("a.png")
	if _, err := a.Resize("10x"); err == nil || !strings.Contains(err.Error(), "assets/a.png") {
		t.Errorf("Resize of a broken PNG: error %v, want one naming assets/a.png", err)
	}
	if _, err := a.Width(); err == nil {
		t.Error("Width of a broken PNG: no error")
	}
	b, _ := s.Get("b.png")
	if _, err := b.Resize("10x webp"); err == nil || !strings.Contains(err.Error(), "WebP") {
		t.Errorf("webp output: error %v", err)
	}
	if _, err := b.Fill("10x"); err == nil {
		t.Error("Fill without a height: no error")
	}
}

func TestImageSourceFormats(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 8, 6))
	var j, g bytes.Buffer
	jpeg.Encode(&j, img, nil)
	gif.Encode(&g, img, nil)
	s := New(Options{Assets: fstest.MapFS{"a.jpeg": {Data: j.Bytes()}, "b.gif": {Data: g.Bytes()}}})
	for name, want := range map[string]string{"a.jpeg": "jpeg", "b.gif": "gif"} {
		r, _ := s.Get(name)
		p, err := r.Resize("4x")
		if err != nil {
			t.Fatal(err)
		}
		if w, h, f := decodeSize(t, p.data); w != 4 || h != 3 || f != want {
			t.Errorf("%s Resize 4x = %dx%d %s", name, w, h, f)
		}
		if !strings.HasSuffix(p.RelPermalink(), "."+map[string]string{"jpeg": "jpg", "gif": "gif"}[want]) {
			t.Errorf("%s: RelPermalink %s", name, p.RelPermalink())
		}
	}
}

// FuzzImage: any bytes as a source and any spec give an image or an
// error, never a panic.
func FuzzImage(f *testing.F) {
	var g, j bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, 5, 3))
	gif.Encode(&g, img, nil)
	jpeg.Encode(&j, img, nil)
	f.Add(testPNG(f, 5, 3), "3x2 TopLeft")
	f.Add(g.Bytes(), "x2 r90 jpg #abc")
	f.Add(j.Bytes(), "9x9 gif q5")
	f.Fuzz(func(t *testing.T, src []byte, spec string) {
		for _, op := range []Op{Resize, Fit, Fill, Crop} {
			sp, err := ParseSpec(op, spec)
			if err != nil || sp.Width > 64 || sp.Height > 64 {
				continue // large outputs are slow, not interesting
			}
			format := sp.Format
			if format == "" || format == "webp" {
				format = "png"
			}
			out, err := process(src, format, sp)
			if err != nil {
				continue
			}
			cfg, _, err := image.DecodeConfig(bytes.NewReader(out))
			if err != nil {
				t.Fatalf("%v %q made an image that does not decode: %v", op, spec, err)
			}
			src, _, _ := image.DecodeConfig(bytes.NewReader(src))
			if w, h := sp.Size(src.Width, src.Height); cfg.Width != w || cfg.Height != h {
				t.Fatalf("%v %q of %dx%d made %dx%d, want %dx%d", op, spec, src.Width, src.Height, cfg.Width, cfg.Height, w, h)
			}
		}
	})
}
