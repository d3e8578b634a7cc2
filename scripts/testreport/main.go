// Command testreport reads `go test -json` on stdin and prints what `go
// test` would, then every test that was skipped and why, so that a skip
// in CI is never silent. It exits 1 when a test or a package failed.
//
//	go test -json ./... | go run ./scripts/testreport
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
)

type event struct {
	Action  string
	Package string
	Test    string
	Output  string
}

func main() {
	var (
		failed  bool
		skipped []string
		why     = map[string]string{}   // test -> its skip message
		output  = map[string][]string{} // test -> its output, printed if it fails
	)
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<26)
	for in.Scan() {
		var e event
		if err := json.Unmarshal(in.Bytes(), &e); err != nil {
			fmt.Println(in.Text()) // a build error, not an event
			continue
		}
		key := e.Package + " " + e.Test
		switch e.Action {
		case "output":
			if e.Test == "" {
				// Package lines: "ok", "FAIL", "?   no test files", build output.
				if !strings.HasPrefix(e.Output, "=== ") && !strings.HasPrefix(e.Output, "PASS") {
					fmt.Print(e.Output)
				}
				continue
			}
			output[key] = append(output[key], e.Output)
			if m := strings.TrimSpace(e.Output); !strings.HasPrefix(m, "===") && !strings.HasPrefix(m, "---") && m != "" {
				why[key] = m
			}
		case "fail":
			failed = true
			if e.Test != "" {
				fmt.Print(strings.Join(output[key], ""))
			}
		case "skip":
			if e.Test != "" {
				skipped = append(skipped, key)
			}
		}
	}
	sort.Strings(skipped)
	fmt.Printf("\n%d tests skipped\n", len(skipped))
	for _, k := range skipped {
		fmt.Printf("  %s: %s\n", k, why[k])
	}
	if failed {
		os.Exit(1)
	}
}
