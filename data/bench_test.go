package data_test

import (
	"fmt"
	"strings"
	"testing"

	"srm/data"
	"srm/pkg/model"
)

// BenchmarkLoadCompiled measures what every run pays to get the embedded
// model ready.
func BenchmarkLoadCompiled(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := model.LoadCompiled(data.Model); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadTOML measures decoding and validating the same model from
// its TOML, which srm no longer does on every run.
func BenchmarkLoadTOML(b *testing.B) {
	files, err := model.FilesFromFS(data.FS)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := model.Load(model.Layer{Files: files}); err != nil {
			b.Fatal(err)
		}
	}
}

// overlay is a model file with the given number of cells: a third party,
// cells/50 services of its own and 50 items, each service having a cell
// for every item.
func overlay(cells int) model.File {
	var b strings.Builder
	b.WriteString("[[parties]]\nid = \"platform\"\nname = \"Platform team\"\nkind = \"third-party\"\ndescription = \"Our platform team.\"\n\n")
	const items = 50
	for i := 0; i < items; i++ {
		fmt.Fprintf(&b, "[[items]]\nid = \"item-%d\"\nname = \"Item %d\"\ncategory = \"data\"\naliases = [\"it%d\"]\ndescription = \"Synthetic item %d.\"\n\n", i, i, i, i)
	}
	for s := 0; s < cells/items; s++ {
		fmt.Fprintf(&b, "[[services]]\nid = \"svc-%d\"\nprovider = \"aws\"\nname = \"Service %d\"\nshort_name = \"Svc %d\"\nmodel = \"paas\"\ndescription = \"Synthetic service %d.\"\n\n", s, s, s, s)
		for i := 0; i < items; i++ {
			fmt.Fprintf(&b, "[[cells]]\nservice = \"svc-%d\"\nitem = \"item-%d\"\nowner = \"platform\"\nlabel = \"Platform team\"\nsummary = \"The platform team runs item %d.\"\nparty_does = { platform = [\"Runs it\"] }\nsources = [{ url = \"https://wiki.example.com/svc-%d\", title = \"Runbook\" }]\n\n", s, i, i, s)
		}
	}
	return model.File{Path: fmt.Sprintf("overlay-%d.toml", cells), Data: []byte(b.String())}
}

// BenchmarkOverlay loads overlays of growing size over the embedded model:
// decoding, merging and validating should grow linearly with the cells.
func BenchmarkOverlay(b *testing.B) {
	for _, cells := range []int{1000, 10000, 50000} {
		f := overlay(cells)
		b.Run(fmt.Sprintf("cells=%d", cells), func(b *testing.B) {
			b.SetBytes(int64(len(f.Data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := model.LoadCompiled(data.Model, model.Layer{Files: []model.File{f}}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestOverlayOfBenchmarkLoads(t *testing.T) {
	m, err := model.LoadCompiled(data.Model, model.Layer{Files: []model.File{overlay(100)}})
	if err != nil {
		t.Fatal(err)
	}
	if c := m.Cell("svc-1", "", "item-49"); c == nil || c.Owner != "platform" {
		t.Errorf("overlay cell = %+v", c)
	}
}

// BenchmarkResolve measures name resolution on the embedded model: an id
// as scripts type it, an alias as people do, and a typo that needs the
// suggestions.
func BenchmarkResolve(b *testing.B) {
	m, err := model.LoadCompiled(data.Model)
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct{ name, service, item string }{
		{"id", "ec2", "guest-os-patching"},
		{"alias", "Amazon Elastic Compute Cloud", "Guest OS patching"},
		{"typo", "ec3", "guest-os-pathcing"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				m, _ := model.LoadCompiled(data.Model) // a run resolves on a fresh model
				m.ResolveService("aws", tc.service)
				m.ResolveItem(tc.item)
			}
		})
	}
	_ = m
}

// BenchmarkSmallOverlay is what a run with a typical overlay in the config
// directory pays: one party and one cell over the embedded model.
func BenchmarkSmallOverlay(b *testing.B) {
	f := model.File{Path: "platform.toml", Data: []byte(`[[parties]]
id = "platform"
name = "Platform team"
kind = "third-party"
description = "Our internal platform team."

[[cells]]
service = "ec2"
item = "guest-os-patching"
owner = "platform"
label = "Platform team"
summary = "Instances run the golden AMI that the platform team patches."
party_does = { platform = ["Patches the golden AMI every month"] }
sources = [{ url = "https://wiki.example.com/golden-ami", title = "Golden AMI" }]
`)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := model.LoadCompiled(data.Model, model.Layer{Files: []model.File{f}}); err != nil {
			b.Fatal(err)
		}
	}
}
