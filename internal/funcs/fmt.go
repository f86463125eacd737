package funcs

import (
	"fmt"
	"sync"
)

// Fmt is Hugo's fmt namespace. Errorf fails the template (the error names
// the template and position, as every execution error does); Warnf hands a
// warning to Options.Warn once per distinct message.
type Fmt struct{ w *warner }

// warner passes warnings on, each distinct message once per Funcs value.
type warner struct {
	mu   sync.Mutex
	seen map[string]bool
	warn func(string)
}

func (Fmt) Printf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
func (Fmt) Print(args ...any) string                 { return fmt.Sprint(args...) }
func (Fmt) Println(args ...any) string               { return fmt.Sprintln(args...) }

// Errorf fails the template with the formatted message.
func (Fmt) Errorf(format string, args ...any) (string, error) {
	return "", fmt.Errorf(format, args...)
}

// Erroridf is Errorf; quire has no ignorable error ids.
func (f Fmt) Erroridf(id, format string, args ...any) (string, error) {
	return f.Errorf(format, args...)
}

// Warnf reports the formatted message as a warning and outputs nothing.
func (f Fmt) Warnf(format string, args ...any) string {
	if f.w == nil || f.w.warn == nil {
		return ""
	}
	msg := fmt.Sprintf(format, args...)
	f.w.mu.Lock()
	first := !f.w.seen[msg]
	f.w.seen[msg] = true
	f.w.mu.Unlock()
	if first {
		f.w.warn(msg)
	}
	return ""
}

// Warnidf is Warnf.
func (f Fmt) Warnidf(id, format string, args ...any) string { return f.Warnf(format, args...) }

// Warnings collects warnf's messages from every template of a build, each
// distinct message once: its Add is an Options.Warn. Safe for concurrent
// use.
type Warnings struct {
	mu   sync.Mutex
	seen map[string]bool
	msgs []string
}

// Add records msg unless it was recorded before.
func (w *Warnings) Add(msg string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.seen[msg] {
		return
	}
	if w.seen == nil {
		w.seen = map[string]bool{}
	}
	w.seen[msg] = true
	w.msgs = append(w.msgs, msg)
}

// Messages returns the distinct messages, sorted, so output does not
// depend on which page warned first.
func (w *Warnings) Messages() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := append([]string(nil), w.msgs...)
	sortStrings(out)
	return out
}
