package cmd

import (
	"testing"

	"srm/pkg/iostreams"
)

// benchRun runs srm in-process, as a shell would, for the commands people
// and scripts call most. The start-up of the binary itself is measured by
// scripts/bench.
func benchRun(b *testing.B, args ...string) {
	b.Helper()
	b.ReportAllocs()
	for b.Loop() {
		ios, _, _, _ := iostreams.Test()
		if code := Run(args, ios); code != exitOK {
			b.Fatalf("srm %v: exit %d", args, code)
		}
	}
}

func BenchmarkWho(b *testing.B) {
	benchRun(b, "who", "--service", "ec2", "--item", "guest-os-patching")
}
func BenchmarkWhoJSON(b *testing.B) { benchRun(b, "who", "ec2", "guest-os-patching", "-o", "json") }
func BenchmarkTable(b *testing.B)   { benchRun(b, "table") }
func BenchmarkTableFormats(b *testing.B) {
	for _, format := range []string{"text", "json", "markdown", "csv", "html"} {
		b.Run(format, func(b *testing.B) { benchRun(b, "table", "-o", format) })
	}
}
func BenchmarkVersion(b *testing.B) { benchRun(b, "version") }
