package linkcheck

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Cache remembers external URLs that were ok, so the next run within TTL
// need not request them again, and URLs that failed, since when (for
// ExternalOptions.FailAfter). A failure is never read as ok: failures,
// warnings and transient errors are checked every run. It is safe for
// concurrent use.
type Cache struct {
	path string
	ttl  time.Duration
	now  func() time.Time

	mu       sync.Mutex
	entries  map[string]cacheEntry
	failures map[string]failEntry
}

// cacheFile is the JSON on disk. Format marks the file as quire's, so a
// cacheFile setting that names some other file is refused instead of
// overwriting it.
//
// Failures were added to version 2 without a new version: a cache
// without them loads, and a quire that does not know them reads the
// file's ok entries as before (failures are never among them).
type cacheFile struct {
	Format   string                `json:"format"`
	Version  int                   `json:"version"`
	Entries  map[string]cacheEntry `json:"entries"`
	Failures map[string]failEntry  `json:"failures,omitempty"`
}

type cacheEntry struct {
	Checked time.Time `json:"checked"`
	Status  int       `json:"status"`
}

const (
	cacheFormat  = "quire-linkcache"
	cacheVersion = 2
)

// ErrNotCache is returned (wrapped) by OpenCache for an existing file that
// is not a quire link cache.
var ErrNotCache = errors.New("not a quire link cache")

// OpenCache reads the cache file at path. A missing file is an empty
// cache. A quire cache that cannot be used (another version, unreadable
// entries) is also an empty cache, and the returned error (a warning to
// print, not a failure) says why; Save overwrites it. A file that is not
// a quire cache at all (not JSON, or JSON without the cache's format
// field) gives a nil Cache and an error wrapping ErrNotCache: it is
// someone's file, which Save must not overwrite; so does a file that
// cannot be read. now is the clock; nil is time.Now.
func OpenCache(path string, ttl time.Duration, now func() time.Time) (*Cache, error) {
	if now == nil {
		now = time.Now
	}
	c := &Cache{path: path, ttl: ttl, now: now, entries: map[string]cacheEntry{}, failures: map[string]failEntry{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		if fi, serr := os.Stat(path); serr == nil && !fi.Mode().IsRegular() {
			return nil, fmt.Errorf("%s: %w (%s)", path, ErrNotCache, fileKind(fi))
		}
		// A file that cannot be read cannot be told to be a cache.
		return nil, fmt.Errorf("link cache %s: %w", path, err)
	}
	var head struct {
		Format  string          `json:"format"`
		Version json.RawMessage `json:"version"`
		Entries json.RawMessage `json:"entries"`
	}
	if err := json.Unmarshal(data, &head); err != nil || !isCache(head.Format, head.Version, head.Entries) {
		return nil, fmt.Errorf("%s: %w", path, ErrNotCache)
	}
	var f cacheFile
	if err := json.Unmarshal(data, &f); err != nil {
		return c, fmt.Errorf("link cache %s ignored: %v", path, err)
	}
	if f.Version != cacheVersion {
		return c, fmt.Errorf("link cache %s ignored: version %d, want %d", path, f.Version, cacheVersion)
	}
	for k, e := range f.Entries {
		c.entries[k] = e
	}
	for k, e := range f.Failures {
		if !e.First.IsZero() && !e.Last.Before(e.First) {
			c.failures[k] = e
		}
	}
	return c, nil
}

// isCache reports whether a JSON object's fields are those of a quire
// cache: this one, or version 1's, which had no format field.
func isCache(format string, version, entries json.RawMessage) bool {
	if format == cacheFormat {
		return true
	}
	return format == "" && string(version) == "1" && len(entries) > 0 && entries[0] == '{'
}

func fileKind(fi fs.FileInfo) string {
	if fi.IsDir() {
		return "a directory"
	}
	return "not a regular file"
}

// Fresh reports whether key was ok less than TTL ago.
func (c *Cache) Fresh(key string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	return ok && c.live(e)
}

// live reports whether e was checked less than TTL ago. An entry checked
// in the future (a clock set back, a hand-edited file) is not: it would
// otherwise stay fresh for longer than the TTL, however broken the link
// has become.
func (c *Cache) live(e cacheEntry) bool {
	age := c.now().Sub(e.Checked)
	return age >= 0 && age < c.ttl
}

// Put records key as ok now, and forgets its failure.
func (c *Cache) Put(key string, status int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[key] = cacheEntry{Checked: c.now().UTC().Truncate(time.Second), Status: status}
	delete(c.failures, key)
}

// Save writes the fresh entries and the failures still remembered to the
// cache file (creating its directory), through a temporary file renamed
// into place so a killed run never leaves half a file.
func (c *Cache) Save() error {
	c.mu.Lock()
	f := cacheFile{Format: cacheFormat, Version: cacheVersion, Entries: map[string]cacheEntry{}}
	for k, e := range c.entries {
		if c.live(e) {
			f.Entries[k] = e
		}
	}
	for k, e := range c.failures {
		if c.remembered(e) {
			if f.Failures == nil {
				f.Failures = map[string]failEntry{}
			}
			f.Failures[k] = e
		}
	}
	c.mu.Unlock()
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(c.path), 0o755); err != nil {
		return fmt.Errorf("link cache: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(c.path), ".linkcache-*")
	if err != nil {
		return fmt.Errorf("link cache: %w", err)
	}
	_, werr := tmp.Write(append(data, '\n'))
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), c.path)
	}
	if werr != nil {
		_ = os.Remove(tmp.Name())
		return fmt.Errorf("link cache: %w", werr)
	}
	return nil
}
