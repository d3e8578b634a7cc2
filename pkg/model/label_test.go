package model

import "testing"

func TestOwnerFromLabel(t *testing.T) {
	m := mustLoad(t)
	tests := map[string]string{
		"Acme":                                 "acme",
		"Acme (managed runtime)":               "acme",
		"Customer (if self-install)":           "customer",
		"Customer designs":                     "customer",
		"Acme (automated) / Customer (config)": "shared",
		"Customer enables, Acme executes":      "shared",
		"Shared (TLS)":                         "shared",
		"N/A":                                  "n/a",
		"n/a (no engine)":                      "n/a",
		"Nobody in particular":                 "",
		"Acmeish":                              "",
	}
	for label, want := range tests {
		if got := m.OwnerFromLabel("acme", label); got != want {
			t.Errorf("OwnerFromLabel(%q) = %q, want %q", label, got, want)
		}
	}
}

func TestContainsWord(t *testing.T) {
	for _, tt := range []struct {
		text, word string
		want       bool
	}{
		{"AWS (automated) / Customer (config)", "customer", true},
		{"Customers", "customer", false},
		{"Shared (TLS)", "shared", true},
		{"unshared", "shared", false},
		{"Google Cloud", "Google", true},
		{"AWS-managed", "aws", true},
		{"Microsoft", "", false},
		{"Ärger Kunde", "kunde", true},
	} {
		if got := containsWord(tt.text, tt.word); got != tt.want {
			t.Errorf("containsWord(%q, %q) = %v", tt.text, tt.word, got)
		}
	}
}
