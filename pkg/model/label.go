package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
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

// containsWord reports whether text holds word, ignoring case, with no
// letter or digit right before or after it.
func containsWord(text, word string) bool {
	text, word = strings.ToLower(text), strings.ToLower(word)
	if word == "" {
		return false
	}
	for from := 0; ; {
		i := strings.Index(text[from:], word)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(word)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if !wordRune(before) && !wordRune(after) {
			return true
		}
		from = start + 1
	}
}

func wordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
