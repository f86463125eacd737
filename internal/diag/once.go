package diag

import (
	"fmt"
	"slices"
	"strings"
)

// OncePerError reports errs, the errors met rendering items (pages) of
// the same templates, once per distinct diagnostic: the first, naming the
// item it happened on and how many others, as a broken partial would
// otherwise print the same line for every page of a site. errs[i] is the
// error of item i, nil for none; files[i] is the file its diagnostics
// are reported against when they name none, names[i] how messages name
// it. Diagnostics keep the order in which they were first met.
func OncePerError(errs []error, files, names []string) List {
	type group struct {
		first *Diagnostic
		name  string
		more  int
	}
	var order []string
	groups := map[string]*group{}
	for i, err := range errs {
		if err == nil {
			continue
		}
		var l List
		l.AddError(files[i], err)
		for _, d := range l {
			key := d.Error()
			if g, ok := groups[key]; ok {
				g.more++
				continue
			}
			c := *d
			groups[key] = &group{first: &c, name: names[i]}
			order = append(order, key)
		}
	}
	var out List
	for _, key := range order {
		g := groups[key]
		switch {
		case g.first.File == g.name:
			// The error already names the item.
		case g.more == 0:
			g.first.Msg += fmt.Sprintf(" (rendering %s)", g.name)
		default:
			g.first.Msg += fmt.Sprintf(" (rendering %s and %s)", g.name, Count(g.more, "other page"))
		}
		out = append(out, g.first)
	}
	return out
}

// Reported reports whether every diagnostic of err is in l already, up
// to what was added to its message (OncePerError's "(rendering ...)"):
// a template error met again after the pages, as a broken partial that
// the 404 page shares is.
func (l List) Reported(err error) bool {
	var e List
	e.AddError("", err)
	for _, x := range e {
		if !slices.ContainsFunc(l, func(d *Diagnostic) bool {
			return d.File == x.File && d.Line == x.Line && d.Col == x.Col && strings.HasPrefix(d.Msg, x.Msg)
		}) {
			return false
		}
	}
	return len(e) > 0
}

// AddOnFreeLines adds each diagnostic of more unless an error of l is on
// its line already (a diagnostic without a line is always added): a
// problem a later check meets again is reported once.
func (l *List) AddOnFreeLines(more List) {
	type line struct {
		file string
		n    int
	}
	taken := map[line]bool{}
	for _, d := range l.Errors() {
		taken[line{d.File, d.Line}] = true
	}
	for _, d := range more {
		if d.Line == 0 || !taken[line{d.File, d.Line}] {
			l.Add(d)
		}
	}
}
