// Package funcs implements Hugo's template functions, with Hugo's names,
// argument order and semantics, for quire's html/template sets.
package funcs

import (
	"errors"
	"html/template"
	"io/fs"
	"regexp"
	"time"
)

// Options binds the functions that need something of the site.
type Options struct {
	BaseURL string // the site's base URL, for relURL, absURL, ...
	// Environment is hugo.Environment: "production" (the default) or
	// "development" (quire serve).
	Environment string
	// Now is what now returns: the build's time, fixed so output depends
	// only on input. Zero makes now fail when it runs.
	Now time.Time
	// Warn receives each distinct warnf message; nil drops them.
	Warn func(msg string)
	// Files is the site root for readFile and fileExists (an os.Root's FS,
	// so symlinks cannot lead out of it); nil: no file exists.
	Files fs.FS
	// Getenv reads an environment variable for os.Getenv, which allows only
	// names that one of GetenvAllow matches.
	Getenv      func(string) string
	GetenvAllow []*regexp.Regexp
	// Data returns the site's data for hugo.Data; nil: empty.
	Data func() map[string]any
}

// New returns the functions, top-level aliases and namespaces
// ("strings", "collections", ...) as one map. Every function is
// deterministic; none panics on template input. text/template's builtins
// index, print, printf and println are left as they are (collections.Index
// and fmt.Printf are Hugo's); slice is Hugo's collections.Slice and eq, ne,
// lt, le, gt and ge are Hugo's comparisons, as in Hugo.
func New(o Options) template.FuncMap {
	var (
		c   Collections
		s   Strings
		m   Math
		tr  Transform
		in  Inflect
		ca  Cast
		cmp Compare
		sf  Safe
		p   Path
		u   = URLs{baseURL: o.BaseURL}
		f   = Fmt{w: &warner{seen: map[string]bool{}, warn: o.Warn}}
		tm  = Time{now: o.Now}
		os  = OS{files: o.Files, getenv: o.Getenv, allow: o.GetenvAllow}
		h   = Hugo{env: o.Environment, data: o.Data}
	)
	if h.env == "" {
		h.env = "production"
	}
	fm := template.FuncMap{
		// Namespaces: {{ strings.ToLower "A" }} calls the method of the
		// value the namespace func returns.
		"collections": func() Collections { return c },
		"strings":     func() Strings { return s },
		"math":        func() Math { return m },
		"transform":   func() Transform { return tr },
		"inflect":     func() Inflect { return in },
		"cast":        func() Cast { return ca },
		"compare":     func() Compare { return cmp },
		"safe":        func() Safe { return sf },
		"path":        func() Path { return p },
		"urls":        func() URLs { return u },
		"fmt":         func() Fmt { return f },
		"os":          func() OS { return os },
		"encoding":    func() Encoding { return Encoding{} },
		"crypto":      func() Crypto { return Crypto{} },
		"hugo":        func() Hugo { return h },
		// time is both a namespace and a function: {{ time "2024-01-02" }}.
		"time": func(args ...any) (any, error) {
			if len(args) == 0 {
				return tm, nil
			}
			return tm.AsTime(args[0], args[1:]...)
		},

		"after": c.After, "append": c.Append, "complement": c.Complement, "delimit": c.Delimit,
		"dict": c.Dictionary, "first": c.First, "in": c.In, "intersect": c.Intersect,
		"isset": c.IsSet, "keyVals": c.KeyVals, "last": c.Last, "reverse": c.Reverse, "seq": c.Seq,
		"slice": c.Slice, "sort": c.Sort, "symdiff": c.SymDiff, "union": c.Union, "uniq": c.Uniq,
		"where": c.Where, "merge": c.Merge, "querify": c.Querify, "newScratch": c.NewScratch,

		"chomp": s.Chomp, "countrunes": s.CountRunes, "countwords": s.CountWords, "findRE": s.FindRE,
		"findRESubmatch": s.FindRESubmatch, "hasPrefix": s.HasPrefix, "hasSuffix": s.HasSuffix,
		"lower": s.ToLower, "replace": s.Replace, "replaceRE": s.ReplaceRE, "slicestr": s.SliceString,
		"split": s.Split, "substr": s.Substr, "title": s.Title, "trim": s.Trim, "truncate": s.Truncate,
		"upper": s.ToUpper,

		"add": m.Add, "sub": m.Sub, "mul": m.Mul, "div": m.Div, "mod": m.Mod, "modBool": m.ModBool,

		"anchorize": tr.Anchorize, "emojify": tr.Emojify, "htmlEscape": tr.HTMLEscape,
		"htmlUnescape": tr.HTMLUnescape, "jsonify": tr.Jsonify, "plainify": tr.Plainify,
		"urlize": tr.URLize,

		"humanize": in.Humanize, "pluralize": in.Pluralize, "singularize": in.Singularize,

		"int": ca.ToInt, "float": ca.ToFloat, "string": ca.ToString,

		"cond": cmp.Conditional, "default": cmp.Default,
		// Hugo's comparisons replace Go's: 1 equals 1.0, and a missing
		// value (nil) equals only nil.
		"eq": cmp.Eq, "ne": cmp.Ne, "lt": cmp.Lt, "le": cmp.Le, "gt": cmp.Gt, "ge": cmp.Ge,

		"safeHTML": sf.HTML, "safeURL": sf.URL, "safeJS": sf.JS, "safeCSS": sf.CSS,
		"safeHTMLAttr": sf.HTMLAttr, "safeJSStr": sf.JSStr,

		"relURL": u.RelURL, "absURL": u.AbsURL, "relLangURL": u.RelLangURL, "absLangURL": u.AbsLangURL,

		"errorf": f.Errorf, "warnf": f.Warnf,
		"erroridf": f.Erroridf, "warnidf": f.Warnidf,

		"dateFormat": tm.Format,

		"readFile": os.ReadFile, "fileExists": os.FileExists, "getenv": os.Getenv,

		"base64Encode": Encoding{}.Base64Encode, "base64Decode": Encoding{}.Base64Decode,

		"md5": Crypto{}.MD5, "sha1": Crypto{}.SHA1, "sha256": Crypto{}.SHA256,
	}
	fm["now"] = func() (time.Time, error) {
		if o.Now.IsZero() {
			return time.Time{}, errors.New("now: this build has no time (quire build takes it from --now, SOURCE_DATE_EPOCH or the clock)")
		}
		return o.Now, nil
	}
	return fm
}
