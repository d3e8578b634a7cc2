package cmd

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/spf13/pflag"

	"srm/pkg/iac"
	"srm/pkg/iostreams"
	"srm/pkg/model"
	"srm/pkg/render"
)

// update rewrites golden files instead of comparing with them.
var update = os.Getenv("SRM_UPDATE") != ""

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	code = Run(args, ios)
	return code, out.String(), errOut.String()
}

// TestExitCodeClasses maps each class of error to its code: an error
// nobody classified is a bug.
func TestExitCodeClasses(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want int
	}{
		{&usageError{msg: "x"}, exitUsage},
		{&checkFailedError{msg: "x"}, exitCheckFailed},
		{&model.NameError{Kind: "service", Name: "x"}, exitName},
		{&model.LoadError{}, exitInput},
		{&iac.Error{Path: "p", Msg: "m"}, exitInput},
		{&inputError{err: errors.New("x")}, exitInput},
		{&runError{err: &fs.PathError{Op: "open", Path: "p", Err: fs.ErrNotExist}}, exitInput},
		{&outputError{err: errors.New("no space left on device")}, exitOutput},
		{&runError{err: &render.UnsupportedFormatError{Format: render.SVG}}, exitUsage},
		{&runError{err: errors.New("unexpected")}, exitInternal},
		{errors.New("from cobra"), exitUsage},
	} {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("exitCode(%T %v) = %d, want %d", tt.err, tt.err, got, tt.want)
		}
	}
}

// failingWriter fails every write, as a full disk does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestFullDiskIsAnOutputError checks that an answer srm cannot write is
// exit 74 with one line, not an internal error.
func TestFullDiskIsAnOutputError(t *testing.T) {
	ios, _, _, errOut := iostreams.Test()
	ios.Out = failingWriter{}
	if code := Run([]string{"table"}, ios); code != exitOutput {
		t.Fatalf("exit %d, want %d: %s", code, exitOutput, errOut)
	}
	if got := errOut.String(); got != "srm: writing output: no space left on device\n" {
		t.Errorf("stderr = %q", got)
	}
}

// TestLongAnswerLineIsAnInputError feeds the quiz a line longer than an
// answer can be.
func TestLongAnswerLineIsAnInputError(t *testing.T) {
	ios, in, _, errOut := iostreams.Test()
	in.WriteString(strings.Repeat("a", maxAnswerBytes+10) + "\n")
	if code := Run([]string{"quiz", "-n", "1", "--seed", "1"}, ios); code != exitInput {
		t.Fatalf("exit %d, want %d: %s", code, exitInput, errOut)
	}
}

// TestInvisibleCharactersInNames refuses names that hold a bidi override
// or a zero-width character, naming the character: srm does not answer for
// the visible part.
func TestInvisibleCharactersInNames(t *testing.T) {
	for _, args := range [][]string{
		{"who", "ec2\u202e", "iam"},
		{"who", "ec2", "i\u200bam"},
		{"who", "ec2", "iam", "--provider", "aws\u200d"},
	} {
		code, stdout, stderr := run(t, args...)
		if code != exitName || stdout != "" || !strings.Contains(stderr, "invisible character U+20") {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
	}
}

// TestExitCodes pins every documented exit code, and that stdout is empty
// and stderr one line whenever a command fails.
func TestExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"answer", []string{"who", "ec2", "guest-os-patching"}, exitOK},
		{"table", []string{"table"}, exitOK},
		{"services", []string{"services", "-o", "json"}, exitOK},
		{"items", []string{"items", "-o", "csv"}, exitOK},
		{"expect holds", []string{"who", "ec2", "guest-os-patching", "--expect", "customer"}, exitOK},
		{"help", []string{"--help"}, exitOK},
		{"bare", nil, exitOK},
		{"expect fails", []string{"who", "ec2", "guest-os-patching", "--expect", "aws"}, exitCheckFailed},
		{"unknown flag", []string{"who", "--nope"}, exitUsage},
		{"unknown command", []string{"nope"}, exitUsage},
		{"missing item", []string{"who", "ec2"}, exitUsage},
		{"extra argument", []string{"who", "ec2", "iam", "x"}, exitUsage},
		{"bad format", []string{"table", "-o", "yaml"}, exitUsage},
		{"bad expect", []string{"who", "ec2", "iam", "--expect", "them"}, exitUsage},
		{"stray word", []string{"services", "x"}, exitUsage},
		{"unknown help topic", []string{"help", "nope"}, exitUsage},
		{"unknown shell", []string{"completion", "tcsh"}, exitUsage},
		{"unknown service", []string{"who", "ec3", "iam"}, exitName},
		{"unknown item", []string{"who", "ec2", "nope"}, exitName},
		{"ambiguous item", []string{"who", "ec2", "patching"}, exitName},
		{"unknown provider", []string{"who", "ec2", "iam", "--provider", "nope"}, exitName},
		{"unknown variant", []string{"who", "lambda:nope", "iam"}, exitName},
		{"item does not apply", []string{"who", "ec2", "table-design"}, exitName},
		{"missing model file", []string{"--model", "/nonexistent/x.toml", "table"}, exitInput},
		{"unwritable man directory", []string{"man", "/proc/srm-nope"}, exitOutput},
		{"man into a file", []string{"man", "cmd_test.go/man"}, exitOutput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tt.args...)
			if code != tt.want {
				t.Fatalf("exit code %d, want %d (stderr %q)", code, tt.want, stderr)
			}
			if code == exitOK {
				if stderr != "" {
					t.Errorf("stderr = %q, want empty", stderr)
				}
				return
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want empty on error", stdout)
			}
			if !strings.HasPrefix(stderr, "srm: ") || strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr = %q, want one line starting \"srm: \"", stderr)
			}
		})
	}
}

// TestBadModelFileExitCode covers the exit code for files that exist but
// are not valid models.
func TestBadModelFileExitCode(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(bad, []byte("[[cells]]\nservice = 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "--model", bad, "who", "ec2", "iam")
	if code != exitInput || stdout != "" || !strings.Contains(stderr, "bad.toml:2") {
		t.Errorf("code %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestEscapesNeverReachTheTerminal feeds escape sequences through every
// place user input is echoed: names on the command line and model files.
func TestEscapesNeverReachTheTerminal(t *testing.T) {
	dir := t.TempDir()
	evil := filepath.Join(dir, "evil\x1b]0;pwned\a.toml")
	if err := os.WriteFile(evil, []byte("x = \"\\e[2J\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"who", "ec2\x1b[2J", "iam"},
		{"who", "ec2", "iam\u202e"},
		{"who", "ec2", "iam", "--expect", "\x9bcustomer"},
		{"table", "-o", "\x1b[31mjson"},
		{"--model", evil, "table"},
		{"who\r", "ec2", "iam"},
	} {
		_, stdout, stderr := run(t, args...)
		for _, s := range []string{stdout, stderr} {
			// 0x9b is the one-byte CSI, not valid UTF-8 on its own.
			if strings.ContainsAny(s, "\x1b\u202e\r\a") || strings.Contains(s, "\x9b") {
				t.Errorf("%q: raw control character in output %q", args, s)
			}
		}
	}
}

// TestColor checks that colour appears only when it is enabled.
func TestColor(t *testing.T) {
	for _, color := range []bool{false, true} {
		ios, _, out, _ := iostreams.Test()
		ios.SetColorEnabled(color)
		if code := Run([]string{"table"}, ios); code != exitOK {
			t.Fatalf("exit code %d", code)
		}
		if got := strings.Contains(out.String(), "\x1b["); got != color {
			t.Errorf("colour enabled %v: ANSI codes present = %v", color, got)
		}
		if color && !strings.Contains(out.String(), "\x1b[33mCustomer\x1b[0m") {
			t.Errorf("customer cells are not yellow:\n%s", out)
		}
	}
	ios, _, out, _ := iostreams.Test()
	ios.SetColorEnabled(true)
	Run([]string{"--no-color", "who", "ec2", "iam"}, ios)
	if strings.Contains(out.String(), "\x1b[") {
		t.Errorf("--no-color still coloured: %q", out)
	}
}

// TestWhoArguments checks that positional arguments and flags name the
// same service and item, and that missing or extra ones are usage errors.
func TestWhoArguments(t *testing.T) {
	tests := []struct {
		args []string
		want string // the owner -q prints, or "" for a usage error
	}{
		{[]string{"ec2", "iam"}, "customer"},
		{[]string{"--service", "ec2", "--item", "iam"}, "customer"},
		{[]string{"ec2", "--item", "iam"}, "customer"},
		{[]string{"--service", "ec2", "iam"}, "customer"},
		{[]string{"lambda", "runtime", "--variant", "container-image", "--expect", "customer"}, "customer"},
		{[]string{"lambda", "runtime"}, "aws"},
		{[]string{"ec2"}, ""},
		{[]string{}, ""},
		{[]string{"ec2", "iam", "x"}, ""},
		{[]string{"--service", "ec2", "--item", "iam", "x"}, ""},
	}
	for _, tt := range tests {
		code, stdout, stderr := run(t, append([]string{"who", "-q"}, tt.args...)...)
		if tt.want == "" {
			if code != exitUsage {
				t.Errorf("%q: exit %d, want %d (%s)", tt.args, code, exitUsage, stderr)
			}
			continue
		}
		if code != exitOK || stdout != tt.want+"\n" {
			t.Errorf("%q: exit %d, stdout %q, want %q (%s)", tt.args, code, stdout, tt.want, stderr)
		}
	}
}

// TestCompletionScripts keeps completions/ in step with `srm completion`.
// SRM_UPDATE=1 rewrites them.
func TestCompletionScripts(t *testing.T) {
	for shell, file := range map[string]string{"bash": "srm.bash", "zsh": "_srm", "fish": "srm.fish", "powershell": "srm.ps1"} {
		code, stdout, stderr := run(t, "completion", shell)
		if code != exitOK || stdout == "" {
			t.Fatalf("srm completion %s: code %d, stderr %q", shell, code, stderr)
		}
		path := filepath.Join("..", "completions", file)
		if update {
			if err := os.WriteFile(path, []byte(stdout), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run SRM_UPDATE=1 go test ./cmd -run TestCompletionScripts)", err)
		}
		if string(want) != stdout {
			t.Errorf("completions/%s is stale: run SRM_UPDATE=1 go test ./cmd -run TestCompletionScripts", file)
		}
	}
}

// TestQuizInteractive answers on a "terminal": an answer that names no
// owner is asked again rather than counted wrong.
func TestQuizInteractive(t *testing.T) {
	ios, in, out, errOut := iostreams.Test()
	ios.SetStdinTTY(true)
	in.WriteString("maybe\ncustomer\n")
	code := Run([]string{"quiz", "--count", "1", "--seed", "3", "--services", "ec2", "--items", "iam"}, ios)
	if code != exitOK {
		t.Fatalf("exit code %d, stderr %q", code, errOut)
	}
	got := out.String()
	for _, want := range []string{
		"Q1/1 Who owns IAM for EC2?",
		"answer with one of: \"aws\", \"customer\", \"shared\", \"n/a\"",
		"Right: Customer",
		"Score: 1/1 (100%)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Count(got, "Q1/1") != 2 {
		t.Errorf("the question was not asked again after an invalid answer:\n%s", got)
	}
}

// TestTableFitsTheTerminal wraps tables to the terminal's width, and keeps
// every colour within its line so that no border is painted.
func TestTableFitsTheTerminal(t *testing.T) {
	sgr := regexp.MustCompile("\x1b\\[[0-9;]*m")
	for _, width := range []int{60, 80, 120} {
		ios, _, out, _ := iostreams.Test()
		ios.SetColorEnabled(true)
		ios.SetTerminalWidth(width)
		if code := Run([]string{"table", "--services", "ec2,rds,lambda,s3"}, ios); code != exitOK {
			t.Fatalf("exit code %d", code)
		}
		for _, line := range strings.Split(strings.TrimRight(out.String(), "\n"), "\n") {
			if w := utf8.RuneCountInString(sgr.ReplaceAllString(line, "")); w > width {
				t.Errorf("width %d: line is %d wide: %q", width, w, line)
			}
			if codes, resets := len(sgr.FindAllString(line, -1)), strings.Count(line, "\x1b[0m"); codes != 2*resets {
				t.Errorf("width %d: colour runs past the end of %q", width, line)
			}
		}
	}
}

func TestASCIIBorders(t *testing.T) {
	code, stdout, _ := run(t, "--ascii", "table")
	if code != exitOK || !strings.HasPrefix(stdout, "+---") || strings.ContainsAny(stdout, "┌│─") {
		t.Errorf("--ascii table:\n%s", stdout)
	}
}

// TestManPagesAreCurrent keeps docs/man in step with the command tree.
// SRM_UPDATE=1 rewrites them.
func TestManPagesAreCurrent(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := run(t, "man", dir); code != exitOK {
		t.Fatalf("srm man: %s", stderr)
	}
	got, _ := filepath.Glob(filepath.Join(dir, "*.1"))
	if len(got) < 10 {
		t.Fatalf("only %d man pages", len(got))
	}
	const committed = "../docs/man"
	if update {
		os.RemoveAll(committed)
		os.MkdirAll(committed, 0o755)
	}
	for _, path := range got {
		data, _ := os.ReadFile(path)
		name := filepath.Base(path)
		if !strings.Contains(string(data), ".TH \"SRM") {
			t.Errorf("%s: no man page header", name)
		}
		want := filepath.Join(committed, name)
		if update {
			os.WriteFile(want, data, 0o644)
			continue
		}
		old, err := os.ReadFile(want)
		if err != nil || string(old) != string(data) {
			t.Errorf("docs/man/%s is stale: run SRM_UPDATE=1 go test ./cmd -run TestManPagesAreCurrent", name)
		}
	}
	if committedPages, _ := filepath.Glob(filepath.Join(committed, "*.1")); !update && len(committedPages) != len(got) {
		t.Errorf("docs/man has %d pages, srm writes %d", len(committedPages), len(got))
	}
}

// TestReadmePictureIsCurrent keeps docs/srm.svg, the picture the README
// shows, in step with the model and the renderer.
func TestReadmePictureIsCurrent(t *testing.T) {
	code, svg, stderr := run(t, "diagram", "-o", "svg")
	if code != exitOK {
		t.Fatalf("srm diagram: %s", stderr)
	}
	const path = "../docs/srm.svg"
	if update {
		if err := os.WriteFile(path, []byte(svg), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	old, err := os.ReadFile(path)
	if err != nil || string(old) != svg {
		t.Error("docs/srm.svg is stale: run SRM_UPDATE=1 go test ./cmd -run TestReadmePictureIsCurrent")
	}
}

func TestListFlag(t *testing.T) {
	var got []string
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	listFlag(fs, &got, "services", "")
	if err := fs.Parse([]string{"--services", "ec2, s3,,", "--services=lambda:container-image"}); err != nil {
		t.Fatal(err)
	}
	if want := []string{"ec2", "s3", "lambda:container-image"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if !slices.Equal(listOf(fs, "services"), got) || listOf(fs, "nope") != nil {
		t.Error("listOf does not read the flag back")
	}
}
