package model

// Explanation gathers what `srm explain` says about a deployment: where
// the line sits, what the customer always keeps, what moved compared with
// the provider's IaaS archetype, which variants move it, and the traps.
type Explanation struct {
	Provider     *Provider
	Target       Target
	ServiceModel *ServiceModel
	// AsModel is set when the user asked about a service model, such as
	// "iaas", which Target stands for as its archetype.
	AsModel *ServiceModel
	// ByRole maps a role to the items this deployment gives it, in order.
	ByRole map[string][]*Item
	// AppSide are the customer's items whose duty lies in the applications
	// that use the deployment, not in it; ByRole counts them too.
	AppSide []*Item
	// CustomerAlways are the items every deployment leaves to the customer.
	CustomerAlways []*Item
	// FromIaaS compares the provider's IaaS archetype with this target; nil
	// when the target is that archetype or there is none.
	FromIaaS *Shift
	// Variants lists, for each variant of the service, what it changes.
	Variants []VariantShift
	// Traps are the provider's traps about this service, then the general
	// traps about items it has.
	Traps []*Trap
	// Services lists the provider's services of the same model.
	Services []*Service
	// Framing is the provider's own overview matrix, at the column for the
	// service model explained; nil when the provider has none for it.
	Framing *Framing
}

// Framing is one column of a provider's overview matrix.
type Framing struct {
	Overview *Overview
	Column   int
}

// FramingOf finds a provider's own overview column for a service model.
func (m *Model) FramingOf(provider, serviceModel string) *Framing {
	for _, o := range m.Overviews {
		if o.Provider != provider {
			continue
		}
		for i, c := range o.Columns {
			if c == serviceModel {
				return &Framing{Overview: o, Column: i}
			}
		}
	}
	return nil
}

// VariantShift is what one variant changes compared with its service.
type VariantShift struct {
	Variant *Variant
	Shift   *Shift
}

// Explain gathers the explanation of a deployment.
func (m *Model) Explain(t Target, asModel *ServiceModel) *Explanation {
	e := &Explanation{
		Provider:     m.Provider(t.Service.Provider),
		Target:       t,
		ServiceModel: m.ServiceModel(t.Service.Model),
		AsModel:      asModel,
		ByRole:       map[string][]*Item{},
	}
	for _, it := range m.Items {
		if c := m.Cell(t.Service.ID, t.VariantID(), it.ID); c != nil {
			r := m.Role(c.Owner)
			e.ByRole[r] = append(e.ByRole[r], it)
			if c.AppSide {
				e.AppSide = append(e.AppSide, it)
			}
		}
	}
	framed := e.ServiceModel.ID
	if asModel != nil {
		framed = asModel.ID
	}
	e.Framing = m.FramingOf(e.Provider.ID, framed)
	inv := m.Invariants(e.Provider.ID)
	e.CustomerAlways = inv.Always[KindCustomer]
	if iaas := m.Archetype(e.Provider.ID, "iaas"); iaas != nil && (iaas.ID != t.Service.ID || t.Variant != nil) {
		e.FromIaaS = m.Shift(Target{Service: iaas}, t)
	}
	if t.Variant == nil {
		for _, v := range m.VariantsOf(t.Service.ID) {
			s := m.Shift(t, Target{Service: t.Service, Variant: v})
			if len(s.Changes) > 0 {
				e.Variants = append(e.Variants, VariantShift{Variant: v, Shift: s})
			}
		}
	}
	seen := map[*Trap]bool{}
	for _, tr := range m.TrapsAbout(e.Provider.ID, t.Service.ID) {
		seen[tr] = true
		e.Traps = append(e.Traps, tr)
	}
	for _, tr := range m.TrapsAbout(e.Provider.ID, "") {
		if seen[tr] || len(tr.Services) > 0 {
			continue
		}
		for _, id := range tr.Items {
			if m.Cell(t.Service.ID, t.VariantID(), id) != nil {
				e.Traps = append(e.Traps, tr)
				break
			}
		}
	}
	for _, s := range m.ServicesOf(e.Provider.ID) {
		if s.Model == t.Service.Model {
			e.Services = append(e.Services, s)
		}
	}
	return e
}
