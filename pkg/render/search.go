package render

import (
	"fmt"
	"strings"

	"srm/pkg/model"
)

type hitJSON struct {
	Kind    string  `json:"kind" doc:"What kind of entry it is: \"cell\", \"service\", \"item\", \"trap\", \"faq\", \"default\" (a provider's answer for an item on all its services) or \"control\"."`
	Score   float64 `json:"score" doc:"How well it matches; higher is better."`
	Service string  `json:"service" doc:"Service id."`
	Variant string  `json:"variant" doc:"Variant id, or \"\" for the service's default deployment."`
	Item    string  `json:"item" doc:"Item id."`
	ID      string  `json:"id" doc:"Id."`
	Title   string  `json:"title" doc:"Title shown to people."`
	Owner   string  `json:"owner" doc:"Owner: a party id, \"shared\" or \"n/a\"."`
	Label   string  `json:"label" doc:"Short table text, naming the owner."`
	Text    string  `json:"text" doc:"The result's text."`

	MatchedField string `json:"matched_field" doc:"For a result found by its text, the field that holds the most of the query's words, such as \"customer_does\" or \"caveats\"; \"\" for a result found by its name."`
	MatchedParty string `json:"matched_party" doc:"When matched_field is \"party_does\", the party's id."`
	MatchedText  string `json:"matched_text" doc:"The piece of that field that matched: one sentence or list entry."`
}

func newHitJSON(m *model.Model, h model.Hit) hitJSON {
	j := hitJSON{Kind: h.Kind, Score: h.Score, MatchedField: h.Match.Field, MatchedParty: h.Match.Party, MatchedText: h.Match.Text}
	switch h.Kind {
	case model.HitCell:
		j.Service, j.Variant, j.Item = h.Target.Service.ID, h.Target.VariantID(), h.Item.ID
		j.ID = h.Target.ID() + "/" + h.Item.ID
		j.Title = TargetName(h.Target) + " · " + h.Item.Name
		j.Owner, j.Label, j.Text = h.Cell.Owner, h.Cell.Label, h.Cell.Summary
	case model.HitService:
		j.Service, j.Variant, j.ID = h.Target.Service.ID, h.Target.VariantID(), h.Target.ID()
		j.Title, j.Text = h.Target.Service.Name, h.Target.Service.Description
		if h.Target.Variant != nil {
			j.Title, j.Text = h.Target.Variant.Name, h.Target.Variant.Description
		}
	case model.HitItem:
		j.Item, j.ID, j.Title, j.Text = h.Item.ID, h.Item.ID, h.Item.Name, h.Item.Description
	case model.HitTrap:
		j.ID, j.Title, j.Text = h.Trap.ID, h.Trap.Title, h.Trap.Truth
	case model.HitFAQ:
		j.ID, j.Title, j.Text = h.FAQ.ID, h.FAQ.Question, h.FAQ.Answer
	case model.HitDefault:
		d := h.Default
		j.Item, j.ID = d.Item, d.Provider+"/"+d.Item
		j.Title = "Every " + providerShortName(m, d.Provider) + " service · " + h.Item.Name
		j.Owner, j.Label, j.Text = d.Owner, d.Label, d.Summary
	case model.HitControl:
		c := h.Control
		j.ID, j.Title, j.Text = c.ID, c.Name, c.Description
		j.Owner, j.Label = controlOwner(c), controlLabel(m, c)
	}
	return j
}

// controlOwner says who a control falls to in the words cells use: the
// provider for one the customer inherits, "shared", or the customer.
func controlOwner(c *model.Control) string {
	switch c.Kind {
	case model.ControlInherited:
		return c.Provider
	case model.ControlShared:
		return model.OwnerShared
	}
	return model.KindCustomer
}

func controlLabel(m *model.Model, c *model.Control) string {
	switch c.Kind {
	case model.ControlInherited:
		return "Inherited from " + providerShortName(m, c.Provider)
	case model.ControlShared:
		return "Shared"
	}
	return "Customer-specific"
}

func providerShortName(m *model.Model, id string) string {
	if p := m.Provider(id); p != nil {
		return p.ShortName
	}
	return id
}

// matchedFieldName names the field a text match was found in, as people
// read it.
func matchedFieldName(m *model.Model, provider string, r hitJSON) string {
	switch r.MatchedField {
	case model.FieldProviderDoes:
		return providerShortName(m, provider) + " does"
	case model.FieldCustomerDoes:
		return "Customer does"
	case model.FieldPartyDoes:
		if p := m.Party(r.MatchedParty); p != nil {
			return p.Name + " does"
		}
		return r.MatchedParty + " does"
	case model.FieldCaveats:
		return "Caveat"
	case model.FieldBelief:
		return "The belief"
	}
	return strings.ToUpper(r.MatchedField[:1]) + strings.ReplaceAll(r.MatchedField[1:], "_", " ")
}

// SearchView is srm search: ranked results for a question.
type SearchView struct {
	Header
	Query   string    `json:"query" doc:"The question as typed."`
	Results []hitJSON `json:"results" doc:"The results, best first."`

	m *model.Model
}

// NewSearchView builds srm search's view.
func NewSearchView(m *model.Model, p *model.Provider, query string, hits []model.Hit) *SearchView {
	v := &SearchView{Header: NewHeader(p.ID), Query: query, Results: []hitJSON{}, m: m}
	for _, h := range hits {
		v.Results = append(v.Results, newHitJSON(m, h))
	}
	return v
}

// Doc numbers the results: each title with its id, then its text.
func (v *SearchView) Doc() *Doc {
	l := List{Numbered: true}
	for _, r := range v.Results {
		line := L(B(r.Title))
		if r.Label != "" {
			line = append(line, T(": "), Toned(T(r.Label), ownerTone(v.m, r.Owner)))
		}
		line = append(line, D("  ["+r.Kind+" "+r.ID+"]"))
		item := ListItem{Line: line}
		if r.Text != "" {
			item.Blocks = []Block{Para{L(T(r.Text))}}
		}
		// Say where the words were when the text shown does not hold them.
		if r.MatchedText != "" && r.MatchedText != r.Text && r.MatchedText != r.Title && r.MatchedText != r.Label {
			item.Blocks = append(item.Blocks, Para{L(D(matchedFieldName(v.m, v.Provider, r)+": "), T(r.MatchedText))})
		}
		l.Items = append(l.Items, item)
	}
	return &Doc{Blocks: []Block{l}}
}

// CSV is one record per result.
func (v *SearchView) CSV() ([]string, [][]string) {
	var out [][]string
	for _, r := range v.Results {
		out = append(out, []string{r.Kind, fmt.Sprintf("%.2f", r.Score), r.ID, r.Owner, r.Label, r.Title, r.MatchedField, r.MatchedText})
	}
	return []string{"kind", "score", "id", "owner", "label", "title", "matched_field", "matched_text"}, out
}
