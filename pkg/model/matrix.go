package model

// Matrix is a grid of cells: one column per target, one row per item.
type Matrix struct {
	Provider *Provider
	Title    string
	Targets  []Target
	Items    []*Item
	// Cells[i][j] is the cell of Items[i] for Targets[j], or nil when the
	// item does not apply to that service.
	Cells [][]*Cell
}

// Matrix builds the grid for the given targets and items.
func (m *Model) Matrix(provider *Provider, title string, targets []Target, items []*Item) *Matrix {
	mx := &Matrix{Provider: provider, Title: title, Targets: targets, Items: items}
	mx.Cells = make([][]*Cell, len(items))
	for i, it := range items {
		row := make([]*Cell, len(targets))
		for j, t := range targets {
			row[j] = m.Cell(t.Service.ID, t.VariantID(), it.ID)
		}
		mx.Cells[i] = row
	}
	return mx
}

// ItemsOfTargets lists, in model order, every item that has a cell for at
// least one of the targets.
func (m *Model) ItemsOfTargets(targets []Target) []*Item {
	var out []*Item
	for _, it := range m.Items {
		for _, t := range targets {
			if m.Cell(t.Service.ID, t.VariantID(), it.ID) != nil {
				out = append(out, it)
				break
			}
		}
	}
	return out
}
