package cli

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	if os.Getenv("QUIRE_CLI_MAIN") == "1" {
		// The test binary run as quire itself (TestServeSignals).
		os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr))
	}
	testscript.Main(m, map[string]func(){
		"quire": func() { os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI scripts in testdata/script. Besides testscript's
// own commands they may use `exits N cmd args...`, which runs cmd and
// fails unless its exit status is N.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":  exits,
			"expand": expand,
			"mkpng":  mkpng,
		},
		Setup: startLinkServer,
	})
}

// startLinkServer serves pages for the link checker's scripts on
// 127.0.0.1 and puts its URL in $SRV: /ok and /page (with id "intro")
// answer 200, /gone 404, /moved redirects permanently to /ok, /moved308
// permanently to /moved, /temp temporarily (302) to /ok, /private
// answers 200 to "Authorization: Bearer s3cr3t-token" and 401 otherwise,
// /ratelimited 403 with a rate limit spent until 2100, /soft-missing 200
// with a "Page not found" page; /wayback/available stands in for the
// Wayback availability API, with a snapshot of /gone only.
func startLinkServer(env *testscript.Env) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><h2 id="intro">Intro</h2></html>`)
	})
	mux.HandleFunc("/gone", http.NotFound)
	mux.HandleFunc("/ratelimited", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-RateLimit-Remaining", "0")
		w.Header().Set("X-RateLimit-Reset", "4102444800") // 2100-01-01
		w.WriteHeader(http.StatusForbidden)
	})
	mux.HandleFunc("/private", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer s3cr3t-token" {
			w.WriteHeader(http.StatusUnauthorized)
		}
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/ok", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/moved308", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/moved", http.StatusPermanentRedirect)
	})
	mux.HandleFunc("/temp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/ok", http.StatusFound)
	})
	mux.HandleFunc("/soft-missing", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><head><title>Page not found</title></head></html>`)
	})
	srv := httptest.NewServer(mux)
	mux.HandleFunc("/wayback/available", func(w http.ResponseWriter, r *http.Request) {
		closest := ""
		if u := r.URL.Query().Get("url"); u == srv.URL+"/gone" {
			closest = `"closest": {"available": true, "status": "200", "url": "http://web.archive.org/web/20200102030405/` + u + `"}`
		}
		fmt.Fprintf(w, `{"archived_snapshots": {%s}}`, closest)
	})
	env.Defer(srv.Close)
	env.Setenv("SRV", srv.URL)
	return nil
}

// expand rewrites each file with $VAR and ${VAR} replaced by the script's
// environment.
func expand(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: expand file...")
	}
	for _, f := range args {
		data := ts.ReadFile(f)
		if err := os.WriteFile(ts.MkAbs(f), []byte(os.Expand(data, ts.Getenv)), 0o644); err != nil {
			ts.Fatalf("expand: %v", err)
		}
	}
}

func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: %v", err)
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		got = ee.ExitCode()
	} else if err != nil {
		ts.Fatalf("exits: %v", err)
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}
