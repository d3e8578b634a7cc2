package cmd

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// oscalDoc is what the tests read of an OSCAL component definition.
type oscalDoc struct {
	CD struct {
		Components []struct {
			Title string
			CIs   []struct {
				Reqs []struct {
					ControlID  string `json:"control-id"`
					Props      []struct{ Name, Value string }
					Statements []struct {
						ID    string `json:"statement-id"`
						Roles []struct {
							RoleID  string `json:"role-id"`
							Remarks string
						} `json:"responsible-roles"`
					}
				} `json:"implemented-requirements"`
			} `json:"control-implementations"`
		} `json:"components"`
	} `json:"component-definition"`
}

// TestExportOSCALValidates exports the terragoat stack as an OSCAL
// component definition: it must match the OSCAL 1.1.3 schema, have a
// component per deployment, and say for SI-2 what each side does.
func TestExportOSCALValidates(t *testing.T) {
	schema := standardSchema(t, "oscal-1.1.3/oscal_component_schema.json")
	dir := filepath.Join(fixturesDir, "hcl", "terragoat")
	if _, err := os.Stat(dir); err != nil {
		t.Skip(fixturesDir + " is not checked out")
	}
	for _, framework := range []string{"nist-800-53", "ccm"} {
		code, out, stderr := run(t, "export", "oscal", "-r", dir, "--framework", framework)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", framework, code, stderr)
		}
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Fatalf("%s: the component definition does not match the OSCAL 1.1.3 schema: %v", framework, err)
		}
		var doc oscalDoc
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.CD.Components) < 5 {
			t.Errorf("%s: %d components for terragoat", framework, len(doc.CD.Components))
		}
	}
}

// TestExportOSCALStatements checks what the statements of one control say:
// on EC2, SI-2 is shared and names both the provider and the customer; on
// RDS it is inherited and names the provider alone.
func TestExportOSCALStatements(t *testing.T) {
	code, out, stderr := run(t, "export", "oscal", "--services", "ec2,rds", "--control", "SI-2")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc oscalDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.CD.Components) != 2 {
		t.Fatalf("%d components, want EC2 and RDS", len(doc.CD.Components))
	}
	want := map[string]struct {
		responsibility string
		roles          []string
	}{
		"Amazon Elastic Compute Cloud":       {"shared", []string{"provider", "customer"}},
		"Amazon Relational Database Service": {"inherited", []string{"provider"}},
	}
	for _, c := range doc.CD.Components {
		w, ok := want[c.Title]
		if !ok {
			t.Errorf("unexpected component %q", c.Title)
			continue
		}
		if len(c.CIs) != 1 || len(c.CIs[0].Reqs) != 1 {
			t.Fatalf("%s: want one requirement, SI-2", c.Title)
		}
		req := c.CIs[0].Reqs[0]
		if req.ControlID != "si-2" || len(req.Props) == 0 || req.Props[0].Value != w.responsibility {
			t.Errorf("%s: %s %+v, want si-2 %s", c.Title, req.ControlID, req.Props, w.responsibility)
		}
		var roles []string
		for _, r := range req.Statements[0].Roles {
			roles = append(roles, r.RoleID)
			if r.Remarks == "" {
				t.Errorf("%s: role %s says nothing", c.Title, r.RoleID)
			}
		}
		if req.Statements[0].ID != "si-2_smt" || !slices.Equal(roles, w.roles) {
			t.Errorf("%s: statement %s with roles %v, want si-2_smt with %v", c.Title, req.Statements[0].ID, roles, w.roles)
		}
	}
}

// TestExportCRM checks the customer responsibility matrix: one record per
// control that applies, its origination in FedRAMP's words, and each
// service's own.
func TestExportCRM(t *testing.T) {
	code, out, stderr := run(t, "export", "crm", "--services", "ec2,rds,lambda")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Control ID", "Control Title", "Origination", "Customer Responsibility", "Services", "Sources"}; !slices.Equal(records[0], want) {
		t.Fatalf("header %v", records[0])
	}
	byID := map[string][]string{}
	for _, r := range records[1:] {
		byID[r[0]] = r
	}
	si2 := byID["SI-2"]
	if si2 == nil || si2[1] != "Flaw Remediation" || si2[2] != "shared" || !strings.Contains(si2[4], "RDS: inherited") || !strings.Contains(si2[4], "EC2: shared") {
		t.Errorf("SI-2: %q", si2)
	}
	if pe := byID["PE-3"]; pe == nil || pe[2] != "inherited" || pe[3] != "" {
		t.Errorf("PE-3 should be inherited with no customer responsibility: %q", pe)
	}
	if ac := byID["AC-2"]; ac == nil || ac[2] != "customer responsibility" || ac[3] == "" {
		t.Errorf("AC-2 should be the customer's, with duties: %q", ac)
	}
}
