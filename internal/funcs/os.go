package funcs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strings"
)

// OS is Hugo's os namespace, confined to the site: files are read from
// Options.Files only, environment variables only when allowed.
type OS struct {
	files  fs.FS
	getenv func(string) string
	allow  []*regexp.Regexp
}

// maxReadFile bounds what readFile reads, so a template cannot exhaust
// memory.
const maxReadFile = 16 << 20

// cleanSitePath checks a path given to readFile or fileExists: relative to
// the site root, no ".." that climbs out of it. A leading "/" means the
// site root, as in Hugo.
func cleanSitePath(fn string, v any) (string, error) {
	p, err := str(fn, v)
	if err != nil {
		return "", err
	}
	if strings.Contains(p, `\`) || strings.HasPrefix(p, "//") || path.IsAbs(p) && strings.HasPrefix(path.Clean(p), "/..") {
		return "", fmt.Errorf("%s: %q is outside the site root", fn, p)
	}
	c := path.Clean(strings.TrimPrefix(p, "/"))
	if !fs.ValidPath(c) || c == ".." || strings.HasPrefix(c, "../") {
		return "", fmt.Errorf("%s: %q is outside the site root (want a path relative to it, without \"..\")", fn, p)
	}
	return c, nil
}

// ReadFile returns the text of a file under the site root.
func (o OS) ReadFile(name any) (string, error) {
	p, err := cleanSitePath("readFile", name)
	if err != nil {
		return "", err
	}
	if o.files == nil {
		return "", errors.New("readFile: no site root to read from")
	}
	if err := confined(o.files, p); err != nil {
		return "", fmt.Errorf("readFile: %w", err)
	}
	f, err := o.files.Open(p)
	if err != nil {
		return "", fmt.Errorf("readFile: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxReadFile+1))
	if err != nil {
		return "", fmt.Errorf("readFile: %w", err)
	}
	if len(b) > maxReadFile {
		return "", fmt.Errorf("readFile: %s is larger than %d bytes", p, maxReadFile)
	}
	return string(b), nil
}

// FileExists reports whether a file or directory exists under the site root.
func (o OS) FileExists(name any) (bool, error) {
	p, err := cleanSitePath("fileExists", name)
	if err != nil {
		return false, err
	}
	if o.files == nil {
		return false, nil
	}
	if err := confined(o.files, p); err != nil {
		return false, fmt.Errorf("fileExists: %w", err)
	}
	_, err = fs.Stat(o.files, p)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("fileExists: %w", err)
	}
	return true, nil
}

// Getenv returns an environment variable whose name an allow pattern
// matches; any other name is an error, as under Hugo's security policy.
func (o OS) Getenv(name any) (string, error) {
	n, err := str("os.Getenv", name)
	if err != nil {
		return "", err
	}
	for _, re := range o.allow {
		if re.MatchString(n) {
			if o.getenv == nil {
				return "", nil
			}
			return o.getenv(n), nil
		}
	}
	return "", fmt.Errorf("os.Getenv: reading %q is not allowed (the site's security policy allows only the variables its getenv patterns match)", n)
}
