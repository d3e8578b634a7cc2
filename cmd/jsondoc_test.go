package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"srm/pkg/iostreams"
	"srm/pkg/render"
)

// TestEveryJSONFieldIsDescribed walks the view of every command that
// writes JSON: each field needs a doc tag, since `srm help json` and the
// README are written from them.
func TestEveryJSONFieldIsDescribed(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	root := NewRootCmd(newFactory(ios))
	n := 0
	for _, c := range root.Commands() {
		v := viewOf(c)
		if v == nil {
			continue
		}
		n++
		for _, f := range render.JSONFields(v) {
			if strings.TrimSpace(f.Doc) == "" {
				t.Errorf("%s -o json: field %s has no doc tag", c.CommandPath(), f.Path)
			}
		}
	}
	// Every command that answers from the model writes a view.
	for _, name := range []string{"who", "table", "compare", "shift", "search", "review", "explain", "always", "traps", "faq", "quiz", "diagram", "services", "items", "sources", "validate", "version"} {
		c, _, err := root.Find([]string{name})
		if err != nil || viewOf(c) == nil {
			t.Errorf("srm %s writes no view", name)
		}
	}
	if n == 0 {
		t.Fatal("no command writes a view")
	}
}

// TestHelpJSONListsEveryCommand checks that srm help json describes every
// command that writes JSON.
func TestHelpJSONListsEveryCommand(t *testing.T) {
	code, out, stderr := run(t, "help", "json")
	if code != exitOK {
		t.Fatalf("srm help json: %s", stderr)
	}
	for _, name := range []string{"who", "table", "compare", "shift", "search", "review", "explain", "always", "traps", "faq", "quiz", "diagram", "services", "items", "sources", "validate", "version"} {
		if !strings.Contains(out, "srm "+name+" -o json:\n") {
			t.Errorf("srm help json does not describe srm %s", name)
		}
	}
}

// TestREADMEJSONContractIsCurrent keeps the README's list of JSON fields
// in step with the views.
func TestREADMEJSONContractIsCurrent(t *testing.T) {
	const path = "../README.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	start, end := strings.Index(readme, readmeJSONStart), strings.Index(readme, readmeJSONEnd)
	if start < 0 || end < start {
		t.Fatalf("README.md lacks the json-contract markers")
	}
	ios, _, _, _ := iostreams.Test()
	want := readmeJSONContract(NewRootCmd(newFactory(ios)))
	got := readme[start+len(readmeJSONStart) : end]
	if got == want {
		return
	}
	if !update {
		t.Fatal("README.md's JSON contract is stale: run SRM_UPDATE=1 go test ./cmd -run TestREADMEJSONContractIsCurrent")
	}
	readme = readme[:start+len(readmeJSONStart)] + want + readme[end:]
	if err := os.WriteFile(path, []byte(readme), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestREADMEGoVersion keeps the Go version the README asks for in step
// with go.mod.
func TestREADMEGoVersion(t *testing.T) {
	mod, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(mod), "\n") {
		if v, ok := strings.CutPrefix(line, "go "); ok {
			if !strings.Contains(string(readme), "Go "+v+" or later") {
				t.Errorf("README.md does not say \"Go %s or later\", the version go.mod names", v)
			}
			return
		}
	}
	t.Fatal("go.mod names no Go version")
}

// TestREADMEInstallWorksOnAFreshMachine runs the README's install blocks
// in an empty home with an empty GOPATH, with a copy of the test's srm
// standing in for go install: srm must run from the PATH the block sets,
// and the completion file must be written, its directory made first.
func TestREADMEInstallWorksOnAFreshMachine(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	install := text[strings.Index(text, "## Install"):strings.Index(text, "## A tour")]
	var lines []string
	for _, block := range strings.Split(install, "```sh\n")[1:] {
		block = block[:strings.Index(block, "```")]
		for _, line := range strings.Split(block, "\n") {
			line, _, _ = strings.Cut(line, "  #")
			switch line = strings.TrimSpace(line); {
			case line == "", strings.HasPrefix(line, "git clone"):
			case line == "go install .":
				lines = append(lines, `mkdir -p "$(go env GOPATH)/bin" && cp "$SRM" "$(go env GOPATH)/bin/srm"`)
			default:
				lines = append(lines, line)
			}
		}
	}
	if !strings.Contains(install, "bash-completion") {
		t.Error("the Install section does not say bash completion needs the bash-completion package")
	}
	srm, err := exec.LookPath("srm")
	if err != nil {
		t.Skip("srm is not on PATH")
	}
	home := t.TempDir()
	c := exec.Command("bash", "-e", "-c", strings.Join(lines, "\n"))
	goBin, _ := exec.LookPath("go")
	c.Env = []string{"HOME=" + home, "GOPATH=" + filepath.Join(home, "go"), "PATH=" + filepath.Dir(goBin) + ":/usr/bin:/bin", "SRM=" + srm, "XDG_CONFIG_HOME=" + home, "GOFLAGS=-mod=mod"}
	if out, err := c.CombinedOutput(); err != nil {
		t.Fatalf("the install block fails on a fresh machine: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(home, ".local/share/bash-completion/completions/srm")); err != nil {
		t.Errorf("no completion script written: %v", err)
	}
}
