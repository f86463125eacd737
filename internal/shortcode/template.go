package shortcode

import (
	htmltemplate "html/template"
	"io"
	"sync"
	texttemplate "text/template"

	"github.com/quire-docs/quire/internal/budget"
)

// Partial executes a layout partial for a shortcode template: name and
// ctx as the template's partial function got them, its output counted
// against b, the budget of the shortcodes of the page being expanded.
type Partial func(b *budget.Budget, name string, ctx any) (htmltemplate.HTML, error)

// tmpl is one shortcode template file, parsed once per goroutine that
// runs it: its partial function must count against the budget of the
// Expand that runs it, and a template's funcs are fixed when it is parsed,
// so each parsed instance has a runtime of its own that run binds.
type tmpl struct {
	file    string
	text    string
	md      bool // a .md template: text/template, its output markdown
	funcs   htmltemplate.FuncMap
	partial Partial // nil: partial fails

	mu   sync.Mutex
	free []*instance
}

// instance is one parsed copy of a tmpl, used by one Expand at a time.
type instance struct {
	exec func(w io.Writer, data any) error
	rt   *runtime
}

// runtime is what an instance's funcs read of the Expand running it.
type runtime struct{ budget *budget.Budget }

// parse parses a new instance; the first parse reports the file's syntax
// errors.
func (t *tmpl) parse() (*instance, error) {
	rt := &runtime{}
	fm := make(htmltemplate.FuncMap, len(t.funcs)+2)
	for k, v := range t.funcs {
		fm[k] = v
	}
	call := func(name string, ctx any) (htmltemplate.HTML, error) {
		if t.partial == nil {
			return "", errNoPartials
		}
		return t.partial(rt.budget, name, ctx)
	}
	fm["partial"] = func(name string, ctx ...any) (htmltemplate.HTML, error) {
		var data any
		if len(ctx) > 0 {
			data = ctx[0]
		}
		if len(ctx) > 1 {
			return "", errPartialArgs(name, len(ctx))
		}
		return call(name, data)
	}
	// partialCached is partial, run every time, as in layouts: output must
	// not depend on which page ran it first.
	fm["partialCached"] = func(name string, ctx any, variants ...any) (htmltemplate.HTML, error) {
		return call(name, ctx)
	}
	if t.md {
		tt, err := texttemplate.New(t.file).Funcs(texttemplate.FuncMap(fm)).Parse(t.text)
		if err != nil {
			return nil, err
		}
		return &instance{exec: tt.Execute, rt: rt}, nil
	}
	ht, err := htmltemplate.New(t.file).Funcs(fm).Parse(t.text)
	if err != nil {
		return nil, err
	}
	return &instance{exec: ht.Execute, rt: rt}, nil
}

// run executes the template with data as "." under b, in an idle
// instance or a new one.
func (t *tmpl) run(b *budget.Budget, w io.Writer, data any) error {
	in, err := t.get()
	if err != nil {
		return err
	}
	in.rt.budget = b
	err = b.Exec(t.file, w, func(w io.Writer) error { return in.exec(w, data) })
	if be := b.Err(); be != nil && be.Timeout() {
		// The execution may still be running, abandoned (see
		// budget.Budget.Exec): the instance is left to it.
		return err
	}
	in.rt.budget = nil
	t.put(in)
	return err
}

func (t *tmpl) get() (*instance, error) {
	t.mu.Lock()
	if n := len(t.free); n > 0 {
		in := t.free[n-1]
		t.free = t.free[:n-1]
		t.mu.Unlock()
		return in, nil
	}
	t.mu.Unlock()
	return t.parse()
}

func (t *tmpl) put(in *instance) {
	t.mu.Lock()
	t.free = append(t.free, in)
	t.mu.Unlock()
}
