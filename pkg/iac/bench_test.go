package iac

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// bigPlan is a Terraform plan with n resources spread over nested modules.
func bigPlan(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"format_version":"1.2","terraform_version":"1.9.0","resource_changes":[`)
	types := []string{"aws_instance", "aws_db_instance", "aws_lambda_function", "aws_s3_bucket", "aws_dynamodb_table"}
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		typ := types[i%len(types)]
		fmt.Fprintf(&b, `{"address":"module.m%d.%s.r%d","module_address":"module.m%d","mode":"managed","type":%q,"name":"r%d","change":{"actions":["create"],"after":{"tags":{"n":"%d"},"package_type":"Zip"}}}`, i%7, typ, i, i%7, typ, i, i)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

// realisticPlan is a plan of n resources whose planned values are as large
// as real ones: about 4.6 KB a resource, the size of the 46 MiB plan of
// 10,000 resources measured in the CI issue.
func realisticPlan(n int) []byte {
	var after strings.Builder
	after.WriteString(`{"package_type":"Zip"`)
	for i := 0; i < 60; i++ {
		fmt.Fprintf(&after, `,"attribute_%02d":"value-of-attribute-%02d-with-some-length","flag_%02d":false`, i, i, i)
	}
	after.WriteString(`,"tags":{"Environment":"production","Team":"platform","CostCenter":"1234"},"ebs_block_device":[{"device_name":"/dev/sdb","volume_size":100,"encrypted":true}]}`)
	var b strings.Builder
	b.WriteString(`{"format_version":"1.2","terraform_version":"1.9.0","resource_changes":[`)
	types := []string{"aws_instance", "aws_db_instance", "aws_lambda_function", "aws_s3_bucket", "aws_dynamodb_table"}
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		typ := types[i%len(types)]
		fmt.Fprintf(&b, `{"address":"module.m%d.%s.r%d","module_address":"module.m%d","mode":"managed","type":%q,"name":"r%d","change":{"actions":["create"],"before":null,"after":%s,"after_unknown":{"id":true,"arn":true}}}`, i%7, typ, i, i%7, typ, i, after.String())
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

// bigTemplate is a CloudFormation template in YAML with n resources that
// use the short-form tags.
func bigTemplate(n int) []byte {
	var b strings.Builder
	b.WriteString("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n")
	types := []string{"AWS::EC2::Instance", "AWS::RDS::DBInstance", "AWS::Lambda::Function", "AWS::S3::Bucket", "AWS::DynamoDB::Table"}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  R%d:\n    Type: %s\n    Properties:\n      Name: !Sub '${AWS::StackName}-%d'\n      Role: !GetAtt Role.Arn\n", i, types[i%len(types)], i)
	}
	return []byte(b.String())
}

func BenchmarkParse(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		plan, template := bigPlan(n), bigTemplate(n)
		b.Run(fmt.Sprintf("terraform-plan/%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(plan)))
			for b.Loop() {
				if _, err := Parse("plan.json", plan, Auto); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/resource")
		})
		realistic := realisticPlan(n)
		b.Run(fmt.Sprintf("terraform-plan-realistic/%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(realistic)))
			for b.Loop() {
				if _, err := Parse("plan.json", realistic, Auto); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/resource")
		})
		// As srm review reads it: only the attributes the mapping rules
		// look at are kept.
		rules := Options{Format: Auto, Attributes: func(typ string) []string {
			if typ == "aws_lambda_function" {
				return []string{"package_type"}
			}
			return nil
		}}
		b.Run(fmt.Sprintf("terraform-plan-realistic-review/%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(realistic)))
			for b.Loop() {
				if _, err := ParseOptions("plan.json", realistic, rules); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/resource")
		})
		b.Run(fmt.Sprintf("cloudformation-yaml/%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(template)))
			for b.Loop() {
				if _, err := Parse("template.yaml", template, Auto); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// writeTerraformTree writes a root module of n resources spread over
// n/10 files, each resource with a few literal and variable attributes, as
// a hand-written configuration has them.
func writeTerraformTree(tb testing.TB, n int) (dir string, bytes int64) {
	tb.Helper()
	dir = tb.TempDir()
	types := []string{"aws_instance", "aws_db_instance", "aws_lambda_function", "aws_s3_bucket", "aws_dynamodb_table"}
	files := max(n/10, 1)
	var vars strings.Builder
	vars.WriteString("variable \"env\" {\n  default = \"prod\"\n}\n\nlocals {\n  package = \"Zip\"\n}\n")
	for f := 0; f < files; f++ {
		var b strings.Builder
		if f == 0 {
			b.WriteString(vars.String())
		}
		for i := f; i < n; i += files {
			typ := types[i%len(types)]
			fmt.Fprintf(&b, "resource %q \"r%d\" {\n  name         = \"${var.env}-r%d\"\n  package_type = local.package\n  role         = aws_iam_role.main.arn\n  tags = {\n    n = \"%d\"\n  }\n}\n\n", typ, i, i, i)
		}
		path := fmt.Sprintf("%s/f%04d.tf", dir, f)
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
		bytes += int64(b.Len())
	}
	return dir, bytes
}

// BenchmarkTerraformSource reads generated root modules: 10,000 resources
// in 1,000 .tf files is the size of a large repository.
func BenchmarkTerraformSource(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		dir, size := writeTerraformTree(b, n)
		b.Run(fmt.Sprintf("terraform-source/%d", n), func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				res, err := Read(dir, Options{})
				if err != nil || len(res.Stacks[0].Resources) != n {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/resource")
		})
	}
}

func TestBenchInputsParse(t *testing.T) {
	for name, data := range map[string][]byte{"plan.json": bigPlan(10), "template.yaml": bigTemplate(10)} {
		s, err := Parse(name, data, Auto)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(s.Resources) != 10 {
			t.Errorf("%s: %d resources, want 10", name, len(s.Resources))
		}
	}
	dir, _ := writeTerraformTree(t, 30)
	res, err := Read(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r := res.Stacks[0].Resources[0]; len(res.Stacks[0].Resources) != 30 || r.Attributes["name"] != "prod-r0" || r.Attributes["package_type"] != "Zip" {
		t.Errorf("generated tree: %d resources, first %+v", len(res.Stacks[0].Resources), r)
	}
}
