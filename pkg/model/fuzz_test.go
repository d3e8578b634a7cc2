package model

import (
	"errors"
	"os"
	"testing"
)

// FuzzLoad feeds arbitrary bytes as an overlay over a valid model: loading
// must either succeed or fail with a *LoadError, never panic.
func FuzzLoad(f *testing.F) {
	base, err := os.ReadFile("testdata/base.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(base)
	f.Add([]byte(cellWith(`owner = "customer"`)))
	f.Add([]byte(cellWith(`owner = "nobody"`)))
	f.Add([]byte("[[items]]\nID = 1\n"))
	f.Add([]byte("a.b.c.d.e.f = 1\n"))
	f.Add([]byte("[[cells]]\nparty_does = { x = [\"y\"] }\n"))
	f.Add([]byte("x = \"\\e[2J\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Load(Layer{Files: []File{{Path: "base.toml", Data: base}}}, Layer{Files: []File{{Path: "fuzz.toml", Data: data}}})
		if err != nil {
			var le *LoadError
			if !errors.As(err, &le) || len(le.Problems) == 0 {
				t.Fatalf("err = %#v, want a *LoadError with problems", err)
			}
			return
		}
		for _, s := range m.Services {
			for _, it := range m.Items {
				_, _ = m.Answer(Target{Service: s}, it)
			}
		}
	})
}

// FuzzResolve checks that any name resolves to an entry or to a NameError.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{"vm", "guest OS", "patching", "acme/fn:image", "fn:", ":", "/", "\x1b[2J", "ÉÉÉ", "a/b/c:d:e"} {
		f.Add(s)
	}
	base, err := os.ReadFile("testdata/base.toml")
	if err != nil {
		f.Fatal(err)
	}
	m, err := Load(Layer{Files: []File{{Path: "base.toml", Data: base}}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, name string) {
		var ne *NameError
		if _, err := m.ResolveTarget("acme", name); err != nil && !errors.As(err, &ne) {
			t.Fatalf("ResolveTarget(%q) err = %#v", name, err)
		}
		if _, err := m.ResolveItem(name); err != nil && !errors.As(err, &ne) {
			t.Fatalf("ResolveItem(%q) err = %#v", name, err)
		}
		if _, err := m.ResolveProvider(name); err != nil && !errors.As(err, &ne) {
			t.Fatalf("ResolveProvider(%q) err = %#v", name, err)
		}
	})
}
