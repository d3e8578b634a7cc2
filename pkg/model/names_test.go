package model

import (
	"errors"
	"regexp"
	"slices"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := map[string]string{
		"Guest OS patching":          "guest os patching",
		"guest-os-patching":          "guest os patching",
		"  GUEST_OS   patching  ":    "guest os patching",
		"Network controls (SG/NACL)": "network controls sg nacl",
		"Multi-AZ":                   "multi az",
		"":                           "",
		"---":                        "",
		"Élastic":                    "élastic",
	}
	for in, want := range tests {
		if got := normalize(in); got != want {
			t.Errorf("normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Guest OS patching", "guest os patching", "a  b", " a", "a ", "Élastic", "x\x00y", "\xff", "İ", "K"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := normalize(s), normalizeRunes(s); got != want {
			t.Errorf("normalize(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestResolve(t *testing.T) {
	m := mustLoad(t)
	tests := []struct {
		kind, name string
		want       string // resolved id, or "" for an error
		ambiguous  bool
		candidates []string
	}{
		{"service", "vm", "vm", false, nil},
		{"service", "VM", "vm", false, nil},
		{"service", "Acme Virtual Machines", "vm", false, nil},
		{"service", "virtual-machines", "vm", false, nil},
		{"service", "acme/vm", "vm", false, nil},
		{"service", "Acme Cloud/fn", "fn", false, nil},
		{"service", "vn", "", false, nil},            // "vm" and "fn" merely share letters: another acronym, not a typo
		{"service", "mv", "", false, []string{"vm"}}, // two letters swapped is a typo
		{"service", "virtual machnes", "", false, []string{"vm"}},
		{"service", "nothing-like-it", "", false, nil},
		{"item", "guest OS", "guest-os-patching", false, nil},
		{"item", "GUEST_OS_PATCHING", "guest-os-patching", false, nil},
		{"item", "patching", "", true, []string{"guest-os-patching", "runtime-patching"}},
		{"item", "guest", "", false, []string{"guest-os-patching"}},
		{"item", "runtme", "", false, []string{"runtime-patching"}},
		{"item", "guest patch", "guest-os-patching", false, nil}, // two words that start one entry's words name it
		{"item", "runtime patch", "runtime-patching", false, nil},
		{"provider", "ACME", "acme", false, nil},
		{"provider", "acme cloud services", "acme", false, nil},
		{"provider", "azure", "", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.kind+"/"+tt.name, func(t *testing.T) {
			var (
				got string
				err error
			)
			switch tt.kind {
			case "service":
				var s *Service
				if s, err = m.ResolveService("acme", tt.name); err == nil {
					got = s.ID
				}
			case "item":
				var it *Item
				if it, err = m.ResolveItem(tt.name); err == nil {
					got = it.ID
				}
			case "provider":
				var p *Provider
				if p, err = m.ResolveProvider(tt.name); err == nil {
					got = p.ID
				}
			}
			if tt.want != "" {
				if err != nil || got != tt.want {
					t.Fatalf("got %q, %v; want %q", got, err, tt.want)
				}
				return
			}
			var ne *NameError
			if !errors.As(err, &ne) {
				t.Fatalf("err = %v, want *NameError", err)
			}
			if ne.Kind != tt.kind || ne.Ambiguous != tt.ambiguous || !slices.Equal(ne.Candidates, tt.candidates) {
				t.Errorf("NameError = %+v", ne)
			}
		})
	}
}

func TestResolveTarget(t *testing.T) {
	m := mustLoad(t)
	tests := []struct {
		name, want string
		fails      bool
	}{
		{"fn", "fn", false},
		{"fn:image", "fn:image", false},
		{"Acme Functions:container image", "fn:image", false},
		{"acme/fn:image", "fn:image", false},
		{"fn:zip", "", true},
		{"vm:image", "", true},
	}
	for _, tt := range tests {
		got, err := m.ResolveTarget("acme", tt.name)
		if tt.fails {
			var ne *NameError
			if !errors.As(err, &ne) || ne.Kind != "variant" {
				t.Errorf("ResolveTarget(%q) err = %v, want a variant NameError", tt.name, err)
			}
			continue
		}
		if err != nil || got.ID() != tt.want {
			t.Errorf("ResolveTarget(%q) = %q, %v; want %q", tt.name, got.ID(), err, tt.want)
		}
	}
}

func TestNameErrorMessages(t *testing.T) {
	tests := []struct {
		err  *NameError
		want string
	}{
		{&NameError{Kind: "service", Name: "ec3", Candidates: []string{"ec2"}}, `unknown service "ec3" (did you mean "ec2"?)`},
		{&NameError{Kind: "item", Name: "encryption", Candidates: []string{"a", "b"}, Ambiguous: true}, `ambiguous item name "encryption": it matches "a" or "b"`},
		{&NameError{Kind: "service", Name: "zz", Known: []string{"a", "b"}}, `unknown service "zz": not in the model (valid: a, b)`},
		{&NameError{Kind: "variant", Scope: `of service "fn"`, Name: "zz"}, `unknown variant "zz" of service "fn" (there are none)`},
		{&NameError{Kind: "item", Name: "\x1b[2J"}, `unknown item "\x1b[2J" (there are none)`},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"ec2", "ec3", 1}, {"kitten", "sitting", 3}, {"é", "e", 1},
	}
	for _, tt := range tests {
		if got := levenshtein(tt.a, tt.b); got != tt.want {
			t.Errorf("levenshtein(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestAnswerAlternatives(t *testing.T) {
	m := mustLoad(t)
	fn := m.Service("fn")
	a, err := m.Answer(Target{Service: fn}, m.Item("runtime-patching"))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Alternatives) != 1 || a.Alternatives[0].Variant.ID != "image" || a.Alternatives[0].Cell.Owner != "customer" {
		t.Errorf("alternatives = %+v", a.Alternatives)
	}
	img, _ := m.ResolveTarget("acme", "fn:image")
	a, _ = m.Answer(img, m.Item("runtime-patching"))
	if len(a.Alternatives) != 1 || a.Alternatives[0].Variant != nil {
		t.Errorf("variant alternatives = %+v", a.Alternatives)
	}
	_, err = m.Answer(Target{Service: m.Service("vm")}, m.Item("runtime-patching"))
	var nc *NoCellError
	if !errors.As(err, &nc) || nc.Error() != `item "runtime-patching" does not apply to service "vm" (its items: guest-os-patching)` {
		t.Errorf("err = %v", err)
	}
}

func TestIsID(t *testing.T) {
	pattern := regexp.MustCompile(idPatternText)
	for _, s := range []string{"ec2", "guest-os-patching", "a-b-c", "", "-a", "a-", "a--b", "A", "a_b", "é", "a b", "9", "a-9"} {
		if got, want := isID(s), pattern.MatchString(s); got != want {
			t.Errorf("isID(%q) = %v, the schema's pattern says %v", s, got, want)
		}
	}
}

func TestItemNameFor(t *testing.T) {
	it := &Item{Name: "Network controls (SG/NACL)", ProviderNames: map[string]string{"azure": "Network controls (NSG/firewall)"}}
	plain := &Item{Name: "Guest OS patching (VMs)"}
	tests := []struct {
		item     *Item
		provider string
		want     string
	}{
		{it, "azure", "Network controls (NSG/firewall)"},
		{it, "aws", "Network controls (SG/NACL)"},
		{it, "", "Network controls"}, // across clouds: no one provider's terms
		{plain, "", "Guest OS patching (VMs)"},
		{plain, "gcp", "Guest OS patching (VMs)"},
	}
	for _, tt := range tests {
		if got := tt.item.NameFor(tt.provider); got != tt.want {
			t.Errorf("%q.NameFor(%q) = %q, want %q", tt.item.Name, tt.provider, got, tt.want)
		}
	}
}
