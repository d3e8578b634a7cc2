package iac

import (
	"fmt"
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
}
