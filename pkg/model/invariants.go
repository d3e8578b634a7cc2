package model

import "slices"

// Invariants are what holds for every deployment of every service of a
// provider, computed from the cells, so an overlay that changes a cell
// changes them.
type Invariants struct {
	Provider *Provider
	// Deployments counts the services and variants looked at.
	Deployments int
	// Always maps a role ("provider", "customer", "shared", or a third
	// party's id) to the items that every deployment gives to it.
	Always map[string][]*Item
	// Mostly lists, by role, the items that are not invariant but that at
	// least MostlyShare of the deployments where they apply give to one
	// role, with the deployments that differ. A broad catalog always has a
	// few exceptions, and knowing the rule and its exceptions is the point.
	Mostly map[string][]Mostly
	// Controls are the provider model's inherited, shared and
	// customer-specific controls.
	Controls []*Control
}

// MostlyShare is the share of deployments, among those where an item
// applies, that must agree for the item to count as mostly one role's.
const MostlyShare = 0.8

// Mostly is an item that most deployments give to one role.
type Mostly struct {
	Item *Item
	// Agree counts the deployments that give the item to the role, out
	// of Applies where the item applies (its cell is not n/a).
	Agree, Applies int
	// Exceptions are the deployments where the item applies and another
	// role holds it, in model order.
	Exceptions []Target
}

// Deployments lists every service of a provider, then each of its
// variants, in model order.
func (m *Model) Deployments(provider string) []Target {
	var out []Target
	for _, s := range m.ServicesOf(provider) {
		out = append(out, Target{Service: s})
		for _, v := range m.VariantsOf(s.ID) {
			out = append(out, Target{Service: s, Variant: v})
		}
	}
	return out
}

// Invariants computes what every deployment of the provider's services
// leaves to the same side. An item counts only when every deployment has
// a cell for it and all of them agree.
func (m *Model) Invariants(provider string) *Invariants {
	inv := &Invariants{Provider: m.Provider(provider), Always: map[string][]*Item{}, Mostly: map[string][]Mostly{}}
	deployments := m.Deployments(provider)
	inv.Deployments = len(deployments)
	for _, it := range m.Items {
		if role, ok := m.invariantRole(deployments, it.ID); ok {
			inv.Always[role] = append(inv.Always[role], it)
		} else if role, most, ok := m.mostlyRole(deployments, it); ok {
			inv.Mostly[role] = append(inv.Mostly[role], most)
		}
	}
	for _, c := range m.Controls {
		if c.Provider == provider {
			inv.Controls = append(inv.Controls, c)
		}
	}
	return inv
}

// invariantRole reports the role every deployment gives an item to, when
// every deployment has a cell for it and all of them agree on a role
// other than n/a.
func (m *Model) invariantRole(deployments []Target, item string) (string, bool) {
	role := ""
	for _, t := range deployments {
		c := m.Cell(t.Service.ID, t.VariantID(), item)
		if c == nil {
			return "", false
		}
		if r := m.Role(c.Owner); role == "" {
			role = r
		} else if r != role {
			return "", false
		}
	}
	return role, role != "" && role != OwnerNotApplicable
}

// mostlyRole finds the role that at least MostlyShare of the deployments
// where an item applies give it to. Every deployment must have a cell, so
// that a gap in the data never reads as a rule.
func (m *Model) mostlyRole(deployments []Target, it *Item) (string, Mostly, bool) {
	roles := make([]string, len(deployments))
	count := map[string]int{}
	applies := 0
	for i, t := range deployments {
		c := m.Cell(t.Service.ID, t.VariantID(), it.ID)
		if c == nil {
			return "", Mostly{}, false
		}
		roles[i] = m.Role(c.Owner)
		if roles[i] != OwnerNotApplicable {
			count[roles[i]]++
			applies++
		}
	}
	best := ""
	for r, n := range count {
		if best == "" || n > count[best] || (n == count[best] && r < best) {
			best = r
		}
	}
	if applies < 2 || float64(count[best]) < MostlyShare*float64(applies) {
		return "", Mostly{}, false
	}
	most := Mostly{Item: it, Agree: count[best], Applies: applies}
	for i, t := range deployments {
		if roles[i] != OwnerNotApplicable && roles[i] != best {
			most.Exceptions = append(most.Exceptions, t)
		}
	}
	return best, most, true
}

// TrapsFor lists the provider's traps about an item of a service: those
// that name the item and either name the service or no service at all.
func (m *Model) TrapsFor(provider, service, item string) []*Trap {
	var out []*Trap
	for _, t := range m.Traps {
		if t.Provider == provider && slices.Contains(t.Items, item) && (len(t.Services) == 0 || slices.Contains(t.Services, service)) {
			out = append(out, t)
		}
	}
	return out
}

// TrapsAbout lists the provider's traps that concern a service, or every
// trap of the provider when service is "".
func (m *Model) TrapsAbout(provider, service string) []*Trap {
	var out []*Trap
	for _, t := range m.Traps {
		if t.Provider == provider && (service == "" || slices.Contains(t.Services, service)) {
			out = append(out, t)
		}
	}
	return out
}

// FAQsAbout lists the provider's FAQs that concern a service and an item;
// "" for either matches everything.
func (m *Model) FAQsAbout(provider, service, item string) []*FAQ {
	var out []*FAQ
	for _, f := range m.FAQs {
		if f.Provider == provider && (service == "" || len(f.Services) == 0 || slices.Contains(f.Services, service)) && (item == "" || slices.Contains(f.Items, item)) {
			out = append(out, f)
		}
	}
	return out
}
