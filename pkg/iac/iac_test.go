package iac

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
)

func parseFile(t *testing.T, name string) *Stack {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Parse(name, data, Auto)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return s
}

func addresses(s *Stack) []string {
	var out []string
	for _, r := range s.Resources {
		out = append(out, r.Type+" "+r.Address)
	}
	return out
}

func TestPlanModulesAndDeletes(t *testing.T) {
	s := parseFile(t, "plan-modules-deletes.json")
	if s.Format != TerraformPlan {
		t.Errorf("format = %s", s.Format)
	}
	want := []string{
		"aws_instance aws_instance.web",
		"aws_db_instance module.db.aws_db_instance.main",
		"aws_lambda_function module.app.module.fn.aws_lambda_function.this[0]",
		"aws_sqs_queue aws_sqs_queue.q",
	}
	if got := addresses(s); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("resources:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if s.Deleted != 1 {
		t.Errorf("deleted = %d, want 1 (a replace still counts)", s.Deleted)
	}
	if pt := s.Resources[2].Attributes["package_type"]; pt != "Image" {
		t.Errorf("package_type = %v", pt)
	}
}

func TestStateChildModules(t *testing.T) {
	s := parseFile(t, "state-nested.json")
	if s.Format != TerraformState {
		t.Errorf("format = %s", s.Format)
	}
	want := "aws_instance aws_instance.a\naws_vpc module.net.aws_vpc.main\naws_elasticache_serverless_cache module.net.module.cache.aws_elasticache_serverless_cache.c"
	if got := strings.Join(addresses(s), "\n"); got != want {
		t.Errorf("resources:\n%s", got)
	}
}

func TestTemplateShortTagsAndGlobals(t *testing.T) {
	s := parseFile(t, "template-short-tags.yaml")
	if s.Format != CloudFormation {
		t.Errorf("format = %s", s.Format)
	}
	byID := map[string]Resource{}
	for _, r := range s.Resources {
		byID[r.Address] = r
	}
	if len(byID) != 6 {
		t.Fatalf("resources = %v", addresses(s))
	}
	if got := byID["Fn"].Attributes["PackageType"]; got != "Image" {
		t.Errorf("Globals did not apply: PackageType = %v", got)
	}
	if got := byID["ZipFn"].Attributes["PackageType"]; got != "Zip" {
		t.Errorf("a resource's own property should beat Globals: %v", got)
	}
	role, _ := json.Marshal(byID["Fn"].Attributes["Role"])
	if string(role) != `{"Fn::GetAtt":["Role","Arn"]}` {
		t.Errorf("!GetAtt = %s", role)
	}
	kms, _ := json.Marshal(byID["Queue"].Attributes["KmsMasterKeyId"])
	if string(kms) != `{"Fn::If":["IsProd",{"Ref":"Key"},{"Ref":"AWS::NoValue"}]}` {
		t.Errorf("!If = %s", kms)
	}
	policy, _ := json.Marshal(byID["Key"].Attributes["KeyPolicy"])
	if string(policy) != `{"Version":"2012-10-17"}` {
		t.Errorf("alias = %s", policy)
	}
	embed, _ := json.Marshal(byID["Embedded"].Attributes["Code"])
	if string(embed) != `{"Fn::Rain::Embed":"thing.py"}` {
		t.Errorf("unknown tag = %s", embed)
	}
}

func TestBadInputs(t *testing.T) {
	tests := []struct {
		file, want string
	}{
		{"truncated.json", "truncated.json:4:1: invalid JSON: the file ends in the middle of a value"},
		{"malformed.json", "malformed.json:3:21: invalid JSON: invalid character '\"' after object key:value pair"},
		// yaml.v3 reports the line where the mapping that fails began;
		// srm finds the line of the problem itself.
		{"malformed.yaml", "malformed.yaml:4: invalid YAML: did not find expected key"},
		{"neither.yaml", "neither.yaml: not a Terraform plan or state"},
		{"binary.bin", "binary.bin: binary file"},
	}
	for _, tt := range tests {
		data, err := os.ReadFile("testdata/" + tt.file)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Parse(tt.file, data, Auto)
		var ie *Error
		if !errors.As(err, &ie) {
			t.Errorf("%s: err = %v, want *Error", tt.file, err)
			continue
		}
		if !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s:\n got %q\nwant prefix %q", tt.file, err, tt.want)
		}
	}
}

func TestLimits(t *testing.T) {
	deep := strings.Repeat(`{"a":`, MaxDepth+10) + "1" + strings.Repeat("}", MaxDepth+10)
	if _, err := Parse("deep.json", []byte(deep), Auto); err == nil || !strings.Contains(err.Error(), "nested more than") {
		t.Errorf("deep JSON: %v", err)
	}
	deepYAML := "Resources:\n  x: " + strings.Repeat("[", MaxDepth+10) + strings.Repeat("]", MaxDepth+10) + "\n"
	if _, err := Parse("deep.yaml", []byte(deepYAML), Auto); err == nil || !strings.Contains(err.Error(), "nested more than") {
		t.Errorf("deep YAML: %v", err)
	}
	bombs := "a: &a [1,1,1,1,1,1,1,1,1,1]\n"
	prev := "a"
	for i := 0; i < 8; i++ {
		name := string(rune('b' + i))
		bombs += name + ": &" + name + " [" + strings.Repeat("*"+prev+",", 9) + "*" + prev + "]\n"
		prev = name
	}
	bombs += "Resources: {}\n"
	if _, err := Parse("bomb.yaml", []byte(bombs), Auto); err == nil {
		t.Error("an alias bomb parsed without error")
	}
	big := make([]byte, MaxInputBytes+1)
	if _, err := Parse("big.json", big, Auto); err == nil || !strings.Contains(err.Error(), "more than the limit") {
		t.Errorf("big input: %v", err)
	}
}

func TestForcedFormat(t *testing.T) {
	data := []byte(`{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}`)
	if _, err := Parse("t.json", data, TerraformPlan); err != nil {
		t.Errorf("a template read as a plan should be an empty plan, got %v", err)
	}
	s, err := Parse("t.json", data, CloudFormation)
	if err != nil || len(s.Resources) != 1 {
		t.Errorf("forced cloudformation: %v, %v", s, err)
	}
	if _, err := Parse("t.json", []byte(`{"values": 3}`), TerraformState); err == nil {
		t.Error("state without root_module parsed")
	}
}

// FuzzParse checks that any input parses or fails with an *Error, within
// the limits.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"plan-modules-deletes.json", "state-nested.json", "template-short-tags.yaml", "malformed.yaml", "truncated.json"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("Resources:\n  A: {Type: !Ref x}\n"))
	f.Add([]byte(`{"resource_changes":[{"type":1}]}`))
	f.Add([]byte(`{"values":{"root_module":{"child_modules":[{"resources":[{}]}]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("fuzz", data, Auto)
		if err != nil {
			var ie *Error
			if !errors.As(err, &ie) {
				t.Fatalf("err = %#v, want *Error", err)
			}
			return
		}
		for _, r := range s.Resources {
			if r.Type == "" || r.Address == "" {
				t.Fatalf("resource without type or address: %+v", r)
			}
		}
	})
}

// TestSAMImplicitAPIs checks that a function's Api and HttpApi events
// with no API of their own make the APIs SAM would, once per template.
func TestSAMImplicitAPIs(t *testing.T) {
	tmpl := `Transform: AWS::Serverless-2016-10-31
Resources:
  A:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Get: {Type: Api, Properties: {Path: /, Method: get}}
        Hook: {Type: HttpApi}
  B:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Post: {Type: Api, Properties: {Path: /b, Method: post}}
        Own: {Type: Api, Properties: {RestApiId: !Ref Mine, Path: /c, Method: get}}
  Mine:
    Type: AWS::Serverless::Api
`
	s, err := Parse("template.yaml", []byte(tmpl), Auto)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range s.Resources {
		got = append(got, r.Address+"="+r.Type+":"+r.Note)
	}
	want := []string{
		"A=AWS::Serverless::Function:", "B=AWS::Serverless::Function:", "Mine=AWS::Serverless::Api:",
		"ServerlessRestApi=AWS::Serverless::Api:made by SAM for the events of A, B",
		"ServerlessHttpApi=AWS::Serverless::HttpApi:made by SAM for the events of A",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("resources:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTemplateLines checks the lines srm reports for templates: a YAML
// error at the line that is wrong, not where its block began, and a
// resource with no Type at its own line; resources carry their lines.
func TestTemplateLines(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: 1\n   Y: 2\n", "t.yaml:6: invalid YAML: did not find expected key"},
		{"AWSTemplateFormatVersion: x\nResources:\n  A:\n    Type: AWS::S3::Bucket\n  - B\n", "t.yaml:5: invalid YAML: did not find expected key"},
		{"Resources:\n  A:\n    Type: AWS::S3::Bucket\n  B:\n    Properties: {}\n", "t.yaml:4: resource B has no Type"},
		{"{\"Resources\": {\n  \"A\": {\"Type\": \"AWS::S3::Bucket\"},\n  \"B\": {}\n}}\n", "t.yaml:3: resource B has no Type"},
	} {
		_, err := Parse("t.yaml", []byte(tt.text), Auto)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%q: %v, want %s", tt.text, err, tt.want)
		}
	}
	s, err := Parse("t.yaml", []byte("Resources:\n\n  Bucket:\n    Type: AWS::S3::Bucket\n"), Auto)
	if err != nil || s.Resources[0].Line != 3 {
		t.Errorf("line of a resource: %v %+v", err, s)
	}
}
