package cmd_test

import (
	"os"
	"os/exec"
	"testing"
)

// srmBinary is the srm the tests that need a real process run: its own
// signal handling, a closed pipe, the environment. It is the test binary
// itself, which testscript.Main links into a temporary directory on PATH
// under the name srm and runs as srm's main (see TestMain), so no second
// build is needed and nothing is left behind.
func srmBinary(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("srm")
	if err != nil {
		t.Fatalf("srm is not on PATH: %v", err)
	}
	self, err1 := os.Stat(os.Args[0])
	found, err2 := os.Stat(path)
	if err1 != nil || err2 != nil || !os.SameFile(self, found) {
		t.Fatalf("%s is not this test binary: another srm is first on PATH", path)
	}
	return path
}
