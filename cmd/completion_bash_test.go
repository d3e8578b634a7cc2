package cmd_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// bashCompletion is where Debian's bash-completion package keeps its
// library; cobra's script relies on it when it is loaded, as it is in an
// interactive shell.
const bashCompletion = "/usr/share/bash-completion/bash_completion"

// TestBashCompletesLists completes in a real bash with bash-completion
// loaded, as a user's shell does: a list after a comma completes its next
// name (bash's printf %q escaped the comma, and nothing matched).
func TestBashCompletesLists(t *testing.T) {
	if _, err := os.Stat(bashCompletion); err != nil {
		t.Skip("bash-completion is not installed (apt-get install bash-completion)")
	}
	srm := srmBinary(t)
	script := `source ` + bashCompletion + `
source <(srm completion bash)
complete_line() {
  COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}
  read -ra COMP_WORDS <<< "$COMP_LINE"
  COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
  COMP_TYPE=9
  COMPREPLY=()
  __start_srm srm "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}" 2>/dev/null
  printf '%s\n' "${COMPREPLY[@]}"
}
echo "[table]"; complete_line "srm table --services ec2,rd"
echo "[review]"; complete_line "srm review --services s3,lamb"
echo "[who]"; complete_line "srm who ec"
`
	c := exec.Command("bash", "-c", script)
	c.Env = []string{"PATH=" + filepath.Dir(srm) + ":" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "XDG_CONFIG_HOME=" + t.TempDir()}
	out, err := c.Output()
	if err != nil {
		t.Fatalf("bash: %v\n%s", err, out)
	}
	got := string(out)
	for _, want := range []string{"[table]\nec2,rds\n", "[review]\ns3,lambda\n", "[who]\nec2\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("completion lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, `\,`) {
		t.Errorf("a comma came back escaped:\n%s", got)
	}
}
