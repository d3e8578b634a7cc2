package cmd_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"srm/cmd"
)

func TestMain(m *testing.M) {
	run := cleanup{m: m}
	if filepath.Base(os.Args[0]) != "srm" {
		// In-process tests must not see the developer's own overlays.
		dir, err := os.MkdirTemp("", "srm-test-config")
		if err != nil {
			panic(err)
		}
		run.dirs = append(run.dirs, dir)
		os.Setenv("XDG_CONFIG_HOME", dir)
		os.Unsetenv("SRM_MODEL")
	}
	testscript.Main(run, map[string]func(){
		"srm": func() { os.Exit(cmd.Main()) },
	})
}

// cleanup runs the tests, then removes what TestMain made for them, so a
// test run leaves nothing in $TMPDIR.
type cleanup struct {
	m    *testing.M
	dirs []string
}

func (c cleanup) Run() int {
	code := c.m.Run()
	for _, d := range c.dirs {
		os.RemoveAll(d)
	}
	return code
}

// TestScript runs the command-line contract in testdata/script. Set
// SRM_UPDATE=1 to rewrite the expected output in the scripts.
func TestScript(t *testing.T) {
	if raceEnabled && testing.Short() {
		// Every exec in the scripts starts a race-instrumented srm, which
		// takes a quarter of a second: -race -short checks srm's own code
		// in-process, and the plain run checks the contract.
		t.Skip("the contract scripts run without -race")
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		UpdateScripts:       os.Getenv("SRM_UPDATE") != "",
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "")
			env.Setenv("COLUMNS", "")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits": exitsCmd,
		},
	})
}

// exitsCmd runs a program and checks its exact exit code, which `! exec`
// cannot: "exits 3 srm who nope x".
func exitsCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE PROGRAM [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad code %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit code %d, want %d", got, want)
	}
}
