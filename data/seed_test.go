package data_test

import (
	"slices"
	"strings"
	"testing"

	"srm/pkg/model"
)

// TestSeedFactsHold checks the facts the note states outside its table,
// which the model must keep whatever else changes. The table itself is
// checked cell for cell by TestCanonicalTableMatchesTheNote.
func TestSeedFactsHold(t *testing.T) {
	m, _ := loadEmbedded(t)
	facts := []struct {
		target, item string
		owners       []string // any of these
		why          string
	}{
		{"ec2", "guest-os-patching", []string{"customer"}, "EC2: the customer patches the guest OS, every time"},
		{"rds", "guest-os-patching", []string{"aws"}, "RDS: AWS takes the guest OS"},
		{"rds", "db-engine-patching", []string{"aws"}, "RDS: AWS patches the database engine"},
		{"rds", "query-tuning", []string{"customer"}, "RDS: the customer tunes schema and queries"},
		{"rds", "db-users", []string{"customer"}, "RDS: database users and permissions are the customer's"},
		{"lambda", "runtime-patching", []string{"aws"}, "Lambda: AWS patches the managed runtime"},
		{"lambda", "application-code", []string{"customer"}, "Lambda: the customer owns function code"},
		{"s3", "bucket-policies", []string{"customer"}, "S3: bucket policies are the customer's"},
		{"s3", "object-acls", []string{"customer"}, "S3: object ACLs are the customer's"},
		{"s3", "block-public-access", []string{"customer"}, "S3: Block Public Access is the customer's choice"},
		{"s3", "data-classification", []string{"customer"}, "S3: data classification is the customer's"},
		{"dynamodb", "table-design", []string{"customer"}, "DynamoDB: table design and access patterns are the customer's"},
		{"kms:aws-owned", "key-rotation", []string{"aws"}, "KMS: AWS owned keys are managed by AWS"},
		{"kms:aws-managed", "key-rotation", []string{"aws"}, "KMS: AWS rotates AWS managed keys"},
		{"kms:aws-managed", "logging", []string{"customer"}, "KMS: the customer can audit the use of AWS managed keys"},
		{"kms", "key-rotation", []string{"customer"}, "KMS: the customer controls rotation of customer managed keys"},
		{"kms", "key-deletion", []string{"customer"}, "KMS: the customer controls deletion of customer managed keys"},
	}
	for _, f := range facts {
		target, err := m.ResolveTarget("aws", f.target)
		if err != nil {
			t.Errorf("%s: %v", f.why, err)
			continue
		}
		c := m.Cell(target.Service.ID, target.VariantID(), f.item)
		if c == nil || !slices.Contains(f.owners, c.Owner) {
			t.Errorf("%s: %s/%s is %v", f.why, f.target, f.item, owner(c))
		}
	}
}

// TestInvariantsHold checks the note's statements about every service, for
// every deployment: AWS always owns the facility, hardware and hypervisor;
// the customer always owns its data and IAM; encryption in transit is
// shared, and encryption choices never move to AWS, except where a cell
// explains, naming the note, why the rule cannot hold for its service.
func TestInvariantsHold(t *testing.T) {
	m, _ := loadEmbedded(t)
	rules := []struct {
		item   string
		owners []string
	}{
		{"physical-facility", []string{"aws"}},
		{"hardware", []string{"aws"}},
		{"hypervisor", []string{"aws"}},
		{"data", []string{"customer"}},
		{"iam", []string{"customer"}},
		{"encryption-in-transit", []string{"shared"}},
		{"encryption-at-rest", []string{"customer", "shared"}},
	}
	// A service where the note's encryption rule cannot hold — no key to
	// choose, nothing stored, traffic passed on without TLS ending there —
	// says so in a caveat that names the note, rather than bend the owner.
	departs := func(c *model.Cell) bool {
		return slices.ContainsFunc(c.Caveats, func(s string) bool { return strings.Contains(s, "The exam note") })
	}
	for _, svc := range m.ServicesOf("aws") {
		targets := []model.Target{{Service: svc}}
		for _, v := range m.VariantsOf(svc.ID) {
			targets = append(targets, model.Target{Service: svc, Variant: v})
		}
		for _, tg := range targets {
			for _, r := range rules {
				c := m.Cell(svc.ID, tg.VariantID(), r.item)
				// In transit, AWS alone never owns it, whatever the caveat.
				if c != nil && departs(c) && (r.item == "encryption-at-rest" || r.item == "encryption-in-transit" && c.Owner != "aws") {
					continue
				}
				if c == nil || !slices.Contains(r.owners, c.Owner) {
					t.Errorf("%s/%s is %v, want one of %v", tg.ID(), r.item, owner(c), r.owners)
				}
			}
		}
	}
}

func owner(c *model.Cell) string {
	if c == nil {
		return "missing"
	}
	return c.Owner + " (" + c.Label + ")"
}
