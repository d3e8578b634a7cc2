package cmd_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

var built struct {
	once sync.Once
	path string
	err  error
	out  []byte
}

// buildSRM builds the srm binary once per test run, for the tests that
// need a real process: its own signal handling and environment.
func buildSRM(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		dir, err := os.MkdirTemp("", "srm-build")
		if err != nil {
			built.err = err
			return
		}
		built.path = filepath.Join(dir, "srm")
		built.out, built.err = exec.Command("go", "build", "-o", built.path, "..").CombinedOutput()
	})
	if built.err != nil {
		t.Fatalf("go build: %v\n%s", built.err, built.out)
	}
	return built.path
}
