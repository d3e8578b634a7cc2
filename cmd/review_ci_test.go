package cmd

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// sarifSchema compiles the SARIF 2.1.0 schema from ../shared/reference.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	return standardSchema(t, "sarif-schema-2.1.0.json")
}

// standardSchema compiles a JSON schema from ../shared/reference/standards.
func standardSchema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	data, err := os.ReadFile("../../shared/reference/standards/" + name)
	if err != nil {
		t.Skip("../shared/reference is not checked out")
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(name, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestReviewSARIF reviews real Terraform configuration and a plan as SARIF:
// the output must match the SARIF 2.1.0 schema and have what GitHub's code
// scanning upload requires (a driver name, rules, and results with a rule
// id, a message and a location relative to the repository), with lines
// where the input has them.
func TestReviewSARIF(t *testing.T) {
	schema := sarifSchema(t)
	dir := filepath.Join(fixturesDir, "hcl", "terragoat")
	if _, err := os.Stat(dir); err != nil {
		t.Skip(fixturesDir + " is not checked out")
	}
	// Code scanning wants paths from the repository root, so run where a
	// CI job would, with a relative path.
	t.Chdir(filepath.Dir(filepath.Dir(dir)))
	code, out, stderr := run(t, "review", "-r", filepath.Join("hcl", "terragoat"), "-o", "sarif")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %v", err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Name  string
					Rules []struct{ ID string }
				}
			}
			Results []struct {
				RuleID    string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           *struct{ StartLine int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	r := log.Runs[0]
	if r.Tool.Driver.Name != "srm" || len(r.Tool.Driver.Rules) == 0 || len(r.Results) == 0 {
		t.Fatalf("driver %q, %d rules, %d results", r.Tool.Driver.Name, len(r.Tool.Driver.Rules), len(r.Results))
	}
	withLine := 0
	for _, res := range r.Results {
		if res.RuleID == "" || res.Message.Text == "" || len(res.Locations) == 0 {
			t.Fatalf("result without rule, message or location: %+v", res)
		}
		uri := res.Locations[0].PhysicalLocation.ArtifactLocation.URI
		if filepath.IsAbs(uri) || strings.Contains(uri, "://") || strings.HasPrefix(uri, "..") || strings.Contains(uri, `\`) {
			t.Errorf("uri %q is not relative to the repository root", uri)
		}
		if reg := res.Locations[0].PhysicalLocation.Region; reg != nil && reg.StartLine > 0 {
			withLine++
		}
	}
	if withLine == 0 {
		t.Error("no result points at a line, though HCL has lines")
	}
}

// TestReviewJUnit reads the JUnit report back: a suite per service, a
// failed case per unacknowledged responsibility, a passed one when an
// acknowledgement covers it.
func TestReviewJUnit(t *testing.T) {
	dir := t.TempDir()
	acks := filepath.Join(dir, "acks.toml")
	if err := os.WriteFile(acks, []byte("[[acks]]\nitem = \"db-users\"\nservices = [\"rds\"]\nowner = \"DBA team\"\nevidence = \"https://wiki.example.com/db-users\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := run(t, "review", "--services", "rds,s3", "--acks", acks, "-o", "junit")
	if code != exitCheckFailed {
		t.Fatalf("exit %d, want %d: the gate still fails", code, exitCheckFailed)
	}
	var suites struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Type string `xml:"type,attr"`
					Text string `xml:",chardata"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(out), &suites); err != nil {
		t.Fatalf("not XML: %v\n%.300s", err, out)
	}
	if len(suites.Suites) != 2 || suites.Suites[0].Name != "RDS" || suites.Suites[1].Name != "S3" {
		t.Fatalf("suites %+v", suites.Suites)
	}
	passed := 0
	for _, c := range suites.Suites[0].Cases {
		if c.Failure == nil {
			passed++
			if !strings.HasPrefix(c.Name, "Database users and permissions") {
				t.Errorf("%s passed without an acknowledgement", c.Name)
			}
		} else if c.Failure.Type != "unacknowledged" || c.Failure.Text == "" {
			t.Errorf("%s: failure %+v", c.Name, c.Failure)
		}
	}
	if passed != 1 || suites.Failures != suites.Tests-1 {
		t.Errorf("%d passed, %d failures of %d tests", passed, suites.Failures, suites.Tests)
	}
}
