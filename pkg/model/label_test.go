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
