package render

import (
	"strconv"
	"strings"

	"srm/pkg/model"
)

type comparisonJSON struct {
	ID          string           `json:"id" doc:"Id."`
	Name        string           `json:"name" doc:"Name shown to people."`
	Description string           `json:"description" doc:"One sentence on what it is."`
	Columns     []columnJSON     `json:"columns" doc:"The services and variants across."`
	Rows        []rowJSON        `json:"rows" doc:"The rows, in order."`
	Cells       []cellJSON       `json:"cells" doc:"The cells."`
	Differences []differenceJSON `json:"differences" doc:"The items whose owner kind differs across the group."`
}

type differenceJSON struct {
	Item     string                `json:"item" doc:"Item id."`
	ItemName string                `json:"item_name" doc:"The item's name."`
	Owners   []differenceOwnerJSON `json:"owners" doc:"Each service's side."`
}

// differenceOwnerJSON is one service's side of a difference; owner, role
// and label are "" where the item does not apply to the service.
type differenceOwnerJSON struct {
	Provider string `json:"provider" doc:"Provider id."`
	Service  string `json:"service" doc:"Service id."`
	Variant  string `json:"variant" doc:"Variant id, or \"\" for the service's default deployment."`
	Owner    string `json:"owner" doc:"Owner: a party id, \"shared\" or \"n/a\"."`
	Role     string `json:"role" doc:"The owner's role: provider, customer, shared, n/a or a third party's id."`
	Label    string `json:"label" doc:"Short table text, naming the owner."`
}

// CompareView is srm compare: each group of equivalent services side by
// side, then the items where they differ.
type CompareView struct {
	Header
	Service string           `json:"service" doc:"The service compared."`
	Variant string           `json:"variant" doc:"Its variant, or \"\"."`
	Groups  []comparisonJSON `json:"groups" doc:"One entry per group of equivalent services the service belongs to."`

	m  *model.Model
	cs []*model.Comparison
}

// NewCompareView builds srm compare's view.
func NewCompareView(m *model.Model, p *model.Provider, t model.Target, cs []*model.Comparison) *CompareView {
	v := &CompareView{Header: NewHeader(p.ID), Service: t.Service.ID, Variant: t.VariantID(), Groups: []comparisonJSON{}, m: m, cs: cs}
	for _, c := range cs {
		mv := NewMatrixView(m, c.Matrix)
		cj := comparisonJSON{ID: c.Group.ID, Name: c.Group.Name, Description: c.Group.Description,
			Columns: mv.Columns, Rows: mv.Rows, Cells: mv.Cells, Differences: []differenceJSON{}}
		for _, d := range c.Differences {
			dj := differenceJSON{Item: d.Item.ID, ItemName: d.Item.Name, Owners: []differenceOwnerJSON{}}
			for j, cell := range d.Cells {
				tg := c.Matrix.Targets[j]
				o := differenceOwnerJSON{Provider: tg.Service.Provider, Service: tg.Service.ID, Variant: tg.VariantID()}
				if cell != nil {
					o.Owner, o.Role, o.Label = cell.Owner, m.Role(cell.Owner), cell.Label
				}
				dj.Owners = append(dj.Owners, o)
			}
			cj.Differences = append(cj.Differences, dj)
		}
		v.Groups = append(v.Groups, cj)
	}
	return v
}

// Doc writes each group: its services, its description, the grid and the
// differences.
func (v *CompareView) Doc() *Doc {
	m := v.m
	d := &Doc{}
	for _, c := range v.cs {
		var names []string
		for _, tg := range c.Matrix.Targets {
			name := TargetName(tg)
			if p := m.Provider(tg.Service.Provider); p != nil {
				name += " (" + p.ShortName + ")"
			}
			names = append(names, name)
		}
		d.Add(Section{Heading: L(T(c.Group.Name)), Blocks: []Block{Para{L(T(strings.Join(names, ", ")))}, Para{L(T(c.Group.Description))}}})
		d.Add(matrixTable(m, c.Matrix))
		var diffs []Block
		if len(c.Differences) == 0 {
			diffs = append(diffs, Para{L(T("Nowhere: every item has the same kind of owner on each of these services."))})
		} else {
			var lines []Line
			for _, df := range c.Differences {
				line := L(T(df.Item.NameFor(namesProvider(c.Matrix.Targets)) + " — "))
				for j, cell := range df.Cells {
					if j > 0 {
						line = append(line, T("; "))
					}
					name := TargetName(c.Matrix.Targets[j])
					if cell == nil {
						line = append(line, T(name+": does not apply"))
						continue
					}
					line = append(line, T(name+": "), Toned(T(cell.Label), ownerTone(m, cell.Owner)))
				}
				lines = append(lines, line)
			}
			diffs = append(diffs, Bullets(lines...))
		}
		d.Add(Section{Heading: L(T("Where the clouds differ")), Blocks: diffs})
	}
	return d
}

// CSV is one record per cell of every group, with whether the item
// differs across the group.
func (v *CompareView) CSV() ([]string, [][]string) {
	var rows [][]string
	for _, c := range v.cs {
		differs := map[string]bool{}
		for _, d := range c.Differences {
			differs[d.Item.ID] = true
		}
		for i, it := range c.Matrix.Items {
			for j, cell := range c.Matrix.Cells[i] {
				if cell == nil {
					continue
				}
				tg := c.Matrix.Targets[j]
				rows = append(rows, []string{c.Group.ID, tg.Service.Provider, tg.Service.ID, tg.VariantID(), it.ID, it.Category, cell.Owner, cell.Label, strconv.FormatBool(differs[it.ID])})
			}
		}
	}
	return []string{"group", "provider", "service", "variant", "item", "category", "owner", "label", "differs"}, rows
}
