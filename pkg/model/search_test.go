package model

import "testing"

func TestWordsMatch(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"patches", "patching", true},
		{"encrypt", "encryption", true},
		{"os", "os", true},
		{"os", "ops", false},
		{"host", "hosting", true},
		{"data", "database", false},
		{"guest", "guests", true},
		{"postgres", "postgresql", true}, // cut short
		{"cloud", "cloudhsm", false},     // too short to be a cut
		{"engine", "engines", true},
		{"environmental", "environment", true},
	}
	for _, tt := range tests {
		if got := wordsMatch(tt.a, tt.b); got != tt.want {
			t.Errorf("wordsMatch(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

func TestSearch(t *testing.T) {
	m := mustLoad(t)
	tests := []struct {
		query string
		kind  string
		key   string // target/item of the first hit
	}{
		{"who patches the OS on the virtual machines?", HitCell, "vm/guest-os-patching"},
		{"runtime patching for functions with a container image", HitCell, "fn:image/runtime-patching"},
		{"Acme Functions runtime", HitCell, "fn/runtime-patching"},
		{"virtual machines", HitService, "vm"},
		{"guest OS", HitItem, "guest-os-patching"},
	}
	for _, tt := range tests {
		hits := m.Search("acme", tt.query)
		if len(hits) == 0 {
			t.Errorf("%q: no hits", tt.query)
			continue
		}
		h := hits[0]
		key := ""
		switch h.Kind {
		case HitCell:
			key = h.Target.ID() + "/" + h.Item.ID
		case HitService:
			key = h.Target.ID()
		case HitItem:
			key = h.Item.ID
		}
		if h.Kind != tt.kind || key != tt.key {
			t.Errorf("%q: first hit %s %s, want %s %s", tt.query, h.Kind, key, tt.kind, tt.key)
		}
	}
	if hits := m.Search("acme", "the of who"); hits != nil {
		t.Errorf("stop words only: %d hits", len(hits))
	}
}

func TestWordMatchScoreRanksTheWordAboveItsCut(t *testing.T) {
	if full, cut := wordMatchScore("postgres", "postgres"), wordMatchScore("postgres", "postgresql"); !(full > cut && cut > 0) {
		t.Errorf("same word %v, cut %v: want same > cut > 0", full, cut)
	}
	if s := wordMatchScore("patches", "patching"); s != 1 {
		t.Errorf("same stem scores %v, want 1", s)
	}
}

func TestTextMatchNamesTheField(t *testing.T) {
	c := &Cell{
		Label: "Customer", Summary: "The customer writes the rules.",
		ProviderDoes: []string{"Blocks spoofed source addresses"},
		CustomerDoes: []string{"Writes security group rules"},
		PartyDoes:    map[string][]string{"platform": {"Reviews spoofing alerts weekly"}},
		Caveats:      []string{"Nothing about that here."},
	}
	tests := []struct {
		query       string
		field, text string
	}{
		{"spoofed addresses", FieldProviderDoes, "Blocks spoofed source addresses"},
		{"security group", FieldCustomerDoes, "Writes security group rules"},
		{"alerts weekly", FieldPartyDoes, "Reviews spoofing alerts weekly"},
		{"rules", FieldSummary, "The customer writes the rules."}, // the first of equal pieces
	}
	for _, tt := range tests {
		score, m := textMatch(searchWords(tt.query), cellFields(c))
		if score != 1 || m.Field != tt.field || m.Text != tt.text {
			t.Errorf("%q: %v %+v, want 1 in %s %q", tt.query, score, m, tt.field, tt.text)
		}
	}
	if score, _ := textMatch(searchWords("kernel"), cellFields(c)); score != 0 {
		t.Errorf("absent word scores %v", score)
	}
}
