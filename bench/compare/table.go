package main

import (
	"fmt"
	"io"
	"time"
)

// row is one site size: the median of every tool's runs, and the median
// of the per-round ratios (each round runs every tool back to back, so on a
// shared machine a round's ratio is fairer than a ratio of medians taken
// from different rounds).
type row struct {
	pages   int
	wall    map[string]time.Duration
	rss     map[string]int64
	vsHugo  float64 // median over rounds of quire wall / Hugo wall
	vsPlain float64 // median over rounds of quire wall / plain Hugo wall (no render hook)
	rssHugo float64 // same for peak RSS
	vsFloor float64 // median over rounds of quire wall / floor wall
	rounds  int
}

func summarise(n int, results map[string][]sample) row {
	r := row{pages: n, wall: map[string]time.Duration{}, rss: map[string]int64{}}
	for name, ss := range results {
		walls := make([]time.Duration, len(ss))
		rsss := make([]int64, len(ss))
		for i, s := range ss {
			walls[i], rsss[i] = s.wall, s.rss
		}
		r.wall[name], r.rss[name] = median(walls), median(rsss)
	}
	q, h, f, hp := results["quire"], results["hugo"], results["floor"], results["hugo-plain"]
	var vsHugo, vsPlain, rssHugo, vsFloor []float64
	for i := range min(len(q), len(h), len(f)) {
		vsHugo = append(vsHugo, ratio(q[i].wall, h[i].wall))
		if i < len(hp) {
			vsPlain = append(vsPlain, ratio(q[i].wall, hp[i].wall))
		}
		rssHugo = append(rssHugo, ratio(q[i].rss, h[i].rss))
		vsFloor = append(vsFloor, ratio(q[i].wall, f[i].wall))
	}
	r.rounds = len(vsHugo)
	if r.rounds > 0 {
		r.vsHugo, r.rssHugo, r.vsFloor = median(vsHugo), median(rssHugo), median(vsFloor)
	}
	if len(vsPlain) > 0 {
		r.vsPlain = median(vsPlain)
	}
	return r
}

// printTable writes the table as markdown, so the docs page can quote it
// as it is, followed by the targets of issue 5 for the largest size.
func printTable(w io.Writer, rows []row, runs int) {
	fmt.Fprintf(w, "\nMedians of %d alternating runs; RSS is peak resident memory; ratios are medians of the per-round ratios.\n\n", runs)
	fmt.Fprintln(w, "Hugo: the bench theme with its render-heading hook (as quire's anchored headings); plain Hugo: the same theme without the hook.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| pages | quire wall | quire RSS | Hugo wall | Hugo RSS | plain Hugo wall | floor wall | floor RSS | wall quire/Hugo | wall quire/plain Hugo | RSS quire/Hugo | wall quire/floor |")
	fmt.Fprintln(w, "|------:|-----------:|----------:|----------:|---------:|----------------:|-----------:|----------:|----------------:|----------------------:|---------------:|-----------------:|")
	for _, r := range rows {
		fmt.Fprintf(w, "| %d | %.2f s | %.0f MiB | %.2f s | %.0f MiB | %.2f s | %.2f s | %.0f MiB | %.2f | %.2f | %.2f | %.2f |\n",
			r.pages, r.wall["quire"].Seconds(), mib(r.rss["quire"]), r.wall["hugo"].Seconds(), mib(r.rss["hugo"]),
			r.wall["hugo-plain"].Seconds(), r.wall["floor"].Seconds(), mib(r.rss["floor"]),
			r.vsHugo, r.vsPlain, r.rssHugo, r.vsFloor)
	}
	for _, r := range rows {
		if d, ok := r.wall["quire-default-theme"]; ok {
			fmt.Fprintf(w, "\nquire with its default theme (sidebar, breadcrumbs, prev/next) at %d pages: %.2f s, %.0f MiB (%.2f× the minimal layout).\n",
				r.pages, d.Seconds(), mib(r.rss["quire-default-theme"]), ratio(d, r.wall["quire"]))
		}
	}
	if len(rows) == 0 {
		return
	}
	last := rows[len(rows)-1]
	fmt.Fprintf(w, "\nTargets at %d pages:\n\n", last.pages)
	target(w, "wall ≤ 0.5× Hugo", last.vsHugo, 0.5)
	target(w, "wall ≤ 0.5× plain Hugo", last.vsPlain, 0.5)
	target(w, "peak RSS ≤ 0.25× Hugo", last.rssHugo, 0.25)
	target(w, "wall ≤ 1.3× floor", last.vsFloor, 1.3)
}

func target(w io.Writer, what string, got, limit float64) {
	verdict := "met"
	if got > limit {
		verdict = "MISSED"
	}
	fmt.Fprintf(w, "- %s: %.2f, %s\n", what, got, verdict)
}

func ratio[T int64 | time.Duration](a, b T) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
