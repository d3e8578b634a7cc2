package model

import "testing"

func TestQuizIsReproducible(t *testing.T) {
	m := mustLoad(t)
	targets := m.Deployments("acme")
	a := m.Quiz(targets, m.Items, 3, 42, true)
	b := m.Quiz(targets, m.Items, 3, 42, true)
	if len(a) != 3 {
		t.Fatalf("got %d questions", len(a))
	}
	for i := range a {
		if a[i].Target.ID() != b[i].Target.ID() || a[i].Item.ID != b[i].Item.ID {
			t.Errorf("question %d differs between runs with the same seed", i)
		}
	}
	// The pool has 3 service cells and 1 variant override; a variant's
	// inherited cells are not asked again.
	if all := m.Quiz(targets, m.Items, 100, 1, true); len(all) != 4 {
		t.Errorf("pool = %d questions, want 4", len(all))
	}
	differs := false
	for seed := uint64(1); seed < 20 && !differs; seed++ {
		c := m.Quiz(targets, m.Items, 4, seed, true)
		differs = c[0].Item.ID != a[0].Item.ID || c[0].Target.ID() != a[0].Target.ID()
	}
	if !differs {
		t.Error("different seeds always give the same first question")
	}
}

func TestParseAnswer(t *testing.T) {
	m := mustLoad(t)
	tests := map[string]string{
		"customer": "customer", "Customer": "customer", "c": "customer", "me": "customer",
		"acme": "acme", "ACME": "acme", "a": "acme", "provider": "acme",
		"shared": "shared", "both": "shared", "s": "shared",
		"n/a": "n/a", "na": "n/a", "N/A": "n/a", "none": "n/a", "not applicable": "n/a", "n": "n/a",
		"": "", "maybe": "", "x": "",
	}
	for in, want := range tests {
		if got := m.ParseAnswer("acme", in); got != want {
			t.Errorf("ParseAnswer(%q) = %q, want %q", in, got, want)
		}
	}
}
