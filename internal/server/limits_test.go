package server

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"sync"
	"testing"
	"time"
)

const tinySite = "-- config.toml --\ntitle = 'x'\n-- content/_index.md --\n---\ntitle: Home\n---\nHome.\n"

// limited serves a tiny site within l on 127.0.0.1 and returns its
// address; hook, when not nil, sees every connection state change.
func limited(t *testing.T, l Limits, hook func(net.Conn, http.ConnState)) string {
	t.Helper()
	s, _ := newServer(t, writeSite(t, tinySite), false)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs, lim := s.HTTPServer(ln, l)
	hs.ConnState = hook
	done := make(chan error, 1)
	go func() { done <- hs.Serve(lim) }()
	t.Cleanup(func() {
		hs.Close()
		if err := <-done; !errors.Is(err, http.ErrServerClosed) {
			t.Errorf("Serve: %v", err)
		}
	})
	return ln.Addr().String()
}

// client is one keep-alive connection.
type client struct {
	t    *testing.T
	conn net.Conn
	r    *bufio.Reader
}

func dial(t *testing.T, addr string) *client {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	// A guard against hanging, not a measure: every read below is of
	// something the server sends, or of its closing the connection.
	conn.SetReadDeadline(time.Now().Add(time.Minute))
	return &client{t: t, conn: conn, r: bufio.NewReader(conn)}
}

func (c *client) send() {
	c.t.Helper()
	if _, err := fmt.Fprintf(c.conn, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"); err != nil {
		c.t.Fatal(err)
	}
}

func (c *client) response() {
	c.t.Helper()
	res, err := http.ReadResponse(c.r, nil)
	if err != nil {
		c.t.Fatalf("reading the response: %v", err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		c.t.Fatalf("status %d", res.StatusCode)
	}
}

// closed fails unless the server closes the connection, after whatever
// it still sends.
func (c *client) closed(what string) {
	c.t.Helper()
	_, err := io.Copy(io.Discard, c.r)
	if errors.Is(err, os.ErrDeadlineExceeded) {
		c.t.Fatalf("%s: the server kept the connection open for a minute", what)
	}
}

// TestIdleTimeout: a keep-alive connection that sends no further request
// is closed by the server.
func TestIdleTimeout(t *testing.T) {
	t.Parallel()
	c := dial(t, limited(t, Limits{IdleTimeout: time.Millisecond}, nil))
	c.send()
	c.response()
	c.closed("idle keep-alive connection")
}

// TestReadHeaderTimeout: a client that stops halfway through its
// headers is disconnected.
func TestReadHeaderTimeout(t *testing.T) {
	t.Parallel()
	c := dial(t, limited(t, Limits{ReadHeaderTimeout: time.Millisecond}, nil))
	if _, err := fmt.Fprintf(c.conn, "GET / HTTP/1.1\r\nHost: local"); err != nil {
		t.Fatal(err)
	}
	c.closed("half-sent headers")
}

// TestMaxConns: with two connections open a third waits, unserved, and
// is served once one of the two closes; no more than two are ever open.
func TestMaxConns(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	open, most := 0, 0
	hook := func(_ net.Conn, st http.ConnState) {
		mu.Lock()
		defer mu.Unlock()
		switch st {
		case http.StateNew:
			open++
			most = max(most, open)
		case http.StateClosed, http.StateHijacked:
			open--
		}
	}
	waiting := make(chan struct{}, 1)
	l := Limits{MaxConns: 2, waiting: func() { waiting <- struct{}{} }}
	addr := limited(t, l, hook)
	a, b := dial(t, addr), dial(t, addr)
	for _, c := range []*client{a, b} {
		c.send()
		c.response()
	}
	c := dial(t, addr)
	c.send()
	select {
	case <-waiting:
	case <-time.After(time.Minute): // a guard against hanging, not a measure
		t.Fatal("a third connection did not wait while two were open")
	}
	mu.Lock()
	if open != 2 {
		t.Errorf("%d connections served while the third waits, want 2", open)
	}
	mu.Unlock()
	a.conn.Close()
	c.response()
	b.send()
	b.response()
	mu.Lock()
	defer mu.Unlock()
	if most > 2 {
		t.Errorf("%d connections open at once, want at most 2", most)
	}
}
