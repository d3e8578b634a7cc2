package model

// Role is what an owner is, independent of provider: "provider" for any
// provider's party, "customer", "shared", "n/a", or a third party's id.
// Comparing roles lets a shift between two providers' services treat
// "aws" and "azure" as the same side of the line.
func (m *Model) Role(owner string) string {
	switch owner {
	case OwnerShared, OwnerNotApplicable:
		return owner
	}
	if p := m.Party(owner); p != nil {
		switch p.Kind {
		case KindProvider:
			return KindProvider
		case KindCustomer:
			return KindCustomer
		}
	}
	return owner
}

// Directions a change of owner can take, named for where it ends up.
const (
	ToProvider      = "to-provider"
	ToCustomer      = "to-customer"
	ToShared        = "to-shared"
	ToNotApplicable = "to-n/a"
	ToParty         = "to-party" // a third party an overlay adds
)

// Directions lists the directions in the order shifts present them.
var Directions = []string{ToProvider, ToShared, ToCustomer, ToParty, ToNotApplicable}

// Change is one item whose owner differs between two deployments.
type Change struct {
	Item      *Item
	From, To  *Cell
	Direction string
}

// Shift compares two deployments item by item.
type Shift struct {
	From, To  Target
	Changes   []Change
	Unchanged []Change // Direction is empty
	// OnlyFrom and OnlyTo list items that apply on one side only: the
	// other has no cell for them, and an n/a cell does not count as
	// having them.
	OnlyFrom, OnlyTo []*Item
}

// Shift compares the cells of two deployments, in item order.
func (m *Model) Shift(from, to Target) *Shift {
	s := &Shift{From: from, To: to}
	for _, it := range m.Items {
		a := m.Cell(from.Service.ID, from.VariantID(), it.ID)
		b := m.Cell(to.Service.ID, to.VariantID(), it.ID)
		switch {
		case a == nil && b == nil:
		case b == nil:
			if a.Owner != OwnerNotApplicable {
				s.OnlyFrom = append(s.OnlyFrom, it)
			}
		case a == nil:
			if b.Owner != OwnerNotApplicable {
				s.OnlyTo = append(s.OnlyTo, it)
			}
		case m.Role(a.Owner) == m.Role(b.Owner):
			s.Unchanged = append(s.Unchanged, Change{Item: it, From: a, To: b})
		default:
			s.Changes = append(s.Changes, Change{Item: it, From: a, To: b, Direction: m.direction(b.Owner)})
		}
	}
	return s
}

func (m *Model) direction(owner string) string {
	switch m.Role(owner) {
	case KindProvider:
		return ToProvider
	case KindCustomer:
		return ToCustomer
	case OwnerShared:
		return ToShared
	case OwnerNotApplicable:
		return ToNotApplicable
	}
	return ToParty
}

// Archetype returns the service that best shows a service model for a
// provider, such as EC2 for AWS's IaaS.
func (m *Model) Archetype(provider, serviceModel string) *Service {
	p := m.Provider(provider)
	if p == nil {
		return nil
	}
	return m.Service(p.Archetypes[serviceModel])
}

// ResolveServiceModel finds a service model by id, name or short name.
func (m *Model) ResolveServiceModel(name string) (*ServiceModel, error) {
	id, err := m.ix().modelNames().resolve(name)
	if err != nil {
		return nil, err
	}
	return m.ServiceModel(id), nil
}

// ResolveShiftEnd resolves one end of a shift: a service, a variant as
// "service:variant", or a service model such as "iaas", which stands for
// the provider's archetype of that model.
func (m *Model) ResolveShiftEnd(provider, name string) (Target, *ServiceModel, error) {
	if sm, err := m.ResolveServiceModel(name); err == nil {
		svc := m.Archetype(provider, sm.ID)
		if svc == nil {
			return Target{}, nil, &NoArchetypeError{Provider: provider, Model: sm}
		}
		return Target{Service: svc}, sm, nil
	}
	t, err := m.ResolveTarget(provider, name)
	return t, nil, err
}

// NoArchetypeError says that a provider names no example service for a
// service model, so the model cannot stand for a deployment. The command
// line treats it like an unknown name (exit code 3).
type NoArchetypeError struct {
	Provider string
	Model    *ServiceModel
}

func (e *NoArchetypeError) Error() string {
	return "provider " + quoteID(e.Provider) + " has no example service for " + e.Model.ShortName + " (" + quoteID(e.Model.ID) + "); name a service instead"
}
