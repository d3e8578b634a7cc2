package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"srm/pkg/model"
)

type compareJSON struct {
	SchemaVersion int              `json:"schema_version"`
	Provider      string           `json:"provider"`
	Service       string           `json:"service"`
	Variant       string           `json:"variant"`
	Groups        []comparisonJSON `json:"groups"`
}

type comparisonJSON struct {
	ID          string           `json:"id"`
	Name        string           `json:"name"`
	Description string           `json:"description"`
	Columns     []columnJSON     `json:"columns"`
	Rows        []rowJSON        `json:"rows"`
	Cells       []cellJSON       `json:"cells"`
	Differences []differenceJSON `json:"differences"`
}

type differenceJSON struct {
	Item     string                `json:"item"`
	ItemName string                `json:"item_name"`
	Owners   []differenceOwnerJSON `json:"owners"`
}

// differenceOwnerJSON is one service's side of a difference; owner, role
// and label are "" where the item does not apply to the service.
type differenceOwnerJSON struct {
	Provider string `json:"provider"`
	Service  string `json:"service"`
	Variant  string `json:"variant"`
	Owner    string `json:"owner"`
	Role     string `json:"role"`
	Label    string `json:"label"`
}

// Compare writes each group of equivalent services side by side, then the
// items where they differ.
func Compare(w io.Writer, f Format, opt TableOptions, m *model.Model, p *model.Provider, t model.Target, cs []*model.Comparison) error {
	switch f {
	case JSON:
		out := compareJSON{SchemaVersion: SchemaVersion, Provider: p.ID, Service: t.Service.ID, Variant: t.VariantID(), Groups: []comparisonJSON{}}
		for _, c := range cs {
			mj := newMatrixJSON(c.Matrix)
			cj := comparisonJSON{ID: c.Group.ID, Name: c.Group.Name, Description: c.Group.Description,
				Columns: mj.Columns, Rows: mj.Rows, Cells: mj.Cells, Differences: []differenceJSON{}}
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
			out.Groups = append(out.Groups, cj)
		}
		return writeJSON(w, out)
	case CSV:
		var rows [][]string
		for _, c := range cs {
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
		return writeCSV(w, []string{"group", "provider", "service", "variant", "item", "category", "owner", "label", "differs"}, rows)
	}
	md := f == Markdown
	st, clean := opt.Style, Sanitize
	if md {
		st, clean = Style{}, markdownSafe
	}
	width := paragraphWidth(opt.Width)
	for i, c := range cs {
		var b strings.Builder
		if i > 0 {
			b.WriteString("\n")
		}
		var names []string
		for _, tg := range c.Matrix.Targets {
			name := TargetName(tg)
			if p := m.Provider(tg.Service.Provider); p != nil {
				name += " (" + p.ShortName + ")"
			}
			names = append(names, name)
		}
		if md {
			fmt.Fprintf(&b, "## %s\n\n%s\n\n%s\n\n", clean(c.Group.Name), clean(strings.Join(names, ", ")), clean(c.Group.Description))
		} else {
			fmt.Fprintf(&b, "%s\n%s%s\n", st.Bold(clean(c.Group.Name)), wrap(clean(strings.Join(names, ", ")), width, "  "), wrap(clean(c.Group.Description), width, "  "))
		}
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
		if err := Matrix(w, f, opt, m, c.Matrix); err != nil {
			return err
		}
		if _, err := io.WriteString(w, differencesText(m, c, md, st, clean, width)); err != nil {
			return err
		}
	}
	return nil
}

// differencesText lists the items where the clouds draw the line
// differently, each with every service's answer.
func differencesText(m *model.Model, c *model.Comparison, md bool, st Style, clean func(string) string, width int) string {
	var b strings.Builder
	title := "Where the clouds differ"
	if md {
		fmt.Fprintf(&b, "\n**%s**\n\n", title)
	} else {
		fmt.Fprintf(&b, "\n%s\n", st.Bold(title))
	}
	if len(c.Differences) == 0 {
		line := "Nowhere: every item has the same kind of owner on each of these services."
		if md {
			fmt.Fprintf(&b, "%s\n", line)
		} else {
			b.WriteString(wrap(line, width, "  "))
		}
		return b.String()
	}
	for _, d := range c.Differences {
		var parts []string
		for j, cell := range d.Cells {
			name := TargetName(c.Matrix.Targets[j])
			if cell == nil {
				parts = append(parts, name+": does not apply")
				continue
			}
			parts = append(parts, name+": "+st.Owner(m, cell.Owner, clean(cell.Label)))
		}
		line := clean(d.Item.Name) + " — " + strings.Join(parts, "; ")
		if md {
			fmt.Fprintf(&b, "- %s\n", line)
		} else {
			b.WriteString(hang(line, width, "  - ", "    "))
		}
	}
	return b.String()
}
