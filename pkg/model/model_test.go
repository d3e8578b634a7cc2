package model

import (
	"errors"
	"os"
	"strings"
	"testing"
)

func baseLayer(t *testing.T) Layer {
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

func mustLoad(t *testing.T, layers ...Layer) *Model {
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
	if got := c.Sources[0].Checked.Format("2006-01-02"); got != "2026-01-02" {
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

func TestLoadProblems(t *testing.T) {
	tests := []struct {
		name    string
		overlay string
		want    string // the first problem, as printed
	}{
		{"syntax", "x = \"unterminated\n", "overlay.toml:1: invalid TOML"},
		{"unknown key", "[[items]]\nid = \"x\"\nname = \"X\"\ncategory = \"platform\"\ndescription = \"d\"\nnotes = \"n\"\n", `overlay.toml:6: items.notes: unknown key "notes"`},
		{"unknown key suggestion", "[[items]]\nid = \"x\"\nname = \"X\"\ncategory = \"platform\"\ndescriptoin = \"d\"\n", `(did you mean "description"?)`},
		{"wrong case", "[[items]]\nID = \"x\"\n", `items.ID: key must be spelled "id"`},
		{"unknown section", "[[servcies]]\nid = \"x\"\n", `unknown key "servcies" (did you mean "services"?)`},
		{"wrong type", "[[items]]\nid = 3\n", "overlay.toml:2: invalid TOML"},
		{"owner not a party", cellWith(`owner = "custmer"`), `overlay.toml:1: cells[0].owner: owner "custmer" is not a party, "shared" or "n/a" (did you mean "customer"?)`},
		{"undefined service", strings.Replace(cellWith(`owner = "customer"`), `service = "vm"`, `service = "vn"`, 1), `cells[0].service: service "vn" is not defined (did you mean "vm"?)`},
		{"undefined item", strings.Replace(cellWith(`owner = "customer"`), `item = "guest-os-patching"`, `item = "guest-os"`, 1), `cells[0].item: item "guest-os" is not defined`},
		{"undefined variant", strings.Replace(cellWith(`owner = "customer"`), `item =`, "variant = \"zip\"\nitem =", 1), `cells[0].variant: service "vm" has no variant "zip"`},
		{"no sources", strings.Replace(cellWith(`owner = "customer"`), `sources = [{ url = "https://docs.acme.example/x" }]`, ``, 1), `cells[0].sources: missing required key`},
		{"bad url", strings.Replace(cellWith(`owner = "customer"`), `https://docs.acme.example/x`, `docs/x`, 1), `cells[0].sources[0].url: not an absolute http(s) URL`},
		{"duplicate id in one file", "[[categories]]\nid = \"c\"\nname = \"C\"\n[[categories]]\nid = \"c\"\nname = \"C2\"\n", `overlay.toml:4: categories[1]: duplicate category id "c" (first defined at overlay.toml:1)`},
		{"duplicate alias", "[[items]]\nid = \"x\"\nname = \"X\"\ncategory = \"platform\"\ndescription = \"d\"\naliases = [\"guest OS\"]\n", `items[0].aliases: name "guest OS" is already used by "guest-os-patching"`},
		{"bad id", "[[categories]]\nid = \"Bad Id\"\nname = \"C\"\n", `categories[0].id: "Bad Id" is not a valid id`},
		{"control character", "[[categories]]\nid = \"c\"\nname = \"C\\u001b[2J\"\n", `categories[0].name: text contains the control or format character U+001B`},
		{"bidi character", "[[categories]]\nid = \"c\"\nname = \"C\\u202e\"\n", `U+202E`},
		{"reserved party id", "[[parties]]\nid = \"shared\"\nname = \"S\"\nkind = \"customer\"\n", `"shared" is reserved`},
		{"party kind", "[[parties]]\nid = \"ops\"\nname = \"Ops\"\nkind = \"team\"\n", `unknown party kind "team"`},
		{"wrong provider owner", "[[providers]]\nid = \"other\"\nname = \"Other\"\nshort_name = \"O\"\nparty = \"other\"\ndoc_hosts = [\"o.example\"]\n[[parties]]\nid = \"other\"\nname = \"Other\"\nkind = \"provider\"\nprovider = \"other\"\n" + cellWith(`owner = "other"`), `owner "other" is the party of provider "other", but service "vm" belongs to "acme"`},
		{"missing name", "[[categories]]\nid = \"c\"\n", `categories[0].name: missing required key`},
		{"datetime", strings.Replace(cellWith(`owner = "customer"`), `https://docs.acme.example/x" }`, `https://docs.acme.example/x", checked = 2026-01-02T10:00:00Z }`, 1), `use a date such as 2026-11-27`},
		{"not utf-8", "name = \"\xff\"\n", "overlay.toml: file is not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(baseLayer(t), overlay(tt.overlay))
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("err = %v, want *LoadError", err)
			}
			if got := le.Problems[0].String(); !strings.Contains(got, tt.want) {
				t.Errorf("first problem = %q\nwant it to contain %q", got, tt.want)
			}
		})
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
