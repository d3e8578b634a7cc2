//go:build unix

package cmd

import (
	"syscall"
	"testing"
)

// TestSignalsExitWithTheShellsCodes sends srm's own process SIGINT and
// SIGTERM and checks the exit codes it would end with.
func TestSignalsExitWithTheShellsCodes(t *testing.T) {
	for sig, want := range map[syscall.Signal]int{syscall.SIGINT: exitInterrupted, syscall.SIGTERM: exitTerminated} {
		codes := make(chan int, 1)
		stop := onSignal(func(code int) { codes <- code })
		if err := syscall.Kill(syscall.Getpid(), sig); err != nil {
			t.Fatal(err)
		}
		if got := <-codes; got != want {
			t.Errorf("%v: exit %d, want %d", sig, got, want)
		}
		stop()
	}
}
