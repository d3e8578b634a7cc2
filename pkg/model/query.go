package model

import (
	"fmt"
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
func (m *Model) Party(id string) *Party { return m.ix().partyByID()[id] }

// Item returns the item with the given id, or nil. Looking up by id
// scans: the sections are small, and a run asks few questions.
func (m *Model) Item(id string) *Item {
	return find(m.Items, id, func(it *Item) string { return it.ID })
}

// Service returns the service with the given id, or nil.
func (m *Model) Service(id string) *Service {
	return find(m.Services, id, func(s *Service) string { return s.ID })
}

// Variant returns the variant of a service, or nil.
func (m *Model) Variant(service, id string) *Variant {
	for _, v := range m.Variants {
		if v.ID == id && v.Service == service {
			return v
		}
	}
	return nil
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
	if p := m.Provider(name); p != nil {
		return p, nil // an exact id, as scripts type, needs no index
	}
	id, err := m.ix().providerNames().resolve(name)
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
		if id, err := m.ix().providerNames().resolve(p); err == nil {
			provider, name = id, rest
		}
	}
	if s := m.Service(name); s != nil && s.Provider == provider {
		return s, nil
	}
	ix := m.ix().serviceNames(provider)
	if ix == nil {
		return nil, &NameError{Kind: "provider", Name: provider, Known: m.providerIDs()}
	}
	id, err := ix.resolve(name)
	if err != nil {
		if p, perr := m.ix().providerNames().resolve(name); perr == nil && normalize(name) != "" {
			return nil, &ProviderNotServiceError{Provider: m.Provider(p), Example: m.exampleService(p)}
		}
		return nil, m.elsewhere(provider, name, err)
	}
	return m.Service(id), nil
}

// exampleService is a service of the provider to show in a message: its
// IaaS archetype, or its first service.
func (m *Model) exampleService(provider string) string {
	if s := m.Archetype(provider, "iaas"); s != nil {
		return s.ID
	}
	if ss := m.ServicesOf(provider); len(ss) > 0 {
		return ss[0].ID
	}
	return ""
}

// ProviderNotServiceError is a provider's name given where a service
// belongs, as in srm who aws "physical security".
type ProviderNotServiceError struct {
	Provider *Provider
	Example  string
}

func (e *ProviderNotServiceError) Error() string {
	return fmt.Sprintf("%q is a provider, not a service: name one of its services, such as %q, or add --provider %s (run 'srm services --provider %s' to list them)",
		e.Provider.ID, e.Example, e.Provider.ID, e.Provider.ID)
}

// ErrorClass marks a provider given as a service as an unknown name.
func (e *ProviderNotServiceError) ErrorClass() string { return ClassName }

// elsewhere adds to a service the selected provider does not have the
// other providers' services of that exact name, qualified, as in "azure/vm"
// for "vm" when the provider is aws.
func (m *Model) elsewhere(provider, name string, err error) error {
	ne, ok := err.(*NameError)
	if !ok || ne.Ambiguous {
		return err
	}
	var found []string
	for _, p := range m.Providers {
		if p.ID == provider {
			continue
		}
		if id, err := m.ix().serviceNames(p.ID).resolve(name); err == nil {
			found = append(found, p.ID+"/"+id)
		}
	}
	if len(found) == 0 {
		return err
	}
	ne.Scope = "on " + provider
	ne.Candidates = append(found, ne.Candidates...)
	return ne
}

// ResolveVariant finds a variant of a service by id, name or alias.
func (m *Model) ResolveVariant(service, name string) (*Variant, error) {
	if v := m.Variant(service, name); v != nil {
		return v, nil
	}
	names := m.ix().variantNames(service)
	if names == nil {
		return nil, &NameError{Kind: "service", Name: service}
	}
	id, err := names.resolve(name)
	if err != nil {
		return nil, err
	}
	return m.Variant(service, id), nil
}

// ResolveItem finds an item by id, name or alias.
func (m *Model) ResolveItem(name string) (*Item, error) {
	if it := m.Item(name); it != nil {
		return it, nil
	}
	id, err := m.ix().itemNames().resolve(name)
	if err != nil {
		return nil, err
	}
	return m.Item(id), nil
}

func (m *Model) providerIDs() []string {
	return ids(m.Providers, func(p *Provider) string { return p.ID })
}

// ServicesOf lists the services of a provider by id. Model order follows
// file names, which puts "acm-pca" before "acm"; people look ids up
// alphabetically.
func (m *Model) ServicesOf(provider string) []*Service {
	var out []*Service
	for _, s := range m.Services {
		if s.Provider == provider {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b *Service) int { return strings.Compare(a.ID, b.ID) })
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
// cell unless it overrides it, and a service its provider's default cell
// for the item (see DefaultCell). It returns nil when the model has no cell.
func (m *Model) Cell(service, variant, item string) *Cell {
	if variant != "" {
		if c := m.ix().cell(CellKey{Service: service, Variant: variant, Item: item}); c != nil {
			return c
		}
	}
	if c := m.ix().cell(CellKey{Service: service, Item: item}); c != nil {
		return c
	}
	return m.ix().inheritedCell(service, item)
}

// ProviderOf returns the id of the provider a cell belongs to, "" when its
// service is not in the model.
func (m *Model) ProviderOf(c *Cell) string {
	if c.inherited != nil {
		return c.inherited.Provider
	}
	if s := m.Service(c.Service); s != nil {
		return s.Provider
	}
	return ""
}

// Default returns a provider's default cell for an item, or nil.
func (m *Model) Default(provider, item string) *DefaultCell {
	for _, d := range m.Defaults {
		if d.Provider == provider && d.Item == item {
			return d
		}
	}
	return nil
}

// ItemsOf lists the items that have a cell for the service, its own or its
// provider's default, in model order.
func (m *Model) ItemsOf(service string) []*Item {
	var out []*Item
	for _, it := range m.Items {
		if m.Cell(service, "", it.ID) != nil {
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
		if m.ix().cell(CellKey{Service: service, Variant: v.ID, Item: item}) != nil {
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

// ResolveOwner finds an owner of the provider's cells by id or party
// name, ignoring case: "AWS", "Customer", "shared", "N/A". It returns ""
// for anything else; unlike a quiz answer, it never guesses.
func (m *Model) ResolveOwner(provider, name string) string {
	n := normalize(name)
	for _, o := range m.Owners(provider) {
		if n == normalize(o) {
			return o
		}
		if p := m.Party(o); p != nil && n == normalize(p.Name) {
			return o
		}
	}
	return ""
}

// ResolveTarget resolves a service name that may name a variant too, as in
// "lambda:container-image" or "aws/lambda:container-image".
func (m *Model) ResolveTarget(provider, name string) (Target, error) {
	svcName, variantName, hasVariant := strings.Cut(name, ":")
	svc, err := m.ResolveService(provider, svcName)
	if err != nil {
		if t, ok := m.variantNamed(provider, name); ok && !hasVariant {
			return t, nil
		}
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

// variantNamed finds the one variant on a provider whose id, name or alias
// is exactly name, so that "nlb" answers for elb:nlb. People name a
// variant by itself when it is what they run; a near miss is not enough.
func (m *Model) variantNamed(provider, name string) (Target, bool) {
	if p, rest, ok := strings.Cut(name, "/"); ok {
		if id, err := m.ix().providerNames().resolve(p); err == nil {
			provider, name = id, rest
		}
	}
	k := normalize(name)
	if k == "" {
		return Target{}, false
	}
	var found []Target
	for _, s := range m.Services {
		if s.Provider != provider {
			continue
		}
		if id, ok := m.ix().variantNames(s.ID).byKey[k]; ok {
			found = append(found, Target{Service: s, Variant: m.Variant(s.ID, id)})
		}
	}
	if len(found) != 1 {
		return Target{}, false
	}
	return found[0], true
}

// CountEntries counts the entries that a file defined and that are still in
// effect (not replaced by a later file); "" counts every entry.
func (m *Model) CountEntries(origin string) int {
	n := 0
	m.eachEntry(func(e any) {
		if origin == "" || originOf(e.(entry)) == origin {
			n++
		}
	})
	return n
}
