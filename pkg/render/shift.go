package render

import (
	"fmt"
	"strings"

	"srm/pkg/model"
)

type changeJSON struct {
	Item      string `json:"item" doc:"Item id."`
	ItemName  string `json:"item_name" doc:"The item's name."`
	From      string `json:"from" doc:"The owner at the origin."`
	To        string `json:"to" doc:"The owner at the destination."`
	FromLabel string `json:"from_label" doc:"The label at the origin."`
	ToLabel   string `json:"to_label" doc:"The label at the destination."`
	Direction string `json:"direction" doc:"Where the item moves: provider, customer, shared, n/a or other."`
	Reason    string `json:"reason" doc:"Why the type carries no responsibility of its own."`
}

type unchangedJSON struct {
	Item      string `json:"item" doc:"Item id."`
	ItemName  string `json:"item_name" doc:"The item's name."`
	From      string `json:"from" doc:"The owner at the origin."`
	To        string `json:"to" doc:"The owner at the destination."`
	FromLabel string `json:"from_label" doc:"The label at the origin."`
	ToLabel   string `json:"to_label" doc:"The label at the destination."`
	// AlwaysCustomer marks items that every deployment leaves to the
	// customer: they never move, whatever the service.
	AlwaysCustomer bool `json:"always_customer" doc:"Whether every deployment leaves the item to the customer."`
}

type shiftJSON struct {
	SchemaVersion int             `json:"schema_version" doc:"Version of srm's JSON output."`
	Provider      string          `json:"provider" doc:"The provider whose names the command used."`
	From          string          `json:"from" doc:"The deployment moved from, as service or service:variant."`
	To            string          `json:"to" doc:"The deployment moved to."`
	FromModel     string          `json:"from_model" doc:"The service model named for the from end (iaas, paas, serverless), or \"\" for a service."`
	ToModel       string          `json:"to_model" doc:"The service model named for the to end, or \"\"."`
	Changes       []changeJSON    `json:"changes" doc:"The items whose owner changes, with the direction and the reason."`
	Unchanged     []unchangedJSON `json:"unchanged" doc:"The items whose owner stays."`
	OnlyFrom      []string        `json:"only_from" doc:"Items only the from end has."`
	OnlyTo        []string        `json:"only_to" doc:"Items only the to end has."`
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

// ShiftView is srm shift between two deployments: what changes owner.
type ShiftView struct {
	shiftJSON

	m        *model.Model
	p        *model.Provider
	from, to ShiftEnd
	s        *model.Shift
	always   map[string]bool
}

func (v *ShiftView) header() *Header {
	return &Header{SchemaVersion: v.SchemaVersion, Provider: v.shiftJSON.Provider}
}

// NewShiftView builds the view of srm shift with two ends.
func NewShiftView(m *model.Model, p *model.Provider, from, to ShiftEnd, s *model.Shift, customerAlways []*model.Item) *ShiftView {
	always := itemSet(customerAlways)
	return &ShiftView{shiftJSON: newShiftJSON(m, p, from, to, s, always), m: m, p: p, from: from, to: to, s: s, always: always}
}

func itemSet(items []*model.Item) map[string]bool {
	set := map[string]bool{}
	for _, it := range items {
		set[it.ID] = true
	}
	return set
}

// Doc groups the changes by where they go, then what stays.
func (v *ShiftView) Doc() *Doc {
	m, p, s, from, to := v.m, v.p, v.s, v.from, v.to
	d := &Doc{}
	total := len(s.Changes) + len(s.Unchanged)
	// Items take a provider's names when both ends are on one cloud.
	namesOf := ""
	if from.Target.Service.Provider == to.Target.Service.Provider {
		namesOf = from.Target.Service.Provider
	}
	d.Add(Title{L(T(fmt.Sprintf("%s → %s: %d of %d items change owner", from.name(), to.name(), len(s.Changes), total)))})
	for _, dir := range model.Directions {
		var group List
		group.Bare = true
		for _, c := range s.Changes {
			if c.Direction != dir {
				continue
			}
			item := ListItem{Line: L(T(c.Item.NameFor(namesOf)+": "), Toned(T(c.From.Label), ownerTone(m, c.From.Owner)), T(" → "), Toned(T(c.To.Label), ownerTone(m, c.To.Owner)))}
			if c.To.Summary != "" {
				item.Blocks = []Block{Para{L(D(c.To.Summary))}}
			}
			group.Items = append(group.Items, item)
		}
		if len(group.Items) == 0 {
			continue
		}
		dirProvider := p
		if from.Target.Service.Provider != to.Target.Service.Provider {
			dirProvider = nil // across clouds, "the provider" is each side's own
		}
		d.Add(Section{Heading: L(T(fmt.Sprintf("%s (%d)", DirectionTitle(m, dirProvider, dir), len(group.Items)))), Blocks: []Block{group}})
	}
	if len(s.Unchanged) > 0 {
		var unchanged, kept []string
		for _, c := range s.Unchanged {
			unchanged = append(unchanged, c.Item.NameFor(namesOf)+" ("+OwnerName(m, c.To.Owner)+")")
			if v.always[c.Item.ID] {
				kept = append(kept, c.Item.NameFor(namesOf))
			}
		}
		d.Add(Section{Heading: L(T(fmt.Sprintf("Unchanged (%d)", len(s.Unchanged)))), Blocks: []Block{Para{L(T(strings.Join(unchanged, ", ")))}}})
		if len(kept) > 0 {
			d.Add(Para{L(T(fmt.Sprintf("%s stay with the customer on every %s service: no move to a more managed service hands them over.", joinAnd(kept), p.ShortName)))})
		}
	}
	only := func(side string, items []*model.Item) {
		if len(items) > 0 {
			d.Add(Para{L(T(fmt.Sprintf("Only %s has: %s", side, strings.Join(itemNames(items, namesOf), ", "))))})
		}
	}
	only(from.name(), s.OnlyFrom)
	only(to.name(), s.OnlyTo)
	return d
}

// CSV is one record per item, changed or not.
func (v *ShiftView) CSV() ([]string, [][]string) {
	var rows [][]string
	for _, c := range v.s.Changes {
		rows = append(rows, []string{c.Item.ID, c.From.Owner, c.To.Owner, c.Direction, c.From.Label, c.To.Label})
	}
	for _, c := range v.s.Unchanged {
		rows = append(rows, []string{c.Item.ID, c.From.Owner, c.To.Owner, "unchanged", c.From.Label, c.To.Label})
	}
	return []string{"item", "from", "to", "direction", "from_label", "to_label"}, rows
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

// StaircaseView is srm shift across several deployments: the items whose
// owner changes somewhere along the way.
type StaircaseView struct {
	Header
	Targets []string    `json:"targets" doc:"The deployments in order."`
	Steps   []shiftJSON `json:"steps" doc:"One shift per pair of neighbouring deployments."`

	m     *model.Model
	p     *model.Provider
	ends  []ShiftEnd
	steps []*model.Shift
}

// NewStaircaseView builds the view of srm shift with more than two ends.
func NewStaircaseView(m *model.Model, p *model.Provider, ends []ShiftEnd, steps []*model.Shift, customerAlways []*model.Item) *StaircaseView {
	always := itemSet(customerAlways)
	v := &StaircaseView{Header: NewHeader(p.ID), Targets: []string{}, Steps: []shiftJSON{}, m: m, p: p, ends: ends, steps: steps}
	for _, e := range ends {
		v.Targets = append(v.Targets, e.Target.ID())
	}
	for i, s := range steps {
		v.Steps = append(v.Steps, newShiftJSON(m, p, ends[i], ends[i+1], s, always))
	}
	return v
}

// CSV is one record per change of every step.
func (v *StaircaseView) CSV() ([]string, [][]string) {
	var rows [][]string
	for i, s := range v.steps {
		for _, c := range s.Changes {
			rows = append(rows, []string{v.ends[i].Target.ID(), v.ends[i+1].Target.ID(), c.Item.ID, c.From.Owner, c.To.Owner, c.Direction})
		}
	}
	return []string{"from_target", "to_target", "item", "from", "to", "direction"}, rows
}

// Doc is a table of the items that change somewhere, then the provider's
// share at each step and the items that never move.
func (v *StaircaseView) Doc() *Doc {
	m, p, ends := v.m, v.p, v.ends
	targets := make([]model.Target, len(ends))
	for i, e := range ends {
		targets[i] = e.Target
	}
	t := Table{Header: []string{"Item"}}
	for _, e := range ends {
		t.Header = append(t.Header, e.name())
	}
	var steady, partial []string
	for _, it := range m.ItemsOfTargets(targets) {
		cells := make([]*model.Cell, len(targets))
		roles := map[string]bool{}
		missing := false
		for i, tg := range targets {
			cells[i] = m.Cell(tg.Service.ID, tg.VariantID(), it.ID)
			if cells[i] == nil {
				missing = true
				continue
			}
			roles[m.Role(cells[i].Owner)] = true
		}
		switch {
		case missing:
			partial = append(partial, it.NameFor(p.ID))
			continue
		case len(roles) == 1:
			steady = append(steady, it.NameFor(p.ID))
			continue
		}
		row := []Line{L(T(it.NameFor(p.ID)))}
		for _, c := range cells {
			row = append(row, L(Toned(T(OwnerName(m, c.Owner)), ownerTone(m, c.Owner))))
		}
		t.Rows = append(t.Rows, row)
	}
	var counts []string
	for _, tg := range targets {
		n, total := 0, 0
		for _, it := range m.ItemsOf(tg.Service.ID) {
			if c := m.Cell(tg.Service.ID, tg.VariantID(), it.ID); c != nil {
				total++
				if m.Role(c.Owner) == model.KindProvider {
					n++
				}
			}
		}
		counts = append(counts, fmt.Sprintf("%s %d/%d", TargetName(tg), n, total))
	}
	fields := Fields{{p.ShortName + " owns", L(T(strings.Join(counts, " → ")))}}
	if len(steady) > 0 {
		fields = append(fields, Field{"Same owner throughout", L(T(strings.Join(steady, ", ")))})
	}
	if len(partial) > 0 {
		fields = append(fields, Field{"Not on every step", L(T(strings.Join(partial, ", ")))})
	}
	return &Doc{Blocks: []Block{t, fields}}
}
