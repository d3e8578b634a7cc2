package render

import (
	"fmt"
	"io"
	"strings"

	"srm/pkg/model"
)

type hitJSON struct {
	Kind    string  `json:"kind"`
	Score   float64 `json:"score"`
	Service string  `json:"service"`
	Variant string  `json:"variant"`
	Item    string  `json:"item"`
	ID      string  `json:"id"`
	Title   string  `json:"title"`
	Owner   string  `json:"owner"`
	Label   string  `json:"label"`
	Text    string  `json:"text"`
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

// Search writes ranked search results.
func Search(w io.Writer, f Format, opt TableOptions, m *model.Model, p *model.Provider, query string, hits []model.Hit) error {
	rows := make([]hitJSON, len(hits))
	for i, h := range hits {
		rows[i] = newHitJSON(m, h)
	}
	switch f {
	case JSON:
		return writeJSON(w, struct {
			SchemaVersion int       `json:"schema_version"`
			Provider      string    `json:"provider"`
			Query         string    `json:"query"`
			Results       []hitJSON `json:"results"`
		}{SchemaVersion, p.ID, query, append([]hitJSON{}, rows...)})
	case CSV:
		var out [][]string
		for _, r := range rows {
			out = append(out, []string{r.Kind, fmt.Sprintf("%.2f", r.Score), r.ID, r.Owner, r.Label, r.Title})
		}
		return writeCSV(w, []string{"kind", "score", "id", "owner", "label", "title"}, out)
	}
	st := opt.Style
	clean := Sanitize
	if f == Markdown {
		clean, st = markdownSafe, Style{}
	}
	width := paragraphWidth(opt.Width)
	var b strings.Builder
	for i, r := range rows {
		if f == Markdown {
			fmt.Fprintf(&b, "%d. **%s** (%s `%s`)", i+1, clean(r.Title), r.Kind, clean(r.ID))
			if r.Kind == model.HitCell {
				fmt.Fprintf(&b, ": %s", clean(r.Label))
			}
			fmt.Fprintf(&b, "\n")
			continue
		}
		title := st.Bold(clean(fmt.Sprintf("%d. %s", i+1, r.Title)))
		if r.Kind == model.HitCell {
			title += ": " + st.Owner(m, r.Owner, clean(r.Label))
		}
		fmt.Fprintf(&b, "%s  %s\n", title, st.Dim(clean("["+r.Kind+" "+r.ID+"]")))
		if r.Text != "" {
			b.WriteString(wrap(clean(r.Text), width, "   "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
