package model

import "fmt"

// Selection is what a table or diagram shows.
type Selection struct {
	Title   string
	Targets []Target
	Items   []*Item
}

// SelectTable resolves the services, items and variant a table or diagram
// is asked for. With no
// services it takes the provider's default table; with no items, the
// default table's items or every item that applies to the services.
func (m *Model) SelectTable(prov *Provider, services, items []string, variant string) (Selection, error) {
	var sel Selection
	def := m.Table(prov.DefaultTable)
	names := services
	if len(names) == 0 {
		if def == nil {
			for _, s := range m.ServicesOf(prov.ID) {
				names = append(names, s.ID)
			}
		} else {
			names, sel.Title = def.Services, def.Title
		}
	}
	for _, name := range names {
		t, err := m.ResolveTarget(prov.ID, name)
		if err != nil {
			return sel, err
		}
		sel.Targets = append(sel.Targets, t)
	}
	if variant != "" {
		var err error
		if sel.Targets, err = m.applyVariant(sel.Targets, variant); err != nil {
			return sel, err
		}
	}
	switch {
	case len(items) > 0:
		for _, name := range items {
			it, err := m.ResolveItem(name)
			if err != nil {
				return sel, err
			}
			sel.Items = append(sel.Items, it)
		}
	case len(services) == 0 && def != nil:
		for _, id := range def.Items {
			sel.Items = append(sel.Items, m.Item(id))
		}
	default:
		sel.Items = m.ItemsOfTargets(sel.Targets)
	}
	return sel, nil
}

// applyVariant deploys every target that has a variant of the given name
// that way. It is an error when none has one.
func (m *Model) applyVariant(targets []Target, name string) ([]Target, error) {
	var firstErr error
	applied := false
	for i, t := range targets {
		if t.Variant != nil {
			continue
		}
		v, err := m.ResolveVariant(t.Service.ID, name)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		targets[i].Variant = v
		applied = true
	}
	if !applied {
		if firstErr == nil {
			return nil, &SelectionError{Msg: fmt.Sprintf("--variant %q: every service already names its variant", name)}
		}
		return nil, firstErr
	}
	return targets, nil
}

// SelectionError is a selection that cannot be made from the names given,
// such as a --variant no listed service can take: a usage error.
type SelectionError struct{ Msg string }

func (e *SelectionError) Error() string { return e.Msg }

// ErrorClass marks a selection that cannot be made as a usage error.
func (e *SelectionError) ErrorClass() string { return ClassUsage }

// QuizScope resolves the deployments and items a quiz draws from: the
// named services with their variants (a named variant alone); with no
// names, the provider's quiz services (an exam's scope) in their default
// deployments, or every deployment when all is set. Items are the named
// ones, or every item.
func (m *Model) QuizScope(prov *Provider, services, items []string, all bool) ([]Target, []*Item, error) {
	targets := m.Deployments(prov.ID)
	switch {
	case len(services) > 0:
		targets = nil
		for _, name := range services {
			t, err := m.ResolveTarget(prov.ID, name)
			if err != nil {
				return nil, nil, err
			}
			targets = append(targets, t)
			if t.Variant == nil {
				for _, v := range m.VariantsOf(t.Service.ID) {
					targets = append(targets, Target{Service: t.Service, Variant: v})
				}
			}
		}
	case !all && len(prov.QuizServices) > 0:
		targets = nil
		for _, id := range prov.QuizServices {
			targets = append(targets, Target{Service: m.Service(id)})
		}
	}
	its := m.Items
	if len(items) > 0 {
		its = nil
		for _, name := range items {
			it, err := m.ResolveItem(name)
			if err != nil {
				return nil, nil, err
			}
			its = append(its, it)
		}
	}
	return targets, its, nil
}
