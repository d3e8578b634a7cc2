package model

import "slices"

// Comparison is one group of equivalent services side by side, starting
// with the deployment the user asked about.
type Comparison struct {
	Group  *Equivalence
	Matrix *Matrix
	// Differences are the items whose owner is not the same kind of party
	// on every service (the provider on one, the customer on another), or
	// that apply to some services and not to others.
	Differences []Difference
}

// Difference is one item where the services draw the line differently:
// Cells holds each target's cell, nil where the item does not apply.
type Difference struct {
	Item  *Item
	Cells []*Cell
}

// NoEquivalentError says that a service is in no group of equivalent
// services, so there is nothing to compare it with. The command line
// treats it like an unknown name (exit code 3).
type NoEquivalentError struct {
	Service *Service
	// Comparable lists services that do have equivalents, for the message.
	Comparable []string
}

func (e *NoEquivalentError) Error() string {
	msg := e.Service.ShortName + " (" + quoteID(e.Service.ID) + ") has no equivalent services in the model"
	if len(e.Comparable) > 0 {
		msg += "; services that have: " + joinIDs(e.Comparable, 8)
	}
	return msg
}

func joinIDs(ids []string, most int) string {
	out := ""
	for i, id := range ids {
		if i == most {
			return out + ", …"
		}
		if i > 0 {
			out += ", "
		}
		out += id
	}
	return out
}

// EquivalencesOf lists the groups a service belongs to, in model order.
func (m *Model) EquivalencesOf(service string) []*Equivalence {
	var out []*Equivalence
	for _, e := range m.Equivalences {
		if slices.Contains(e.Services, service) {
			out = append(out, e)
		}
	}
	return out
}

// Compare puts a deployment beside its equivalents on every provider, one
// comparison per group it belongs to. The other services appear in their
// default deployment, in the group's order.
func (m *Model) Compare(provider *Provider, t Target) ([]*Comparison, error) {
	groups := m.EquivalencesOf(t.Service.ID)
	if len(groups) == 0 {
		return nil, &NoEquivalentError{Service: t.Service, Comparable: m.comparableServices()}
	}
	var out []*Comparison
	for _, g := range groups {
		targets := []Target{t}
		for _, id := range g.Services {
			if s := m.Service(id); s != nil && s.ID != t.Service.ID {
				targets = append(targets, Target{Service: s})
			}
		}
		items := m.ItemsOfTargets(targets)
		c := &Comparison{Group: g, Matrix: m.Matrix(provider, g.Name, targets, items)}
		for i, it := range items {
			if m.differs(c.Matrix.Cells[i]) {
				c.Differences = append(c.Differences, Difference{Item: it, Cells: c.Matrix.Cells[i]})
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// differs reports whether the cells of one item put it with different
// kinds of party, or apply to some services only.
func (m *Model) differs(cells []*Cell) bool {
	first := ""
	for i, c := range cells {
		role := "none"
		if c != nil {
			role = m.Role(c.Owner)
		}
		if i == 0 {
			first = role
		} else if role != first {
			return true
		}
	}
	return false
}

func (m *Model) comparableServices() []string {
	var out []string
	for _, s := range m.Services {
		if len(m.EquivalencesOf(s.ID)) > 0 {
			out = append(out, s.ID)
		}
	}
	return out
}
