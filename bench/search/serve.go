package main

import (
	"compress/gzip"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
)

// sent counts the body bytes the server sends, after compression, and
// the paths asked for: the browser's own resource timing does not see
// requests made from workers, as Pagefind's are.
type sent struct {
	mu    sync.Mutex
	n     int64
	paths []string
}

func (s *sent) add(path string, n int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n += n
	if path != "" {
		s.paths = append(s.paths, path)
	}
}

// take returns the bytes and paths since the last take.
func (s *sent) take() (int64, []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, p := s.n, s.paths
	s.n, s.paths = 0, nil
	return n, p
}

type countingWriter struct {
	http.ResponseWriter
	s *sent
}

func (c countingWriter) Write(b []byte) (int, error) {
	c.s.add("", int64(len(b)))
	return c.ResponseWriter.Write(b)
}

// serve serves dir on 127.0.0.1 as a static host would, gzip-compressing
// text responses, and counts what it sends in s.
func serve(dir string, s *sent) (*http.Server, string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", err
	}
	files := http.FileServer(http.Dir(dir))
	srv := &http.Server{Handler: http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		s.add(r.URL.Path, 0)
		w := countingWriter{rw, s}
		ext := filepath.Ext(r.URL.Path)
		text := ext == "" || ext == ".html" || ext == ".js" || ext == ".css" || ext == ".json" || ext == ".svg" || strings.HasSuffix(r.URL.Path, "/")
		if !text || !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			files.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		gz := gzip.NewWriter(w)
		defer gz.Close()
		files.ServeHTTP(gzipWriter{w, gz}, r)
	})}
	go srv.Serve(ln)
	return srv, ln.Addr().String(), nil
}

type gzipWriter struct {
	http.ResponseWriter
	gz *gzip.Writer
}

func (g gzipWriter) Write(b []byte) (int, error) { return g.gz.Write(b) }

func (g gzipWriter) WriteHeader(code int) {
	g.ResponseWriter.Header().Del("Content-Length")
	g.ResponseWriter.WriteHeader(code)
}
