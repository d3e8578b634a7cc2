package model

import (
	"slices"
	"strings"
)

// SourceUse is one documentation page and the cells that cite it.
type SourceUse struct {
	URL   string
	Title string
	// Checked is the oldest date any cell records for the page: the page
	// is due for a re-check from then. Zero when some cell has no date.
	Checked Date
	Cells   []CellKey
	// Frameworks are the ids of the frameworks whose controls the page
	// publishes, for the pages behind the control mappings.
	Frameworks []string
}

// SourceUses lists every page the cells accepted by keep cite, sorted by
// URL, each with the cells that rely on it.
func (m *Model) SourceUses(keep func(*Cell) bool) []*SourceUse {
	return m.sourceUses(keep, false)
}

// SourceUsesWithFrameworks lists, besides the pages SourceUses lists, the
// pages that publish the frameworks' controls.
func (m *Model) SourceUsesWithFrameworks(keep func(*Cell) bool) []*SourceUse {
	return m.sourceUses(keep, true)
}

func (m *Model) sourceUses(keep func(*Cell) bool, frameworks bool) []*SourceUse {
	byURL := map[string]*SourceUse{}
	undated := map[string]bool{}
	cells := slices.Clone(m.Cells)
	for _, d := range m.Defaults {
		cells = append(cells, d.cellFor(""))
	}
	for _, c := range cells {
		if keep != nil && !keep(c) {
			continue
		}
		for _, s := range c.Sources {
			u := byURL[s.URL]
			if u == nil {
				u = &SourceUse{URL: s.URL, Title: s.Title, Checked: s.Checked}
				byURL[s.URL] = u
			}
			if u.Title == "" {
				u.Title = s.Title
			}
			if s.Checked.IsZero() {
				undated[s.URL] = true
			} else if u.Checked.IsZero() || s.Checked.Before(u.Checked) {
				u.Checked = s.Checked
			}
			if k := c.key(); !slices.Contains(u.Cells, k) {
				u.Cells = append(u.Cells, k)
			}
		}
	}
	if frameworks {
		for _, f := range m.Frameworks {
			for _, s := range f.Sources {
				u := byURL[s.URL]
				if u == nil {
					u = &SourceUse{URL: s.URL, Title: s.Title, Checked: s.Checked}
					byURL[s.URL] = u
				} else if s.Checked.Before(u.Checked) {
					u.Checked = s.Checked
				}
				if s.Checked.IsZero() {
					undated[s.URL] = true
				}
				if !slices.Contains(u.Frameworks, f.ID) {
					u.Frameworks = append(u.Frameworks, f.ID)
				}
			}
		}
	}
	out := make([]*SourceUse, 0, len(byURL))
	for url, u := range byURL {
		if undated[url] {
			u.Checked = Date{}
		}
		slices.SortFunc(u.Cells, func(a, b CellKey) int { return strings.Compare(a.String(), b.String()) })
		out = append(out, u)
	}
	slices.SortFunc(out, func(a, b *SourceUse) int { return strings.Compare(a.URL, b.URL) })
	return out
}
