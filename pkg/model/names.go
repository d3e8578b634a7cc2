package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalize folds a name for matching: case-insensitive, and any run of
// spaces or punctuation counts as one separator, so "Guest OS patching",
// "guest-os-patching" and "GUEST_OS  patching" are the same name.
func normalize(s string) string {
	if isNormal(s) {
		return s // many ids already are, and need no copy
	}
	if b, ok := normalizeASCII(s); ok {
		return b
	}
	return normalizeRunes(s)
}

// normalizeRunes is normalize for any text, and its definition: the fast
// paths above must agree with it (FuzzNormalize checks).
func normalizeRunes(s string) string {
	var b strings.Builder
	pendingSpace := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if pendingSpace && b.Len() > 0 {
				b.WriteByte(' ')
			}
			pendingSpace = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		pendingSpace = true
	}
	return b.String()
}

// isNormal reports whether normalize would return s as it is: lower-case
// ASCII letters and digits in words parted by single spaces.
func isNormal(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == ' ' && i > 0 && i < len(s)-1 && s[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}

// normalizeASCII is normalize for ASCII text, which most names are,
// without decoding runes; ok is false when s is not all ASCII.
func normalizeASCII(s string) (string, bool) {
	b := make([]byte, 0, len(s))
	pendingSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return "", false
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		default:
			pendingSpace = true
			continue
		}
		if pendingSpace && len(b) > 0 {
			b = append(b, ' ')
		}
		pendingSpace = false
		b = append(b, c)
	}
	return string(b), true
}

// NameError is an unknown or ambiguous name of a service, item, provider or
// variant. The command line maps it to exit code 3.
type NameError struct {
	Kind       string   // "service", "item", "provider", "variant"
	Name       string   // what the user typed
	Scope      string   // optional, such as `of service "lambda"`
	Candidates []string // closest canonical ids, best first
	Ambiguous  bool     // the name matches several entries equally well
	Known      []string // every valid id, used when nothing is close
	// ListWith is the command that lists the valid names, where it is not
	// "srm <kind>s".
	ListWith string
}

func (e *NameError) Error() string {
	name := strconv.Quote(shorten(e.Name, maxEchoedName))
	if e.Scope != "" {
		name += " " + e.Scope
	}
	if e.Ambiguous {
		return fmt.Sprintf("ambiguous %s name %s: it matches %s", e.Kind, name, orList(e.Candidates))
	}
	msg := fmt.Sprintf("unknown %s %s", e.Kind, name)
	switch {
	case len(e.Candidates) > 0:
		return msg + " (did you mean " + orList(e.Candidates) + "?)"
	case e.Kind == "service":
		// Nothing is close: say plainly that the model does not hold it,
		// rather than offer a service that merely shares letters.
		msg += ": not in the model"
		if len(e.Known) > 0 && len(e.Known) <= 12 {
			return msg + " (valid: " + strings.Join(e.Known, ", ") + ")"
		}
		return msg + " (run 'srm services' to list them)"
	case e.ListWith != "":
		// A control srm maps no item to may well exist in the framework:
		// say what srm holds rather than that the name is wrong.
		return msg + ": srm maps no item to it (run '" + e.ListWith + "' to list the controls it maps)"
	case len(e.Known) == 0:
		return msg + " (there are none)"
	case len(e.Known) <= 12:
		return msg + " (valid: " + strings.Join(e.Known, ", ") + ")"
	default:
		return msg + " (run 'srm " + e.Kind + "s' to list them)"
	}
}

// maxEchoedName is how much of an unknown name an error repeats: enough
// to recognise it, and a pasted megabyte stays off the terminal.
const maxEchoedName = 60

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func orList(ids []string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = strconv.Quote(id)
	}
	switch len(q) {
	case 0:
		return ""
	case 1:
		return q[0]
	case 2:
		return q[0] + " or " + q[1]
	default:
		return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
	}
}

// nameIndex resolves the names of one kind of entry: ids, display names,
// short names and aliases, all normalized.
type nameIndex struct {
	kind  string
	scope string
	ids   []string
	byKey map[string]string
	keys  []nameKey
}

type nameKey struct{ key, id string }

func newNameIndex(kind, scope string) *nameIndex {
	return &nameIndex{kind: kind, scope: scope, byKey: map[string]string{}}
}

// add registers names for id. It returns the first name that another entry
// already uses, and that entry's id.
func (ix *nameIndex) add(id string, names ...string) (clash, other string) {
	ix.ids = append(ix.ids, id)
	for _, n := range append([]string{id}, names...) {
		k := normalize(n)
		if k == "" {
			continue
		}
		if prev, ok := ix.byKey[k]; ok {
			if prev != id && clash == "" {
				clash, other = n, prev
			}
			continue
		}
		ix.byKey[k] = id
		ix.keys = append(ix.keys, nameKey{k, id})
	}
	return clash, other
}

func (ix *nameIndex) resolve(name string) (string, error) {
	// A name with an invisible character in it is not what it looks
	// like: normalizing would drop the character and answer for the
	// visible part, which is a guess srm never makes.
	for _, r := range name {
		if isUnsafeText(r) {
			return "", &InvisibleCharError{Kind: ix.kind, Name: name, Rune: r}
		}
	}
	k := normalize(name)
	if id, ok := ix.byKey[k]; ok && k != "" {
		return id, nil
	}
	err := &NameError{Kind: ix.kind, Name: name, Scope: ix.scope, Known: ix.ids}
	if partial := ix.partialMatches(k); len(partial) > 1 {
		err.Candidates, err.Ambiguous = partial, true
		if len(err.Candidates) > 6 {
			err.Candidates = err.Candidates[:6]
		}
		return "", err
	} else if len(partial) == 1 {
		// Every word typed starts a word of one entry's names, and of no
		// other's: "db engine", "network ACL", "aurora postgres". Two
		// words or more make that a name, not a guess; one word, such as
		// "azur", may be a typo of something else, and is only suggested.
		if len(strings.Fields(k)) > 1 {
			return partial[0], nil
		}
		err.Candidates = partial
		return "", err
	}
	err.Candidates = ix.closest(k, 3)
	return "", err
}

// partialMatches returns the entries where every word of the query starts
// a word of one of the entry's names, such as "encryption" for both
// encryption items. srm lists them rather than guessing.
func (ix *nameIndex) partialMatches(query string) []string {
	words := strings.Fields(query)
	if len(words) == 0 {
		return nil
	}
	var ids []string
	for _, nk := range ix.keys {
		if slices.Contains(ids, nk.id) {
			continue
		}
		keyWords := strings.Fields(nk.key)
		all := true
		for _, w := range words {
			if !slices.ContainsFunc(keyWords, func(kw string) bool { return strings.HasPrefix(kw, w) }) {
				all = false
				break
			}
		}
		if all {
			ids = append(ids, nk.id)
		}
	}
	return ids
}

// shortName is the length up to which a name is an acronym, such as "ecr"
// or "efs": one letter changed makes another service, so only a typo that
// cannot be a different acronym is suggested.
const shortName = 4

// shortTypo reports whether two short names differ only as a typo does:
// two neighbouring characters swapped, or one digit for another ("ec3").
func shortTypo(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	var diff []int
	for i := range ra {
		if ra[i] != rb[i] {
			diff = append(diff, i)
		}
	}
	switch len(diff) {
	case 1:
		i := diff[0]
		return unicode.IsDigit(ra[i]) && unicode.IsDigit(rb[i])
	case 2:
		i, j := diff[0], diff[1]
		return j == i+1 && ra[i] == rb[j] && ra[j] == rb[i]
	}
	return false
}

// closest returns up to n ids whose names are within a small edit distance
// of the query, nearest first. A short query gets a suggestion only for a
// typo shortTypo allows or one missing or extra letter ("ownr", "ecrs"):
// one changed letter turns one acronym into another.
func (ix *nameIndex) closest(query string, n int) []string {
	if query == "" || len(query) > maxSuggestLen {
		return nil
	}
	limit := max(1, min(3, len([]rune(query))/3))
	short := len([]rune(query)) <= shortName
	best := map[string]int{}
	for _, nk := range ix.keys {
		d := levenshtein(query, nk.key)
		if short && !shortTypo(query, nk.key) && !(d == 1 && len(query) != len(nk.key)) || !short && d > limit {
			continue
		}
		if prev, ok := best[nk.id]; !ok || d < prev {
			best[nk.id] = d
		}
	}
	ids := make([]string, 0, len(best))
	for _, id := range ix.ids {
		if _, ok := best[id]; ok {
			ids = append(ids, id)
		}
	}
	slices.SortStableFunc(ids, func(a, b string) int { return best[a] - best[b] })
	if len(ids) > n {
		ids = ids[:n]
	}
	return ids
}

// closest returns the candidate name most likely meant: the only one that
// the name is a partial match for, else the nearest by edit distance if it
// is close enough to be a typo.
func closest(name string, candidates []string) string {
	ix := newNameIndex("", "")
	for _, c := range candidates {
		ix.add(c)
	}
	if ids := ix.partialMatches(normalize(name)); len(ids) == 1 {
		return ids[0]
	}
	if ids := ix.closest(normalize(name), 1); len(ids) > 0 {
		return ids[0]
	}
	return ""
}

// maxSuggestLen bounds the work of suggesting names for very long input.
const maxSuggestLen = 128

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func quoteID(id string) string { return strconv.Quote(id) }

// InvisibleCharError is a name with a control, bidi or zero-width
// character in it.
type InvisibleCharError struct {
	Kind string
	Name string
	Rune rune
}

func (e *InvisibleCharError) Error() string {
	// %q shows the character as an escape, such as \u202e.
	return fmt.Sprintf("%s name %q holds the invisible character %U: type the name without it", e.Kind, e.Name, e.Rune)
}

// ErrorClass marks a name with an invisible character as an unknown name.
func (e *InvisibleCharError) ErrorClass() string { return ClassName }
