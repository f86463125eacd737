package linkcheck

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Cache remembers external URLs that were ok, so the next run within TTL
// need not request them again. Only ok results are stored: failures,
// warnings and transient errors are checked every run. It is safe for
// concurrent use.
type Cache struct {
	path string
	ttl  time.Duration
	now  func() time.Time

	mu      sync.Mutex
	entries map[string]cacheEntry
}

// cacheFile is the JSON on disk.
type cacheFile struct {
	Version int                   `json:"version"`
	Entries map[string]cacheEntry `json:"entries"`
}

type cacheEntry struct {
	Checked time.Time `json:"checked"`
	Status  int       `json:"status"`
}

const cacheVersion = 1

// OpenCache reads the cache file at path. A missing file is an empty
// cache; a file that cannot be read or parsed is also an empty cache, and
// the returned error (a warning to print, not a failure) says why. now is
// the clock; nil is time.Now.
func OpenCache(path string, ttl time.Duration, now func() time.Time) (*Cache, error) {
	if now == nil {
		now = time.Now
	}
	c := &Cache{path: path, ttl: ttl, now: now, entries: map[string]cacheEntry{}}
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("link cache %s ignored: %w", path, err)
	}
	var f cacheFile
	if err := json.Unmarshal(data, &f); err != nil {
		return c, fmt.Errorf("link cache %s ignored: not valid JSON: %v", path, err)
	}
	if f.Version != cacheVersion {
		return c, fmt.Errorf("link cache %s ignored: version %d, want %d", path, f.Version, cacheVersion)
	}
	for k, e := range f.Entries {
		c.entries[k] = e
	}
	return c, nil
}

// Fresh reports whether key was ok less than TTL ago.
func (c *Cache) Fresh(key string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	return ok && c.now().Sub(e.Checked) < c.ttl
}

// Put records key as ok now.
func (c *Cache) Put(key string, status int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[key] = cacheEntry{Checked: c.now().UTC().Truncate(time.Second), Status: status}
}

// Save writes the fresh entries to the cache file (creating its
// directory), through a temporary file renamed into place so a killed run
// never leaves half a file.
func (c *Cache) Save() error {
	c.mu.Lock()
	f := cacheFile{Version: cacheVersion, Entries: map[string]cacheEntry{}}
	for k, e := range c.entries {
		if c.now().Sub(e.Checked) < c.ttl {
			f.Entries[k] = e
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
