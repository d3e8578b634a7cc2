package model

import (
	"errors"
	"os"
	"strings"
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
	f.Add([]byte("x = " + strings.Repeat("[", 40) + "\n"))
	f.Add([]byte("x = '''\n[[[\n'''\ny = \"\"\"a\\\"\"\"\"\n"))
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

// FuzzResolve checks that any name resolves to an entry or to an error of
// the name class.
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
	// Every failure must be an error of the name class: exit 3 on the
	// command line.
	named := func(err error) bool {
		var c interface{ ErrorClass() string }
		return err == nil || (errors.As(err, &c) && c.ErrorClass() == ClassName)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if _, err := m.ResolveTarget("acme", name); !named(err) {
			t.Fatalf("ResolveTarget(%q) err = %#v", name, err)
		}
		if _, err := m.ResolveItem(name); !named(err) {
			t.Fatalf("ResolveItem(%q) err = %#v", name, err)
		}
		if _, err := m.ResolveProvider(name); !named(err) {
			t.Fatalf("ResolveProvider(%q) err = %#v", name, err)
		}
	})
}

// FuzzAcks feeds arbitrary bytes as an acknowledgement file: parsing must
// succeed or fail with a *LoadError, and acknowledging a review with what
// parsed must not panic.
func FuzzAcks(f *testing.F) {
	f.Add([]byte("[[acks]]\nitem = \"guest OS\"\nservices = [\"vm\"]\nowner = \"Platform team\"\nevidence = \"https://wiki.example.com/patching\"\n"))
	f.Add([]byte("[[acks]]\nitem = \"runtime-patching\"\nservices = [\"fn:image\", \"acme/fn\"]\nowner = \"Dev\"\nevidence = \"CI\"\nnote = \"n\"\n"))
	f.Add([]byte("[[acks]]\nitem = \"nope\"\nowner = \"\"\n"))
	f.Add([]byte("[[acks]]\nItem = 1\n[acks.x]\n"))
	f.Add([]byte("acks = 3\n"))
	f.Add([]byte("[[acks]]\nitem = \"\x1b[2J\"\nowner = \"\u202e\"\nevidence = \"x\"\n"))
	m := mustLoad(f)
	vm, fn := Target{Service: m.Service("vm")}, Target{Service: m.Service("fn"), Variant: m.Variant("fn", "image")}
	f.Fuzz(func(t *testing.T, data []byte) {
		acks, err := m.ParseAcks(File{Path: "acks.toml", Data: data}, "acme")
		if err != nil {
			var le *LoadError
			if !errors.As(err, &le) || len(le.Problems) == 0 {
				t.Fatalf("err = %#v, want a *LoadError with problems", err)
			}
			return
		}
		r := m.Review([]StackTarget{{Target: vm}, {Target: fn}})
		if missing := r.Acknowledge(acks, Today()); len(missing) > 2 {
			t.Fatalf("%d unacknowledged responsibilities in a stack of two", len(missing))
		}
	})
}
