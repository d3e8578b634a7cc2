package render

import (
	"io"

	"srm/pkg/model"
)

// MissingCell marks an item that does not apply to a service at all (the
// model has no cell), as opposed to an explicit "N/A" cell.
const MissingCell = "—"

// TableOptions control how a text table looks.
type TableOptions struct {
	Style  Style
	Border Border
	Width  int // wrap to this many columns; 0 for no limit
}

// Matrix writes a grid of cells: items down, services across.
func Matrix(w io.Writer, f Format, opt TableOptions, m *model.Model, mx *model.Matrix) error {
	switch f {
	case JSON:
		return writeJSON(w, newMatrixJSON(mx))
	case CSV:
		return matrixCSV(w, mx)
	case HTML:
		return MatrixHTML(w, m, mx)
	case Markdown:
		return writeMarkdown(w, matrixGrid(m, mx, markdownSafe, Style{}))
	default:
		return writeBox(w, matrixGrid(m, mx, Sanitize, opt.Style), opt.Border, opt.Width)
	}
}

func matrixGrid(m *model.Model, mx *model.Matrix, clean func(string) string, st Style) grid {
	g := grid{header: []string{"Item"}}
	acrossClouds := spansProviders(mx.Targets)
	for _, t := range mx.Targets {
		g.header = append(g.header, clean(columnName(m, t, acrossClouds)))
	}
	for i, it := range mx.Items {
		row := []string{clean(rowName(it, mx.Targets))}
		styles := []func(string) string{nil}
		for _, c := range mx.Cells[i] {
			if c == nil {
				row = append(row, MissingCell)
				styles = append(styles, nil)
				continue
			}
			row = append(row, clean(c.Label))
			owner := c.Owner
			styles = append(styles, func(s string) string { return st.Owner(m, owner, s) })
		}
		g.addRow(row, styles)
	}
	return g
}

func newMatrixJSON(mx *model.Matrix) matrixJSON {
	out := matrixJSON{
		SchemaVersion: SchemaVersion,
		Provider:      mx.Provider.ID,
		Title:         mx.Title,
		Columns:       []columnJSON{},
		Rows:          []rowJSON{},
		Cells:         []cellJSON{},
	}
	for _, t := range mx.Targets {
		out.Columns = append(out.Columns, columnJSON{
			Service: t.Service.ID, Variant: t.VariantID(), Name: t.Service.Name,
			ShortName: t.Service.ShortName, Model: t.Service.Model, Provider: t.Service.Provider,
		})
	}
	for i, it := range mx.Items {
		out.Rows = append(out.Rows, rowJSON{ID: it.ID, Name: it.Name, Category: it.Category})
		for j, c := range mx.Cells[i] {
			if c == nil {
				continue
			}
			cj := newCellJSON(c)
			cj.Variant = mx.Targets[j].VariantID()
			out.Cells = append(out.Cells, cj)
		}
	}
	return out
}

var matrixCSVHeader = []string{"provider", "service", "variant", "item", "category", "owner", "label"}

func matrixCSV(w io.Writer, mx *model.Matrix) error {
	var rows [][]string
	for i, it := range mx.Items {
		for j, c := range mx.Cells[i] {
			if c == nil {
				continue
			}
			t := mx.Targets[j]
			rows = append(rows, []string{t.Service.Provider, t.Service.ID, t.VariantID(), it.ID, it.Category, c.Owner, c.Label})
		}
	}
	return writeCSV(w, matrixCSVHeader, rows)
}

// spansProviders reports whether the targets belong to more than one
// provider, when each column names its provider.
func spansProviders(targets []model.Target) bool {
	for _, t := range targets[min(1, len(targets)):] {
		if t.Service.Provider != targets[0].Service.Provider {
			return true
		}
	}
	return false
}

// columnName is a target's column header: its name, and its provider's
// when the table spans clouds.
func columnName(m *model.Model, t model.Target, withProvider bool) string {
	name := TargetName(t)
	if p := m.Provider(t.Service.Provider); withProvider && p != nil {
		name += " · " + p.ShortName
	}
	return name
}

// rowName is an item's name as a table row: in the provider's own terms
// when every column is that provider's.
func rowName(it *model.Item, targets []model.Target) string {
	if len(targets) == 0 || spansProviders(targets) {
		return it.Name
	}
	return it.NameFor(targets[0].Service.Provider)
}
