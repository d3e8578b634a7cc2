package model

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// Question asks who owns one item for one deployment.
type Question struct {
	Target Target
	Item   *Item
	Cell   *Cell
}

// Quiz draws count questions from the cells of the given deployments and
// items, in an order fixed by seed: the same model, filters and seed give
// the same questions. Items that are "n/a" for a deployment make questions
// only when withNA is set.
func (m *Model) Quiz(targets []Target, items []*Item, count int, seed uint64, withNA bool) []Question {
	var pool []Question
	for _, t := range targets {
		for _, it := range items {
			c := m.Cell(t.Service.ID, t.VariantID(), it.ID)
			// A variant's inherited cells repeat the service's question.
			if c == nil || (t.Variant != nil && c.Variant == "") {
				continue
			}
			// "Who owns database engine patching for Lambda?" teaches
			// little; the exam asks about what exists.
			if c.Owner == OwnerNotApplicable && !withNA {
				continue
			}
			pool = append(pool, Question{Target: t, Item: it, Cell: c})
		}
	}
	r := rand.New(rand.NewPCG(seed, seed^0x5eed))
	r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	if count < len(pool) {
		pool = pool[:count]
	}
	return pool
}

// ParseAnswer reads a quiz answer: an owner id, a party's name, a first
// letter ("a" for the provider's party when it starts with a, "c", "s",
// "n"), or words such as "both", "none" or "not applicable". It returns ""
// when the answer names no owner.
func (m *Model) ParseAnswer(provider, answer string) string {
	a := normalize(answer)
	if a == "" {
		return ""
	}
	owners := m.Owners(provider)
	for _, o := range owners {
		if a == normalize(o) {
			return o
		}
		if p := m.Party(o); p != nil && a == normalize(p.Name) {
			return o
		}
	}
	switch a {
	case "both", "shared", "joint":
		return OwnerShared
	case "n", "na", "n a", "none", "nobody", "not applicable", "neither":
		return OwnerNotApplicable
	case "provider", "cloud", "cloud provider":
		if p := m.Provider(provider); p != nil {
			return p.Party
		}
	case "me", "us", "we", "you", "client":
		return "customer"
	}
	if len(a) == 1 {
		var match []string
		for _, o := range owners {
			if strings.HasPrefix(o, a) {
				match = append(match, o)
			}
		}
		if len(match) == 1 {
			return match[0]
		}
	}
	if slices.Contains(owners, a) {
		return a
	}
	return ""
}
