package model

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInvalidFixtures loads each file in testdata/invalid over the base
// model. Each breaks one validation rule, and its first line says the exact
// problem srm must report: "# want: <problem>". Run with SRM_UPDATE=1 to
// rewrite the want lines (review the diff).
func TestInvalidFixtures(t *testing.T) {
	paths, err := filepath.Glob("testdata/invalid/*.toml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, path := range paths {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".toml"), func(t *testing.T) {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want, body, _ := strings.Cut(string(raw), "\n")
			if !strings.HasPrefix(want, "# want: ") {
				want, body = "", string(raw)
			}
			want = strings.TrimPrefix(want, "# want: ")
			data := []byte("# want: " + want + "\n" + body)
			_, err = Load(baseLayer(t), Layer{Files: []File{{Path: name, Data: data}}})
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("loaded without error, want %q", want)
			}
			got := le.Problems[0].String()
			if os.Getenv("SRM_UPDATE") != "" && got != want {
				if err := os.WriteFile(path, []byte("# want: "+got+"\n"+body), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != want {
				t.Errorf("first problem:\n got %q\nwant %q", got, want)
			}
		})
	}
}
