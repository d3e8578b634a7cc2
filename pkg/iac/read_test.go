package iac

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func readOne(t *testing.T, path string, opts Options) *Stack {
	t.Helper()
	res, err := Read(path, opts)
	if err != nil {
		t.Fatalf("Read(%s): %v", path, err)
	}
	if len(res.Stacks) != 1 {
		t.Fatalf("Read(%s): %d stacks, want 1", path, len(res.Stacks))
	}
	return res.Stacks[0]
}

func resourceByAddress(t *testing.T, s *Stack, addr string) Resource {
	t.Helper()
	for _, r := range s.Resources {
		if r.Address == addr {
			return r
		}
	}
	t.Fatalf("no resource %s in %v", addr, addresses(s))
	return Resource{}
}

// TestTerraformSource checks what the reader takes from Terraform
// configuration without a plan: resources (also with unquoted labels),
// values known from literals, variables, tfvars and locals, literal counts,
// nested blocks, local modules, and remote modules as not reviewed.
func TestTerraformSource(t *testing.T) {
	s := readOne(t, "testdata/hcl/root", Options{})
	if s.Format != TerraformSource {
		t.Errorf("format = %s", s.Format)
	}
	want := []string{
		"aws_ecs_service aws_ecs_service.svc",
		"aws_ecs_service aws_ecs_service.spot",
		"aws_lambda_function aws_lambda_function.fn",
		"aws_instance aws_instance.web",
		"aws_instance aws_instance.maybe",
		"aws_sqs_queue aws_sqs_queue.each",
		"aws_iam_role aws_iam_role.unquoted",
		"aws_s3_bucket_policy module.site.aws_s3_bucket_policy.this",
		"aws_s3_bucket module.site.aws_s3_bucket.this",
	}
	if got := addresses(s); !slices.Equal(got, want) {
		t.Errorf("resources:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	tests := []struct {
		addr, attr string
		value      any
		count      int
		note       string
	}{
		{"aws_ecs_service.svc", "launch_type", "FARGATE", 1, ""},
		{"aws_lambda_function.fn", "package_type", "Image", 1, ""},            // a local built from another local
		{"aws_lambda_function.fn", "function_name", "FARGATE-fn", 1, ""},      // interpolation of a variable
		{"aws_lambda_function.fn", "role", nil, 1, ""},                        // a reference only a plan resolves
		{"aws_instance.web", "", nil, 2, ""},                                  // terraform.tfvars overrides the default
		{"aws_instance.maybe", "", nil, 1, "count known only at plan time"},   // a variable without a value
		{"aws_sqs_queue.each", "", nil, 2, ""},                                // a literal for_each
		{"module.site.aws_s3_bucket.this", "bucket", "FARGATE", 2, ""},        // module input and module count
		{"module.site.aws_s3_bucket_policy.this", "bucket", "literal", 2, ""}, // .tf.json
	}
	for _, tt := range tests {
		r := resourceByAddress(t, s, tt.addr)
		if tt.attr != "" {
			if got := r.Attributes[tt.attr]; got != tt.value {
				t.Errorf("%s.%s = %#v, want %#v", tt.addr, tt.attr, got, tt.value)
			}
		}
		if r.Instances() != tt.count || r.Note != tt.note {
			t.Errorf("%s: %d instances, note %q; want %d, %q", tt.addr, r.Instances(), r.Note, tt.count, tt.note)
		}
		if r.File == "" || r.Line == 0 {
			t.Errorf("%s: no position (%s:%d)", tt.addr, r.File, r.Line)
		}
	}
	spot := resourceByAddress(t, s, "aws_ecs_service.spot")
	raw, _ := json.Marshal(spot.Attributes)
	if string(raw) != `{"capacity_provider_strategy":[{"capacity_provider":"FARGATE_SPOT","weight":1}]}` {
		t.Errorf("nested blocks = %s (dynamic blocks are left out)", raw)
	}
	if len(s.NotReviewed) != 1 || s.NotReviewed[0].Kind != KindModule || s.NotReviewed[0].Source != "terraform-aws-modules/vpc/aws" {
		t.Errorf("not reviewed = %+v, want the registry module", s.NotReviewed)
	}
	if w := s.NotReviewed[0].Where; !strings.HasSuffix(w, "main.tf:72") {
		t.Errorf("the registry module is at %q", w)
	}
}

func TestTerraformSourceOneFile(t *testing.T) {
	s := readOne(t, "testdata/hcl/root/modules/bucket/main.tf", Options{})
	if got := addresses(s); !slices.Equal(got, []string{"aws_s3_bucket aws_s3_bucket.this"}) {
		t.Errorf("resources = %v", got)
	}
}

func TestTerraformSourceFromStdin(t *testing.T) {
	data, _ := os.ReadFile("testdata/hcl/root/main.tf")
	s, err := Parse("stdin", data, TerraformSource)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, sk := range s.NotReviewed {
		kinds[sk.Name] = true
	}
	if !kinds["module.site"] || !kinds["module.vpc"] {
		t.Errorf("not reviewed = %+v: a local module cannot be followed from stdin", s.NotReviewed)
	}
}

func TestTerraformSourceErrors(t *testing.T) {
	tests := []struct {
		path string
		want string
	}{
		{"testdata/hcl/broken.tf", "testdata/hcl/broken.tf:3:9: invalid Terraform configuration: "},
		{"testdata/hcl/cycle", "module cycle: "},
	}
	for _, tt := range tests {
		_, err := Read(tt.path, Options{})
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Read(%s) = %v, want an *Error with %q", tt.path, err, tt.want)
		}
	}
}

// TestTFFileIsNeverYAML: a .tf file that happens to look like YAML is
// still read as Terraform configuration.
func TestTFFileIsNeverYAML(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.tf")
	os.WriteFile(path, []byte("Resources:\n  A:\n    Type: AWS::S3::Bucket\n"), 0o644)
	_, err := Read(path, Options{})
	if err == nil || !strings.Contains(err.Error(), "invalid Terraform configuration") {
		t.Errorf("err = %v", err)
	}
}

func TestARMTemplate(t *testing.T) {
	s := readOne(t, "testdata/arm/template.json", Options{})
	if s.Format != ARM {
		t.Fatalf("format = %s", s.Format)
	}
	want := []string{
		"Microsoft.Web/sites sites/web1",
		"Microsoft.Web/sites/config config/web",
		"Microsoft.Storage/storageAccounts storageAccounts/[concat('st', copyIndex())]",
		"Microsoft.Sql/servers deployments/inner/servers/web1",
	}
	if got := addresses(s); !slices.Equal(got, want) {
		t.Errorf("resources:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	site := resourceByAddress(t, s, "sites/web1")
	if site.Attributes["kind"] != "functionapp,linux" {
		t.Errorf("kind = %v: a parameter with a literal default is known", site.Attributes["kind"])
	}
	if _, ok := site.Attributes["location"]; ok {
		t.Error("location has no default, so it must be unknown")
	}
	if props, _ := site.Attributes["properties"].(map[string]any); props["siteConfig"].(map[string]any)["linuxFxVersion"] != nil {
		t.Error("a variables() expression must be unknown")
	}
	if r := resourceByAddress(t, s, "storageAccounts/[concat('st', copyIndex())]"); r.Instances() != 3 {
		t.Errorf("copy count = %d, want 3", r.Instances())
	}
	if len(s.NotReviewed) != 1 || s.NotReviewed[0].Kind != KindLinkedTemplate || s.NotReviewed[0].Source != "https://example.com/child.json" {
		t.Errorf("not reviewed = %+v", s.NotReviewed)
	}
}

func TestNestedStacks(t *testing.T) {
	s := readOne(t, "testdata/nested/parent.yaml", Options{})
	want := []string{
		"AWS::SQS::Queue Queue",
		"AWS::Serverless::Function App/Fn",
		"AWS::DynamoDB::Table App/Table",
		"AWS::Serverless::Function Local/Fn",
		"AWS::DynamoDB::Table Local/Table",
	}
	if got := addresses(s); !slices.Equal(got, want) {
		t.Errorf("resources:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var names []string
	for _, sk := range s.NotReviewed {
		names = append(names, sk.Kind+" "+sk.Name)
	}
	if !slices.Equal(names, []string{"nested stack FromRepository", "nested stack Remote"}) {
		t.Errorf("not reviewed = %v", names)
	}
	if f := resourceByAddress(t, s, "Local/Fn").File; f != filepath.Join("testdata", "nested", "child.yaml") {
		t.Errorf("a child's resources are in the child's file, not %q", f)
	}
	if _, err := Read("testdata/nested-loop/loop.yaml", Options{}); err == nil || !strings.Contains(err.Error(), "includes this template again") {
		t.Errorf("a nested stack that includes itself: %v", err)
	}
}

// TestDirectoryReview: a directory holds Terraform and templates; nested
// children are reviewed through their parent only, and files of other
// kinds are passed over.
func TestDirectoryReview(t *testing.T) {
	res, err := Read("testdata/nested", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, st := range res.Stacks {
		paths = append(paths, st.Path)
	}
	if !slices.Equal(paths, []string{filepath.Join("testdata", "nested", "parent.yaml")}) {
		t.Errorf("stacks = %v: child.yaml is reviewed through parent.yaml only", paths)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "README.md"), []byte("# hi"), 0o644)
	os.WriteFile(filepath.Join(dir, "package.json"), []byte(`{"name": "x"}`), 0o644)
	if _, err := Read(dir, Options{}); err == nil || !strings.Contains(err.Error(), "no infrastructure code here") {
		t.Errorf("a directory with nothing srm reads: %v", err)
	}
	os.MkdirAll(filepath.Join(dir, "infra"), 0o755)
	os.WriteFile(filepath.Join(dir, "infra", "main.tf"), []byte(`resource "aws_sqs_queue" "q" {}`), 0o644)
	if _, err := Read(dir, Options{}); err == nil || !strings.Contains(err.Error(), "use -r") {
		t.Errorf("without -r, a directory with infrastructure code below: %v", err)
	}
	res, err = Read(dir, Options{Recursive: true})
	if err != nil || len(res.Stacks) != 1 || len(res.Passed) != 1 {
		t.Fatalf("recursive: %+v, %v", res, err)
	}
}

// TestRecursiveRootsSkipCalledModules: with -r, a directory another one
// calls as a local module is not a root of its own.
func TestRecursiveRootsSkipCalledModules(t *testing.T) {
	res, err := Read("testdata/hcl/root", Options{Recursive: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Stacks) != 1 {
		t.Errorf("%d stacks, want 1: modules/bucket is called by the root", len(res.Stacks))
	}
}

// TestHostileTerraform: inputs that could make the reader recurse, loop
// or read for ever end quickly with an error.
func TestHostileTerraform(t *testing.T) {
	dir := t.TempDir()
	deep := filepath.Join(dir, "deep")
	os.MkdirAll(deep, 0o755)
	os.WriteFile(filepath.Join(deep, "main.tf"), []byte("locals {\n  x = "+strings.Repeat("[", 1_000_000)+strings.Repeat("]", 1_000_000)+"\n}\n"), 0o644)
	big := filepath.Join(dir, "big")
	os.MkdirAll(big, 0o755)
	os.WriteFile(filepath.Join(big, "main.tf"), make([]byte, MaxHCLFileBytes+1), 0o644)
	loop := filepath.Join(dir, "loop")
	os.MkdirAll(loop, 0o755)
	os.Symlink(loop, filepath.Join(loop, "self"))
	os.WriteFile(filepath.Join(loop, "main.tf"), []byte(`module "m" { source = "./self" }`), 0o644)
	for _, path := range []string{deep, big, loop} {
		_, err := Read(path, Options{Recursive: true})
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s: %v, want an *Error", filepath.Base(path), err)
		}
	}
}

// TestFileLimit lowers the file limit to check it without writing ten
// thousand files: a directory of Terraform, and a tree read with -r.
func TestFileLimit(t *testing.T) {
	saved := maxFiles
	maxFiles = 20
	t.Cleanup(func() { maxFiles = saved })
	dir := t.TempDir()
	for i := range 25 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%d.tf", i)), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := Read(dir, Options{})
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(e.Msg, "25 Terraform files, more than the limit of 20") {
		t.Errorf("a directory of 25 .tf files: %v", err)
	}
	tree := t.TempDir()
	for i := range 25 {
		sub := filepath.Join(tree, fmt.Sprintf("d%d", i))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, "t.json"), []byte(`{"Resources": {}}`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err = Read(tree, Options{Recursive: true})
	if !errors.As(err, &e) || !strings.Contains(e.Msg, "more than 20 files") {
		t.Errorf("a tree of 25 templates: %v", err)
	}
}
