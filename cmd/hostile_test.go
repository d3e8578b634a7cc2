package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"srm/pkg/iostreams"
)

// hostileInput is one kind of input built to break srm; docs/robustness.md
// lists them with what srm does.
type hostileInput struct {
	name  string
	files map[string]string // written to a temporary directory; "big:" contents make a sparse file of that many bytes
	env   map[string]string // DIR in a value is the temporary directory
	args  []string          // DIR/ in an argument is the temporary directory
	code  int
	// stderr is a piece of the one line srm must write; "" when srm succeeds.
	stderr string
	// stdout is a piece of what srm writes when it succeeds.
	stdout string
}

const sampleCell = `[[cells]]
service = "ec2"
item = "iam"
owner = "customer"
label = "Customer"
summary = "S."
sources = [{ url = "https://docs.aws.amazon.com/x" }]
`

var hostileInputs = []hostileInput{
	// Model overlays.
	{name: "overlay-not-utf8", files: map[string]string{"m.toml": "label = \"\xff\xfe\"\n"}, args: []string{"who", "ec2", "iam", "--model", "DIR/m.toml"}, code: exitInput, stderr: "not valid UTF-8"},
	{name: "overlay-too-large", files: map[string]string{"m.toml": "big:17000000"}, args: []string{"who", "ec2", "iam", "--model", "DIR/m.toml"}, code: exitInput, stderr: "larger than the limit"},
	{name: "overlay-deep-arrays", files: map[string]string{"m.toml": "x = " + strings.Repeat("[", 1_000_000)}, args: []string{"validate", "DIR/m.toml"}, code: exitInput, stderr: "nest more than 32 levels"},
	{name: "overlay-dotted-key-20000-parts", files: map[string]string{"m.toml": "a" + strings.Repeat(".a", 20_000) + " = 1\n"}, args: []string{"who", "ec2", "iam", "--model", "DIR/m.toml"}, code: exitInput, stderr: "a dotted key has more than 32 parts"},
	{name: "overlay-key-40-kb", files: map[string]string{"m.toml": strings.Repeat("k", 40_000) + " = 1\n"}, args: []string{"validate", "DIR/m.toml"}, code: exitInput, stderr: "kkkk…: unknown key"},
	{name: "overlay-deep-inline-tables", files: map[string]string{"m.toml": "x = " + strings.Repeat("{a=", 100_000)}, args: []string{"who", "ec2", "iam", "--model", "DIR/m.toml"}, code: exitInput, stderr: "nest more than 32 levels"},
	{name: "overlay-unknown-key", files: map[string]string{"m.toml": strings.Replace(sampleCell, "label", "lable", 1)}, args: []string{"who", "ec2", "iam", "--model", "DIR/m.toml"}, code: exitInput, stderr: `unknown key "lable"`},
	{name: "overlay-escape-codes", files: map[string]string{"m.toml": strings.Replace(sampleCell, `label = "Customer"`, `label = "\u001b[2J\u001b]0;owned\u0007"`, 1)}, args: []string{"who", "ec2", "iam", "--model", "DIR/m.toml"}, code: exitInput, stderr: "control or format character U+001B"},
	{name: "overlay-bidi-override", files: map[string]string{"m.toml": strings.Replace(sampleCell, `summary = "S."`, "summary = \"evil \u202etxt.exe\"", 1)}, args: []string{"who", "ec2", "iam", "--model", "DIR/m.toml"}, code: exitInput, stderr: "U+202E"},
	{name: "overlay-nul-byte", files: map[string]string{"m.toml": strings.Replace(sampleCell, `label = "Customer"`, "label = \"a\x00b\"", 1)}, args: []string{"who", "ec2", "iam", "--model", "DIR/m.toml"}, code: exitInput, stderr: "m.toml"},
	{name: "overlay-long-string", files: map[string]string{"m.toml": strings.Replace(sampleCell, `summary = "S."`, `summary = "`+strings.Repeat("a", 5000)+`"`, 1)}, args: []string{"who", "ec2", "iam", "--model", "DIR/m.toml"}, code: exitInput, stderr: "longer than 2000 characters"},
	{name: "overlay-long-list", files: map[string]string{"m.toml": sampleCell + "caveats = [" + strings.Repeat(`"c", `, 300) + "]\n"}, args: []string{"who", "ec2", "iam", "--model", "DIR/m.toml"}, code: exitInput, stderr: "more than the limit of 200"},
	{name: "overlay-duplicate-id", files: map[string]string{"m.toml": "[[parties]]\nid = \"p\"\nname = \"P\"\nkind = \"third-party\"\ndescription = \"x.\"\n\n[[parties]]\nid = \"p\"\nname = \"Q\"\nkind = \"third-party\"\ndescription = \"y.\"\n"}, args: []string{"who", "ec2", "iam", "--model", "DIR/m.toml"}, code: exitInput, stderr: `duplicate party id "p"`},
	{name: "overlay-owner-not-a-party", files: map[string]string{"m.toml": strings.Replace(sampleCell, `owner = "customer"`, `owner = "custmer"`, 1)}, args: []string{"who", "ec2", "iam", "--model", "DIR/m.toml"}, code: exitInput, stderr: `"customer"`},
	{name: "overlay-is-a-directory", files: map[string]string{"d/x": ""}, args: []string{"who", "ec2", "iam", "--model", "DIR/d"}, code: exitInput, stderr: "is a directory"},
	{name: "overlay-missing", args: []string{"who", "ec2", "iam", "--model", "DIR/nope.toml"}, code: exitInput, stderr: "no such file"},
	{name: "overlay-bom-and-crlf", files: map[string]string{"m.toml": "\ufeff" + strings.ReplaceAll(sampleCell, "\n", "\r\n")}, args: []string{"who", "ec2", "iam", "-q", "--model", "DIR/m.toml"}, code: exitOK, stdout: "customer"},
	{name: "srm-model-bad-entry", files: map[string]string{"m.toml": "oops = 1\n"}, env: map[string]string{"SRM_MODEL": "DIR/m.toml"}, args: []string{"table"}, code: exitInput, stderr: `unknown key "oops"`},
	{name: "config-dir-bad-file", files: map[string]string{"srm/z.toml": "[[cells]\n"}, env: map[string]string{"XDG_CONFIG_HOME": "DIR"}, args: []string{"table"}, code: exitInput, stderr: "z.toml"},

	// Plans and templates for review.
	{name: "plan-truncated", files: map[string]string{"p.json": `{"resource_changes":[{"type":"aws_instance",`}, args: []string{"review", "DIR/p.json"}, code: exitInput, stderr: "ends in the middle of a value"},
	{name: "plan-deep-json", files: map[string]string{"p.json": strings.Repeat("[", 200_000)}, args: []string{"review", "DIR/p.json"}, code: exitInput, stderr: "p.json"},
	{name: "plan-too-large", files: map[string]string{"p.json": "big:70000000"}, args: []string{"review", "DIR/p.json"}, code: exitInput, stderr: "larger than the limit"},
	{name: "plan-binary", files: map[string]string{"p.bin": "\x7fELF\x02\x01\x01\x00\x00\x00\x00\xff\xfe"}, args: []string{"review", "DIR/p.bin"}, code: exitInput, stderr: "p.bin"},
	{name: "template-yaml-alias-bomb", files: map[string]string{"t.yaml": yamlAliasBomb()}, args: []string{"review", "DIR/t.yaml"}, code: exitInput, stderr: "t.yaml"},
	{name: "template-yaml-deep", files: map[string]string{"t.yaml": "Resources: " + strings.Repeat("[", 100_000)}, args: []string{"review", "DIR/t.yaml"}, code: exitInput, stderr: "t.yaml"},
	{name: "plan-escape-codes-in-type", files: map[string]string{"p.json": `{"resource_changes":[{"address":"x.y","mode":"managed","type":"evil\u001b[2J","name":"y","change":{"actions":["create"],"after":{}}}]}`}, args: []string{"review", "DIR/p.json"}, code: exitOK, stderr: `evil\x1b[2J`},

	// Terraform configuration, ARM templates and nested stacks.
	{name: "tf-deep-nesting", files: map[string]string{"infra/main.tf": "locals {\n  x = " + strings.Repeat("[", 1_000_000) + "\n}\n"}, args: []string{"review", "DIR/infra"}, code: exitInput, stderr: "nest more than 128 levels"},
	{name: "tf-64-mib-file", files: map[string]string{"infra/main.tf": "big:67108864"}, args: []string{"review", "DIR/infra"}, code: exitInput, stderr: "larger than the limit"},
	{name: "tf-module-cycle", files: map[string]string{"infra/main.tf": `module "a" { source = "./a" }`, "infra/a/main.tf": `module "back" { source = "../" }`}, args: []string{"review", "DIR/infra"}, code: exitInput, stderr: "module cycle"},
	{name: "tf-symlink-loop", files: map[string]string{"infra/main.tf": `module "m" { source = "./self/self/self" }`, "infra/self": "symlink:."}, args: []string{"review", "-r", "DIR/infra"}, code: exitInput, stderr: "module cycle"},
	{name: "tf-escape-codes-in-type", files: map[string]string{"infra/main.tf": "resource \"evil\x1b[2J\" \"x\" {}\n"}, args: []string{"review", "DIR/infra"}, code: exitOK, stderr: `evil\x1b[2J`},
	{name: "dir-nothing-to-read", files: map[string]string{"infra/README.md": "# hi\n"}, args: []string{"review", "DIR/infra"}, code: exitInput, stderr: "no infrastructure code here"},
	{name: "bicep-file", files: map[string]string{"main.bicep": "param x string\n"}, args: []string{"review", "DIR/main.bicep"}, code: exitInput, stderr: "az bicep build --file"},
	{name: "arm-deep-nested-deployments", files: map[string]string{"t.json": armNested(40)}, args: []string{"review", "DIR/t.json"}, code: exitInput, stderr: "nest more than 32 deep"},
	{name: "cfn-nested-stack-cycle", files: map[string]string{"t.yaml": "Resources:\n  Self:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./t.yaml\n"}, args: []string{"review", "DIR/t.yaml"}, code: exitInput, stderr: "includes this template again"},

	// Acknowledgement files.
	{name: "acks-escape-codes", files: map[string]string{"a.toml": "[[acks]]\nitem = \"iam\"\nowner = \"\\u001b[31mteam\"\nevidence = \"x\"\n"}, args: []string{"review", "--services", "ec2", "--acks", "DIR/a.toml"}, code: exitInput, stderr: "U+001B"},
	{name: "acks-deep", files: map[string]string{"a.toml": "x = " + strings.Repeat("[", 100_000)}, args: []string{"review", "--services", "ec2", "--acks", "DIR/a.toml"}, code: exitInput, stderr: "nest more than"},
	{name: "acks-long-string", files: map[string]string{"a.toml": "[[acks]]\nitem = \"iam\"\nowner = \"t\"\nevidence = \"" + strings.Repeat("e", 5000) + "\"\n"}, args: []string{"review", "--services", "ec2", "--acks", "DIR/a.toml"}, code: exitInput, stderr: "longer than 2000 characters"},
	{name: "acks-long-list", files: map[string]string{"a.toml": "[[acks]]\nitem = \"iam\"\nowner = \"t\"\nevidence = \"e\"\nservices = [" + strings.Repeat(`"ec2", `, 300) + "]\n"}, args: []string{"review", "--services", "ec2", "--acks", "DIR/a.toml"}, code: exitInput, stderr: "more than the limit of 200"},
	{name: "acks-unknown-item", files: map[string]string{"a.toml": "[[acks]]\nitem = \"gest os patching\"\nowner = \"t\"\nevidence = \"x\"\n"}, args: []string{"review", "--services", "ec2", "--acks", "DIR/a.toml"}, code: exitInput, stderr: `"guest-os-patching"`},

	// The command line.
	{name: "name-with-escape-codes", args: []string{"who", "\x1b]0;owned\x07ec2", "iam"}, code: exitName, stderr: `\x1b]0;owned`},
	{name: "name-a-megabyte-long", args: []string{"who", strings.Repeat("x", 1<<20), "iam"}, code: exitName, stderr: "xxx…"},
	{name: "unknown-format", args: []string{"table", "-o", "yaml"}, code: exitUsage, stderr: "valid: text, json"},
	{name: "columns-absurd", env: map[string]string{"COLUMNS": "-5"}, args: []string{"table", "-o", "csv"}, code: exitOK, stdout: "guest-os-patching"},
}

// armNested is an ARM template of deployments nested depth deep.
func armNested(depth int) string {
	inner := `{"resources": []}`
	for i := 0; i < depth; i++ {
		inner = `{"resources": [{"type": "Microsoft.Resources/deployments", "name": "d", "properties": {"template": ` + inner + `}}]}`
	}
	return strings.Replace(inner, `{"resources"`, `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources"`, 1)
}

// yamlAliasBomb is the "billion laughs": each level refers to the one above
// ten times.
func yamlAliasBomb() string {
	var b strings.Builder
	b.WriteString("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 10; i++ {
		refs := strings.TrimSuffix(strings.Repeat("*a"+string(rune('0'+i-1))+", ", 10), ", ")
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [" + refs + "]\n")
	}
	b.WriteString("Resources: *a9\n")
	return b.String()
}

func TestHostileInputs(t *testing.T) {
	for _, tc := range hostileInputs {
		t.Run(tc.name, func(t *testing.T) {
			if len(tc.env) == 0 {
				t.Parallel() // t.Setenv forbids it for the others
			}
			dir := t.TempDir()
			for name, content := range tc.files {
				path := filepath.Join(dir, name)
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if target, ok := strings.CutPrefix(content, "symlink:"); ok {
					if err := os.Symlink(target, path); err != nil {
						t.Fatal(err)
					}
					continue
				}
				if size, ok := strings.CutPrefix(content, "big:"); ok {
					f, err := os.Create(path)
					if err != nil {
						t.Fatal(err)
					}
					var n int64
					for _, c := range size {
						n = n*10 + int64(c-'0')
					}
					if err := f.Truncate(n); err != nil {
						t.Fatal(err)
					}
					f.Close()
					continue
				}
				if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for k, v := range tc.env {
				t.Setenv(k, strings.ReplaceAll(v, "DIR", dir))
			}
			args := make([]string, len(tc.args))
			for i, a := range tc.args {
				args[i] = strings.ReplaceAll(a, "DIR/", dir+"/")
			}
			ios, _, out, errOut := iostreams.Test()
			code := Run(args, ios)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstderr: %.300s", code, tc.code, errOut)
			}
			if tc.stderr != "" && !strings.Contains(errOut.String(), tc.stderr) {
				t.Errorf("stderr lacks %q:\n%.500s", tc.stderr, errOut)
			}
			if strings.ContainsAny(errOut.String(), "\x1b\x07\u202e") || strings.Count(strings.TrimSuffix(errOut.String(), "\n"), "\n") > 1 {
				t.Errorf("stderr is not one clean line:\n%q", errOut)
			}
			if code >= exitUsage && out.Len() > 0 {
				t.Errorf("output on stdout after an error:\n%.300s", out)
			}
			if tc.stdout != "" && !strings.Contains(out.String(), tc.stdout) {
				t.Errorf("stdout lacks %q:\n%.300s", tc.stdout, out)
			}
		})
	}
}

// TestValidateListsAtMostAHundredProblems feeds validate a file wrong on
// every entry: it lists 100 problems, then how many more there are.
func TestValidateListsAtMostAHundredProblems(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := 0; i < 150; i++ {
		b.WriteString("[[items]]\nid = \"x\"\n\n")
	}
	path := filepath.Join(dir, "m.toml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "validate", path)
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	// The 100 problems, the count of the rest, and the summary.
	if code != exitInput || out != "" || len(lines) != maxProblemsShown+2 || !strings.HasPrefix(lines[maxProblemsShown], "srm: ... and ") {
		t.Errorf("exit %d, %d lines, last %q", code, len(lines), lines[len(lines)-1])
	}
}

// TestTablesWrapNoNarrowerThan40 checks that an absurd width, such as
// COLUMNS=1, gives a table 40 columns wide rather than one cut to shreds.
func TestTablesWrapNoNarrowerThan40(t *testing.T) {
	for _, width := range []int{1, 20} {
		ios, _, out, _ := iostreams.Test()
		ios.SetTerminalWidth(width)
		if code := Run([]string{"table"}, ios); code != exitOK {
			t.Fatalf("exit %d", code)
		}
		// Tables keep a column or two of margin inside the width.
		for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
			if n := utf8.RuneCountInString(line); n > minTableWidth || n < minTableWidth-2 {
				t.Fatalf("width %d: a line of %d columns, want about %d: %q", width, n, minTableWidth, line)
			}
		}
	}
}
