package config

import (
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/quire-docs/quire/internal/diag"
)

// LinkHeader is one header of a [linkcheck.hosts."HOST"] headers table:
// its name, its value as written, in which ${NAME} stands for the
// environment variable NAME (LinkCheck.HostHeaders expands it; the
// config never holds the expanded value), and where the key is written.
type LinkHeader struct {
	Name, Value string
	File        string
	Line, Col   int
}

// linkHeaders checks a host's headers table: names must be HTTP header
// names, values strings whose ${NAME} references are well formed.
func (d *decoder) linkHeaders(l leaf, host, key string, v any) ([]LinkHeader, bool) {
	name := fmt.Sprintf("linkcheck.hosts.%q.headers", host)
	t, ok := v.(map[string]any)
	if !ok {
		d.addAt(l, &problem{name + ": expected a table", `write headers = { Authorization = "Bearer ${TOKEN}" }`})
		return nil, false
	}
	var hs []LinkHeader
	good := true
	for _, k := range sortedKeys(t) {
		p := d.pos.lookup(append(append([]string(nil), l.path...), host, key, k))
		at := leaf{pos: p}
		s, isString := t[k].(string)
		switch {
		case !validHeaderName(k):
			d.addAt(at, &problem{fmt.Sprintf("%s: %q is not an HTTP header name", name, k), "header names are letters, digits and - (such as Authorization)"})
		case !isString:
			d.addAt(at, &problem{fmt.Sprintf("%s.%s: expected a string, got %s", name, k, typeName(t[k])), ""})
		default:
			if _, err := expandRefs(s, func(string) (string, error) { return "", nil }); err != nil {
				d.addAt(at, &problem{fmt.Sprintf("%s.%s: %v", name, k, err), "write ${NAME} for the value of the environment variable NAME"})
				good = false
				continue
			}
			if strings.ContainsAny(s, "\r\n\x00") {
				d.addAt(at, &problem{fmt.Sprintf("%s.%s: a header value cannot hold a line break", name, k), ""})
				good = false
				continue
			}
			hs = append(hs, LinkHeader{Name: http.CanonicalHeaderKey(k), Value: s, File: p.file, Line: p.line, Col: p.col})
			continue
		}
		good = false
	}
	return hs, good
}

// HostHeaders returns the request headers of each host of [linkcheck.hosts]
// that sets some, by lower-case host name, with every ${NAME} replaced by
// the value lookup gives for NAME. A variable lookup does not find, or
// finds empty, is an error at the header's key (an empty token usually
// means a CI secret this job cannot read); so is a value that cannot be
// sent in a header. Messages name variables, never their values.
func (lc LinkCheck) HostHeaders(lookup func(string) (string, bool)) (map[string]http.Header, error) {
	out := map[string]http.Header{}
	var errs diag.List
	hosts := make([]string, 0, len(lc.Hosts))
	for h := range lc.Hosts {
		hosts = append(hosts, h)
	}
	sort.Strings(hosts)
	for _, host := range hosts {
		for _, h := range lc.Hosts[host].Headers {
			at := func(format string, args ...any) {
				errs.Add(diag.Errorf(h.File, h.Line, h.Col, "linkcheck.hosts.%q.headers.%s: "+format, append([]any{host, h.Name}, args...)...).
					WithHint("set the variable in quire's environment (in CI, from a secret), or remove the header"))
			}
			v, err := expandRefs(h.Value, func(name string) (string, error) {
				val, ok := lookup(name)
				switch {
				case !ok || val == "":
					return "", fmt.Errorf("the environment variable %s is not set", name)
				case !validHeaderValue(val):
					return "", fmt.Errorf("the environment variable %s holds a line break or a control character", name)
				}
				return val, nil
			})
			if err != nil {
				at("%v", err)
				continue
			}
			if out[host] == nil {
				out[host] = http.Header{}
			}
			out[host].Set(h.Name, v)
		}
	}
	errs.Sort()
	return out, errs.Err()
}

// expandRefs replaces each ${NAME} of s by get(NAME). NAME is a letter or
// _ then letters, digits or _; a $ not followed by { is itself. An
// unclosed or empty reference, or a bad name, is an error.
func expandRefs(s string, get func(name string) (string, error)) (string, error) {
	var b strings.Builder
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			b.WriteString(s)
			return b.String(), nil
		}
		b.WriteString(s[:i])
		end := strings.IndexByte(s[i:], '}')
		if end < 0 {
			return "", errors.New("${ without a closing }")
		}
		name := s[i+2 : i+end]
		if !validVarName(name) {
			return "", fmt.Errorf("${%s}: not a variable name", name)
		}
		v, err := get(name)
		if err != nil {
			return "", err
		}
		b.WriteString(v)
		s = s[i+end+1:]
	}
}

func validVarName(s string) bool {
	for i, c := range s {
		if !(c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return s != ""
}

// validHeaderName reports whether s is an HTTP token (RFC 9110).
func validHeaderName(s string) bool {
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || strings.ContainsRune("!#$%&'*+-.^_`|~", c)) {
			return false
		}
	}
	return s != ""
}

// validHeaderValue reports whether s can be sent as (part of) a header
// value: no control character but tab.
func validHeaderValue(s string) bool {
	for _, c := range s {
		if c < 0x20 && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}
