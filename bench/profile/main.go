// Command profile runs quire's command line under the CPU profiler and
// writes an allocation profile at the end, for finding where a build
// spends its time (#5's "profile, then fix"):
//
//	go run ./bench/profile -cpu cpu.out -mem mem.out -- build --quiet --source /tmp/site
//	go tool pprof -top cpu.out
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"time"

	"github.com/quire-docs/quire/internal/cli"
)

func main() {
	cpu := flag.String("cpu", "", "write a CPU profile to this file")
	mem := flag.String("mem", "", "write an allocation profile to this file at the end")
	tr := flag.String("trace", "", "write an execution trace to this file (go tool trace)")
	heap := flag.String("heap", "", "write a heap profile of what is live at -heap-after")
	heapAfter := flag.Duration("heap-after", 5*time.Second, "when to write -heap")
	flag.Parse()
	var heapTimer *time.Timer
	heapDone := make(chan struct{})
	if *heap != "" {
		heapTimer = time.AfterFunc(*heapAfter, func() {
			defer close(heapDone)
			if err := writeProfile(*heap, "heap"); err != nil {
				fmt.Fprintln(os.Stderr, "profile:", err)
			}
		})
	}
	if *tr != "" {
		f, err := os.Create(*tr)
		if err == nil {
			err = trace.Start(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "profile:", err)
			os.Exit(2)
		}
	}
	if *cpu != "" {
		f, err := os.Create(*cpu)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "profile:", err)
			os.Exit(2)
		}
	}
	code := cli.Main(flag.Args(), os.Stdout, os.Stderr)
	if *tr != "" {
		trace.Stop()
	}
	if *cpu != "" {
		pprof.StopCPUProfile()
	}
	if heapTimer != nil {
		if heapTimer.Stop() {
			// The command ended first: what is live at its end.
			fmt.Fprintf(os.Stderr, "profile: the command ended before -heap-after; %s is the heap at its end\n", *heap)
			heapTimer.Reset(0)
		}
		<-heapDone
	}
	if *mem != "" {
		if err := writeProfile(*mem, "allocs"); err != nil {
			fmt.Fprintln(os.Stderr, "profile:", err)
			os.Exit(2)
		}
	}
	os.Exit(code)
}

// writeProfile writes the runtime profile name to the file path, after a
// garbage collection, so that it shows what is live.
func writeProfile(path, name string) error {
	runtime.GC()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	err = pprof.Lookup(name).WriteTo(f, 0)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
