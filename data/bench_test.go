package data_test

import (
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
