//go:build linux

package cmd_test

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal pair, so that srm quiz sees a person at a
// terminal and asks its questions one at a time.
func openPTY(t *testing.T) (controller, terminal *os.File) {
	t.Helper()
	controller, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skip("no pseudo-terminals here: ", err)
	}
	t.Cleanup(func() { controller.Close() })
	fd := int(controller.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Skip("cannot unlock the pseudo-terminal: ", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Skip("cannot name the pseudo-terminal: ", err)
	}
	terminal, err = os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skip("cannot open the pseudo-terminal: ", err)
	}
	t.Cleanup(func() { terminal.Close() })
	return controller, terminal
}

// TestCtrlCDuringQuiz interrupts a quiz that waits for an answer: srm must
// end at once with exit code 130 and nothing on stderr.
func TestCtrlCDuringQuiz(t *testing.T) {
	_, terminal := openPTY(t)
	// A real build: the test binary standing in for srm handles signals
	// as the testing package does, not as srm does.
	srm := srmBinary(t)
	dir := t.TempDir()
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		c := exec.Command(srm, "quiz", "-n", "3", "--seed", "7")
		c.Env = append(os.Environ(), "XDG_CONFIG_HOME="+dir)
		c.Stdin = terminal
		stdout, err := c.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr strings.Builder
		c.Stderr = &stderr
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		// The prompt ends in "> ": srm is now waiting for an answer.
		r := bufio.NewReader(stdout)
		if _, err := r.ReadString('>'); err != nil {
			t.Fatalf("no prompt: %v", err)
		}
		if err := c.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		err = c.Wait()
		var exit *exec.ExitError
		want := map[syscall.Signal]int{syscall.SIGINT: 130, syscall.SIGTERM: 143}[sig]
		if !errors.As(err, &exit) || exit.ExitCode() != want {
			t.Errorf("%v: %v, want exit code %d", sig, err, want)
		}
		if stderr.Len() > 0 {
			t.Errorf("%v: stderr = %q", sig, stderr.String())
		}
	}
}

// TestClosedPipeIsQuiet is `srm sources | head -1`, and the same with the
// CI formats: the reader goes away after one line, and srm must end
// without a word on stderr.
func TestClosedPipeIsQuiet(t *testing.T) {
	srm := srmBinary(t)
	for _, args := range [][]string{
		{"sources"},
		{"review", "--services", "ec2,rds,s3,lambda", "-o", "sarif"},
		{"review", "--services", "ec2,rds,s3,lambda", "-o", "junit"},
	} {
		c := exec.Command(srm, args...)
		c.Env = append(os.Environ(), "XDG_CONFIG_HOME="+t.TempDir())
		stdout, err := c.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr strings.Builder
		c.Stderr = &stderr
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		if _, err := bufio.NewReader(stdout).ReadString('\n'); err != nil {
			t.Fatal(err)
		}
		stdout.Close()
		err = c.Wait()
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			t.Fatal(err)
		}
		if stderr.Len() > 0 {
			t.Errorf("%v: stderr = %q", args, stderr.String())
		}
		if err != nil {
			if ws, ok := exit.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGPIPE {
				t.Errorf("%v: srm ended with %v, want success or SIGPIPE as a shell expects", args, err)
			}
		}
	}
}
