package render

import (
	"bytes"
	"strings"
	"testing"
)

func TestBreakWordPrefersASlashOrHyphen(t *testing.T) {
	tests := []struct {
		word       string
		width      int
		head, tail string
	}{
		{"(choose/enable)", 14, "(choose/", "enable)"},
		{"self-install", 8, "self-", "install"},
		{"virtualization", 10, "virtualiza", "tion"}, // no place to break: at the width
		{"a/bcdefghijkl", 6, "a/", "bcdefghijkl"},
	}
	for _, tt := range tests {
		if head, tail := breakWord(tt.word, tt.width); head != tt.head || tail != tt.tail {
			t.Errorf("breakWord(%q, %d) = %q, %q; want %q, %q", tt.word, tt.width, head, tail, tt.head, tt.tail)
		}
	}
}

// The row names and cells of a five-service table at 100 columns: every
// column's longest word cannot fit, so some word must break, and it should
// be one with a slash, not a name cut in the middle.
func TestBoxBreaksWordsWhereTheyHaveAJoint(t *testing.T) {
	g := grid{header: []string{"Item", "EC2", "RDS", "Lambda", "S3", "DynamoDB"}}
	row := func(cells ...string) { g.rows = append(g.rows, cells) }
	row("Hypervisor / virtualization", "AWS", "AWS", "AWS", "AWS", "AWS")
	row("Encryption at rest", "Customer (choose/enable)", "Customer (choose/enable)", "Customer (choose/enable)", "Customer (choose keys)", "Customer (choose key type)")
	row("Network controls", "Customer", "Customer", "Customer (VPC-attached Lambda)", "N/A", "N/A")
	row("Database engine patching", "Customer (if self-install)", "AWS", "N/A", "N/A", "Database-engine-managed")
	var b bytes.Buffer
	if err := writeBox(&b, g, BorderUnicode, 100); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if n := displayWidth(l); n > 98 {
			t.Errorf("line of %d columns: %s", n, l)
		}
	}
	for _, whole := range []string{"virtualization", "(VPC-attached", "self-install)"} {
		if !strings.Contains(out, whole) {
			t.Errorf("%q was broken:\n%s", whole, out)
		}
	}
	if !strings.Contains(out, "(choose/ ") {
		t.Errorf("no word broke at its slash:\n%s", out)
	}
}
