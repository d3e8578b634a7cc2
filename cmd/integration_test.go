package cmd_test

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// samplePlan is a small plan: an RDS instance and a bucket.
const samplePlan = `{"resource_changes": [
  {"address": "aws_db_instance.db", "mode": "managed", "type": "aws_db_instance", "change": {"actions": ["create"], "after": {"engine": "postgres"}}},
  {"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "change": {"actions": ["create"], "after": {}}}
]}`

// TestGitHubActionScript runs the script behind action.yml outside GitHub,
// with the environment GitHub gives it: the job summary gets the markdown
// review, the SARIF file is written, and the exit code srm gave becomes
// the step's output for the action to fail with.
func TestGitHubActionScript(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	srm := srmBinary(t)
	root, _ := filepath.Abs("..")
	for _, tt := range []struct {
		name string
		acks string
		code string
	}{
		{"listing", "", "0"},
		{"gate", "[[acks]]\nitem = \"iam\"\nowner = \"Platform\"\nevidence = \"https://wiki.example.com/iam\"\n", "1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write := func(name, content string) string {
				p := filepath.Join(dir, name)
				if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
				return p
			}
			write("plan.json", samplePlan)
			summary, output := write("summary.md", ""), write("output", "")
			env := []string{
				"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "XDG_CONFIG_HOME=" + dir,
				"GITHUB_ACTION_PATH=" + root, "RUNNER_TEMP=" + dir,
				"GITHUB_STEP_SUMMARY=" + summary, "GITHUB_OUTPUT=" + output,
				"INPUT_PATHS=plan.json", "INPUT_ARGS=", "INPUT_SARIF=srm.sarif",
				"SRM_BIN=" + srm,
			}
			if tt.acks != "" {
				write("acks.toml", tt.acks)
				env = append(env, "INPUT_ACKS=acks.toml")
			}
			c := exec.Command("bash", filepath.Join(root, "scripts", "github-action.sh"))
			c.Dir, c.Env = dir, env
			if out, err := c.CombinedOutput(); err != nil {
				t.Fatalf("the script failed itself: %v\n%s", err, out)
			}
			got, _ := os.ReadFile(output)
			if !strings.Contains(string(got), "exit-code="+tt.code+"\n") || !strings.Contains(string(got), "sarif=srm.sarif\n") {
				t.Errorf("outputs:\n%s", got)
			}
			md, _ := os.ReadFile(summary)
			if !strings.HasPrefix(string(md), "## srm review\n") || !strings.Contains(string(md), "## Stack: 2 services") {
				t.Errorf("summary:\n%.400s", md)
			}
			var log struct {
				Version string
				Runs    []struct {
					Results []struct{ RuleID string }
				}
			}
			data, err := os.ReadFile(filepath.Join(dir, "srm.sarif"))
			if err != nil || json.Unmarshal(data, &log) != nil || log.Version != "2.1.0" || len(log.Runs[0].Results) == 0 {
				t.Errorf("SARIF: %v\n%.300s", err, data)
			}
		})
	}
}

// TestActionFile checks action.yml: a composite action whose review step
// runs the script, an upload of its SARIF, and a last step that fails the
// job with srm's exit code after the upload.
func TestActionFile(t *testing.T) {
	data, err := os.ReadFile("../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Runs struct {
			Using string
			Steps []struct {
				ID   string
				Uses string
				Run  string
				If   string
			}
		}
	}
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatal(err)
	}
	steps := action.Runs.Steps
	if action.Runs.Using != "composite" || len(steps) != 4 {
		t.Fatalf("runs: %+v", action.Runs)
	}
	if steps[1].ID != "review" || !strings.Contains(steps[1].Run, "scripts/github-action.sh") {
		t.Errorf("the review step does not run the script: %+v", steps[1])
	}
	if !strings.HasPrefix(steps[2].Uses, "github/codeql-action/upload-sarif@") || !strings.Contains(steps[2].If, "always()") {
		t.Errorf("no upload of the SARIF that runs when the gate fails: %+v", steps[2])
	}
	if !strings.Contains(steps[3].Run, "steps.review.outputs.exit-code") {
		t.Errorf("the last step does not fail with srm's exit code: %+v", steps[3])
	}
}

// TestPreCommitHook runs the hook's entry as pre-commit would: with the
// changed files that match its pattern, infrastructure code or not.
func TestPreCommitHook(t *testing.T) {
	data, err := os.ReadFile("../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID, Entry, Language, Files string
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil || len(hooks) != 1 || hooks[0].Language != "golang" {
		t.Fatalf("hooks: %+v, %v", hooks, err)
	}
	hook := hooks[0]
	dir := t.TempDir()
	files := map[string]string{
		"main.tf":      "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n",
		"template.yml": "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n",
		"package.json": `{"name": "web", "version": "1.0.0"}`,
		"acks.toml":    "[[acks]]\nitem = \"iam\"\nowner = \"Platform\"\nevidence = \"https://wiki.example.com/iam\"\n",
	}
	var changed []string
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if regexp.MustCompile(hook.Files).MatchString(name) {
			changed = append(changed, name)
		}
	}
	if len(changed) != 3 {
		t.Fatalf("the pattern matches %v", changed)
	}
	srm := srmBinary(t)
	words := strings.Fields(hook.Entry)
	if words[0] != "srm" {
		t.Fatalf("entry %q does not run srm", hook.Entry)
	}
	args := append(append(words[1:], "--acks", "acks.toml"), changed...)
	c := exec.Command(srm, args...)
	c.Dir, c.Env = dir, []string{"PATH=" + os.Getenv("PATH"), "XDG_CONFIG_HOME=" + dir}
	out, err := c.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("the hook should fail on uncovered responsibilities: %v\n%s", err, out)
	}
	for _, want := range []string{"S3", "SQS", "passed over 1 file", "package.json"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%.600s", want, out)
		}
	}
}
