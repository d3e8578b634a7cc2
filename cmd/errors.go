package cmd

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/spf13/cobra"

	"srm/pkg/model"
)

// Exit codes. They are part of srm's contract with scripts: each means one
// thing, and none is ever re-used for something else.
const (
	exitOK          = 0  // answered
	exitCheckFailed = 1  // a check such as --expect failed
	exitUsage       = 2  // bad command line: unknown flag or command, wrong arguments, bad flag value
	exitName        = 3  // a name the model does not know or cannot decide between
	exitInput       = 4  // an input file that cannot be read, parsed or validated
	exitOutput      = 74 // the output cannot be written: a full disk, an unwritable directory
	exitInternal    = 70 // a bug in srm: a panic, or an error no code claims
)

// classified is an error that says what kind of failure it is. Each
// package's errors declare their class; exitCode maps classes to codes.
type classified interface {
	error
	ErrorClass() string
}

// Error classes of the command line's own errors; the model's are in
// pkg/model.
const (
	classUsage  = model.ClassUsage
	classCheck  = "check"
	classOutput = "output"
)

var exitCodes = map[string]int{
	classUsage:       exitUsage,
	classCheck:       exitCheckFailed,
	model.ClassName:  exitName,
	model.ClassInput: exitInput,
	classOutput:      exitOutput,
}

// usageError is a bad command line. It prints one line that points at the
// command's help.
type usageError struct {
	msg string
	cmd *cobra.Command
}

func (e *usageError) Error() string      { return e.msg }
func (e *usageError) ErrorClass() string { return classUsage }

func usageErrorf(cmd *cobra.Command, format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...), cmd: cmd}
}

// checkFailedError is a check the user asked for, such as --expect, that
// did not hold.
type checkFailedError struct {
	msg string
}

func (e *checkFailedError) Error() string      { return e.msg }
func (e *checkFailedError) ErrorClass() string { return classCheck }

// outputError is a failure to write srm's output: stdout, or the files
// srm man writes.
type outputError struct {
	err error
}

func (e *outputError) Error() string      { return "writing output: " + e.err.Error() }
func (e *outputError) Unwrap() error      { return e.err }
func (e *outputError) ErrorClass() string { return classOutput }

// inputError is a failure to read an input that no typed error covers,
// such as a line on stdin too long to be an answer.
type inputError struct {
	err error
}

func (e *inputError) Error() string      { return e.err.Error() }
func (e *inputError) Unwrap() error      { return e.err }
func (e *inputError) ErrorClass() string { return model.ClassInput }

// runError marks an error returned by srm's own code, as opposed to one
// from cobra's parsing of the command line, which is always a usage error.
type runError struct {
	err error
}

func (e *runError) Error() string { return e.err.Error() }
func (e *runError) Unwrap() error { return e.err }

// exitCode maps an error to its exit code. It is the only place that does.
func exitCode(err error) int {
	var (
		c   classified
		pe  *fs.PathError
		run *runError
	)
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &c):
		if code, ok := exitCodes[c.ErrorClass()]; ok {
			return code
		}
		return exitInternal
	case errors.As(err, &pe):
		// A file srm was asked to read: writes are wrapped as outputError.
		return exitInput
	case errors.As(err, &run):
		return exitInternal
	default:
		// Anything cobra returned itself is about the command line.
		return exitUsage
	}
}

// errorMessage is the one line srm prints on stderr for err.
func errorMessage(err error, cmd *cobra.Command) string {
	msg := err.Error()
	var usage *usageError
	isUsage := errors.As(err, &usage)
	if isUsage && usage.cmd != nil {
		cmd = usage.cmd
	}
	if exitCode(err) == exitUsage {
		msg = cobraUsageMessage(msg)
		if cmd != nil {
			msg += fmt.Sprintf(" (see '%s --help')", cmd.CommandPath())
		}
	}
	if exitCode(err) == exitInternal {
		msg = "internal error: " + msg
	}
	return msg
}

// cobraUsageMessage folds cobra's multi-line messages, such as an unknown
// command with "Did you mean this?" suggestions, into one line.
func cobraUsageMessage(msg string) string {
	first, rest, found := strings.Cut(msg, "\n")
	if !found {
		return msg
	}
	var suggestions []string
	if _, after, ok := strings.Cut(rest, "Did you mean this?"); ok {
		for _, s := range strings.Fields(after) {
			suggestions = append(suggestions, fmt.Sprintf("%q", s))
		}
	}
	if len(suggestions) > 0 {
		return first + " (did you mean " + strings.Join(suggestions, " or ") + "?)"
	}
	return first
}
