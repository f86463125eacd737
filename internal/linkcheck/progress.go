package linkcheck

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/term"
)

// ProgressWanted reports whether a live progress line belongs on w: only
// when w is a terminal and the CI environment variable is unset (CI logs
// are files, where a redrawn line is noise).
func ProgressWanted(w io.Writer, getenv func(string) string) bool {
	if getenv("CI") != "" {
		return false
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// ShowProgress draws "links: 120/2000 checked, 3 hosts waiting on rate
// limits" on w now and every interval, redrawing it in place with \r,
// until stop is called; stop erases the line.
func ShowProgress(w io.Writer, every time.Duration, status func() (done, total, waiting int)) (stop func()) {
	var mu sync.Mutex
	width := 0
	draw := func() {
		done, total, waiting := status()
		if total == 0 {
			return // not started yet
		}
		line := fmt.Sprintf("links: %d/%d checked", done, total)
		if waiting > 0 {
			line += fmt.Sprintf(", %d %s waiting on rate limits", waiting, plural(waiting, "host"))
		}
		mu.Lock()
		defer mu.Unlock()
		pad := max(width-len(line), 0)
		fmt.Fprintf(w, "\r%s%*s", line, pad, "")
		width = len(line)
	}
	draw()
	quit := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-quit:
				return
			case <-t.C:
				draw()
			}
		}
	}()
	return func() {
		close(quit)
		<-finished
		mu.Lock()
		fmt.Fprintf(w, "\r%*s\r", width, "")
		mu.Unlock()
	}
}
