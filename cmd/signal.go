package cmd

import (
	"os"
	"os/signal"
	"syscall"
)

// Exit codes for a run cut short by a signal, as shells report them.
const (
	exitInterrupted = 130 // Ctrl-C (SIGINT)
	exitTerminated  = 143 // SIGTERM
)

// exitOnSignal makes Ctrl-C and SIGTERM end srm at once with the exit
// code a shell would give, whatever it is doing, such as waiting for a quiz
// answer. Output held for a successful end is dropped. The returned
// function stops listening.
func exitOnSignal() (stop func()) { return onSignal(os.Exit) }

// onSignal is exitOnSignal with the exit function given, for tests.
func onSignal(exit func(code int)) (stop func()) {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-signals:
			if sig == syscall.SIGTERM {
				exit(exitTerminated)
			} else {
				exit(exitInterrupted)
			}
		case <-done:
		}
	}()
	return func() {
		signal.Stop(signals)
		close(done)
	}
}
