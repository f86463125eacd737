package funcs

import (
	"fmt"
	"net/url"
	"path"
	"strings"
)

// URLs is Hugo's urls namespace, bound to the site's base URL.
type URLs struct{ baseURL string }

// RelURL returns in as a URL path under the base URL's path, as Hugo does:
// "css/a.css" → "/docs/css/a.css" for base "https://e.com/docs/". Absolute
// URLs and server-root paths ("/x") are returned unchanged.
func (u URLs) RelURL(in any) (string, error) {
	s, err := safeStr("relURL", in)
	return relURL(u.baseURL, s), err
}

// AbsURL returns in as an absolute URL: "css/a.css" → baseURL + "css/a.css";
// "/x" → scheme://host/x; absolute URLs unchanged.
func (u URLs) AbsURL(in any) (string, error) {
	s, err := safeStr("absURL", in)
	return absURL(u.baseURL, s), err
}

// RelLangURL and AbsLangURL are RelURL and AbsURL: quire sites have one
// language.
func (u URLs) RelLangURL(in any) (string, error) { return u.RelURL(in) }
func (u URLs) AbsLangURL(in any) (string, error) { return u.AbsURL(in) }

// Anchorize and URLize are also in the urls namespace.
func (URLs) Anchorize(s any) (string, error) { return Transform{}.Anchorize(s) }
func (URLs) URLize(s any) (string, error)    { return Transform{}.URLize(s) }

// Parse parses a URL: {{ (urls.Parse "https://e.com/a?b=1").Host }}.
func (URLs) Parse(in any) (*url.URL, error) {
	s, err := str("urls.Parse", in)
	if err != nil {
		return nil, err
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("urls.Parse: %w", err)
	}
	return u, nil
}

// JoinPath joins a base URL and path elements, cleaning the path.
func (URLs) JoinPath(elems ...any) (string, error) {
	if len(elems) == 0 {
		return "", nil
	}
	parts := make([]string, 0, len(elems))
	for _, e := range flattenArgs(elems) {
		s, err := str("urls.JoinPath", e)
		if err != nil {
			return "", err
		}
		parts = append(parts, s)
	}
	u, err := url.Parse(parts[0])
	if err != nil {
		return "", fmt.Errorf("urls.JoinPath: %w", err)
	}
	return u.JoinPath(parts[1:]...).String(), nil
}

// flattenArgs expands slice arguments into their elements.
func flattenArgs(args []any) []any {
	var out []any
	for _, a := range args {
		if vs, ok := seqValues(a); ok && a != nil {
			if _, isStr := a.(string); !isStr {
				for _, v := range vs {
					out = append(out, valueOf(v))
				}
				continue
			}
		}
		out = append(out, a)
	}
	return out
}

// relURL: see URLs.RelURL. An absolute URL under the base URL loses its
// scheme and host, as in Hugo: "https://example.org/docs/" → "/docs".
func relURL(baseURL, in string) string {
	if base := strings.TrimSuffix(baseURL, "/") + "/"; IsAbsURL(base) && strings.HasPrefix(in, base) {
		rest := in[len(base):]
		if rest == "" && BasePath(baseURL) != "/" {
			return strings.TrimSuffix(BasePath(baseURL), "/")
		}
		return BasePath(baseURL) + rest
	}
	if IsAbsURL(in) || strings.HasPrefix(in, "/") {
		return in
	}
	return BasePath(baseURL) + in
}

func absURL(baseURL, in string) string {
	if IsAbsURL(in) {
		return in
	}
	u, err := url.Parse(baseURL)
	if err != nil || u.Host == "" {
		return relURL(baseURL, in)
	}
	if strings.HasPrefix(in, "/") {
		return u.Scheme + "://" + u.Host + in
	}
	return u.Scheme + "://" + u.Host + BasePath(baseURL) + in
}

// BasePath is the path of baseURL, starting and ending with "/".
func BasePath(baseURL string) string {
	p := "/"
	if u, err := url.Parse(baseURL); err == nil {
		p = u.Path
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// IsAbsURL reports whether s has a scheme or is protocol-relative.
func IsAbsURL(s string) bool {
	if strings.HasPrefix(s, "//") {
		return true
	}
	u, err := url.Parse(s)
	return err == nil && u.Scheme != ""
}

// Path is Hugo's path namespace: slash-separated paths.
type Path struct{}

func (Path) Base(p any) (string, error) {
	s, err := str("path.Base", p)
	return path.Base(s), err
}

// BaseName is Base without the extension.
func (Path) BaseName(p any) (string, error) {
	s, err := str("path.BaseName", p)
	b := path.Base(s)
	return strings.TrimSuffix(b, path.Ext(b)), err
}

func (Path) Dir(p any) (string, error) {
	s, err := str("path.Dir", p)
	return path.Dir(s), err
}

func (Path) Ext(p any) (string, error) {
	s, err := str("path.Ext", p)
	return path.Ext(s), err
}

func (Path) Clean(p any) (string, error) {
	s, err := str("path.Clean", p)
	return path.Clean(strings.ReplaceAll(s, `\`, "/")), err
}

// Join joins path elements (slices are flattened) and cleans the result.
func (Path) Join(elems ...any) (string, error) {
	parts := make([]string, 0, len(elems))
	for _, e := range flattenArgs(elems) {
		s, err := str("path.Join", e)
		if err != nil {
			return "", err
		}
		parts = append(parts, s)
	}
	return path.Join(parts...), nil
}

// Split splits a path after its last slash: {{ (path.Split "a/b.md").File }}.
func (Path) Split(p any) (DirFile, error) {
	s, err := str("path.Split", p)
	d, f := path.Split(s)
	return DirFile{Dir: d, File: f}, err
}

// DirFile is path.Split's result.
type DirFile struct{ Dir, File string }

func (df DirFile) String() string { return df.Dir + df.File }
