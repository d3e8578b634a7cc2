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
	// Controls are the provider model's inherited, shared and
	// customer-specific controls.
	Controls []*Control
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
	inv := &Invariants{Provider: m.Provider(provider), Always: map[string][]*Item{}}
	deployments := m.Deployments(provider)
	inv.Deployments = len(deployments)
	for _, it := range m.Items {
		role, ok := "", len(deployments) > 0
		for _, t := range deployments {
			c := m.Cell(t.Service.ID, t.VariantID(), it.ID)
			if c == nil {
				ok = false
				break
			}
			r := m.Role(c.Owner)
			if role == "" {
				role = r
			} else if r != role {
				ok = false
				break
			}
		}
		if ok && role != OwnerNotApplicable {
			inv.Always[role] = append(inv.Always[role], it)
		}
	}
	for _, c := range m.Controls {
		if c.Provider == provider {
			inv.Controls = append(inv.Controls, c)
		}
	}
	return inv
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
