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

// realStacks says, for each real input in ../shared/fixtures/iac (see its
// SOURCES.md), the deployments srm must find and what it must list as not
// reviewed: registry modules, nested stacks it does not fetch, and resource
// types of retired products. No type in them is unknown. Directories are reviewed with -r.
var realStacks = map[string]struct{ services, notReviewed []string }{
	"terraform/checkov-terragoat-plan-ec2-rds-eks-lambda-s3-kms.json": {
		[]string{"ebs", "ec2", "ecr", "eks", "elb:classic", "kms", "lambda", "neptune", "opensearch", "rds", "s3"}, nil,
	},
	"terraform/tfcompliance-plan-nested-modules-alb-asg-lambda.json": {
		[]string{"ec2", "elb", "lambda"}, nil,
	},
	"terraform/tfcompliance-plan-module-count-foreach-ec2-ecr.json": {
		[]string{"ec2", "ecr", "s3"}, nil,
	},
	"terraform/infracost-state-v0.14-child-modules-rds-ec2.json": {
		[]string{"ec2", "rds"}, nil,
	},
	"cloudformation/awslabs-eks-cluster-nodegroup.yaml": {
		[]string{"eks", "nat-gateway"}, nil,
	},
	"cloudformation/awslabs-webapp-cloudfront-apigw-lambda-dynamodb-s3.yaml": {
		// Its two functions run on provided.al2023, an OS-only runtime.
		[]string{"api-gateway", "cloudfront", "cognito", "dynamodb", "lambda:os-only-runtime", "s3", "waf"}, nil,
	},
	"cloudformation/awslabs-dms-aurora-dbcluster-to-s3.yaml": {
		[]string{"aurora", "dms", "s3"}, nil,
	},
	"cloudformation/awslabs-elasticache-redis-lambda-rain-embed.yaml": {
		[]string{"elasticache", "lambda"}, nil,
	},
	"cloudformation/serverless-patterns-sqs-ecs-fargate-autoscaling.yaml": {
		[]string{"cloudwatch-logs", "ecs-fargate", "privatelink", "sqs"}, nil,
	},
	"cloudformation/awslabs-cloudfront-alb-ec2-lambda-edge-kms.json": {
		[]string{"cloudfront", "ec2", "elb", "kms", "lambda", "s3"}, nil,
	},
	"cloudformation/awslabs-ecs-ec2-launchtype-asg-kms.json": {
		[]string{"cloudwatch", "cloudwatch-logs", "ec2", "ecs-ec2", "elb", "eventbridge", "kms"}, nil,
	},
	"cloudformation/awslabs-rds-mysql-dbinstance-read-replica.json": {
		[]string{"rds", "secrets-manager"}, nil,
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
	"cloudformation/nested/aws-sam-nested-stack-sample": {
		// Three local nested applications, followed.
		[]string{"api-gateway", "cognito", "dynamodb", "lambda", "parameter-store", "sqs"}, nil,
	},
	"arm/aks.json":                    {[]string{"aks"}, nil},
	"arm/app-service-docs-linux.json": {[]string{"app-service"}, nil},
	"arm/container-app-create.json": {
		[]string{"azure-monitor", "container-apps"}, nil,
	},
	"arm/cosmosdb-webapp.json": {[]string{"app-service", "cosmos-db"}, nil},
	"arm/function-app-flex-managed-identities.json": {
		[]string{"azure-monitor", "blob-storage", "functions:flex-consumption"}, nil,
	},
	"arm/key-vault-create.json":       {[]string{"key-vault"}, nil},
	"arm/sql-database.json":           {[]string{"sql-database"}, nil},
	"arm/storage-account-create.json": {[]string{"blob-storage"}, nil},
	"hcl/anthos-bm-gcp-terraform": {
		// Its own resources are firewall rules, addresses and helpers; the
		// VMs come from registry modules, and the load balancer and
		// Filestore modules have count 0 with the variables' defaults.
		nil,
		[]string{"module.admin_vm_hosts.module.compute_instance", "module.controlplane_vm_hosts.module.compute_instance", "module.create_service_accounts", "module.enable_google_apis_primary", "module.enable_google_apis_secondary", "module.gke_hub_membership", "module.init_hosts.module.gcloud_add_ssh_key_metadata", "module.instance_template", "module.instance_template_worker", "module.worker_vm_hosts.module.compute_instance"},
	},
	"hcl/learn-terraform-modules-create": {
		[]string{"s3"}, []string{"module.ec2_instances", "module.vpc"},
	},
	"hcl/terragoat": {
		[]string{"aks", "app-service", "application-gateway", "aurora", "bigquery", "blob-storage", "cloud-sql", "cloud-storage", "defender-for-cloud", "ebs", "ec2", "ecr", "eks", "elb:classic", "gce", "gke", "key-vault", "kms", "lambda", "managed-disks", "neptune", "network-watcher", "opensearch", "persistent-disk", "rds", "s3", "sql-database", "vm"},
		// Single Server, retired: known, and listed as not reviewed.
		[]string{"azurerm_mysql_server", "azurerm_postgresql_server"},
	},
	"hcl/todo-python-mongo-terraform": {
		[]string{"app-service", "azure-monitor", "cosmos-db", "key-vault"}, nil,
	},
}

const fixturesDir = "../../shared/fixtures/iac"

// realInputs lists the inputs under the fixtures: the files of terraform/,
// cloudformation/ and arm/ (JSON templates; their Bicep sources are checked
// apart), and the directories of hcl/ and cloudformation/nested/.
func realInputs(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, pattern := range []string{"terraform/*", "cloudformation/*", "arm/*.json", "hcl/*", "cloudformation/nested/*"} {
		matches, _ := filepath.Glob(filepath.Join(fixturesDir, pattern))
		for _, m := range matches {
			rel, _ := filepath.Rel(fixturesDir, m)
			if fi, err := os.Stat(m); err == nil && fi.IsDir() && !strings.HasPrefix(rel, "hcl/") && !strings.HasPrefix(rel, "cloudformation/nested/") {
				continue // cloudformation/nested is a folder of stacks
			}
			out = append(out, rel)
		}
	}
	if len(out) == 0 {
		t.Skip(fixturesDir + " is not checked out")
	}
	return out
}

type reviewDoc struct {
	Services []struct {
		Service, Variant string
		Resources        []string
	} `json:"services"`
	NotReviewed []struct {
		Kind, Name string
		KnownType  bool `json:"known_type"`
	} `json:"not_reviewed"`
	Ignored []struct {
		Type      string
		Resources []string
	} `json:"ignored_resource_types"`
	Inputs []struct{ Resources int } `json:"inputs"`
}

func reviewJSON(t *testing.T, args ...string) reviewDoc {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	if code := Run(append([]string{"review", "-o", "json"}, args...), ios); code != exitOK {
		t.Fatalf("srm review %v: exit code %d: %s", args, code, errOut)
	}
	var doc reviewDoc
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestReviewRealStacks reviews every real input under ../shared/fixtures/iac
// and checks what it finds: every resource is reviewed, ignored with a
// reason, or listed as not reviewed.
func TestReviewRealStacks(t *testing.T) {
	inputs := realInputs(t)
	for _, rel := range inputs {
		t.Run(rel, func(t *testing.T) {
			want, ok := realStacks[rel]
			if !ok {
				t.Fatalf("no expectation for %s: add it to realStacks from SOURCES.md", rel)
			}
			doc := reviewJSON(t, "-r", filepath.Join(fixturesDir, rel))
			var services, notReviewed []string
			for _, s := range doc.Services {
				id := s.Service
				if s.Variant != "" {
					id += ":" + s.Variant
				}
				services = append(services, id)
			}
			for _, nr := range doc.NotReviewed {
				notReviewed = append(notReviewed, nr.Name)
				// The catalog must cover every type these stacks use.
				if nr.Kind == "resource type" && !nr.KnownType {
					t.Errorf("srm does not know the resource type %s", nr.Name)
				}
			}
			slices.Sort(services)
			slices.Sort(notReviewed)
			if !slices.Equal(services, want.services) {
				t.Errorf("services %v, want %v", services, want.services)
			}
			if !slices.Equal(notReviewed, want.notReviewed) {
				t.Errorf("not reviewed %v, want %v", notReviewed, want.notReviewed)
			}
		})
	}
	if len(inputs) != len(realStacks) {
		t.Errorf("%d inputs, %d expectations", len(inputs), len(realStacks))
	}
}

// TestReviewBicepFixtures: each Bicep source is refused with the hint to
// build it, while a review of the folder reads the JSON beside it.
func TestReviewBicepFixtures(t *testing.T) {
	matches, _ := filepath.Glob(filepath.Join(fixturesDir, "arm", "*.bicep"))
	if len(matches) == 0 {
		t.Skip(fixturesDir + " is not checked out")
	}
	for _, path := range matches {
		ios, _, out, errOut := iostreams.Test()
		if code := Run([]string{"review", path}, ios); code != exitInput || out.Len() > 0 || !strings.Contains(errOut.String(), "az bicep build --file") {
			t.Errorf("%s: exit %d, stderr %q", path, code, errOut)
		}
	}
	doc := reviewJSON(t, filepath.Join(fixturesDir, "arm"))
	if len(doc.Inputs) != len(matches) {
		t.Errorf("the arm folder gives %d inputs, want one per template (%d)", len(doc.Inputs), len(matches))
	}
	for _, nr := range doc.NotReviewed {
		if nr.Kind == "Bicep file" {
			t.Errorf("%s is listed although its JSON template sits beside it", nr.Name)
		}
	}
}

// TestTerragoatSourceAgreesWithPlan: the terragoat stack as Terraform
// source and as a plan of an earlier revision must map every resource they
// share to the same deployment.
func TestTerragoatSourceAgreesWithPlan(t *testing.T) {
	plan := filepath.Join(fixturesDir, "terraform", "checkov-terragoat-plan-ec2-rds-eks-lambda-s3-kms.json")
	if _, err := os.Stat(plan); err != nil {
		t.Skip(fixturesDir + " is not checked out")
	}
	where := func(doc reviewDoc) map[string]string {
		out := map[string]string{}
		for _, s := range doc.Services {
			for _, r := range s.Resources {
				out[strings.TrimSuffix(r, "[0]")] = s.Service + ":" + s.Variant
			}
		}
		for _, ig := range doc.Ignored {
			for _, r := range ig.Resources {
				out[strings.Fields(strings.TrimSuffix(r, "[0]"))[0]] = "ignored"
			}
		}
		for _, nr := range doc.NotReviewed {
			out[nr.Name] = "not reviewed"
		}
		return out
	}
	fromPlan := where(reviewJSON(t, plan))
	fromSource := where(reviewJSON(t, filepath.Join(fixturesDir, "hcl", "terragoat", "aws")))
	shared := 0
	for addr, got := range fromPlan {
		if src, ok := fromSource[addr]; ok {
			shared++
			if src != got {
				t.Errorf("%s: the plan says %s, the source %s", addr, got, src)
			}
		}
	}
	if shared < 40 {
		t.Errorf("only %d resources in common", shared)
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
