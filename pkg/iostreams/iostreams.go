// Package iostreams gives commands their input and output streams and
// tells them how to present output on them.
//
// The rules srm follows:
//   - stdout carries only the answer; errors, warnings and hints go to
//     stderr, and stdout stays empty when a command fails;
//   - whether stdout is a terminal changes presentation (colour, width),
//     never content;
//   - colour is used only when stdout is a terminal, and NO_COLOR (any
//     non-empty value), TERM=dumb or --no-color turn it off; FORCE_COLOR or
//     CLICOLOR_FORCE (non-empty, not "0") turn it on even in a pipe.
package iostreams

import (
	"bytes"
	"io"
	"os"
	"strconv"
)

// IOStreams are the streams a command reads and writes.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdinTTY bool
	color    bool
	width    int
}

// System returns the process's streams, with terminal detection and the
// colour rules applied from the environment.
func System() *IOStreams {
	tty := isTerminal(os.Stdout)
	s := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, stdinTTY: isTerminal(os.Stdin)}
	s.color = ColorFromEnv(os.Getenv, tty)
	if tty {
		s.width = terminalWidth(os.Stdout)
	}
	if w, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && w > 0 {
		s.width = w
	}
	return s
}

// Test returns streams backed by buffers: no terminal and no colour until
// a test says otherwise.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

// ColorFromEnv applies the colour rules to an environment.
func ColorFromEnv(getenv func(string) string, stdoutTTY bool) bool {
	if getenv("NO_COLOR") != "" || getenv("TERM") == "dumb" {
		return false
	}
	for _, force := range []string{"FORCE_COLOR", "CLICOLOR_FORCE"} {
		if v := getenv(force); v != "" && v != "0" {
			return true
		}
	}
	return stdoutTTY
}

// IsStdinTTY reports whether stdin is a terminal, where a person can
// answer prompts.
func (s *IOStreams) IsStdinTTY() bool { return s.stdinTTY }

// SetStdinTTY overrides terminal detection of stdin, for tests.
func (s *IOStreams) SetStdinTTY(tty bool) { s.stdinTTY = tty }

// ColorEnabled reports whether output may use ANSI colour.
func (s *IOStreams) ColorEnabled() bool { return s.color }

// SetColorEnabled turns colour on or off, as --no-color does.
func (s *IOStreams) SetColorEnabled(on bool) { s.color = on }

// TerminalWidth returns the width to fit output to, or 0 for no limit
// (output that is not going to a terminal is never wrapped to a guess).
func (s *IOStreams) TerminalWidth() int { return s.width }

// SetTerminalWidth overrides the width, for tests.
func (s *IOStreams) SetTerminalWidth(w int) { s.width = w }
