// Command bench measures srm's start-up against a bare cobra binary: it
// builds both, runs them alternately so that both see the same machine
// state, and prints each command's median wall time and peak memory with
// its ratio to the reference.
//
//	go run ./scripts/bench            # 200 rounds
//	go run ./scripts/bench -n 500 -json
//	go run ./scripts/bench -baseline 14766f3   # also an earlier srm, side by side
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// gnuTime is GNU time's path, which measures peak memory.
var gnuTime string

type target struct {
	Name   string   `json:"name"`
	Args   []string `json:"args"`
	Budget float64  `json:"budget"` // wall-time ratio to the reference, 0 for none
	bin    string
	wall   []time.Duration
	rss    []int64
}

type result struct {
	Name       string  `json:"name"`
	MedianMs   float64 `json:"median_ms"`
	P90Ms      float64 `json:"p90_ms"`
	MaxRSSKB   int64   `json:"max_rss_kb"`
	TimeRatio  float64 `json:"time_ratio"`
	RSSRatio   float64 `json:"rss_ratio"`
	TimeBudget float64 `json:"time_budget,omitempty"`
	RSSBudget  float64 `json:"rss_budget"`
}

func main() {
	rounds := flag.Int("n", 200, "rounds: each command runs once per round")
	warmup := flag.Int("warmup", 20, "rounds run first and not counted")
	asJSON := flag.Bool("json", false, "print JSON")
	baseline := flag.String("baseline", "", "also build srm at this git `revision` and run its who and table beside today's")
	flag.Parse()
	if path, err := exec.LookPath("/usr/bin/time"); err == nil {
		gnuTime = path
	} else {
		fmt.Fprintln(os.Stderr, "bench: /usr/bin/time (Debian package time) is missing, so peak memory is not measured")
	}

	dir, err := os.MkdirTemp("", "srm-bench")
	check(err)
	defer os.RemoveAll(dir)
	srm, bare, deps := filepath.Join(dir, "srm"), filepath.Join(dir, "barecobra"), filepath.Join(dir, "barecobra-deps")
	build(srm, ".")
	build(bare, "./scripts/bench/barecobra")
	build(deps, "./scripts/bench/barecobra", "-tags", "deps")

	ref := &target{Name: "barecobra who --service ec2 --item guest-os-patching", bin: bare, Args: []string{"who", "--service", "ec2", "--item", "guest-os-patching"}}
	targets := []*target{
		ref,
		{Name: "barecobra who ... (linking srm's dependencies)", bin: deps, Args: ref.Args},
		{Name: "srm who --service ec2 --item guest-os-patching", bin: srm, Args: []string{"who", "--service", "ec2", "--item", "guest-os-patching"}, Budget: 1.15},
		{Name: "srm table", bin: srm, Args: []string{"table"}, Budget: 1.3},
		{Name: "srm who -q ec2 guest-os-patching", bin: srm, Args: []string{"who", "-q", "ec2", "guest-os-patching"}},
		{Name: "srm version", bin: srm, Args: []string{"version"}},
	}
	if *baseline != "" {
		old := filepath.Join(dir, "srm-baseline")
		buildAt(old, *baseline, dir)
		targets = append(targets,
			&target{Name: "srm@" + *baseline + " who --service ec2 --item guest-os-patching", bin: old, Args: targets[2].Args},
			&target{Name: "srm@" + *baseline + " table", bin: old, Args: []string{"table"}},
		)
	}
	for i := 0; i < *warmup+*rounds; i++ {
		for _, t := range targets {
			wall, rss := runOnce(t)
			if i >= *warmup {
				t.wall = append(t.wall, wall)
				t.rss = append(t.rss, rss)
			}
		}
	}

	refWall, refRSS := median(ref.wall), max(medianInt(ref.rss), 1)
	var results []result
	for _, t := range targets {
		r := result{
			Name:       t.Name,
			MedianMs:   ms(median(t.wall)),
			P90Ms:      ms(percentile(t.wall, 0.9)),
			MaxRSSKB:   medianInt(t.rss),
			TimeRatio:  float64(median(t.wall)) / float64(refWall),
			RSSRatio:   float64(medianInt(t.rss)) / float64(refRSS),
			TimeBudget: t.Budget,
			RSSBudget:  1.5,
		}
		results = append(results, r)
	}
	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		check(enc.Encode(map[string]any{"go": runtime.Version(), "cpus": runtime.NumCPU(), "rounds": *rounds, "results": results}))
		return
	}
	printTable(os.Stdout, results, *rounds)
}

func printTable(w io.Writer, results []result, rounds int) {
	fmt.Fprintf(w, "%d rounds, alternating; %s, %d CPUs\n\n", rounds, runtime.Version(), runtime.NumCPU())
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "median ms\tp90 ms\ttime ×\tbudget\tpeak RSS KB\tRSS ×\t\tcommand")
	for _, r := range results {
		budget := "-"
		if r.TimeBudget > 0 {
			budget = fmt.Sprintf("≤%.2f", r.TimeBudget)
		}
		fmt.Fprintf(tw, "%.2f\t%.2f\t%.2f\t%s\t%d\t%.2f\t\t%s\n", r.MedianMs, r.P90Ms, r.TimeRatio, budget, r.MaxRSSKB, r.RSSRatio, r.Name)
	}
	tw.Flush()
}

// runOnce runs a command twice: directly, for its wall time, and under
// GNU time, for its peak memory. The peak memory the kernel reports to a
// Go parent is no use: Go starts children with vfork, and the child's
// peak then counts the parent's memory until exec.
func runOnce(t *target) (time.Duration, int64) {
	cmd := exec.Command(t.bin, t.Args...)
	start := time.Now()
	check(cmd.Run())
	wall := time.Since(start)
	if gnuTime == "" {
		return wall, 0
	}
	out, err := exec.Command(gnuTime, append([]string{"-f", "%M", t.bin}, t.Args...)...).CombinedOutput()
	check(err)
	var rss int64
	fmt.Sscan(lastLine(out), &rss)
	return wall, rss
}

func lastLine(b []byte) string {
	s := strings.TrimSpace(string(b))
	return s[strings.LastIndexByte(s, '\n')+1:]
}

func build(out, pkg string, flags ...string) {
	cmd := exec.Command("go", append(append([]string{"build", "-o", out}, flags...), pkg)...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	check(cmd.Run())
}

// buildAt builds srm as it was at a git revision, from a worktree in tmp.
func buildAt(out, rev, tmp string) {
	src := filepath.Join(tmp, "baseline-src")
	cmd := exec.Command("git", "worktree", "add", "--detach", src, rev)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	check(cmd.Run())
	defer exec.Command("git", "worktree", "remove", "--force", src).Run()
	b := exec.Command("go", "build", "-o", out, ".")
	b.Dir, b.Stdout, b.Stderr = src, os.Stderr, os.Stderr
	check(b.Run())
}

func median(d []time.Duration) time.Duration { return percentile(d, 0.5) }

func percentile(d []time.Duration, p float64) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[int(float64(len(s)-1)*p)]
}

func medianInt(v []int64) int64 {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}
