package resources

import (
	"os"
	"path/filepath"
)

// cacheVersion is part of every cache key: change it when processing
// changes what it makes of the same input.
const cacheVersion = "quire-resources-1"

// CacheDir is where quire keeps processed images, from the site root.
const CacheDir = ".quire/resources"

// Cache keeps processed images between builds, by a key hashing the
// source's bytes and the canonical spec. Implementations are safe for
// concurrent use; a Put that fails only costs a later build an encode.
type Cache interface {
	Get(key string) ([]byte, bool)
	Put(key string, data []byte)
}

// DirCache is a Cache of files in a directory (the site's
// .quire/resources), one per key.
type DirCache string

// Get returns the bytes kept for key.
func (d DirCache) Get(key string) ([]byte, bool) {
	data, err := os.ReadFile(filepath.Join(string(d), key[:2], key))
	return data, err == nil
}

// Put keeps data for key, written to a temporary file and renamed, so a
// reader never sees half a file.
func (d DirCache) Put(key string, data []byte) {
	dir := filepath.Join(string(d), key[:2])
	if os.MkdirAll(dir, 0o755) != nil {
		return
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(dir, key))
	}
	if err != nil {
		os.Remove(f.Name())
	}
}
