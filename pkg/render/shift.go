package render

import (
	"fmt"
	"io"
	"strings"

	"srm/pkg/model"
)

type changeJSON struct {
	Item      string `json:"item"`
	ItemName  string `json:"item_name"`
	From      string `json:"from"`
	To        string `json:"to"`
	FromLabel string `json:"from_label"`
	ToLabel   string `json:"to_label"`
	Direction string `json:"direction"`
	Reason    string `json:"reason"`
}

type unchangedJSON struct {
	Item      string `json:"item"`
	ItemName  string `json:"item_name"`
	From      string `json:"from"`
	To        string `json:"to"`
	FromLabel string `json:"from_label"`
	ToLabel   string `json:"to_label"`
	// AlwaysCustomer marks items that every deployment leaves to the
	// customer: they never move, whatever the service.
	AlwaysCustomer bool `json:"always_customer"`
}

type shiftJSON struct {
	SchemaVersion int             `json:"schema_version"`
	Provider      string          `json:"provider"`
	From          string          `json:"from"`
	To            string          `json:"to"`
	FromModel     string          `json:"from_model"`
	ToModel       string          `json:"to_model"`
	Changes       []changeJSON    `json:"changes"`
	Unchanged     []unchangedJSON `json:"unchanged"`
	OnlyFrom      []string        `json:"only_from"`
	OnlyTo        []string        `json:"only_to"`
}

// ShiftEnd is one end of a shift as the user named it.
type ShiftEnd struct {
	Target model.Target
	Model  *model.ServiceModel // set when the user named a service model
}

func (e ShiftEnd) name() string {
	if e.Model != nil {
		return e.Model.ShortName + " (" + TargetName(e.Target) + ")"
	}
	return TargetName(e.Target)
}

func (e ShiftEnd) modelID() string {
	if e.Model == nil {
		return ""
	}
	return e.Model.ID
}

// DirectionTitle is how a shift's text names a direction.
func DirectionTitle(m *model.Model, provider *model.Provider, dir string) string {
	switch dir {
	case model.ToProvider:
		if provider == nil {
			return "Moved to the provider"
		}
		if p := m.Party(provider.Party); p != nil {
			return "Moved to " + p.Name
		}
		return "Moved to the provider"
	case model.ToCustomer:
		return "Moved to the customer"
	case model.ToShared:
		return "Became shared"
	case model.ToNotApplicable:
		return "Became not applicable"
	}
	return "Moved to another party"
}

func newShiftJSON(m *model.Model, p *model.Provider, from, to ShiftEnd, s *model.Shift, always map[string]bool) shiftJSON {
	out := shiftJSON{
		SchemaVersion: SchemaVersion, Provider: p.ID,
		From: from.Target.ID(), To: to.Target.ID(), FromModel: from.modelID(), ToModel: to.modelID(),
		Changes: []changeJSON{}, Unchanged: []unchangedJSON{}, OnlyFrom: []string{}, OnlyTo: []string{},
	}
	for _, c := range s.Changes {
		out.Changes = append(out.Changes, changeJSON{
			Item: c.Item.ID, ItemName: c.Item.Name, From: c.From.Owner, To: c.To.Owner,
			FromLabel: c.From.Label, ToLabel: c.To.Label, Direction: c.Direction, Reason: c.To.Summary,
		})
	}
	for _, c := range s.Unchanged {
		out.Unchanged = append(out.Unchanged, unchangedJSON{
			Item: c.Item.ID, ItemName: c.Item.Name, From: c.From.Owner, To: c.To.Owner,
			FromLabel: c.From.Label, ToLabel: c.To.Label, AlwaysCustomer: always[c.Item.ID],
		})
	}
	for _, it := range s.OnlyFrom {
		out.OnlyFrom = append(out.OnlyFrom, it.ID)
	}
	for _, it := range s.OnlyTo {
		out.OnlyTo = append(out.OnlyTo, it.ID)
	}
	return out
}

// Shift writes what changes owner between two deployments.
func Shift(w io.Writer, f Format, st Style, m *model.Model, p *model.Provider, from, to ShiftEnd, s *model.Shift, customerAlways []*model.Item) error {
	always := map[string]bool{}
	for _, it := range customerAlways {
		always[it.ID] = true
	}
	switch f {
	case JSON:
		return writeJSON(w, newShiftJSON(m, p, from, to, s, always))
	case CSV:
		var rows [][]string
		for _, c := range s.Changes {
			rows = append(rows, []string{c.Item.ID, c.From.Owner, c.To.Owner, c.Direction, c.From.Label, c.To.Label})
		}
		for _, c := range s.Unchanged {
			rows = append(rows, []string{c.Item.ID, c.From.Owner, c.To.Owner, "unchanged", c.From.Label, c.To.Label})
		}
		return writeCSV(w, []string{"item", "from", "to", "direction", "from_label", "to_label"}, rows)
	}
	md := f == Markdown
	clean := Sanitize
	if md {
		clean = markdownSafe
		st = Style{}
	}
	var b strings.Builder
	total := len(s.Changes) + len(s.Unchanged)
	heading := fmt.Sprintf("%s → %s: %d of %d items change owner", from.name(), to.name(), len(s.Changes), total)
	if md {
		fmt.Fprintf(&b, "### %s\n", clean(heading))
	} else {
		fmt.Fprintf(&b, "%s\n", st.Bold(clean(heading)))
	}
	for _, dir := range model.Directions {
		var group []model.Change
		for _, c := range s.Changes {
			if c.Direction == dir {
				group = append(group, c)
			}
		}
		if len(group) == 0 {
			continue
		}
		dirProvider := p
		if from.Target.Service.Provider != to.Target.Service.Provider {
			dirProvider = nil // across clouds, "the provider" is each side's own
		}
		title := fmt.Sprintf("%s (%d)", DirectionTitle(m, dirProvider, dir), len(group))
		if md {
			fmt.Fprintf(&b, "\n**%s**\n\n", clean(title))
		} else {
			fmt.Fprintf(&b, "\n%s\n", st.Bold(clean(title)))
		}
		for _, c := range group {
			move := st.Owner(m, c.From.Owner, clean(c.From.Label)) + " → " + st.Owner(m, c.To.Owner, clean(c.To.Label))
			if md {
				fmt.Fprintf(&b, "- **%s**: %s. %s\n", clean(c.Item.Name), move, clean(c.To.Summary))
			} else {
				fmt.Fprintf(&b, "  %s: %s\n", clean(c.Item.Name), move)
				if c.To.Summary != "" {
					fmt.Fprintf(&b, "    %s\n", st.Dim(clean(c.To.Summary)))
				}
			}
		}
	}
	if len(s.Unchanged) > 0 {
		var names, kept []string
		for _, c := range s.Unchanged {
			names = append(names, c.Item.Name+" ("+OwnerName(m, c.To.Owner)+")")
			if always[c.Item.ID] {
				kept = append(kept, c.Item.Name)
			}
		}
		title := fmt.Sprintf("Unchanged (%d)", len(s.Unchanged))
		if md {
			fmt.Fprintf(&b, "\n**%s**\n\n%s\n", clean(title), clean(strings.Join(names, ", ")))
		} else {
			fmt.Fprintf(&b, "\n%s\n  %s\n", st.Bold(clean(title)), clean(strings.Join(names, ", ")))
		}
		if len(kept) > 0 {
			note := fmt.Sprintf("%s stay with the customer on every %s service: no move to a more managed service hands them over.", joinAnd(kept), p.ShortName)
			if md {
				fmt.Fprintf(&b, "\n%s\n", clean(note))
			} else {
				fmt.Fprintf(&b, "\n%s\n", clean(note))
			}
		}
	}
	only := func(side string, items []*model.Item) {
		if len(items) == 0 {
			return
		}
		var names []string
		for _, it := range items {
			names = append(names, it.Name)
		}
		line := fmt.Sprintf("Only %s has: %s", side, strings.Join(names, ", "))
		fmt.Fprintf(&b, "\n%s\n", clean(line))
	}
	only(from.name(), s.OnlyFrom)
	only(to.name(), s.OnlyTo)
	_, err := io.WriteString(w, b.String())
	return err
}

func joinAnd(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

type staircaseJSON struct {
	SchemaVersion int         `json:"schema_version"`
	Provider      string      `json:"provider"`
	Targets       []string    `json:"targets"`
	Steps         []shiftJSON `json:"steps"`
}

// Staircase writes how ownership moves across several deployments: a
// table of the items whose owner changes somewhere along the way.
func Staircase(w io.Writer, f Format, opt TableOptions, m *model.Model, p *model.Provider, ends []ShiftEnd, steps []*model.Shift, customerAlways []*model.Item) error {
	always := map[string]bool{}
	for _, it := range customerAlways {
		always[it.ID] = true
	}
	switch f {
	case JSON:
		out := staircaseJSON{SchemaVersion: SchemaVersion, Provider: p.ID, Targets: []string{}, Steps: []shiftJSON{}}
		for _, e := range ends {
			out.Targets = append(out.Targets, e.Target.ID())
		}
		for i, s := range steps {
			out.Steps = append(out.Steps, newShiftJSON(m, p, ends[i], ends[i+1], s, always))
		}
		return writeJSON(w, out)
	case CSV:
		var rows [][]string
		for i, s := range steps {
			for _, c := range s.Changes {
				rows = append(rows, []string{ends[i].Target.ID(), ends[i+1].Target.ID(), c.Item.ID, c.From.Owner, c.To.Owner, c.Direction})
			}
		}
		return writeCSV(w, []string{"from_target", "to_target", "item", "from", "to", "direction"}, rows)
	}
	clean := Sanitize
	if f == Markdown {
		clean = markdownSafe
	}
	targets := make([]model.Target, len(ends))
	for i, e := range ends {
		targets[i] = e.Target
	}
	g := grid{header: []string{"Item"}}
	for _, e := range ends {
		g.header = append(g.header, clean(e.name()))
	}
	var steady, partial []string
	for _, it := range m.ItemsOfTargets(targets) {
		cells := make([]*model.Cell, len(targets))
		roles := map[string]bool{}
		missing := false
		for i, t := range targets {
			cells[i] = m.Cell(t.Service.ID, t.VariantID(), it.ID)
			if cells[i] == nil {
				missing = true
				continue
			}
			roles[m.Role(cells[i].Owner)] = true
		}
		switch {
		case missing:
			partial = append(partial, it.Name)
			continue
		case len(roles) == 1:
			steady = append(steady, it.Name)
			continue
		}
		row := []string{clean(it.Name)}
		styles := []func(string) string{nil}
		for _, c := range cells {
			row = append(row, clean(OwnerName(m, c.Owner)))
			owner := c.Owner
			styles = append(styles, func(s string) string { return opt.Style.Owner(m, owner, s) })
		}
		if f == Markdown {
			styles = nil
		}
		g.addRow(row, styles)
	}
	if f == Markdown {
		if err := writeMarkdown(w, g); err != nil {
			return err
		}
	} else if err := writeBox(w, g, opt.Border, opt.Width); err != nil {
		return err
	}
	var counts []string
	for _, t := range targets {
		n, total := 0, 0
		for _, it := range m.ItemsOf(t.Service.ID) {
			if c := m.Cell(t.Service.ID, t.VariantID(), it.ID); c != nil {
				total++
				if m.Role(c.Owner) == model.KindProvider {
					n++
				}
			}
		}
		counts = append(counts, fmt.Sprintf("%s %d/%d", TargetName(t), n, total))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n%s owns: %s\n", clean(p.ShortName), clean(strings.Join(counts, " → ")))
	if len(steady) > 0 {
		fmt.Fprintf(&b, "Same owner throughout: %s\n", clean(strings.Join(steady, ", ")))
	}
	if len(partial) > 0 {
		fmt.Fprintf(&b, "Not on every step: %s\n", clean(strings.Join(partial, ", ")))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
