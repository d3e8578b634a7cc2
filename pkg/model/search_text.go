package model

import (
	"maps"
	"slices"
	"strings"
)

// Search fields: where in an entry the words of a query were found. The
// names are the entries' own TOML and JSON field names, so a script can
// read the field it was pointed at.
const (
	FieldLabel        = "label"
	FieldSummary      = "summary"
	FieldProviderDoes = "provider_does"
	FieldCustomerDoes = "customer_does"
	FieldPartyDoes    = "party_does"
	FieldCaveats      = "caveats"
	FieldTitle        = "title"
	FieldBelief       = "belief"
	FieldTruth        = "truth"
	FieldQuestion     = "question"
	FieldAnswer       = "answer"
	FieldName         = "name"
	FieldDescription  = "description"
)

// textField is one piece of an entry's text: a field, or one entry of a
// list field.
type textField struct {
	field, party, text string
}

// Match says where a text hit's words were found.
type Match struct {
	Field string // one of the Field constants
	Party string // for party_does, the party's id
	Text  string // the piece of text that holds the most query words
}

// textMatch scores an entry by the share of the query's words its whole
// text holds, and names the piece that holds the most of them. Pieces are
// tried in order, so the first of equally good pieces wins.
func textMatch(q []string, fields []textField) (float64, Match) {
	var all []string
	for _, f := range fields {
		all = append(all, f.text)
	}
	score := textScore(q, strings.Join(all, " "))
	if score == 0 {
		return 0, Match{}
	}
	best, bestScore := Match{}, 0.0
	for _, f := range fields {
		if s := textScore(q, f.text); s > bestScore {
			best, bestScore = Match{Field: f.field, Party: f.party, Text: f.text}, s
		}
	}
	return score, best
}

func listFields(field string, texts []string) []textField {
	out := make([]textField, 0, len(texts))
	for _, t := range texts {
		out = append(out, textField{field: field, text: t})
	}
	return out
}

// answerFields are the texts of a cell or a provider default.
func answerFields(label, summary string, provider, customer []string, parties map[string][]string, caveats []string) []textField {
	out := []textField{{field: FieldLabel, text: label}, {field: FieldSummary, text: summary}}
	out = append(out, listFields(FieldProviderDoes, provider)...)
	out = append(out, listFields(FieldCustomerDoes, customer)...)
	for _, p := range slices.Sorted(maps.Keys(parties)) {
		for _, t := range parties[p] {
			out = append(out, textField{field: FieldPartyDoes, party: p, text: t})
		}
	}
	return append(out, listFields(FieldCaveats, caveats)...)
}

func cellFields(c *Cell) []textField {
	return answerFields(c.Label, c.Summary, c.ProviderDoes, c.CustomerDoes, c.PartyDoes, c.Caveats)
}

func defaultFields(d *DefaultCell) []textField {
	return answerFields(d.Label, d.Summary, d.ProviderDoes, d.CustomerDoes, d.PartyDoes, d.Caveats)
}

func trapFields(t *Trap) []textField {
	return []textField{{field: FieldTitle, text: t.Title}, {field: FieldBelief, text: t.Belief}, {field: FieldTruth, text: t.Truth}}
}

func faqFields(f *FAQ) []textField {
	return []textField{{field: FieldQuestion, text: f.Question}, {field: FieldAnswer, text: f.Answer}}
}

func controlFields(c *Control) []textField {
	out := []textField{{field: FieldName, text: c.Name}, {field: FieldDescription, text: c.Description}}
	out = append(out, listFields(FieldProviderDoes, c.ProviderDoes)...)
	return append(out, listFields(FieldCustomerDoes, c.CustomerDoes)...)
}

// textHits are the entries whose text holds the query's words: traps,
// FAQs and controls always, those whose title holds them first, and the provider's cells and defaults when
// the query does not name both a service and an item (then the named cell
// answers it).
func (m *Model) textHits(provider string, q []string, cells bool) []Hit {
	var hits []Hit
	for _, t := range m.Traps {
		if t.Provider != provider {
			continue
		}
		if s, match := textMatch(q, trapFields(t)); s >= 0.5 {
			hits = append(hits, Hit{Kind: HitTrap, Score: 3*s + textScore(q, t.Title), Trap: t, Snippet: t.Title, Match: match})
		}
	}
	for _, f := range m.FAQs {
		if f.Provider != provider {
			continue
		}
		if s, match := textMatch(q, faqFields(f)); s >= 0.5 {
			// An FAQ answers a question better than a trap with the same words.
			hits = append(hits, Hit{Kind: HitFAQ, Score: 3.1*s + textScore(q, f.Question), FAQ: f, Snippet: f.Question, Match: match})
		}
	}
	for _, c := range m.Controls {
		if c.Provider != provider {
			continue
		}
		if s, match := textMatch(q, controlFields(c)); s >= 0.5 {
			hits = append(hits, Hit{Kind: HitControl, Score: 3*s + textScore(q, c.Name), Control: c, Snippet: c.Name, Match: match})
		}
	}
	if !cells {
		return hits
	}
	for _, d := range m.Defaults {
		if d.Provider != provider {
			continue
		}
		// A provider-wide answer outranks the same words in one service's
		// cell: it is what the provider says for all of them.
		if s, match := textMatch(q, defaultFields(d)); s >= 0.6 {
			hits = append(hits, Hit{Kind: HitDefault, Score: 2.05 * s, Item: m.Item(d.Item), Default: d, Snippet: d.Summary, Match: match})
		}
	}
	for _, c := range m.Cells {
		svc := m.Service(c.Service)
		if svc == nil || svc.Provider != provider {
			continue
		}
		if s, match := textMatch(q, cellFields(c)); s >= 0.6 {
			t := Target{Service: svc, Variant: m.Variant(c.Service, c.Variant)}
			hits = append(hits, Hit{Kind: HitCell, Score: 2 * s, Target: t, Item: m.Item(c.Item), Cell: c, Snippet: c.Summary, Match: match})
		}
	}
	return hits
}
