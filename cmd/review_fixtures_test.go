package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"srm/pkg/iostreams"
)

// realStacks says, for each real infrastructure file in
// ../shared/fixtures/iac (see its SOURCES.md), the deployments srm must
// find and the resource types it must report as unknown: services the
// catalog does not cover, such as Neptune or load balancers.
var realStacks = map[string]struct{ services, unknown []string }{
	"terraform/checkov-terragoat-plan-ec2-rds-eks-lambda-s3-kms.json": {
		[]string{"ec2", "eks", "kms", "lambda", "rds", "s3"},
		[]string{"aws_ecr_repository", "aws_elasticsearch_domain", "aws_elasticsearch_domain_policy", "aws_elb", "aws_neptune_cluster", "aws_neptune_cluster_instance", "aws_neptune_cluster_snapshot"},
	},
	"terraform/tfcompliance-plan-nested-modules-alb-asg-lambda.json": {
		[]string{"ec2", "lambda"},
		[]string{"aws_alb", "aws_alb_listener", "aws_alb_target_group", "aws_route53_record"},
	},
	"terraform/tfcompliance-plan-module-count-foreach-ec2-ecr.json": {
		[]string{"ec2", "s3"}, []string{"aws_ecr_repository"},
	},
	"terraform/infracost-state-v0.14-child-modules-rds-ec2.json": {
		[]string{"ec2", "rds"}, nil,
	},
	"cloudformation/awslabs-eks-cluster-nodegroup.yaml": {
		[]string{"eks"}, nil,
	},
	"cloudformation/awslabs-webapp-cloudfront-apigw-lambda-dynamodb-s3.yaml": {
		// Its two functions run on provided.al2023, an OS-only runtime.
		[]string{"api-gateway", "cloudfront", "dynamodb", "lambda:os-only-runtime", "s3"},
		[]string{"AWS::Cognito::UserPool", "AWS::Cognito::UserPoolClient", "AWS::Cognito::UserPoolDomain", "AWS::WAFv2::WebACL"},
	},
	"cloudformation/awslabs-dms-aurora-dbcluster-to-s3.yaml": {
		[]string{"aurora", "s3"},
		[]string{"AWS::DMS::Endpoint", "AWS::DMS::ReplicationInstance", "AWS::DMS::ReplicationSubnetGroup", "AWS::DMS::ReplicationTask"},
	},
	"cloudformation/awslabs-elasticache-redis-lambda-rain-embed.yaml": {
		[]string{"elasticache", "lambda"}, nil,
	},
	"cloudformation/serverless-patterns-sqs-ecs-fargate-autoscaling.yaml": {
		[]string{"ecs-fargate", "sqs"}, nil,
	},
	"cloudformation/awslabs-cloudfront-alb-ec2-lambda-edge-kms.json": {
		[]string{"cloudfront", "ec2", "kms", "lambda", "s3"},
		[]string{"AWS::ElasticLoadBalancingV2::Listener", "AWS::ElasticLoadBalancingV2::ListenerRule", "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::ElasticLoadBalancingV2::TargetGroup"},
	},
	"cloudformation/awslabs-ecs-ec2-launchtype-asg-kms.json": {
		[]string{"ec2", "ecs-ec2", "kms"},
		[]string{"AWS::CloudWatch::Alarm", "AWS::ElasticLoadBalancingV2::Listener", "AWS::ElasticLoadBalancingV2::ListenerRule", "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::ElasticLoadBalancingV2::TargetGroup", "AWS::Events::Rule"},
	},
	"cloudformation/awslabs-rds-mysql-dbinstance-read-replica.json": {
		[]string{"rds"}, []string{"AWS::SecretsManager::Secret"},
	},
	"cloudformation/sam-serverless-patterns-httpapi-sqs-fifo-lambda-zip-sns.yaml": {
		[]string{"api-gateway", "lambda", "sns", "sqs"}, nil,
	},
	"cloudformation/sam-serverless-patterns-lambda-image-dynamodb-sns.yaml": {
		[]string{"dynamodb", "lambda:container-image", "sns"}, nil,
	},
	"cloudformation/sam-translator-output-lambda-image-and-zip.json": {
		[]string{"lambda", "lambda:container-image"}, nil,
	},
}

// TestReviewRealStacks runs srm review over every real file in
// ../shared/fixtures/iac and checks what it finds.
func TestReviewRealStacks(t *testing.T) {
	const dir = "../../shared/fixtures/iac"
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*"))
	if len(files) == 0 {
		t.Skip(dir + " is not checked out")
	}
	for _, path := range files {
		rel, _ := filepath.Rel(dir, path)
		t.Run(rel, func(t *testing.T) {
			want, ok := realStacks[rel]
			if !ok {
				t.Fatalf("no expectation for %s: add it to realStacks from SOURCES.md", rel)
			}
			ios, _, out, errOut := iostreams.Test()
			if code := Run([]string{"review", path, "-o", "json"}, ios); code != exitOK {
				t.Fatalf("exit code %d: %s", code, errOut)
			}
			var doc struct {
				Services []struct{ Service, Variant string } `json:"services"`
				Unknown  []struct{ Type string }             `json:"unknown_resource_types"`
			}
			if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			var services, unknown []string
			for _, s := range doc.Services {
				id := s.Service
				if s.Variant != "" {
					id += ":" + s.Variant
				}
				services = append(services, id)
			}
			for _, u := range doc.Unknown {
				unknown = append(unknown, u.Type)
			}
			slices.Sort(services)
			slices.Sort(unknown)
			if !slices.Equal(services, want.services) {
				t.Errorf("services %v, want %v", services, want.services)
			}
			if !slices.Equal(unknown, want.unknown) {
				t.Errorf("unknown types %v, want %v", unknown, want.unknown)
			}
			if len(want.unknown) > 0 && !strings.Contains(errOut.String(), "srm does not know") {
				t.Errorf("no summary of unknown types on stderr: %q", errOut)
			}
		})
	}
	if len(files) != len(realStacks) {
		t.Errorf("%d files, %d expectations", len(files), len(realStacks))
	}
}

// TestReviewIsFastOnHostileInput makes sure huge or deeply nested inputs
// fail cleanly with exit code 4.
func TestReviewRejectsHostileInput(t *testing.T) {
	dir := t.TempDir()
	deep := filepath.Join(dir, "deep.json")
	os.WriteFile(deep, []byte(strings.Repeat(`{"a":`, 5000)+"1"+strings.Repeat("}", 5000)), 0o644)
	deepYAML := filepath.Join(dir, "deep.yaml")
	os.WriteFile(deepYAML, []byte("Resources: "+strings.Repeat("[", 9000)+strings.Repeat("]", 9000)+"\n"), 0o644)
	for _, f := range []string{deep, deepYAML} {
		ios, _, out, errOut := iostreams.Test()
		if code := Run([]string{"review", f}, ios); code != exitInput || out.Len() > 0 {
			t.Errorf("%s: exit code %d, stdout %q, stderr %q", filepath.Base(f), code, out, errOut)
		}
	}
}
