package model

import (
	"slices"
	"strconv"
	"strings"
)

// FrameworkByID returns a framework by id, or nil.
func (m *Model) FrameworkByID(id string) *Framework {
	return find(m.Frameworks, id, func(f *Framework) string { return f.ID })
}

// ResolveFramework finds a framework by id, name, short name or alias.
func (m *Model) ResolveFramework(name string) (*Framework, error) {
	if f := m.FrameworkByID(name); f != nil {
		return f, nil
	}
	ix := newNameIndex("framework", "")
	for _, f := range m.Frameworks {
		ix.add(f.ID, append([]string{f.Name, f.ShortName}, f.Aliases...)...)
	}
	id, err := ix.resolve(name)
	if err != nil {
		return nil, err
	}
	return m.FrameworkByID(id), nil
}

// FrameworkControls lists a framework's controls that items map to, in
// the framework's order: by family, then by number.
func (m *Model) FrameworkControls(framework string) []*FrameworkControl {
	mapped := map[string]bool{}
	for _, mp := range m.Mappings {
		if mp.Framework == framework {
			for _, id := range mp.Controls {
				mapped[strings.ToUpper(id)] = true
			}
		}
	}
	var out []*FrameworkControl
	for _, c := range m.ControlCatalog {
		if c.Framework == framework && mapped[strings.ToUpper(c.Code)] {
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(a, b *FrameworkControl) int { return controlNumberOrder(a.Code, b.Code) })
	return out
}

// FrameworkControl returns a framework's control by id, in any case, or
// nil.
func (m *Model) FrameworkControl(framework, id string) *FrameworkControl {
	for _, c := range m.ControlCatalog {
		if c.Framework == framework && strings.EqualFold(c.Code, id) {
			return c
		}
	}
	return nil
}

// ResolveFrameworkControl finds a control of a framework by its id, as the
// framework writes it ("SC-28(1)", "CEK-03"), with or without leading
// zeros ("SI-02", "CEK-3"), or as OSCAL does ("sc-28.1").
func (m *Model) ResolveFrameworkControl(framework, name string) (*FrameworkControl, error) {
	want := controlKey(name)
	var known []string
	for _, c := range m.FrameworkControls(framework) {
		if controlKey(c.Code) == want {
			return c, nil
		}
		known = append(known, c.Code)
	}
	err := &NameError{Kind: "control", Name: name, Known: known, ListWith: "srm controls --framework " + framework}
	if fw := m.FrameworkByID(framework); fw != nil {
		err.Scope = "of " + fw.ShortName
	}
	if s := closest(strings.ToUpper(name), known); s != "" {
		err.Candidates = []string{s}
	}
	return nil, err
}

// controlKey is a control id reduced to its family and numbers, so that
// "SI-02", "si-2" and "SI-2" are one control, as are "sc-28.1" and
// "SC-28(1)".
func controlKey(id string) string {
	family, rest, _ := strings.Cut(strings.ToUpper(strings.TrimSpace(id)), "-")
	key := family
	for _, n := range controlNumbers(rest) {
		key += "-" + strconv.Itoa(n)
	}
	return key
}

// MappingOf returns the mapping of an item to a framework, or nil.
func (m *Model) MappingOf(framework, item string) *ControlMapping {
	for _, mp := range m.Mappings {
		if mp.Framework == framework && mp.Item == item {
			return mp
		}
	}
	return nil
}

// ItemsOfControl lists the items mapped to a control, in model order.
func (m *Model) ItemsOfControl(c *FrameworkControl) []*Item {
	var out []*Item
	for _, it := range m.Items {
		if mp := m.MappingOf(c.Framework, it.ID); mp != nil && slices.ContainsFunc(mp.Controls, func(id string) bool { return strings.EqualFold(id, c.Code) }) {
			out = append(out, it)
		}
	}
	return out
}

// ControlOwnership is who owns one control across a stack: for each
// deployment, the cells of the items behind the control and the role they
// add up to.
type ControlOwnership struct {
	Control *FrameworkControl
	Items   []*Item
	Targets []ControlTarget
}

// ControlTarget is one deployment's part in a control.
type ControlTarget struct {
	Target StackTarget
	// Role is what the cells add up to: the provider, the customer or a
	// third party when every item that applies is theirs, shared when
	// owners differ or a cell is shared, n/a when no item applies.
	Role  string
	Cells []ItemCell
}

// ItemCell is one item's cell on one deployment; Cell is nil where the
// service has no cell for the item.
type ItemCell struct {
	Item *Item
	Cell *Cell
	// Role is the cell's owner as a role, n/a where there is no cell and
	// for an app-side duty, which lies in the applications that use the
	// service rather than in the service the control is asked about.
	Role string
}

// CustomerDuties gathers what the customer does for the control on this
// deployment, in item order, without repeats: from the cells that are not
// the provider's alone, since a provider's cell that mentions a customer
// choice does not make the control the customer's.
func (ct ControlTarget) CustomerDuties() []string {
	var out []string
	for _, ic := range ct.Cells {
		if ic.Cell == nil || ic.Role == OwnerNotApplicable || ic.Role == KindProvider {
			continue
		}
		for _, d := range ic.Cell.CustomerDoes {
			if !slices.Contains(out, d) {
				out = append(out, d)
			}
		}
	}
	return out
}

// ControlsOwnership says who owns each of a framework's controls across
// the deployments of a stack, in the framework's order. control, when not
// nil, keeps that control only.
func (m *Model) ControlsOwnership(fw *Framework, targets []StackTarget, control *FrameworkControl) []ControlOwnership {
	var out []ControlOwnership
	for _, c := range m.FrameworkControls(fw.ID) {
		if control != nil && c != control {
			continue
		}
		co := ControlOwnership{Control: c, Items: m.ItemsOfControl(c)}
		for _, st := range targets {
			ct := ControlTarget{Target: st}
			var roles []string
			for _, it := range co.Items {
				ic := ItemCell{Item: it, Cell: m.Cell(st.Target.Service.ID, st.Target.VariantID(), it.ID), Role: OwnerNotApplicable}
				if ic.Cell != nil && !ic.Cell.AppSide {
					ic.Role = m.Role(ic.Cell.Owner)
				}
				ct.Cells = append(ct.Cells, ic)
				roles = append(roles, ic.Role)
			}
			ct.Role = combineRoles(roles)
			co.Targets = append(co.Targets, ct)
		}
		out = append(out, co)
	}
	return out
}

// combineRoles adds up the roles of a control's cells on one deployment.
// Items that do not apply do not count; one owner for all the rest owns
// the control; anything else is shared.
func combineRoles(roles []string) string {
	owner := ""
	for _, r := range roles {
		switch {
		case r == OwnerNotApplicable:
			continue
		case r == OwnerShared:
			return OwnerShared
		case owner == "":
			owner = r
		case owner != r:
			return OwnerShared
		}
	}
	if owner == "" {
		return OwnerNotApplicable
	}
	return owner
}

// StackRole adds up a control's roles over every deployment of a stack,
// as a responsibility matrix gives one origination per control.
func (co ControlOwnership) StackRole() string {
	var roles []string
	for _, ct := range co.Targets {
		roles = append(roles, ct.Role)
	}
	return combineRoles(roles)
}
