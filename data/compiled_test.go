package data_test

import (
	"os"
	"reflect"
	"testing"

	"srm/data"
	"srm/pkg/model"
	"srm/pkg/model/gosource"
)

// TestCompiledModelIsCurrent keeps compiled.go in step with the TOML, the
// single source of truth. SRM_UPDATE=1 (or go generate ./data) rewrites it.
func TestCompiledModelIsCurrent(t *testing.T) {
	files, err := model.FilesFromFS(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	src, err := gosource.Compile("data", files)
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("SRM_UPDATE") != "" {
		if err := os.WriteFile("compiled.go", src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	old, err := os.ReadFile("compiled.go")
	if err != nil || string(old) != string(src) {
		t.Fatal("data/compiled.go is stale: run go generate ./data")
	}
}

// TestCompiledModelEqualsTheTOML loads the compiled model and the TOML and
// checks that every entry is the same.
func TestCompiledModelEqualsTheTOML(t *testing.T) {
	fromTOML, _ := loadEmbedded(t)
	compiled, err := model.LoadCompiled(data.Model)
	if err != nil {
		t.Fatal(err)
	}
	a, b := reflect.ValueOf(fromTOML).Elem(), reflect.ValueOf(compiled).Elem()
	for i := 0; i < a.NumField(); i++ {
		f := a.Type().Field(i)
		if !f.IsExported() {
			continue
		}
		if !reflect.DeepEqual(a.Field(i).Interface(), b.Field(i).Interface()) {
			t.Errorf("%s differ between the TOML and the compiled model", f.Name)
		}
	}
	if got, want := compiled.CountEntries(""), fromTOML.CountEntries(""); got != want || got == 0 {
		t.Errorf("compiled model has %d entries, the TOML %d", got, want)
	}
}
