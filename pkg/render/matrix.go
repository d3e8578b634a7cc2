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

// MatrixView is srm table: a grid of cells, items down and services
// across.
type MatrixView struct {
	Header
	Title   string       `json:"title" doc:"The table's title: a shipped table's, or \"\" for one picked with flags."`
	Columns []columnJSON `json:"columns" doc:"The services and variants across, in order."`
	Rows    []rowJSON    `json:"rows" doc:"The items down, in order."`
	Cells   []cellJSON   `json:"cells" doc:"One entry per column and row that has a cell; a missing pair does not apply at all."`

	m  *model.Model
	mx *model.Matrix
}

// NewMatrixView builds srm table's view.
func NewMatrixView(m *model.Model, mx *model.Matrix) *MatrixView {
	v := &MatrixView{Header: NewHeader(mx.Provider.ID), Title: mx.Title, Columns: []columnJSON{}, Rows: []rowJSON{}, Cells: []cellJSON{}, m: m, mx: mx}
	for _, t := range mx.Targets {
		v.Columns = append(v.Columns, columnJSON{
			Service: t.Service.ID, Variant: t.VariantID(), Name: t.Service.Name,
			ShortName: t.Service.ShortName, Model: t.Service.Model, Provider: t.Service.Provider,
		})
	}
	for i, it := range mx.Items {
		v.Rows = append(v.Rows, rowJSON{ID: it.ID, Name: it.Name, Category: it.Category})
		for j, c := range mx.Cells[i] {
			if c == nil {
				continue
			}
			cj := newCellJSON(c)
			cj.Variant = mx.Targets[j].VariantID()
			v.Cells = append(v.Cells, cj)
		}
	}
	return v
}

// Doc is the grid.
func (v *MatrixView) Doc() *Doc { return &Doc{Blocks: []Block{matrixTable(v.m, v.mx)}} }

// CSV is one record per cell.
func (v *MatrixView) CSV() ([]string, [][]string) {
	mx := v.mx
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
	return []string{"provider", "service", "variant", "item", "category", "owner", "label"}, rows
}

// HTML is one self-contained page with every cell's details.
func (v *MatrixView) HTML(w io.Writer) error { return MatrixHTML(w, v.m, v.mx) }

func matrixTable(m *model.Model, mx *model.Matrix) Table {
	t := Table{Header: []string{"Item"}}
	acrossClouds := spansProviders(mx.Targets)
	for _, tg := range mx.Targets {
		t.Header = append(t.Header, columnName(m, tg, acrossClouds))
	}
	for i, it := range mx.Items {
		row := []Line{L(T(rowName(it, mx.Targets)))}
		for _, c := range mx.Cells[i] {
			if c == nil {
				row = append(row, L(T(MissingCell)))
				continue
			}
			row = append(row, L(Toned(T(c.Label), ownerTone(m, c.Owner))))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
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
// when every column is that provider's, in no one provider's terms when
// the columns span clouds.
func rowName(it *model.Item, targets []model.Target) string {
	return it.NameFor(namesProvider(targets))
}

// namesProvider is the provider whose terms name items for these
// targets, or "" when they span clouds.
func namesProvider(targets []model.Target) string {
	if len(targets) == 0 || spansProviders(targets) {
		return ""
	}
	return targets[0].Service.Provider
}
