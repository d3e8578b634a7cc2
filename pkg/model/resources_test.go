package model

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

const resourceTypes = `
[[resources]]
type = "acme_fn"
provider = "acme"
service = "fn"
rules = [
  { attribute = "package", equals = "IMAGE", variant = "image" },
  { attribute = "launch.*.kind", matches = "vm*", service = "vm" },
  { attribute = "kind", equals = "other", ignore = true, reason = "Another product." },
  { attribute = "cluster", present = true, variant = "image" },
]

[[resources]]
type = "acme_fn_permission"
provider = "acme"
service = "fn"
supports = true

[[resources]]
type = "acme_net_*"
ignore = true
reason = "Plumbing."

[[resources]]
type = "acme_net_special"
provider = "acme"
service = "vm"

[[resources]]
type = "acme_*_iam"
ignore = true
reason = "Grants."

[[resources]]
type = "acme_template_deployment"
provider = "acme"
not_reviewed = true
reason = "Its template is a string."

[[resources]]
type = "acme_generic"
provider = "acme"
type_attribute = "type"

[[resources]]
type = "acme_account"
provider = "acme"
rules = [{ attribute = "kind", equals = "functions", service = "fn" }]
`

func attrs(t *testing.T, js string) map[string]any {
	t.Helper()
	var m map[string]any
	d := json.NewDecoder(strings.NewReader(js))
	d.UseNumber()
	if err := d.Decode(&m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestMapResource(t *testing.T) {
	m := mustLoad(t, overlay(resourceTypes))
	tests := []struct {
		typ, attrs string
		want       string // target id, "ignored" or "unknown"
	}{
		{"acme_fn", `{}`, "fn"},
		{"acme_fn", `{"package": "image"}`, "fn:image"},
		{"acme_fn", `{"package": ["zip", "Image"]}`, "fn:image"},
		{"acme_fn", `{"launch": [{"kind": "VM-large"}]}`, "vm"},
		{"acme_fn", `{"package": {"Ref": "P"}}`, "fn"},
		{"acme_net_subnet", `{}`, "ignored"},
		{"acme_net_special", `{}`, "vm"},
		{"ACME_NET_SPECIAL", `{}`, "vm"}, // types match ignoring case, as ARM's do
		{"acme_fn", `{"kind": "Other"}`, "ignored"},
		{"acme_fn", `{"cluster": {"Ref": "C"}}`, "fn:image"}, // present matches a reference too
		{"acme_fn", `{"cluster": ""}`, "fn"},
		{"acme_fn", `{"package": {"Fn::If": ["Big", "image", "zip"]}}`, "fn fn:image"},
		{"acme_fn", `{"package": {"Fn::If": ["Big", "image", "IMAGE"]}}`, "fn:image"},
		{"acme_fn", `{"kind": {"Fn::If": ["X", "other", "fn"]}}`, "fn"}, // the ignored branch makes nothing
		{"acme_unknown", `{}`, "unknown"},
		{"acme_db_iam", `{}`, "ignored"},    // a * in the middle
		{"acme_net_x_iam", `{}`, "ignored"}, // acme_net_* and acme_*_iam both match; the longer wins, both ignore
		{"acme_iam", `{}`, "unknown"},       // the * needs the text around it
		{"acme_template_deployment", `{}`, "not reviewed: Its template is a string."},
		{"acme_generic", `{"type": "acme_fn@2024-01-01", "body": {"package": "image"}}`, "fn:image"},
		{"acme_generic", `{}`, "not reviewed: its type is not known without a plan, so srm cannot tell what it deploys"},
		{"acme_generic", `{"type": "acme_nope"}`, "not reviewed: it deploys acme_nope, a resource type srm does not know"},
		{"acme_account", `{"kind": "functions"}`, "fn"},
		{"acme_account", `{"kind": "speech"}`, "not reviewed: srm does not know this kind of acme_account: no rule recognises its attributes"},
	}
	for _, tt := range tests {
		mp := m.MapResource(tt.typ, attrs(t, tt.attrs))
		got := "unknown"
		switch {
		case mp.NotReviewed():
			got = "not reviewed: " + mp.Reason()
		case mp.Ignored():
			got = "ignored"
		case mp.Known():
			got = mp.Target.ID()
			for _, alt := range mp.Alternatives {
				got += " " + alt.ID()
			}
		}
		if got != tt.want {
			t.Errorf("MapResource(%s, %s) = %s, want %s", tt.typ, tt.attrs, got, tt.want)
		}
	}
	if !m.MapResource("acme_fn_permission", nil).Supporting() {
		t.Error("a supporting type is not reported as supporting")
	}
}

func TestResourceTypeValidation(t *testing.T) {
	tests := map[string]string{
		"[[resources]]\ntype = \"x\"\nprovider = \"acme\"\n": `service: missing: name the service`,
		"[[resources]]\ntype = \"x\"\nprovider = \"acme\"\nservice = \"fn\"\nrules = [{ attribute = \"a\", equals = \"b\", ignore = true }]\n": `gives a reason`,
		"[[resources]]\ntype = \"x\"\nignore = true\nservice = \"vm\"\n":                                                                       `a type that is ignored, not reviewed or mapped by its type attribute names no service`,
		"[[resources]]\ntype = \"x\"\nprovider = \"acme\"\nservice = \"vn\"\n":                                                                 `service "vn" is not defined`,
		"[[resources]]\ntype = \"x\"\nprovider = \"acme\"\nservice = \"vm\"\nvariant = \"image\"\n":                                            `service "vm" has no variant "image"`,
		"[[resources]]\ntype = \"x*y*\"\nignore = true\n":                                                                                      `a type pattern has at most one *`,
		"[[resources]]\ntype = \"x\"\nprovider = \"acme\"\nservice = \"fn\"\nrules = [{ attribute = \"a\" }]\n":                                `give exactly one of equals, matches, missing or present`,
	}
	for text, want := range tests {
		_, err := Load(baseLayer(t), overlay(text))
		var le *LoadError
		if !errors.As(err, &le) || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err = %v, want %q", text, err, want)
		}
	}
}

func TestReviewAndAcks(t *testing.T) {
	m := mustLoad(t)
	vm, fnImg := Target{Service: m.Service("vm")}, Target{Service: m.Service("fn"), Variant: m.Variant("fn", "image")}
	r := m.Review([]StackTarget{{Target: vm, Resources: []StackResource{{Address: "acme_vm.a"}}}, {Target: fnImg}})
	var got []string
	for _, resp := range r.Responsibilities {
		for _, e := range resp.Entries {
			got = append(got, resp.Item.ID+"@"+e.Target.Target.ID())
		}
	}
	if strings.Join(got, " ") != "guest-os-patching@vm runtime-patching@fn:image" {
		t.Errorf("responsibilities = %v", got)
	}
	if len(r.ProviderOwned) != 0 {
		t.Errorf("provider owned = %v", r.ProviderOwned)
	}

	acks, err := m.ParseAcks(File{Path: "acks.toml", Data: []byte(`
[[acks]]
item = "guest OS"
services = ["vm"]
owner = "Platform team"
evidence = "https://wiki.example.com/patching"
`)}, "acme")
	if err != nil {
		t.Fatal(err)
	}
	missing := r.Acknowledge(acks, Today())
	if len(missing) != 1 || missing[0].Cell.Item != "runtime-patching" {
		t.Errorf("missing = %+v", missing)
	}
	if r.Responsibilities[0].Entries[0].Ack == nil {
		t.Error("the acknowledged entry is not marked")
	}
	// An acknowledgement for the service covers its variants.
	acks, _ = m.ParseAcks(File{Path: "acks.toml", Data: []byte("[[acks]]\nitem = \"runtime-patching\"\nservices = [\"fn\"]\nowner = \"Dev\"\nevidence = \"CI\"\n")}, "acme")
	if missing := r.Acknowledge(acks, Today()); len(missing) != 1 || missing[0].Cell.Item != "guest-os-patching" {
		t.Errorf("a service-wide acknowledgement does not cover its variant: %+v", missing)
	}
}

func TestParseAcksProblems(t *testing.T) {
	m := mustLoad(t)
	tests := map[string]string{
		"[[acks]]\nitem = \"guest-os-patching\"\nowner = \"\"\nevidence = \"x\"\n":                       `acks.toml:1: acks[0].owner: empty: say who covers this responsibility`,
		"[[acks]]\nitem = \"guest-os-patching\"\nowner = \"A\"\nevidence = \" \"\n":                      `acks.toml:1: acks[0].evidence: empty: say where the evidence is`,
		"[[acks]]\nitem = \"gust\"\nowner = \"A\"\nevidence = \"x\"\n":                                   `acks[0].item: unknown item "gust"`,
		"[[acks]]\nitem = \"iam\"\nowner = \"A\"\nevidence = \"x\"\n":                                    `unknown item "iam"`,
		"[[acks]]\nitem = \"guest-os-patching\"\nservices = [\"vn\"]\nowner = \"A\"\nevidence = \"x\"\n": `acks[0].services[0]: unknown service "vn"`,
		"[[acks]]\nitem = \"guest-os-patching\"\nowner = \"A\"\nevidence = \"x\"\nevidense = \"y\"\n":    `acks.toml:5: acks[0].evidense: unknown key "evidense" (did you mean "evidence"?)`,
		"[[acks]\n": `acks.toml:2: invalid TOML`,
		"[[acks]]\nitem = \"guest-os-patching\"\nowner = \"A\\u202e\"\nevidence = \"x\"\n": `control or format character U+202E`,
	}
	for text, want := range tests {
		_, err := m.ParseAcks(File{Path: "acks.toml", Data: []byte(text)}, "acme")
		var le *LoadError
		if !errors.As(err, &le) || !strings.Contains(err.Error(), want) {
			t.Errorf("%q:\n err = %v\nwant %q", text, err, want)
		}
	}
}

func TestWildcardMatch(t *testing.T) {
	tests := []struct {
		pattern, s string
		want       bool
	}{
		{"*", "", true},
		{"*", "us-docker.pkg.dev/serverless-runtimes/nodejs22", true},
		{"fargate*", "fargate_spot", true},
		{"fargate*", "ec2", false},
		{"docker|*", "docker|nginx:1.27", true},
		{"a*b*c", "a/x/b/y/c", true},
		{"a*b*c", "a/x/c/y/b", false},
		{"a*a", "a", false},
		{"[x]?", "[x]?", true},
		{"exact", "exact", true},
		{"exact", "exacting", false},
	}
	for _, tc := range tests {
		if got := wildcardMatch(tc.pattern, tc.s); got != tc.want {
			t.Errorf("wildcardMatch(%q, %q) = %v", tc.pattern, tc.s, got)
		}
	}
}

// TestAcksExpireAndGoStale checks that an acknowledgement past its date
// covers nothing, and that one covering nothing in the stack is stale.
func TestAcksExpireAndGoStale(t *testing.T) {
	m := mustLoad(t)
	f := File{Path: "acks.toml", Data: []byte(`[[acks]]
item = "guest-os-patching"
owner = "A"
evidence = "x"
expires = 2026-06-30
[[acks]]
item = "runtime-patching"
services = ["nope-not-in-stack"]
owner = "B"
evidence = "y"
`)}
	_, err := m.ParseAcks(f, "acme")
	if err == nil {
		t.Fatal("an unknown service in an acknowledgement was accepted")
	}
	f.Data = []byte("[[acks]]\nitem = \"guest-os-patching\"\nowner = \"A\"\nevidence = \"x\"\nexpires = 2026-06-30\n[[acks]]\nitem = \"runtime-patching\"\nowner = \"B\"\nevidence = \"y\"\n")
	acks, err := m.ParseAcks(f, "acme")
	if err != nil {
		t.Fatal(err)
	}
	before, after := Date{2026, 6, 30}, Date{2026, 7, 1}
	if acks.Acks[0].Expired(before) || !acks.Acks[0].Expired(after) {
		t.Error("expires is the last day the acknowledgement holds")
	}
	if got := acks.Expired(after); len(got) != 1 || got[0].Line != 1 || got[0].Entry != "guest-os-patching" {
		t.Errorf("expired: %+v", got)
	}
	// Nothing acknowledged yet: both entries cover nothing, but the
	// expired one is expired, not stale.
	if got := acks.Stale(after); len(got) != 1 || got[0].Entry != "runtime-patching" {
		t.Errorf("stale: %+v", got)
	}
}
