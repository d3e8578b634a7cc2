package model

import (
	"math"
	"slices"
	"strings"
)

// Hit is one search result.
type Hit struct {
	Kind    string // one of the Hit kinds
	Score   float64
	Target  Target // for cells and services
	Item    *Item  // for cells, defaults and items
	Cell    *Cell
	Default *DefaultCell
	Trap    *Trap
	FAQ     *FAQ
	Control *Control
	Snippet string // the text that matched, for text matches
	Match   Match  // where the words were found, for text matches
}

// Hit kinds.
const (
	HitCell    = "cell"
	HitService = "service"
	HitItem    = "item"
	HitTrap    = "trap"
	HitFAQ     = "faq"
	HitDefault = "default" // a provider's answer for an item on all its services
	HitControl = "control"
)

// stopWords carry no meaning in a question such as "who patches the OS on
// EC2?".
var stopWords = map[string]bool{
	"a": true, "an": true, "the": true, "who": true, "what": true, "which": true, "whom": true,
	"is": true, "are": true, "does": true, "do": true, "did": true, "be": true, "should": true,
	"on": true, "in": true, "of": true, "for": true, "to": true, "at": true, "by": true, "with": true,
	"and": true, "or": true, "my": true, "our": true, "i": true, "we": true, "me": true, "it": true, "its": true,
	"responsible": true, "responsibility": true, "owns": true, "own": true, "owner": true,
	"handles": true, "handle": true, "takes": true, "care": true, "about": true, "when": true, "using": true,
}

func searchWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(normalize(s)) {
		if !stopWords[w] && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// wordsMatch treats words with the same stem as equal, so "patches"
// matches "patching" and "encrypt" matches "encryption", but "data" does
// not match "database".
func wordsMatch(a, b string) bool { return wordMatchScore(a, b) > 0 }

// wordMatchScore is 1 for the same word or the same stem, less for a word
// cut short, so that a text using the very word ranks first, and 0 for
// different words.
func wordMatchScore(a, b string) float64 {
	if a == b {
		return 1
	}
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	if n >= 4 && suffixes[a[n:]] && suffixes[b[n:]] {
		return 1
	}
	// A word of six letters or more that starts another, a few letters
	// shorter, is the same word cut short: "postgres" for "postgresql".
	// "cloud" is neither "cloudhsm" nor "cloudfront".
	short, long := a, b
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(short) >= 6 && len(long)-len(short) <= 3 && strings.HasPrefix(long, short) {
		return 0.8
	}
	return 0
}

var suffixes = map[string]bool{"": true, "e": true, "s": true, "es": true, "ed": true, "ing": true, "ion": true, "ions": true, "ation": true, "er": true, "ers": true}

// nameScore says how well a query names an entry: for each of the entry's
// names, the number of its words, counted only when the query contains all
// of them; the best name wins. It also returns the query words that name
// used, so they do not count twice.
func nameScore(query []string, names []string) (float64, []string) {
	best, used := 0.0, []string(nil)
	for _, n := range names {
		words := searchWords(n)
		if len(words) == 0 {
			continue
		}
		var hit []string
		for _, w := range words {
			i := slices.IndexFunc(query, func(q string) bool { return wordsMatch(q, w) })
			if i < 0 {
				hit = nil
				break
			}
			hit = append(hit, query[i])
		}
		if hit != nil && float64(len(words)) > best {
			best, used = float64(len(words)), hit
		}
	}
	return best, used
}

// partScore is the largest share of one name's words that the query
// holds, for names the query does not hold in full.
func partScore(query []string, names []string) float64 {
	best := 0.0
	for _, n := range names {
		words := searchWords(n)
		hit := 0
		for _, w := range words {
			if slices.ContainsFunc(query, func(q string) bool { return wordsMatch(q, w) }) {
				hit++
			}
		}
		if len(words) > 0 && float64(hit)/float64(len(words)) > best {
			best = float64(hit) / float64(len(words))
		}
	}
	return best
}

// without returns the words of query not in used.
func without(query, used []string) []string {
	var out []string
	for _, q := range query {
		if !slices.Contains(used, q) {
			out = append(out, q)
		}
	}
	return out
}

// textScore is the share of the query's words that a text contains, a
// word cut short counting for less than the word itself.
func textScore(query []string, text string) float64 {
	if len(query) == 0 {
		return 0
	}
	words := searchWords(text)
	sum := 0.0
	for _, q := range query {
		best := 0.0
		for _, w := range words {
			if s := wordMatchScore(q, w); s > best {
				if best = s; best == 1 {
					break
				}
			}
		}
		sum += best
	}
	return sum / float64(len(query))
}

// Search ranks what the provider's part of the model has to say about a
// free-text question: cells first when the query names a service and an
// item, then services, items, FAQs, traps and controls, and the cells and
// provider defaults whose text holds the query's words, with the field
// that holds them.
func (m *Model) Search(provider, query string) []Hit {
	q := searchWords(query)
	if len(q) == 0 {
		return nil
	}
	type scored struct {
		target Target
		item   *Item
		score  float64
		used   []string
	}
	var services []scored
	for _, t := range m.Deployments(provider) {
		names := append([]string{t.Service.ID, t.Service.Name, t.Service.ShortName}, t.Service.Aliases...)
		s, used := nameScore(q, names)
		if t.Variant != nil {
			vs, vused := nameScore(q, append([]string{t.Variant.ID, t.Variant.Name}, t.Variant.Aliases...))
			if vs == 0 || s == 0 {
				continue
			}
			s, used = s+vs, append(used, vused...)
		}
		if s > 0 {
			services = append(services, scored{target: t, score: s, used: used})
		}
	}
	itemNames := func(it *Item) []string { return append([]string{it.ID, it.Name}, it.Aliases...) }
	var items []scored
	for _, it := range m.Items {
		if s, _ := nameScore(q, itemNames(it)); s > 0 {
			items = append(items, scored{item: it, score: s})
		}
	}
	var hits []Hit
	for _, sv := range services {
		rest := without(q, sv.used)
		for _, it := range m.Items {
			is, _ := nameScore(rest, itemNames(it))
			if is == 0 {
				// Part of an item's name ("patches" of "database engine
				// patching") still points at the service's cells for it,
				// below the items named in full.
				is = partScore(rest, itemNames(it)) / 2
			}
			if is == 0 {
				continue
			}
			c := m.Cell(sv.target.Service.ID, sv.target.VariantID(), it.ID)
			if c == nil {
				continue
			}
			hits = append(hits, Hit{Kind: HitCell, Score: 10 + sv.score + is, Target: sv.target, Item: it, Cell: c})
		}
		hits = append(hits, Hit{Kind: HitService, Score: 5 + sv.score, Target: sv.target})
	}
	for _, is := range items {
		hits = append(hits, Hit{Kind: HitItem, Score: 4 + is.score, Item: is.item})
	}
	// Text matches for queries that name no service or item, and for
	// traps, FAQs and controls always.
	hits = append(hits, m.textHits(provider, q, len(services) == 0 || len(items) == 0)...)
	hits = m.explaining(q, hits)
	slices.SortStableFunc(hits, func(a, b Hit) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return 0
	})
	return hits
}

// explaining keeps the hits that account for most of the query's weight,
// each word weighted by how rare it is in the model. A hit that matches
// "backups" but not "cloudhsm" in "cloudhsm backups" answers a different
// question: the rare word is the one the user cared about.
func (m *Model) explaining(q []string, hits []Hit) []Hit {
	if len(q) < 2 || len(hits) == 0 {
		return hits
	}
	weights := m.wordWeights(q)
	total := 0.0
	for _, w := range weights {
		total += w
	}
	out := hits[:0]
	for _, h := range hits {
		words := searchWords(m.hitText(h))
		got := 0.0
		for i, qw := range q {
			if slices.ContainsFunc(words, func(w string) bool { return wordsMatch(qw, w) }) {
				got += weights[i]
			}
		}
		if got >= 0.5*total {
			out = append(out, h)
		}
	}
	return out
}

// wordWeights gives each query word its inverse document frequency over
// every text of the model.
func (m *Model) wordWeights(q []string) []float64 {
	df := make([]int, len(q))
	n := 0
	m.eachText(func(text string) bool {
		n++
		lower := strings.ToLower(text)
		var words []string
		for i, qw := range q {
			if !strings.Contains(lower, qw[:min(len(qw), 4)]) {
				continue
			}
			if words == nil {
				words = searchWords(text)
			}
			if slices.ContainsFunc(words, func(w string) bool { return wordsMatch(qw, w) }) {
				df[i]++
			}
		}
		return true
	})
	weights := make([]float64, len(q))
	for i := range q {
		weights[i] = math.Log(float64(n+1) / float64(df[i]+1))
	}
	return weights
}

// hitText is everything a hit shows or is named by.
func (m *Model) hitText(h Hit) string {
	var parts []string
	add := func(s ...string) { parts = append(parts, s...) }
	if h.Target.Service != nil {
		s := h.Target.Service
		add(s.ID, s.Name, s.ShortName, s.Description)
		add(s.Aliases...)
		if v := h.Target.Variant; v != nil {
			add(v.ID, v.Name, v.Description)
			add(v.Aliases...)
		}
	}
	if h.Item != nil {
		add(h.Item.ID, h.Item.Name, h.Item.Description)
		add(h.Item.Aliases...)
	}
	if c := h.Cell; c != nil {
		for _, f := range cellFields(c) {
			add(f.text)
		}
	}
	if d := h.Default; d != nil {
		for _, f := range defaultFields(d) {
			add(f.text)
		}
	}
	if t := h.Trap; t != nil {
		add(t.Title, t.Belief, t.Truth)
	}
	if f := h.FAQ; f != nil {
		add(f.Question, f.Answer)
	}
	if c := h.Control; c != nil {
		for _, f := range controlFields(c) {
			add(f.text)
		}
	}
	return strings.Join(parts, " ")
}
