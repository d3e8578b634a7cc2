package cmd

import (
	"strings"
	"testing"

	"srm/pkg/iostreams"
)

// FuzzCommandLine runs srm with arbitrary arguments: it must answer or
// fail with a documented exit code, never panic or report an internal
// error, and on failure leave stdout empty and write one line to stderr.
func FuzzCommandLine(f *testing.F) {
	for _, s := range []string{
		"who ec2 guest-os-patching",
		"who --service \x1b[2J --item iam",
		"table --services ec2,nope -o markdown",
		"table --variant x -o yaml",
		"shift iaas serverless -o csv",
		"explain \u202eevil --provider aws",
		"search -- -x",
		"review --services ec2,rds --format-in yaml -",
		"quiz -n 0",
		"help who",
		"completion fish",
		"__complete who ec",
		"diagram -o svg --services lambda:container-image",
		"--model  who ec2 iam",
		"man out",
		"man /",
		"controls --services ec2 --control SC-28(01)",
		"controls --framework ccm --control \u202eCEK-3 -o csv",
		"export oscal --services lambda:container-image --control si-2.99",
		"export crm --framework 800-53",
		"review --services rds --framework ccm -o markdown",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Fields(line)
		for _, a := range args {
			// Device or proc paths could block a read, which is not what
			// this target is about.
			if strings.Contains(a, "/dev/") || strings.Contains(a, "/proc/") || strings.Contains(a, "/sys/") {
				return
			}
		}
		// srm man writes files: let it, somewhere that goes away.
		t.Chdir(t.TempDir())
		ios, _, out, errOut := iostreams.Test()
		code := Run(args, ios)
		switch {
		case code == exitInternal || code < 0 || (code > exitInput && code != exitOutput):
			t.Fatalf("srm %q: exit %d\nstderr: %s", args, code, errOut)
		case code >= exitUsage && out.Len() > 0:
			t.Fatalf("srm %q: exit %d with output on stdout:\n%s", args, code, out)
		case code >= exitUsage && strings.Count(errOut.String(), "\n") != 1:
			t.Fatalf("srm %q: exit %d with stderr not one line:\n%s", args, code, errOut)
		}
	})
}
