package resources

import (
	"bytes"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"image"
	"mime"
	"path"
	"slices"
	"strings"
	"sync"
)

// Resource is one file templates see: Hugo's resource, with its methods.
// A resource made by a transformation (Resize, Fingerprint, ...) is
// published when its RelPermalink or Permalink is asked for; a file of
// the assets directory or of a bundle is published by the build as it is.
type Resource struct {
	store  *Store
	name   string // Hugo's .Name: the path in assets/ or in the bundle
	out    string // output path from the output root
	rel    string // RelPermalink
	source string // the file it comes from, from the site root, for messages
	made   bool   // made by a transformation: published on use
	lazy   bool   // data is read on first use (bundle files)

	once      sync.Once
	data      []byte
	err       error
	dimOnce   sync.Once
	w, h      int
	dimErr    error
	integrity string
}

// errNil is the error of a method called on no resource: a Get that
// found no file, used without a with.
var errNil = errors.New("no resource here: resources.Get or GetMatch found no file (guard it with {{ with }})")

// Resources are a page bundle's resources, with Hugo's lookups.
type Resources []*Resource

// Name is the resource's name: its path in the assets directory or in
// its bundle.
func (r *Resource) Name() string {
	if r == nil {
		return ""
	}
	return r.name
}

// Title is Name, as Hugo's without front matter resources metadata.
func (r *Resource) Title() string { return r.Name() }

// MediaType is the MIME type by the file's extension: "image/png".
func (r *Resource) MediaType() string {
	if r == nil {
		return ""
	}
	t, _, _ := strings.Cut(mime.TypeByExtension(path.Ext(r.out)), ";")
	if t == "" {
		return "application/octet-stream"
	}
	return t
}

// ResourceType is the main type of MediaType: "image", "text", ...
func (r *Resource) ResourceType() string {
	t, _, _ := strings.Cut(r.MediaType(), "/")
	return t
}

// RelPermalink is the resource's URL path, "/images/a_300x0_resize.png".
func (r *Resource) RelPermalink() string {
	if r == nil {
		return ""
	}
	if r.made {
		r.store.publish(File{Path: r.out, Data: r.data, Source: r.source})
	}
	return r.rel
}

// Permalink is the resource's absolute URL.
func (r *Resource) Permalink() string {
	if r == nil {
		return ""
	}
	rel := r.RelPermalink()
	base := strings.TrimSuffix(r.store.o.BaseURL, "/")
	bp := strings.TrimSuffix(r.store.o.BasePath, "/")
	if base == "" || !strings.HasSuffix(base, bp) {
		return rel
	}
	return strings.TrimSuffix(base, bp) + rel
}

// Content is the resource's bytes, as a string.
func (r *Resource) Content() (string, error) {
	if r == nil {
		return "", errNil
	}
	data, err := r.bytes()
	return string(data), err
}

// Data is Hugo's .Data: Integrity after fingerprint.
func (r *Resource) Data() map[string]any {
	if r == nil || r.integrity == "" {
		return map[string]any{}
	}
	return map[string]any{"Integrity": r.integrity}
}

func (r *Resource) bytes() ([]byte, error) {
	if !r.lazy {
		return r.data, nil
	}
	r.once.Do(func() { r.data, r.err = r.store.readFile(r.store.o.Files, r.source, r.source) })
	return r.data, r.err
}

// Width is the image's width in pixels; an error for a file that is not
// an image quire reads (PNG, JPEG, GIF, WebP).
func (r *Resource) Width() (int, error) {
	if r == nil {
		return 0, errNil
	}
	r.dims()
	return r.w, r.dimErr
}

// Height is the image's height in pixels.
func (r *Resource) Height() (int, error) {
	if r == nil {
		return 0, errNil
	}
	r.dims()
	return r.h, r.dimErr
}

func (r *Resource) dims() {
	r.dimOnce.Do(func() {
		data, err := r.bytes()
		if err != nil {
			r.dimErr = err
			return
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			r.dimErr = fmt.Errorf("%s: not an image quire reads: %w", r.source, err)
			return
		}
		r.w, r.h = cfg.Width, cfg.Height
	})
}

// Resize scales the image to the spec's size: "300x" keeps the aspect
// ratio, "300x200" does not.
func (r *Resource) Resize(spec string) (*Resource, error) { return r.image(Resize, spec) }

// Fit scales the image down to fit in the spec's box, keeping its aspect
// ratio.
func (r *Resource) Fit(spec string) (*Resource, error) { return r.image(Fit, spec) }

// Fill scales the image to cover the spec's box, keeping its aspect
// ratio, and crops it to the box at the spec's anchor.
func (r *Resource) Fill(spec string) (*Resource, error) { return r.image(Fill, spec) }

// Crop cuts the spec's box out of the image at its anchor, unscaled.
func (r *Resource) Crop(spec string) (*Resource, error) { return r.image(Crop, spec) }

// Process is Hugo's Process: the spec names its action ("fit 300x200
// png"); without one it resizes to a size it gives, or else converts the
// image (a format, a rotation, a quality) at its own size.
func (r *Resource) Process(spec string) (*Resource, error) {
	if r == nil {
		return nil, errNil
	}
	var rest []string
	op, acted := Resize, false
	for _, tok := range strings.Fields(spec) {
		a, ok := map[string]Op{"resize": Resize, "fit": Fit, "fill": Fill, "crop": Crop}[strings.ToLower(tok)]
		if ok && !acted {
			op, acted = a, true
			continue
		}
		rest = append(rest, tok)
	}
	if !acted && !slices.ContainsFunc(rest, func(t string) bool { return isSize(strings.ToLower(t)) }) {
		w, err := r.Width()
		if err != nil {
			return nil, err
		}
		rest = append(rest, fmt.Sprintf("%dx", w))
	}
	return r.image(op, strings.Join(rest, " "))
}

// image applies op with spec; the result comes from the cache when an
// earlier build made it from the same bytes and spec.
func (r *Resource) image(op Op, spec string) (*Resource, error) {
	if r == nil {
		return nil, errNil
	}
	sp, err := ParseSpec(op, spec)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", r.source, err)
	}
	src, err := r.bytes()
	if err != nil {
		return nil, err
	}
	ext := strings.ToLower(path.Ext(r.out))
	format := sp.Format
	if format == "" {
		format = strings.TrimPrefix(ext, ".")
		if format == "jpeg" {
			format = "jpg"
		}
		if format == "webp" {
			format = "png" // no webp encoder: Hugo's own fallback for formats it cannot write
		}
		sp.Format = format
	}
	k := key([]byte(cacheVersion), src, []byte(sp.String()))
	var data []byte
	if r.store.o.Cache != nil {
		data, _ = r.store.o.Cache.Get(k)
	}
	if data == nil {
		data, err = process(src, format, sp)
		if err != nil {
			return nil, fmt.Errorf("%s: %s %q: %w", r.source, op, spec, err)
		}
		r.store.encodes.Add(1)
		if r.store.o.Cache != nil {
			r.store.o.Cache.Put(k, data)
		}
	}
	base := strings.TrimSuffix(r.out, path.Ext(r.out))
	out := fmt.Sprintf("%s_%s_%dx%d_%s.%s", base, k[:16], sp.Width, sp.Height, op, format)
	return r.derived(out, data), nil
}

// derived is a resource made from r, published at out.
func (r *Resource) derived(out string, data []byte) *Resource {
	dir := strings.TrimSuffix(r.rel, r.out) // the base path, or the asset's own prefix
	if !strings.HasSuffix(r.rel, r.out) {
		dir = r.store.o.BasePath
	}
	name := path.Join(path.Dir(r.name), path.Base(out))
	return &Resource{store: r.store, name: name, out: out, rel: dir + out, source: r.source, made: true, data: data}
}

// Fingerprint returns r published under a name holding the hash of its
// bytes ("css/a.<hex>.css"), with Data.Integrity set. algo is "sha256"
// (the default), "sha384" or "sha512".
func (r *Resource) Fingerprint(algo string) (*Resource, error) {
	if r == nil {
		return nil, errNil
	}
	var h hash.Hash
	switch algo {
	case "", "sha256":
		algo, h = "sha256", sha256.New()
	case "sha384":
		h = sha512.New384()
	case "sha512":
		h = sha512.New()
	default:
		return nil, fmt.Errorf("fingerprint: unknown algorithm %q (use sha256, sha384 or sha512)", algo)
	}
	data, err := r.bytes()
	if err != nil {
		return nil, err
	}
	h.Write(data)
	sum := h.Sum(nil)
	ext := path.Ext(r.out)
	d := r.derived(strings.TrimSuffix(r.out, ext)+"."+hex.EncodeToString(sum)+ext, data)
	d.name = r.name
	d.integrity = algo + "-" + base64.StdEncoding.EncodeToString(sum)
	return d, nil
}

// Minify returns r minified by its type, published as "NAME.min.EXT".
func (r *Resource) Minify() (*Resource, error) {
	if r == nil {
		return nil, errNil
	}
	data, err := r.bytes()
	if err != nil || r.store.o.Minify == nil {
		return r, err
	}
	min, err := r.store.o.Minify(r.out, data)
	if err != nil {
		return nil, fmt.Errorf("%s: minify: %w", r.source, err)
	}
	ext := path.Ext(r.out)
	d := r.derived(strings.TrimSuffix(r.out, ext)+".min"+ext, min)
	d.name = r.name
	return d, nil
}

// GetMatch returns the first resource whose name matches pattern (a glob,
// case-insensitive), or nil.
func (rs Resources) GetMatch(pattern string) (*Resource, error) {
	m, err := rs.Match(pattern)
	if err != nil || len(m) == 0 {
		return nil, err
	}
	return m[0], nil
}

// Get returns the resource of that name, or nil.
func (rs Resources) Get(name string) *Resource {
	for _, r := range rs {
		if strings.EqualFold(r.name, name) {
			return r
		}
	}
	return nil
}

// Match returns the resources whose name matches pattern, in order.
func (rs Resources) Match(pattern string) (Resources, error) {
	g, err := compileGlob(pattern)
	if err != nil {
		return nil, err
	}
	var out Resources
	for _, r := range rs {
		if g.MatchString(strings.ToLower(r.name)) {
			out = append(out, r)
		}
	}
	return out, nil
}

// ByType returns the resources of ResourceType typ ("image").
func (rs Resources) ByType(typ string) Resources {
	var out Resources
	for _, r := range rs {
		if r.ResourceType() == typ {
			out = append(out, r)
		}
	}
	return out
}
