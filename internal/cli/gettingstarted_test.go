package cli

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// gettingStarted is the page this test follows.
const gettingStarted = "../../content/docs/getting-started.md"

// step is one thing the page tells the reader to do: run a command, or
// write a file.
type step struct {
	line int      // in the page
	args []string // a command, split on spaces
	file string   // or a file to write (a block's title)
	data string
	// shows is what the page shows the command printing (a text block
	// right after its sh block, starting "created" or "built"), up to
	// the time a build took.
	shows string
}

// titleAttr is a code block's title attribute, the file it shows.
var titleAttr = regexp.MustCompile(`\btitle="([^"]+)"`)

// readSteps reads the page's steps: each line of a ```sh block is a
// command (comments and blank lines aside), a ```text block right after
// one shows what its last command prints, and a block with a title is a
// file's whole text.
func readSteps(t *testing.T, page []byte) []step {
	t.Helper()
	var steps []step
	sc := bufio.NewScanner(bytes.NewReader(page))
	var (
		in    bool
		info  string
		start int
		prev  int // the line that closed the last block
		body  strings.Builder
	)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case !in && strings.HasPrefix(line, "```"):
			in, info, start = true, strings.TrimPrefix(line, "```"), n
			body.Reset()
		case in && line == "```":
			in = false
			text := body.String()
			if info == "text" && len(steps) > 0 && steps[len(steps)-1].args != nil && prev == start-2 &&
				(strings.HasPrefix(text, "created ") || strings.HasPrefix(text, "built ")) {
				text, _, _ = strings.Cut(strings.TrimSpace(text), " in ")
				steps[len(steps)-1].shows = text
			}
			prev = n
			if m := titleAttr.FindStringSubmatch(info); m != nil {
				steps = append(steps, step{line: start, file: m[1], data: body.String()})
			} else if info == "sh" {
				for i, cmd := range strings.Split(strings.TrimSuffix(body.String(), "\n"), "\n") {
					if c, _, _ := strings.Cut(cmd, " #"); strings.TrimSpace(c) != "" && !strings.HasPrefix(strings.TrimSpace(c), "#") {
						steps = append(steps, step{line: start + 1 + i, args: strings.Fields(c)})
					}
				}
			}
		case in:
			body.WriteString(line + "\n")
		}
	}
	if in {
		t.Fatalf("%s:%d: code block not closed", gettingStarted, start)
	}
	return steps
}

// TestGettingStarted follows content/docs/getting-started.md literally in
// an empty directory: every quire command of the page must succeed with
// no warnings, and the site must end up with the page the tutorial adds,
// linked from the home page. Installing quire (go install, make) is
// skipped, as the test is quire; quire serve, which runs until Ctrl-C, is
// checked to be on the page but not run.
func TestGettingStarted(t *testing.T) {
	t.Parallel()
	page, err := os.ReadFile(gettingStarted)
	if err != nil {
		t.Fatal(err)
	}
	steps := readSteps(t, page)
	dir := t.TempDir()
	var ran []string
	for _, s := range steps {
		where := func() string { return gettingStarted + ":" + strconv.Itoa(s.line) }
		if s.file != "" {
			name := filepath.Join(dir, filepath.FromSlash(s.file))
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(name, []byte(s.data), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		switch {
		case s.args[0] == "cd" && len(s.args) == 2:
			dir = filepath.Join(dir, s.args[1])
		case s.args[0] == "go" && len(s.args) > 1 && s.args[1] == "install", s.args[0] == "make":
			// Installing quire: the test runs quire in-process.
		case s.args[0] == "quire" && len(s.args) > 1 && s.args[1] == "serve":
			ran = append(ran, "serve")
		case s.args[0] == "quire":
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), Env{Stdout: &stdout, Stderr: &stderr, Dir: dir}, s.args[1:])
			if code != 0 || strings.Contains(stderr.String(), "warning:") {
				t.Fatalf("%s: %s exited %d:\n%s%s", where(), strings.Join(s.args, " "), code, stdout.String(), stderr.String())
			}
			if s.shows != "" && !strings.Contains(stdout.String()+stderr.String(), s.shows) {
				t.Errorf("%s: %s printed:\n%s%s\nThe page shows %q", where(), strings.Join(s.args, " "), stdout.String(), stderr.String(), s.shows)
			}
			ran = append(ran, s.args[1])
		default:
			t.Fatalf("%s: the page runs %q, which this test does not know; teach the test, or change the page", where(), strings.Join(s.args, " "))
		}
	}
	if got, want := strings.Join(ran, " "), "version init build serve new build build build"; got != want {
		t.Errorf("the page's quire commands are %q, want %q: check the test still follows the page", got, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "docs", "first-steps", "index.html")); err != nil {
		t.Errorf("the page the tutorial adds was not built: %v", err)
	}
	home, err := os.ReadFile(filepath.Join(dir, "public", "index.html"))
	if err != nil || !bytes.Contains(home, []byte(`/docs/first-steps/`)) {
		t.Errorf("the home page does not link to /docs/first-steps/ (%v)", err)
	}
}
