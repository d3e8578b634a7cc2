package model

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// controlsOverlay maps the base model's two items to a small catalog, and
// adds a platform team as a third party that owns one variant's cell.
const controlsOverlay = `
[[parties]]
id = "platform"
name = "Platform team"
kind = "third-party"

[[frameworks]]
id = "nist"
name = "NIST SP 800-53 Rev. 5"
short_name = "NIST 800-53"
aliases = ["800-53"]
version = "5.1.1"
ownership = "fedramp"
sources = [{ url = "https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final", title = "SP 800-53", checked = 2026-12-04 }]

[[frameworks]]
id = "ccm"
name = "CSA Cloud Controls Matrix v4.0"
short_name = "CCM v4.0"
version = "4.0.13"
ownership = "ccm"
sources = [{ url = "https://cloudsecurityalliance.org/research/cloud-controls-matrix", title = "CCM", checked = 2026-12-04 }]

[[framework_controls]]
framework = "nist"
id = "SI-2"
title = "Flaw Remediation"

[[framework_controls]]
framework = "nist"
id = "SC-28(1)"
title = "Cryptographic Protection"

[[framework_controls]]
framework = "nist"
id = "RA-5"
title = "Vulnerability Monitoring and Scanning"

[[framework_controls]]
framework = "ccm"
id = "TVM-03"

[[mappings]]
framework = "nist"
item = "guest-os-patching"
controls = ["SI-2", "RA-5"]
rationale = "Patching the guest OS is flaw remediation."

[[mappings]]
framework = "nist"
item = "runtime-patching"
controls = ["SI-2"]
rationale = "Patching the runtime is flaw remediation."

[[mappings]]
framework = "ccm"
item = "guest-os-patching"
controls = ["TVM-03"]
rationale = "Remediating flaws."

[[mappings]]
framework = "ccm"
item = "runtime-patching"
controls = []
rationale = "Nothing fits, for this test."
`

func controlsModel(t *testing.T, extra ...string) *Model {
	t.Helper()
	layers := []Layer{overlay(controlsOverlay)}
	for _, e := range extra {
		layers = append(layers, Layer{Files: []File{{Path: "extra.toml", Data: []byte(e)}}})
	}
	return mustLoad(t, layers...)
}

func stackOf(t *testing.T, m *Model, names ...string) []StackTarget {
	t.Helper()
	var out []StackTarget
	for _, n := range names {
		tg, err := m.ResolveTarget("acme", n)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, StackTarget{Target: tg})
	}
	return out
}

func TestControlsOwnershipAddsUpCells(t *testing.T) {
	m := controlsModel(t, `
[[cells]]
service = "vm"
item = "runtime-patching"
owner = "platform"
label = "Platform team"
sources = [{ url = "https://example.com/p", title = "P", checked = 2026-12-04 }]

[[cells]]
service = "fn"
variant = "image"
item = "runtime-patching"
owner = "customer"
label = "Customer (rebuild image)"
customer_does = ["Rebuilds the image"]
sources = [{ url = "https://docs.acme.example/fn-image" }]
`)
	fw, err := m.ResolveFramework("800-53")
	if err != nil {
		t.Fatal(err)
	}
	owns := m.ControlsOwnership(fw, stackOf(t, m, "vm", "fn", "fn:image"), nil)
	var got []string
	for _, co := range owns {
		roles := []string{co.Control.Code, co.StackRole()}
		for _, ct := range co.Targets {
			roles = append(roles, ct.Role)
		}
		got = append(got, strings.Join(roles, " "))
	}
	// vm: the customer's guest OS and the platform team's runtime; fn:
	// both the provider's; fn:image: the provider's guest OS and the
	// customer's runtime. SC-28(1) has no item, so it is not listed.
	want := []string{
		"RA-5 shared customer provider provider",
		"SI-2 shared shared provider shared",
	}
	if !slices.Equal(got, want) {
		t.Errorf("roles:\n got %q\nwant %q", got, want)
	}
	si2 := owns[1]
	if d := si2.Targets[2].CustomerDuties(); !slices.Equal(d, []string{"Rebuilds the image"}) {
		t.Errorf("fn:image customer duties = %q, want the runtime cell's", d)
	}
	if d := si2.Targets[1].CustomerDuties(); len(d) != 0 {
		t.Errorf("fn customer duties = %q, want none: every cell is the provider's", d)
	}
}

func TestOwnershipWords(t *testing.T) {
	fedramp, ccm := &Framework{Ownership: OwnershipFedRAMP}, &Framework{Ownership: OwnershipCCM}
	for _, tc := range []struct{ role, fedramp, ccm string }{
		{KindProvider, "inherited", "CSP-owned"},
		{KindCustomer, "customer responsibility", "CSC-owned"},
		{OwnerShared, "shared", "Shared CSP and CSC"},
		{OwnerNotApplicable, "not applicable", "N/A"},
		{"platform", "customer responsibility", "3rd-party outsourced"},
	} {
		if got := fedramp.OwnershipWord(tc.role); got != tc.fedramp {
			t.Errorf("FedRAMP %s = %q, want %q", tc.role, got, tc.fedramp)
		}
		if got := ccm.OwnershipWord(tc.role); got != tc.ccm {
			t.Errorf("CCM %s = %q, want %q", tc.role, got, tc.ccm)
		}
	}
	if got := ccm.OwnershipWords(); len(got) != 5 {
		t.Errorf("CCM words = %q, want five", got)
	}
	if got := fedramp.OwnershipWords(); len(got) != 4 {
		t.Errorf("FedRAMP words = %q, want four: a third party is the customer's", got)
	}
}

func TestCombineRoles(t *testing.T) {
	for _, tc := range []struct {
		roles []string
		want  string
	}{
		{nil, OwnerNotApplicable},
		{[]string{OwnerNotApplicable, OwnerNotApplicable}, OwnerNotApplicable},
		{[]string{KindProvider, OwnerNotApplicable, KindProvider}, KindProvider},
		{[]string{KindCustomer, KindProvider}, OwnerShared},
		{[]string{KindCustomer, OwnerShared}, OwnerShared},
		{[]string{"platform", "platform"}, "platform"},
		{[]string{"platform", KindCustomer}, OwnerShared},
	} {
		if got := combineRoles(tc.roles); got != tc.want {
			t.Errorf("combineRoles(%q) = %q, want %q", tc.roles, got, tc.want)
		}
	}
}

func TestResolveFrameworkControl(t *testing.T) {
	m := controlsModel(t, `
[[mappings]]
framework = "nist"
item = "runtime-patching"
controls = ["SI-2", "SC-28(1)"]
rationale = "For this test."
`)
	for _, name := range []string{"SI-2", "si-2", "SI-02", " si-2 "} {
		c, err := m.ResolveFrameworkControl("nist", name)
		if err != nil || c.Code != "SI-2" {
			t.Errorf("%q: got %v, %v; want SI-2", name, c, err)
		}
	}
	for _, name := range []string{"SC-28(1)", "sc-28.1", "SC-28(01)"} {
		c, err := m.ResolveFrameworkControl("nist", name)
		if err != nil || c.Code != "SC-28(1)" {
			t.Errorf("%q: got %v, %v; want SC-28(1)", name, c, err)
		}
	}
	_, err := m.ResolveFrameworkControl("nist", "ZZ-9")
	var ne *NameError
	if !errors.As(err, &ne) || !strings.Contains(err.Error(), "srm controls --framework nist") {
		t.Errorf("ZZ-9: err = %v, want a NameError that names the listing command", err)
	}
	if _, err := m.ResolveFrameworkControl("ccm", "SI-2"); err == nil {
		t.Error("SI-2 resolved in CCM")
	}
}

func TestControlOrder(t *testing.T) {
	ids := []string{"SI-10", "AC-2(1)", "SI-2", "AC-10", "AC-2", "CEK-03"}
	slices.SortFunc(ids, controlNumberOrder)
	want := []string{"AC-2", "AC-2(1)", "AC-10", "CEK-03", "SI-2", "SI-10"}
	if !slices.Equal(ids, want) {
		t.Errorf("order = %q, want %q", ids, want)
	}
	if got := (&FrameworkControl{Code: "SC-28(1)"}).OSCALID(); got != "sc-28.1" {
		t.Errorf("OSCALID = %q", got)
	}
}

func TestOverlayReplacesMapping(t *testing.T) {
	m := controlsModel(t, `
[[mappings]]
framework = "nist"
item = "guest-os-patching"
controls = ["RA-5"]
rationale = "Only scanning, in this overlay."
`)
	mp := m.MappingOf("nist", "guest-os-patching")
	if mp == nil || !slices.Equal(mp.Controls, []string{"RA-5"}) {
		t.Fatalf("mapping = %+v, want the overlay's", mp)
	}
	var items []string
	for _, it := range m.ItemsOfControl(m.FrameworkControl("nist", "si-2")) {
		items = append(items, it.ID)
	}
	if !slices.Equal(items, []string{"runtime-patching"}) {
		t.Errorf("SI-2 items = %q", items)
	}
}
