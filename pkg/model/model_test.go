package model

import (
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func baseLayer(t testing.TB) Layer {
	t.Helper()
	data, err := os.ReadFile("testdata/base.toml")
	if err != nil {
		t.Fatal(err)
	}
	return Layer{Files: []File{{Path: "base.toml", Data: data}}}
}

func overlay(text string) Layer {
	return Layer{Files: []File{{Path: "overlay.toml", Data: []byte(text)}}}
}

func mustLoad(t testing.TB, layers ...Layer) *Model {
	t.Helper()
	m, err := Load(append([]Layer{baseLayer(t)}, layers...)...)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return m
}

func TestLoadBase(t *testing.T) {
	m := mustLoad(t)
	if got := len(m.Services); got != 2 {
		t.Fatalf("services = %d, want 2", got)
	}
	c := m.Cell("vm", "", "guest-os-patching")
	if c == nil || c.Owner != "customer" || c.Origin != "base.toml" {
		t.Fatalf("cell = %+v", c)
	}
	if got := c.Sources[0].Checked.String(); got != "2026-01-02" {
		t.Errorf("checked = %s", got)
	}
}

func TestVariantInheritsAndOverrides(t *testing.T) {
	m := mustLoad(t)
	tests := []struct {
		variant, item, owner string
	}{
		{"", "runtime-patching", "acme"},
		{"image", "runtime-patching", "customer"},
		{"image", "guest-os-patching", "acme"}, // inherited from the service
	}
	for _, tt := range tests {
		c := m.Cell("fn", tt.variant, tt.item)
		if c == nil || c.Owner != tt.owner {
			t.Errorf("Cell(fn, %q, %s) = %+v, want owner %s", tt.variant, tt.item, c, tt.owner)
		}
	}
	if got := m.VariantsChanging("fn", "runtime-patching"); len(got) != 1 || got[0].ID != "image" {
		t.Errorf("VariantsChanging = %v", got)
	}
}

// TestServiceInheritsProviderDefault checks the order in which a cell is
// found: the variant's own, the service's own, then the provider's default.
func TestServiceInheritsProviderDefault(t *testing.T) {
	m := mustLoad(t, overlay(`
[[defaults]]
provider = "acme"
item = "runtime-patching"
owner = "customer"
label = "Customer"
summary = "Acme leaves runtimes to the customer everywhere."
sources = [{ url = "https://docs.acme.example/srm" }]
`))
	tests := []struct {
		service, variant, item, owner string
		inherited                     bool
	}{
		{"vm", "", "runtime-patching", "customer", true},
		{"fn", "", "runtime-patching", "acme", false},
		{"fn", "image", "runtime-patching", "customer", false},
		{"vm", "", "guest-os-patching", "customer", false},
	}
	for _, tt := range tests {
		c := m.Cell(tt.service, tt.variant, tt.item)
		if c == nil || c.Owner != tt.owner || c.ProviderDefault() != tt.inherited {
			t.Errorf("Cell(%s, %q, %s) = %+v, want owner %s, inherited %v", tt.service, tt.variant, tt.item, c, tt.owner, tt.inherited)
			continue
		}
		if c.Service != tt.service {
			t.Errorf("Cell(%s, %q, %s).Service = %q", tt.service, tt.variant, tt.item, c.Service)
		}
	}
	if a, b := m.Cell("vm", "", "runtime-patching"), m.Cell("vm", "", "runtime-patching"); a != b {
		t.Error("asking twice for an inherited cell gives two cells")
	}
	if got := m.ItemsOf("vm"); len(got) != 2 {
		t.Errorf("ItemsOf(vm) = %d items, want its own and the inherited one", len(got))
	}
	if got := m.Cell("vm", "", "runtime-patching").Origin; got == "" {
		t.Error("an inherited cell does not say which file it came from")
	}
	var sources []string
	for _, u := range m.SourceUses(nil) {
		for _, k := range u.Cells {
			sources = append(sources, k.String())
		}
	}
	if !slices.Contains(sources, "acme/*/runtime-patching") {
		t.Errorf("SourceUses does not list the default: %v", sources)
	}
}

func TestOverlayOverridesByID(t *testing.T) {
	m := mustLoad(t, overlay(`
[[parties]]
id = "platform"
name = "Platform team"
kind = "third-party"
description = "Our internal platform team."

[[cells]]
service = "vm"
item = "guest-os-patching"
owner = "platform"
label = "Platform team"
party_does = { platform = ["Patches the golden image monthly"] }
sources = [{ url = "https://wiki.example.com/golden-images" }]

[[items]]
id = "runtime-patching"
name = "Runtime patching (renamed)"
category = "platform"
description = "Renamed by the overlay."
`))
	c := m.Cell("vm", "", "guest-os-patching")
	if c.Owner != "platform" || c.Origin != "overlay.toml" {
		t.Errorf("overlay cell = %+v", c)
	}
	if m.Items[1].Name != "Runtime patching (renamed)" {
		t.Errorf("item not replaced in place: %+v", m.Items)
	}
	if len(m.Items) != 2 {
		t.Errorf("items = %d, want 2", len(m.Items))
	}
	// The replaced item's old alias no longer resolves; its id does.
	if _, err := m.ResolveItem("runtime"); err == nil {
		t.Error("old alias still resolves")
	}
}

func TestLaterOverlayWins(t *testing.T) {
	cell := func(label string) string {
		return `
[[cells]]
service = "vm"
item = "guest-os-patching"
owner = "customer"
label = "` + label + `"
sources = [{ url = "https://docs.acme.example/x" }]
`
	}
	m := mustLoad(t, overlay(cell("first")), Layer{Files: []File{{Path: "second.toml", Data: []byte(cell("second"))}}})
	if c := m.Cell("vm", "", "guest-os-patching"); c.Label != "second" || c.Origin != "second.toml" {
		t.Errorf("cell = %+v", c)
	}
}

// TestLoadRejectsInvalidUTF8 covers the one rule a fixture file in
// testdata/invalid cannot easily hold.
func TestLoadRejectsInvalidUTF8(t *testing.T) {
	_, err := Load(baseLayer(t), overlay("name = \"\xff\"\n"))
	if err == nil || err.Error() != "overlay.toml: file is not valid UTF-8" {
		t.Fatalf("err = %v", err)
	}
}

// TestDuplicatesAcrossFilesOfOneLayer: within one layer, such as the
// embedded files, an id defined twice is an error, not an override.
func TestDuplicatesAcrossFilesOfOneLayer(t *testing.T) {
	a := File{Path: "a.toml", Data: []byte("[[categories]]\nid = \"c\"\nname = \"C\"\n")}
	b := File{Path: "b.toml", Data: []byte("\n[[categories]]\nid = \"c\"\nname = \"C2\"\n")}
	_, err := Load(baseLayer(t), Layer{Files: []File{a, b}})
	if err == nil || err.Error() != `b.toml:2: categories[0]: duplicate category id "c" (first defined at a.toml:1)` {
		t.Fatalf("err = %v", err)
	}
}

func cellWith(owner string) string {
	return `[[cells]]
service = "vm"
item = "guest-os-patching"
` + owner + `
label = "L"
sources = [{ url = "https://docs.acme.example/x" }]
`
}

func TestLoadErrorListsEveryProblem(t *testing.T) {
	_, err := Load(baseLayer(t), overlay(cellWith(`owner = "nobody"`)+strings.Replace(cellWith(`owner = "nobody"`), "guest-os-patching", "runtime-patching", 1)))
	var le *LoadError
	if !errors.As(err, &le) || len(le.Problems) != 2 {
		t.Fatalf("err = %v", err)
	}
	if !strings.HasSuffix(err.Error(), "(and 1 more problem)") {
		t.Errorf("Error() = %q", err.Error())
	}
	if le.Problems[1].Line != 7 {
		t.Errorf("second problem line = %d, want 7", le.Problems[1].Line)
	}
}

func TestFileTooLarge(t *testing.T) {
	big := make([]byte, MaxFileBytes+1)
	_, err := Load(Layer{Files: []File{{Path: "big.toml", Data: big}}})
	if err == nil || !strings.Contains(err.Error(), "more than the limit") {
		t.Fatalf("err = %v", err)
	}
}

// TestJSONSchemaIsCurrent keeps data/srm-model.schema.json in step with the
// loader's struct tags. SRM_UPDATE=1 rewrites it.
func TestJSONSchemaIsCurrent(t *testing.T) {
	got, err := JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	const path = "../../data/srm-model.schema.json"
	if os.Getenv("SRM_UPDATE") != "" {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != string(got) {
		t.Errorf("%s is stale: run SRM_UPDATE=1 go test ./pkg/model -run TestJSONSchemaIsCurrent", path)
	}
}

// TestSectionsAreEntries keeps the document's sections and sectionWhat in
// step: a section added to one must be added to the other.
func TestSectionsAreEntries(t *testing.T) {
	dt := reflect.TypeFor[Document]()
	entryType := reflect.TypeFor[entry]()
	for i := 0; i < dt.NumField(); i++ {
		f := dt.Field(i)
		if !f.Type.Elem().Implements(entryType) {
			t.Errorf("%s: %s does not implement entry", f.Name, f.Type.Elem())
		}
		if sectionWhat[tomlName(f)] == "" {
			t.Errorf("sectionWhat has no entry for %q", tomlName(f))
		}
		// originOf and setOrigin reach every kind's Origin by name.
		if o, ok := f.Type.Elem().Elem().FieldByName("Origin"); !ok || o.Type.Kind() != reflect.String || o.Tag.Get("toml") != "-" {
			t.Errorf("%s: %s has no Origin string field kept out of TOML", f.Name, f.Type.Elem())
		}
	}
}
