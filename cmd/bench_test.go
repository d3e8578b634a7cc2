package cmd

import (
	"os"
	"path/filepath"
	"testing"

	"srm/pkg/iostreams"
	"srm/pkg/render"
)

// benchRun runs srm in-process, as a shell would. The start-up of the
// binary itself is measured by scripts/bench.
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
func BenchmarkTable(b *testing.B)   { benchRun(b, "table") }
func BenchmarkVersion(b *testing.B) { benchRun(b, "version") }

// BenchmarkRenderers runs every command in every format it writes, so that
// each renderer is measured on the embedded model.
func BenchmarkRenderers(b *testing.B) {
	plan, err := filepath.Abs("../pkg/iac/testdata/plan-modules-deletes.json")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := os.Stat(plan); err != nil {
		b.Fatal(err)
	}
	commands := [][]string{
		{"who", "rds", "backups"},
		{"table"},
		{"table", "--services", "ec2,ecs-ec2,ecs-fargate,eks,lambda,rds,dynamodb,s3"},
		{"compare", "lambda"},
		{"shift", "iaas", "serverless"},
		{"explain", "paas"},
		{"always"},
		{"traps"},
		{"faq"},
		{"search", "encryption"},
		{"review", plan},
		{"services"},
		{"items"},
		{"sources"},
		{"diagram"},
		{"controls", "--services", "ec2,ecs-ec2,ecs-fargate,eks,lambda,rds,dynamodb,s3"},
		{"controls", "--framework", "ccm"},
		{"export", "oscal", "--services", "ec2,ecs-ec2,ecs-fargate,eks,lambda,rds,dynamodb,s3"},
		{"export", "crm", plan},
	}
	root := NewRootCmd(newFactory(iostreams.System()))
	for _, args := range commands {
		c, _, err := root.Find(args)
		if err != nil {
			b.Fatal(err)
		}
		for _, format := range supportedFormats(c) {
			name := args[0]
			switch {
			case len(args) > 1 && args[0] == "table":
				name += "-8-services"
			case args[0] == "controls" && args[1] == "--framework":
				name += "-mapping"
			case args[0] == "export":
				name += "-" + args[1]
			}
			if name == "controls-mapping" && (format == render.OSCAL || format == render.CRM) {
				continue // those formats need a stack
			}
			b.Run(name+"/"+string(format), func(b *testing.B) {
				benchRun(b, append(append([]string{}, args...), "-o", string(format))...)
			})
		}
	}
}
