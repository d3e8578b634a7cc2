package model

import (
	"strings"
)

// UnknownWords returns the words of a query that nothing in the model
// uses, on any provider: not a name, alias or id, and no word of any text.
// A search for a service srm does not hold ("cloudhsm backups") would
// otherwise match on its other words and answer about something else.
func (m *Model) UnknownWords(query string) []string {
	var unknown []string
	for _, q := range searchWords(query) {
		if !m.mentions(q) {
			unknown = append(unknown, q)
		}
	}
	return unknown
}

// mentions reports whether any text of the model uses word, with the
// stemming search uses. A cheap substring test on the lower-cased text
// comes first, since wordsMatch needs a common prefix of four letters.
func (m *Model) mentions(word string) bool {
	prefix := word
	if len(prefix) > 4 {
		prefix = prefix[:4]
	}
	found := false
	m.eachText(func(text string) bool {
		if !strings.Contains(strings.ToLower(text), prefix) {
			return true
		}
		for _, w := range searchWords(text) {
			if wordsMatch(word, w) {
				found = true
				return false
			}
		}
		return true
	})
	return found
}

// eachText calls fn with every piece of text people can search for, until
// fn returns false.
func (m *Model) eachText(fn func(string) bool) {
	each := func(texts ...string) bool {
		for _, t := range texts {
			if t != "" && !fn(t) {
				return false
			}
		}
		return true
	}
	lists := func(lists ...[]string) bool {
		for _, l := range lists {
			if !each(l...) {
				return false
			}
		}
		return true
	}
	for _, p := range m.Providers {
		if !each(p.ID, p.Name, p.ShortName) || !lists(p.Aliases) {
			return
		}
	}
	for _, s := range m.Services {
		if !each(s.ID, s.Name, s.ShortName, s.Description) || !lists(s.Aliases) {
			return
		}
	}
	for _, v := range m.Variants {
		if !each(v.ID, v.Name, v.Description) || !lists(v.Aliases) {
			return
		}
	}
	for _, it := range m.Items {
		if !each(it.ID, it.Name, it.Description) || !lists(it.Aliases) {
			return
		}
	}
	for _, c := range m.Cells {
		for _, f := range cellFields(c) {
			if !each(f.text) {
				return
			}
		}
	}
	for _, d := range m.Defaults {
		for _, f := range defaultFields(d) {
			if !each(f.text) {
				return
			}
		}
	}
	for _, t := range m.Traps {
		if !each(t.Title, t.Belief, t.Truth) {
			return
		}
	}
	for _, f := range m.FAQs {
		if !each(f.Question, f.Answer) {
			return
		}
	}
	for _, c := range m.Controls {
		if !each(c.Name, c.Description) || !lists(c.ProviderDoes, c.CustomerDoes) {
			return
		}
	}
}

// UnnamedRareWord returns the rarest word of a query when it is no word
// of any service, variant or item name: in "cloudhsm backups", "cloudhsm",
// which the model mentions in passing but holds no service for.
func (m *Model) UnnamedRareWord(query string) string {
	q := searchWords(query)
	if len(q) == 0 {
		return ""
	}
	weights := m.wordWeights(q)
	rare := 0
	for i := range q {
		if weights[i] > weights[rare] {
			rare = i
		}
	}
	named := false
	check := func(names ...string) {
		for _, n := range names {
			for _, w := range searchWords(n) {
				if wordsMatch(q[rare], w) {
					named = true
				}
			}
		}
	}
	for _, s := range m.Services {
		check(append([]string{s.ID, s.Name, s.ShortName}, s.Aliases...)...)
	}
	for _, v := range m.Variants {
		check(append([]string{v.ID, v.Name}, v.Aliases...)...)
	}
	for _, it := range m.Items {
		check(append([]string{it.ID, it.Name}, it.Aliases...)...)
	}
	if named {
		return ""
	}
	return q[rare]
}
