package render

import (
	"fmt"

	"srm/pkg/model"
)

type hitJSON struct {
	Kind    string  `json:"kind" doc:"What kind of entry it is."`
	Score   float64 `json:"score" doc:"How well it matches; higher is better."`
	Service string  `json:"service" doc:"Service id."`
	Variant string  `json:"variant" doc:"Variant id, or \"\" for the service's default deployment."`
	Item    string  `json:"item" doc:"Item id."`
	ID      string  `json:"id" doc:"Id."`
	Title   string  `json:"title" doc:"Title shown to people."`
	Owner   string  `json:"owner" doc:"Owner: a party id, \"shared\" or \"n/a\"."`
	Label   string  `json:"label" doc:"Short table text, naming the owner."`
	Text    string  `json:"text" doc:"The result's text."`
}

func newHitJSON(m *model.Model, h model.Hit) hitJSON {
	j := hitJSON{Kind: h.Kind, Score: h.Score}
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
	}
	return j
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
		if r.Kind == model.HitCell {
			line = append(line, T(": "), Toned(T(r.Label), ownerTone(v.m, r.Owner)))
		}
		line = append(line, D("  ["+r.Kind+" "+r.ID+"]"))
		item := ListItem{Line: line}
		if r.Text != "" {
			item.Blocks = []Block{Para{L(T(r.Text))}}
		}
		l.Items = append(l.Items, item)
	}
	return &Doc{Blocks: []Block{l}}
}

// CSV is one record per result.
func (v *SearchView) CSV() ([]string, [][]string) {
	var out [][]string
	for _, r := range v.Results {
		out = append(out, []string{r.Kind, fmt.Sprintf("%.2f", r.Score), r.ID, r.Owner, r.Label, r.Title})
	}
	return []string{"kind", "score", "id", "owner", "label", "title"}, out
}
