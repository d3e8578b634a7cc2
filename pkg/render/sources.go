package render

import (
	"fmt"
	"io"

	"srm/pkg/model"
)

type sourceUseJSON struct {
	URL     string        `json:"url"`
	Title   string        `json:"title"`
	Checked string        `json:"checked"`
	Cells   []cellRefJSON `json:"cells"`
}

type cellRefJSON struct {
	Service string `json:"service"`
	Variant string `json:"variant"`
	Item    string `json:"item"`
}

type sourcesJSONDoc struct {
	SchemaVersion int             `json:"schema_version"`
	Provider      string          `json:"provider"`
	Sources       []sourceUseJSON `json:"sources"`
}

// Sources lists documentation pages with the cells that cite them.
func Sources(w io.Writer, f Format, opt TableOptions, p *model.Provider, uses []*model.SourceUse) error {
	checked := func(u *model.SourceUse) string {
		return u.Checked.String()
	}
	switch f {
	case JSON:
		out := sourcesJSONDoc{SchemaVersion: SchemaVersion, Provider: p.ID, Sources: []sourceUseJSON{}}
		for _, u := range uses {
			sj := sourceUseJSON{URL: u.URL, Title: u.Title, Checked: checked(u), Cells: []cellRefJSON{}}
			for _, k := range u.Cells {
				sj.Cells = append(sj.Cells, cellRefJSON{Service: k.Service, Variant: k.Variant, Item: k.Item})
			}
			out.Sources = append(out.Sources, sj)
		}
		return writeJSON(w, out)
	case CSV:
		var rows [][]string
		for _, u := range uses {
			for _, k := range u.Cells {
				rows = append(rows, []string{u.URL, u.Title, checked(u), k.Service, k.Variant, k.Item})
			}
		}
		return writeCSV(w, []string{"url", "title", "checked", "service", "variant", "item"}, rows)
	}
	clean := Sanitize
	if f == Markdown {
		clean = markdownSafe
	}
	g := grid{header: []string{"URL", "Checked", "Cells"}}
	for _, u := range uses {
		cells := fmt.Sprintf("%d", len(u.Cells))
		if len(u.Cells) <= 3 {
			cells = ""
			for i, k := range u.Cells {
				if i > 0 {
					cells += ", "
				}
				cells += k.String()
			}
		}
		date := checked(u)
		if date == "" {
			date = "never"
		}
		g.rows = append(g.rows, []string{clean(u.URL), date, clean(cells)})
	}
	if f == Markdown {
		return writeMarkdown(w, g)
	}
	return writeBox(w, g, opt.Border, opt.Width)
}
