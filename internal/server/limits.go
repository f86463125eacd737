package server

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// Limits bound what clients can hold of a server, so that idle or
// stalled ones cannot use up the file descriptors that new clients and
// rebuilds need.
type Limits struct {
	// MaxConns is how many connections may be open at once; past it the
	// next one waits to be accepted until another closes. 0: no limit.
	MaxConns int
	// ReadHeaderTimeout closes a connection whose request headers have
	// not all arrived this long after it began sending them.
	ReadHeaderTimeout time.Duration
	// IdleTimeout closes a keep-alive connection that sends no request
	// for this long. Live-reload streams are not idle: they last.
	IdleTimeout time.Duration

	// waiting, when set (by tests), is called when a connection has
	// arrived and waits for one of MaxConns to close.
	waiting func()
}

// DefaultLimits are quire serve's: far more connections than a few
// browsers open (six per tab at most), far fewer than the usual limit of
// file descriptors; headers within 10 s; a minute of idleness.
func DefaultLimits() Limits {
	return Limits{MaxConns: 128, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: time.Minute}
}

// HTTPServer returns an http.Server for s within l and ln wrapped to
// hold to l.MaxConns: serve with hs.Serve(limited). Its Shutdown ends
// every live-reload stream.
func (s *Server) HTTPServer(ln net.Listener, l Limits) (hs *http.Server, limited net.Listener) {
	hs = &http.Server{Handler: s, ReadHeaderTimeout: l.ReadHeaderTimeout, IdleTimeout: l.IdleTimeout}
	hs.RegisterOnShutdown(s.Close)
	if l.MaxConns > 0 {
		ln = &limitListener{Listener: ln, slots: make(chan struct{}, l.MaxConns), done: make(chan struct{}), waiting: l.waiting}
	}
	return hs, ln
}

// limitListener has at most cap(slots) of its connections open at once.
// Unlike x/net's netutil.LimitListener it takes the next connection
// before it waits for a slot (one descriptor more), so that a wait is
// something that happens, which a test can see.
type limitListener struct {
	net.Listener
	slots   chan struct{} // one per open connection
	done    chan struct{} // closed by Close
	once    sync.Once
	waiting func()
}

func (l *limitListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	select {
	case l.slots <- struct{}{}:
	default:
		if l.waiting != nil {
			l.waiting()
		}
		select {
		case l.slots <- struct{}{}:
		case <-l.done:
			c.Close()
			return nil, net.ErrClosed
		}
	}
	return &limitConn{Conn: c, release: sync.OnceFunc(func() { <-l.slots })}, nil
}

func (l *limitListener) Close() error {
	l.once.Do(func() { close(l.done) })
	return l.Listener.Close()
}

// limitConn gives its slot back when it is closed, once.
type limitConn struct {
	net.Conn
	release func()
}

func (c *limitConn) Close() error {
	err := c.Conn.Close()
	c.release()
	return err
}
