package model

import (
	"fmt"
	"strconv"
	"strings"
)

// Target is a service as deployed in one of its variants, or in its default
// deployment when Variant is nil.
type Target struct {
	Service *Service
	Variant *Variant
}

// ID renders the target as "service" or "service:variant".
func (t Target) ID() string {
	if t.Variant == nil {
		return t.Service.ID
	}
	return t.Service.ID + ":" + t.Variant.ID
}

// VariantID returns the variant's id, or "" for the default deployment.
func (t Target) VariantID() string {
	if t.Variant == nil {
		return ""
	}
	return t.Variant.ID
}

// Answer is who owns one item for one target, with everything needed to
// explain it.
type Answer struct {
	Provider *Provider
	Target   Target
	Item     *Item
	Cell     *Cell
	// Owner is the owning party, or nil when the owner is "shared" or "n/a".
	Owner *Party
	// ProviderParty is the party that stands for the provider.
	ProviderParty *Party
	// Alternatives are the other deployments of the service whose owner or
	// label for this item differ from this answer's.
	Alternatives []Alternative
	// Traps are the provider's traps about this item on this service.
	Traps []*Trap
}

// Alternative is the answer for another deployment of the same service.
type Alternative struct {
	Variant *Variant // nil for the default deployment
	Cell    *Cell
}

// NoCellError says that the model has no cell for an item of a service:
// the item does not apply to it. The command line treats it like an
// unknown name (exit code 3), since the pair names nothing in the model.
type NoCellError struct {
	Target Target
	Item   *Item
	Items  []string // the items the service does have
}

func (e *NoCellError) Error() string {
	msg := fmt.Sprintf("item %s does not apply to service %s", strconv.Quote(e.Item.ID), strconv.Quote(e.Target.ID()))
	if len(e.Items) > 0 && len(e.Items) <= 12 {
		msg += fmt.Sprintf(" (its items: %s)", strings.Join(e.Items, ", "))
	} else if len(e.Items) > 12 {
		msg += fmt.Sprintf(" (run 'srm items --service %s' to list its items)", e.Target.Service.ID)
	}
	return msg
}

// Answer looks up who owns item for target.
func (m *Model) Answer(t Target, item *Item) (*Answer, error) {
	cell := m.Cell(t.Service.ID, t.VariantID(), item.ID)
	if cell == nil {
		return nil, &NoCellError{Target: t, Item: item, Items: ids(m.ItemsOf(t.Service.ID), func(i *Item) string { return i.ID })}
	}
	a := &Answer{
		Provider: m.Provider(t.Service.Provider),
		Target:   t,
		Item:     item,
		Cell:     cell,
		Owner:    m.Party(cell.Owner),
	}
	a.ProviderParty = m.Party(a.Provider.Party)
	for _, tr := range m.TrapsFor(a.Provider.ID, t.Service.ID, item.ID) {
		// A shipped trap explains the shipped answer: when an overlay has
		// changed the cell, its claim may no longer hold, so it is left out.
		if embedded(tr.Origin) && !embedded(cell.Origin) {
			continue
		}
		a.Traps = append(a.Traps, tr)
	}
	deployments := append([]*Variant{nil}, m.VariantsOf(t.Service.ID)...)
	for _, v := range deployments {
		if v == t.Variant {
			continue
		}
		vid := ""
		if v != nil {
			vid = v.ID
		}
		other := m.Cell(t.Service.ID, vid, item.ID)
		if other != nil && (other.Owner != cell.Owner || other.Label != cell.Label) {
			a.Alternatives = append(a.Alternatives, Alternative{Variant: v, Cell: other})
		}
	}
	return a, nil
}

// embedded reports whether an origin is one of srm's own files.
func embedded(origin string) bool { return strings.HasPrefix(origin, "embedded:") }
