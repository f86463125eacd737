// Package resources gives templates Hugo's resources: files of the assets
// directory and of page bundles, images resized, fitted, filled and
// cropped, fingerprinted and minified files, published through the
// build's outputs and cached on disk between builds, keyed by content.
package resources

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// Options for New.
type Options struct {
	// Assets is the site's assets directory (for Get and GetMatch); nil:
	// there is none.
	Assets fs.FS
	// AssetDir is Assets' slash path from the site root, for messages
	// and publish.File.Source (default "assets").
	AssetDir string
	// AssetURLs are the paths (from the site root, with the base path)
	// where the build publishes each file of Assets as it is, by name;
	// a name missing here is published as basePath+name.
	AssetURLs map[string]string
	// Files is the site root, for page bundle files.
	Files fs.FS
	// BaseURL is the site's base URL, for Permalink.
	BaseURL string
	// BasePath is BaseURL's path, "/" or "/docs/", for RelPermalink.
	BasePath string
	// Cache keeps processed images between builds; nil: none.
	Cache Cache
	// Minify minifies a file by its name's extension, for minify; nil:
	// minify returns the resource unchanged.
	Minify func(name string, data []byte) ([]byte, error)
}

// Store is one build's resources. Its methods are safe for concurrent use
// (pages render in parallel); what it publishes does not depend on their
// order.
type Store struct {
	o Options

	mu        sync.Mutex
	published map[string]File   // by path
	read      map[string][]byte // file contents, by path from the site root
	encodes   atomic.Int64
}

// New returns an empty Store.
func New(o Options) *Store {
	if o.AssetDir == "" {
		o.AssetDir = "assets"
	}
	if o.BasePath == "" {
		o.BasePath = "/"
	}
	return &Store{o: o, published: map[string]File{}, read: map[string][]byte{}}
}

// File is a file a resource published: its path from the output root,
// its bytes, and the file it was made from, for messages.
type File struct {
	Path   string
	Data   []byte
	Source string
}

// Files returns what the store's resources published, sorted by path.
func (s *Store) Files() []File {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]File, 0, len(s.published))
	for _, f := range s.published {
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return out
}

// Encodes counts the images the store processed rather than took from
// its Cache.
func (s *Store) Encodes() int { return int(s.encodes.Load()) }

// Get returns the file name of the assets directory ("images/logo.png"),
// or nil when there is none, as Hugo's resources.Get.
func (s *Store) Get(name string) (*Resource, error) {
	name = strings.TrimPrefix(path.Clean("/"+name), "/")
	if s.o.Assets == nil || name == "" {
		return nil, nil
	}
	data, err := s.readFile(s.o.Assets, name, "assets:"+name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	rel, ok := s.o.AssetURLs[name]
	if !ok {
		rel = s.o.BasePath + name
	}
	return &Resource{store: s, name: name, out: name, rel: rel, data: data,
		source: path.Join(s.o.AssetDir, name)}, nil
}

// Match returns the files of the assets directory whose path matches
// pattern (a glob: * within a segment, ** across, case-insensitive),
// sorted by path, as Hugo's resources.Match.
func (s *Store) Match(pattern string) ([]*Resource, error) {
	if s.o.Assets == nil {
		return nil, nil
	}
	m, err := compileGlob(pattern)
	if err != nil {
		return nil, err
	}
	var out []*Resource
	err = fs.WalkDir(s.o.Assets, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !m.MatchString(strings.ToLower(p)) {
			return err
		}
		r, err := s.Get(p)
		if r != nil {
			out = append(out, r)
		}
		return err
	})
	return out, err
}

// GetMatch returns the first of Match, or nil.
func (s *Store) GetMatch(pattern string) (*Resource, error) {
	rs, err := s.Match(pattern)
	if err != nil || len(rs) == 0 {
		return nil, err
	}
	return rs[0], nil
}

// BundleFile is one file of a page bundle.
type BundleFile struct {
	Name    string // relative to the bundle's directory: "images/a.png"
	Source  string // from the site root: "content/post/images/a.png"
	OutPath string // where the build copies it: "post/images/a.png"
}

// Bundle returns a page bundle's files as resources, sorted by name.
// Their contents are read when first asked for.
func (s *Store) Bundle(files []BundleFile) Resources {
	out := make(Resources, 0, len(files))
	for _, f := range files {
		out = append(out, &Resource{store: s, name: f.Name, out: f.OutPath, rel: s.o.BasePath + f.OutPath,
			source: f.Source, lazy: true})
	}
	slices.SortFunc(out, func(a, b *Resource) int { return strings.Compare(a.name, b.name) })
	return out
}

// readFile reads name of fsys once per build, remembered by key.
func (s *Store) readFile(fsys fs.FS, name, key string) ([]byte, error) {
	s.mu.Lock()
	data, ok := s.read[key]
	s.mu.Unlock()
	if ok {
		return data, nil
	}
	if fsys == nil {
		return nil, fs.ErrNotExist
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.read[key] = data
	s.mu.Unlock()
	return data, nil
}

// publish adds f to the store's output. Two resources that publish one
// path publish the same bytes (the path holds a hash of them), so the
// first is kept.
func (s *Store) publish(f File) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.published[f.Path]; !ok {
		s.published[f.Path] = f
	}
}

// key hashes the parts into a hex string.
func key(parts ...[]byte) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:", len(p))
		h.Write(p)
	}
	return hex.EncodeToString(h.Sum(nil))
}
