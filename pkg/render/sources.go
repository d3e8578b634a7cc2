package render

import (
	"fmt"
	"strings"

	"srm/pkg/model"
)

type sourceUseJSON struct {
	URL     string        `json:"url" doc:"The page's address."`
	Title   string        `json:"title" doc:"Title shown to people."`
	Checked string        `json:"checked" doc:"The date the page was last read, YYYY-MM-DD, or \"\" when unknown."`
	Cells   []cellRefJSON `json:"cells" doc:"The cells."`
	// Frameworks came after the cells: a page may publish a framework's
	// controls rather than back a cell.
	Frameworks []string `json:"frameworks" doc:"Ids of the compliance frameworks whose controls the page publishes."`
}

type cellRefJSON struct {
	Service string `json:"service" doc:"Service id."`
	Variant string `json:"variant" doc:"Variant id, or \"\" for the service's default deployment."`
	Item    string `json:"item" doc:"Item id."`
}

// SourcesView is srm sources: documentation pages with the cells that
// cite them.
type SourcesView struct {
	Header
	Sources []sourceUseJSON `json:"sources" doc:"The pages, each with the cells that cite it."`

	uses []*model.SourceUse
}

// NewSourcesView builds srm sources' view.
func NewSourcesView(p *model.Provider, uses []*model.SourceUse) *SourcesView {
	v := &SourcesView{Header: NewHeader(p.ID), Sources: []sourceUseJSON{}, uses: uses}
	for _, u := range uses {
		sj := sourceUseJSON{URL: u.URL, Title: u.Title, Checked: u.Checked.String(), Cells: []cellRefJSON{}, Frameworks: list(u.Frameworks)}
		for _, k := range u.Cells {
			sj.Cells = append(sj.Cells, cellRefJSON{Service: k.Service, Variant: k.Variant, Item: k.Item})
		}
		v.Sources = append(v.Sources, sj)
	}
	return v
}

// citedShown caps the cells a row of the table names.
const citedShown = 3

// Doc is a table of the pages: the address, when it was read, how many
// cells cite it and the first of them.
func (v *SourcesView) Doc() *Doc {
	t := Table{Header: []string{"URL", "Checked", "Cells", "Cited by"}}
	for _, u := range v.uses {
		var names []string
		for _, f := range u.Frameworks {
			names = append(names, "framework "+f)
		}
		for i, k := range u.Cells {
			if i == citedShown {
				names = append(names, fmt.Sprintf("and %d more", len(u.Cells)-citedShown))
				break
			}
			names = append(names, k.String())
		}
		date := u.Checked.String()
		if date == "" {
			date = "never"
		}
		t.Rows = append(t.Rows, []Line{L(T(u.URL)), L(T(date)), L(T(fmt.Sprint(len(u.Cells)))), L(T(strings.Join(names, ", ")))})
	}
	return &Doc{Blocks: []Block{t}}
}

// CSV is one record per page and citing cell, and per page and framework
// it publishes.
func (v *SourcesView) CSV() ([]string, [][]string) {
	var rows [][]string
	for _, u := range v.uses {
		for _, k := range u.Cells {
			rows = append(rows, []string{u.URL, u.Title, u.Checked.String(), k.Service, k.Variant, k.Item, ""})
		}
		for _, f := range u.Frameworks {
			rows = append(rows, []string{u.URL, u.Title, u.Checked.String(), "", "", "", f})
		}
	}
	return []string{"url", "title", "checked", "service", "variant", "item", "framework"}, rows
}
