// Command corpus writes a generated documentation site for benchmarks:
//
//	go run ./bench/corpus -n 10000 -out /tmp/site
//
// The same flags always write the same files.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/quire-docs/quire/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of pages")
	seed := flag.Uint64("seed", 1, "random seed")
	port := flag.Int("port", 8080, "port of the external links (http://127.0.0.1:PORT/)")
	out := flag.String("out", "", "directory to write (must not exist or be empty)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 || *n < 0 {
		fmt.Fprintln(os.Stderr, "usage: corpus -n N -out DIR [-seed S] [-port P]")
		os.Exit(2)
	}
	if err := corpus.Write(*out, corpus.Options{Pages: *n, Seed: *seed, Port: *port}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
