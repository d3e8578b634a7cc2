package cmd_test

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestOutputIsDeterministic runs commands in every format under different
// locales, East-Asian width settings and terminal types, with stdout not a
// terminal, once each: the bytes must never change.
func TestOutputIsDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("runs srm 128 times")
	}
	srm := srmBinary(t)
	config := t.TempDir()
	envs := [][]string{
		{"LANG=C"},
		{"LANG=ja_JP.UTF-8", "LC_ALL=ja_JP.UTF-8", "RUNEWIDTH_EASTASIAN=1"},
		{"LC_CTYPE=zh_CN.UTF-8", "TERM=xterm-256color", "COLORTERM=truecolor"},
		{"LANG=ko_KR.EUC-KR", "TERM=dumb"},
	}
	// One command per renderer: what could vary with the environment is
	// how a view is written, not which view.
	commands := []string{
		"who lambda:container-image runtime-patching",
		"table --services ec2,ecs-fargate,eks,lambda,s3",
		"shift iaas serverless",
		"explain paas",
		"always",
		"search encryption",
		"review --services ec2,rds,lambda",
		"quiz -n 5 --seed 3",
	}
	for _, line := range commands {
		for _, format := range []string{"text", "json", "markdown", "csv"} {
			args := append(strings.Fields(line), "-o", format)
			t.Run(strings.Join(args, " "), func(t *testing.T) {
				t.Parallel()
				var first []byte
				for i, env := range envs {
					c := exec.Command(srm, args...)
					c.Env = append(minimalEnv(config), env...)
					out, err := c.Output()
					if err != nil {
						t.Fatalf("srm %s: %v", strings.Join(args, " "), err)
					}
					if i == 0 {
						first = out
						continue
					}
					if !bytes.Equal(out, first) {
						t.Errorf("srm %s: output differs under %v", strings.Join(args, " "), env)
						return
					}
				}
			})
		}
	}
}

// minimalEnv is an environment with no locale, colour or width settings,
// and an empty config directory.
func minimalEnv(config string) []string {
	return []string{"PATH=" + os.Getenv("PATH"), "HOME=" + config, "XDG_CONFIG_HOME=" + config}
}
