package linkcheck

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// BenchmarkExternal2000 checks 2,000 unique URLs spread over 10 local
// servers (distinct loopback addresses 127.0.0.2-11, so distinct hosts),
// each adding 50 ms of latency to every response. The per-host limit of 4
// requests in flight sets a floor of ceil(200/4) × 50 ms per host;
// ratio/floor is the measured time over that floor (goal: ≤ 1.2).
func BenchmarkExternal2000(b *testing.B) {
	const hosts, perHost, conc, latency = 10, 200, 4, 50 * time.Millisecond
	var links []Result
	for h := 0; h < hosts; h++ {
		ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.%d:0", h+2))
		if err != nil {
			b.Skipf("cannot listen on 127.0.0.%d: %v", h+2, err)
		}
		srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(latency)
		}))
		srv.Listener.Close()
		srv.Listener = ln
		srv.Start()
		b.Cleanup(srv.Close)
		for i := 0; i < perHost; i++ {
			links = append(links, Result{URL: fmt.Sprintf("%s/page/%d", srv.URL, i), Kind: External})
		}
	}
	floor := time.Duration((perHost+conc-1)/conc) * latency
	var total time.Duration
	for b.Loop() {
		rs := append([]Result(nil), links...)
		c := NewChecker(ExternalOptions{HostConcurrency: conc, Concurrency: hosts * conc})
		start := time.Now()
		c.Check(context.Background(), rs)
		total += time.Since(start)
		for _, r := range rs {
			if r.Outcome != OK {
				b.Fatalf("%s: %s %s", r.URL, r.Outcome, r.Reason)
			}
		}
	}
	avg := total / time.Duration(b.N)
	b.ReportMetric(float64(avg.Milliseconds()), "run-ms")
	b.ReportMetric(float64(floor.Milliseconds()), "floor-ms")
	b.ReportMetric(float64(avg)/float64(floor), "ratio/floor")
}
