package render

import (
	"strings"

	"srm/pkg/model"
)

// Style decides how text looks on the terminal. The zero Style is plain.
type Style struct {
	Color bool
}

const (
	ansiReset   = "\x1b[0m"
	ansiBold    = "\x1b[1m"
	ansiDim     = "\x1b[2m"
	ansiBlue    = "\x1b[34m"
	ansiYellow  = "\x1b[33m"
	ansiMagenta = "\x1b[35m"
	ansiCyan    = "\x1b[36m"
	ansiGrey    = "\x1b[90m"
)

// wrap colours text word by word, so that a table that wraps the text
// across lines never carries a colour over a border.
func (s Style) wrap(code, text string) string {
	if !s.Color || text == "" {
		return text
	}
	words := strings.Split(text, " ")
	for i, w := range words {
		if w != "" {
			words[i] = code + w + ansiReset
		}
	}
	return strings.Join(words, " ")
}

// Bold emphasises a heading.
func (s Style) Bold(text string) string { return s.wrap(ansiBold, text) }

// Dim de-emphasises secondary text.
func (s Style) Dim(text string) string { return s.wrap(ansiDim, text) }

// Owner colours text by the kind of owner: blue for the provider, yellow
// for the customer, magenta for shared, cyan for other parties and grey for
// not applicable. Colour is never the only signal: the text names the owner.
func (s Style) Owner(m *model.Model, owner, text string) string {
	return s.wrap(ownerColor(m, owner), text)
}

func ownerColor(m *model.Model, owner string) string {
	switch owner {
	case model.OwnerShared:
		return ansiMagenta
	case model.OwnerNotApplicable:
		return ansiGrey
	}
	if p := m.Party(owner); p != nil {
		switch p.Kind {
		case model.KindProvider:
			return ansiBlue
		case model.KindCustomer:
			return ansiYellow
		}
	}
	return ansiCyan
}
