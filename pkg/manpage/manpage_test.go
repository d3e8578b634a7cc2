package manpage

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
)

func testTree() *cobra.Command {
	root := &cobra.Command{Use: "srm", Short: "Who owns what"}
	who := &cobra.Command{
		Use:   "who <service> <item>",
		Short: "Show who owns an item",
		Long: `Show the owner of <item> for <service>.
.dot at the start, a back\slash and a 'quote' — here.

  $ srm who ec2 backups
  $ srm who rds -q`,
		Example: "  $ srm who ec2 guest-os-patching",
		Run:     func(*cobra.Command, []string) {},
	}
	who.Flags().StringP("service", "s", "", "service `id`, name or alias")
	who.Flags().Bool("quiet", false, "print only the owner")
	root.PersistentFlags().String("output", "text", "output format")
	root.AddCommand(who)
	return root
}

func page(t *testing.T) string {
	t.Helper()
	var b bytes.Buffer
	who, _, _ := testTree().Find([]string{"who"})
	Write(&b, who, Header{Source: "srm", Manual: "srm manual", Date: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)})
	return b.String()
}

func TestWrite(t *testing.T) {
	got := page(t)
	for _, want := range []string{
		`.TH "SRM\-WHO" 1 "November 2026" "srm" "srm manual"`,
		`srm\-who \- Show who owns an item`,
		`.B srm who <service> <item> [flags]`,
		`Show the owner of <item> for <service>.`,
		`\&.dot at the start, a back\eslash and a 'quote' \[u2014] here.`,
		"  $ srm who ec2 backups\n  $ srm who rds \\-q\n.fi",
		`\fB\-s\fR, \fB\-\-service\fR \fIid\fR` + "\nservice id, name or alias",
		`\fB\-\-output\fR \fIstring\fR` + "\noutput format (default text)",
		".SH EXAMPLES",
		`\fBsrm\fR(1)`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("page lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "(default false)") {
		t.Error("a false boolean default is noise")
	}
}

// TestPageFormats runs the page through groff, when it is installed, and
// fails on any warning it prints.
func TestPageFormats(t *testing.T) {
	groff, err := exec.LookPath("groff")
	if err != nil {
		t.Skip("groff is not installed")
	}
	cmd := exec.Command(groff, "-man", "-Tutf8", "-ww", "-z")
	cmd.Stdin = strings.NewReader(page(t))
	out, err := cmd.CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Errorf("groff: %v\n%s", err, out)
	}
}

func TestWriteTree(t *testing.T) {
	dir := t.TempDir()
	if err := WriteTree(testTree(), Header{Source: "srm"}, dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"srm.1", "srm-who.1"} {
		if fi, err := os.Stat(filepath.Join(dir, name)); err != nil || fi.Size() == 0 {
			t.Errorf("%s not written", name)
		}
	}
}
