package data_test

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"srm/pkg/model"
)

// catalogControl is a control of a NIST OSCAL catalog: its title, its
// family and whether NIST withdrew it.
type catalogControl struct {
	title, family string
	withdrawn     bool
}

// readNISTCatalog reads the controls of an OSCAL catalog in
// ../shared/reference/standards, keyed by OSCAL id ("si-2", "sc-28.1").
func readNISTCatalog(t *testing.T, name string) map[string]catalogControl {
	t.Helper()
	raw, err := os.ReadFile("../../shared/reference/standards/" + name)
	if err != nil {
		t.Skip("../shared/reference is not checked out")
	}
	type control struct {
		ID       string `json:"id"`
		Title    string `json:"title"`
		Props    []struct{ Name, Value string }
		Controls []control `json:"controls"`
	}
	var doc struct {
		Catalog struct {
			Groups []struct {
				Title    string    `json:"title"`
				Controls []control `json:"controls"`
			} `json:"groups"`
		} `json:"catalog"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out := map[string]catalogControl{}
	var walk func(c control, family string)
	walk = func(c control, family string) {
		cc := catalogControl{title: c.Title, family: family}
		for _, p := range c.Props {
			if p.Name == "status" && p.Value == "withdrawn" {
				cc.withdrawn = true
			}
		}
		out[c.ID] = cc
		for _, sub := range c.Controls {
			walk(sub, family)
		}
	}
	for _, g := range doc.Catalog.Groups {
		for _, c := range g.Controls {
			walk(c, g.Title)
		}
	}
	return out
}

// TestNISTControlsAreInTheCatalog checks every NIST SP 800-53 control srm
// maps to against NIST's own catalogs: the id exists and is not withdrawn,
// and the title and family are NIST's, from the 5.1.1 moderate baseline
// where the control is in it and from the full 5.0.1 catalog otherwise.
func TestNISTControlsAreInTheCatalog(t *testing.T) {
	full := readNISTCatalog(t, "NIST_SP-800-53_rev5_catalog.json")
	moderate := readNISTCatalog(t, "NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog-min.json")
	m, _ := loadEmbedded(t)
	n := 0
	for _, c := range m.ControlCatalog {
		if c.Framework != "nist-800-53" {
			continue
		}
		n++
		id := c.OSCALID()
		want, ok := moderate[id]
		if !ok {
			want, ok = full[id]
		}
		switch {
		case !ok:
			t.Errorf("%s: not in NIST's catalog", c.Code)
		case want.withdrawn || full[id].withdrawn:
			t.Errorf("%s: withdrawn by NIST", c.Code)
		case c.Title != want.title || c.Family != want.family:
			t.Errorf("%s: %q in %q, NIST says %q in %q", c.Code, c.Title, c.Family, want.title, want.family)
		}
	}
	if n == 0 {
		t.Fatal("no NIST SP 800-53 controls in the model")
	}
}

// TestEveryItemHasADecisionPerFramework: each item is mapped to each
// shipped framework, to controls or, with the reason, to none; every
// control listed is used; CCM ids have the shape of v4.0's.
func TestEveryItemHasADecisionPerFramework(t *testing.T) {
	m, _ := loadEmbedded(t)
	if len(m.Frameworks) == 0 {
		t.Fatal("no frameworks in the model")
	}
	ccmID := regexp.MustCompile(`^(A&A|[A-Z]{3})-[0-9]{2}$`)
	for _, fw := range m.Frameworks {
		used := map[string]bool{}
		for _, it := range m.Items {
			mp := m.MappingOf(fw.ID, it.ID)
			if mp == nil {
				t.Errorf("%s: item %s has no mapping", fw.ID, it.ID)
				continue
			}
			if strings.TrimSpace(mp.Rationale) == "" {
				t.Errorf("%s/%s: no rationale", fw.ID, it.ID)
			}
			for _, id := range mp.Controls {
				used[strings.ToUpper(id)] = true
			}
		}
		for _, c := range m.ControlCatalog {
			if c.Framework != fw.ID {
				continue
			}
			if !used[strings.ToUpper(c.Code)] {
				t.Errorf("%s: control %s is listed but no item maps to it", fw.ID, c.Code)
			}
			if fw.Ownership == model.OwnershipCCM && !ccmID.MatchString(c.Code) {
				t.Errorf("%s: %q is not a CCM v4.0 control id", fw.ID, c.Code)
			}
		}
	}
}

// TestCoreMappings pins the mappings a compliance reader expects first, so
// that an edit cannot drop them unnoticed.
func TestCoreMappings(t *testing.T) {
	m, _ := loadEmbedded(t)
	for _, tc := range []struct {
		framework, item string
		controls        []string
	}{
		{"nist-800-53", "guest-os-patching", []string{"SI-2"}},
		{"nist-800-53", "encryption-at-rest", []string{"SC-28"}},
		{"nist-800-53", "encryption-in-transit", []string{"SC-8"}},
		{"nist-800-53", "network-controls", []string{"SC-7"}},
		{"nist-800-53", "iam", []string{"AC-2", "AC-3", "AC-6", "IA-2"}},
		{"nist-800-53", "backup-scheduling", []string{"CP-9"}},
		{"nist-800-53", "physical-facility", []string{"PE-3"}},
		{"nist-800-53", "logging", []string{"AU-2", "AU-12"}},
		{"nist-800-53", "key-rotation", []string{"SC-12"}},
		{"ccm", "guest-os-patching", []string{"TVM-03"}},
		{"ccm", "encryption-at-rest", []string{"CEK-03"}},
		{"ccm", "iam", []string{"IAM-16"}},
	} {
		mp := m.MappingOf(tc.framework, tc.item)
		if mp == nil {
			t.Errorf("%s/%s: no mapping", tc.framework, tc.item)
			continue
		}
		for _, c := range tc.controls {
			if !slices.Contains(mp.Controls, c) {
				t.Errorf("%s/%s maps to %v, not to %s", tc.framework, tc.item, mp.Controls, c)
			}
		}
	}
}
