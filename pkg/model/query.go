package model

import (
	"slices"
	"strings"
)

// Provider returns the provider with the given id, or nil.
func (m *Model) Provider(id string) *Provider {
	for _, p := range m.Providers {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// Party returns the party with the given id, or nil.
func (m *Model) Party(id string) *Party { return m.index.parties[id] }

// Item returns the item with the given id, or nil.
func (m *Model) Item(id string) *Item { return m.index.itemByID[id] }

// Service returns the service with the given id, or nil.
func (m *Model) Service(id string) *Service { return m.index.allSvc[id] }

// Variant returns the variant of a service, or nil.
func (m *Model) Variant(service, id string) *Variant {
	return m.index.variantBy[service+":"+id]
}

// Table returns the named table, or nil.
func (m *Model) Table(id string) *Table {
	for _, t := range m.Tables {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// Category returns the category with the given id, or nil.
func (m *Model) Category(id string) *Category {
	for _, c := range m.Categories {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// ServiceModel returns the service model with the given id, or nil.
func (m *Model) ServiceModel(id string) *ServiceModel {
	for _, s := range m.ServiceModels {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// ResolveProvider finds a provider by id, name or alias.
func (m *Model) ResolveProvider(name string) (*Provider, error) {
	id, err := m.index.providers.resolve(name)
	if err != nil {
		return nil, err
	}
	return m.Provider(id), nil
}

// ResolveService finds a service of the given provider by id, name, short
// name or alias. A name qualified with a provider, such as "aws/ec2",
// selects that provider instead.
func (m *Model) ResolveService(provider, name string) (*Service, error) {
	if p, rest, ok := strings.Cut(name, "/"); ok {
		if id, err := m.index.providers.resolve(p); err == nil {
			provider, name = id, rest
		}
	}
	ix := m.index.services[provider]
	if ix == nil {
		return nil, &NameError{Kind: "provider", Name: provider, Known: m.providerIDs()}
	}
	id, err := ix.resolve(name)
	if err != nil {
		return nil, err
	}
	return m.Service(id), nil
}

// ResolveVariant finds a variant of a service by id, name or alias.
func (m *Model) ResolveVariant(service, name string) (*Variant, error) {
	id, err := m.index.variants[service].resolve(name)
	if err != nil {
		return nil, err
	}
	return m.Variant(service, id), nil
}

// ResolveItem finds an item by id, name or alias.
func (m *Model) ResolveItem(name string) (*Item, error) {
	id, err := m.index.items.resolve(name)
	if err != nil {
		return nil, err
	}
	return m.Item(id), nil
}

func (m *Model) providerIDs() []string {
	return ids(m.Providers, func(p *Provider) string { return p.ID })
}

// ServicesOf lists the services of a provider in model order.
func (m *Model) ServicesOf(provider string) []*Service {
	var out []*Service
	for _, s := range m.Services {
		if s.Provider == provider {
			out = append(out, s)
		}
	}
	return out
}

// VariantsOf lists the variants of a service in model order.
func (m *Model) VariantsOf(service string) []*Variant {
	var out []*Variant
	for _, v := range m.Variants {
		if v.Service == service {
			out = append(out, v)
		}
	}
	return out
}

// Cell returns the cell for an item of a service, as deployed in the given
// variant ("" for the default deployment). A variant inherits the service's
// cell unless it overrides it. It returns nil when the model has no cell.
func (m *Model) Cell(service, variant, item string) *Cell {
	if variant != "" {
		if c := m.index.cells[CellKey{service, variant, item}]; c != nil {
			return c
		}
	}
	return m.index.cells[CellKey{service, "", item}]
}

// ItemsOf lists the items that have a cell for the service, in model order.
func (m *Model) ItemsOf(service string) []*Item {
	var out []*Item
	for _, it := range m.Items {
		if m.index.cells[CellKey{service, "", it.ID}] != nil {
			out = append(out, it)
		}
	}
	return out
}

// VariantsChanging lists the variants of a service that override the cell
// of the given item, so an answer can say that the deployment matters.
func (m *Model) VariantsChanging(service, item string) []*Variant {
	var out []*Variant
	for _, v := range m.VariantsOf(service) {
		if m.index.cells[CellKey{service, v.ID, item}] != nil {
			out = append(out, v)
		}
	}
	return out
}

// Owners lists the valid owner ids for cells of a provider's services: the
// provider's party, the customer and third parties, then "shared" and "n/a".
func (m *Model) Owners(provider string) []string {
	var out []string
	for _, p := range m.Parties {
		if p.Kind != KindProvider || p.Provider == provider {
			out = append(out, p.ID)
		}
	}
	return append(out, OwnerShared, OwnerNotApplicable)
}

// IsOwner reports whether id is a valid owner for the provider's cells.
func (m *Model) IsOwner(provider, id string) bool {
	return slices.Contains(m.Owners(provider), id)
}

// ResolveTarget resolves a service name that may name a variant too, as in
// "lambda:container-image" or "aws/lambda:container-image".
func (m *Model) ResolveTarget(provider, name string) (Target, error) {
	svcName, variantName, hasVariant := strings.Cut(name, ":")
	svc, err := m.ResolveService(provider, svcName)
	if err != nil {
		return Target{}, err
	}
	t := Target{Service: svc}
	if hasVariant {
		v, err := m.ResolveVariant(svc.ID, variantName)
		if err != nil {
			return Target{}, err
		}
		t.Variant = v
	}
	return t, nil
}

// CountEntries counts the entries that a file defined and that are still in
// effect (not replaced by a later file); "" counts every entry.
func (m *Model) CountEntries(origin string) int {
	n := 0
	m.eachEntry(func(e any) {
		if origin == "" || e.(entry).entryOrigin() == origin {
			n++
		}
	})
	return n
}
