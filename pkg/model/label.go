package model

import (
	"regexp"
	"strings"
)

// OwnerFromLabel applies srm's rule for labels to a cell's label and
// returns the owner it implies, or "" when the label names no party: a
// label naming one party is that party's; one naming several, or saying
// "Shared", is "shared"; "N/A" is "n/a". A model is consistent when every
// cell's owner matches the owner its label implies.
func (m *Model) OwnerFromLabel(provider, label string) string {
	if strings.HasPrefix(strings.ToUpper(strings.TrimSpace(label)), "N/A") {
		return OwnerNotApplicable
	}
	if containsWord(label, "shared") {
		return OwnerShared
	}
	var named []string
	for _, p := range m.Parties {
		if p.Kind == KindProvider && p.Provider != provider {
			continue
		}
		if containsWord(label, p.Name) {
			named = append(named, p.ID)
		}
	}
	switch len(named) {
	case 0:
		return ""
	case 1:
		return named[0]
	default:
		return OwnerShared
	}
}

func containsWord(text, word string) bool {
	re, err := regexp.Compile(`(?i)(^|[^\pL\pN])` + regexp.QuoteMeta(word) + `($|[^\pL\pN])`)
	return err == nil && re.MatchString(text)
}
