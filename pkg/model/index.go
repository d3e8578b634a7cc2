package model

import (
	"reflect"
	"strconv"
	"sync"
	"sync/atomic"
)

// index holds the lookups of a validated model. Each part is built the
// first time it is needed: a run that answers one question about EC2
// should not pay for indexing every resource type and variant.
type index struct {
	m *Model
	// clash reports a name that two entries share. It is set while
	// validating, when every part is built at once; nil otherwise.
	clash func(e any, name, other string)

	providersOnce sync.Once
	providers     *nameIndex

	partiesOnce sync.Once
	parties     map[string]*Party

	itemsOnce sync.Once
	items     *nameIndex

	servicesOnce sync.Once
	services     map[string]*nameIndex // per provider id

	variantsOnce sync.Once
	variants     map[string]*nameIndex // per service id

	cellsOnce   sync.Once
	cells       map[CellKey]*Cell
	cellLookups atomic.Int32
	byServiceMu sync.Mutex
	byService   map[string]*[]*Cell // per service, gathered on first lookup

	// inherited holds the provider-default cells handed out so far, one per
	// service and item, so that asking twice gives the same cell.
	inheritedMu sync.Mutex
	inherited   map[CellKey]*Cell

	modelsOnce sync.Once
	models     *nameIndex

	resourcesOnce    sync.Once
	resources        map[string]*ResourceType
	resourcePatterns []*ResourceType // types ending in *, longest first
}

// ix returns the model's index, creating it on first use.
func (m *Model) ix() *index {
	m.indexOnce.Do(func() {
		if m.index == nil {
			m.index = &index{m: m}
		}
	})
	return m.index
}

// names builds every part of the index at once and reports names that two
// entries share.
func (v *validator) names() {
	ix := &index{m: v.m, clash: func(e any, name, other string) {
		field := "aliases"
		rv := reflect.ValueOf(e).Elem()
		for _, f := range []string{"ID", "Name", "ShortName"} {
			if fv := rv.FieldByName(f); fv.IsValid() && fv.String() == name {
				sf, _ := rv.Type().FieldByName(f)
				field = tomlName(sf)
				break
			}
		}
		v.add(e, field, "name %s is already used by %s", strconv.Quote(name), strconv.Quote(other))
	}}
	ix.providerNames()
	ix.partyByID()
	ix.modelNames()
	ix.itemNames()
	ix.serviceNames("")
	ix.variantNames("")
	ix.resourceTypes()
	v.m.index = ix
}

func (ix *index) add(names *nameIndex, e any, id string, more ...string) {
	if n, o := names.add(id, more...); n != "" && ix.clash != nil {
		ix.clash(e, n, o)
	}
}

func (ix *index) providerNames() *nameIndex {
	ix.providersOnce.Do(func() {
		ix.providers = newNameIndex("provider", "")
		for _, p := range ix.m.Providers {
			ix.add(ix.providers, p, p.ID, append([]string{p.Name, p.ShortName}, p.Aliases...)...)
		}
	})
	return ix.providers
}

func (ix *index) partyByID() map[string]*Party {
	ix.partiesOnce.Do(func() {
		ix.parties = make(map[string]*Party, len(ix.m.Parties))
		for _, p := range ix.m.Parties {
			ix.parties[p.ID] = p
		}
	})
	return ix.parties
}

func (ix *index) modelNames() *nameIndex {
	ix.modelsOnce.Do(func() {
		ix.models = newNameIndex("service model", "")
		for _, sm := range ix.m.ServiceModels {
			ix.add(ix.models, sm, sm.ID, sm.Name, sm.ShortName)
		}
	})
	return ix.models
}

func (ix *index) itemNames() *nameIndex {
	ix.itemsOnce.Do(func() {
		ix.items = newNameIndex("item", "")
		for _, it := range ix.m.Items {
			ix.add(ix.items, it, it.ID, append([]string{it.Name}, it.Aliases...)...)
		}
	})
	return ix.items
}

// serviceNames returns the names of one provider's services, or nil for a
// provider the model does not have.
func (ix *index) serviceNames(provider string) *nameIndex {
	ix.servicesOnce.Do(func() {
		ix.services = make(map[string]*nameIndex, len(ix.m.Providers))
		for _, p := range ix.m.Providers {
			ix.services[p.ID] = newNameIndex("service", "")
		}
		for _, s := range ix.m.Services {
			if byProvider := ix.services[s.Provider]; byProvider != nil {
				ix.add(byProvider, s, s.ID, append([]string{s.Name, s.ShortName}, s.Aliases...)...)
			}
		}
	})
	return ix.services[provider]
}

// variantNames returns the names of one service's variants, or nil for a
// service the model does not have.
func (ix *index) variantNames(service string) *nameIndex {
	ix.variantsOnce.Do(func() {
		ix.variants = make(map[string]*nameIndex, len(ix.m.Services))
		for _, s := range ix.m.Services {
			ix.variants[s.ID] = newNameIndex("variant", "of service "+strconv.Quote(s.ID))
		}
		for _, va := range ix.m.Variants {
			if byService := ix.variants[va.Service]; byService != nil {
				ix.add(byService, va, va.ID, append([]string{va.Name}, va.Aliases...)...)
			}
		}
	})
	return ix.variants[service]
}

// Cell lookups: srm who asks for a few cells, srm table for dozens of a
// few services, srm explain for every service. Scanning every cell per
// lookup is quick for a few; a map of every cell costs more to build than
// a table needs. So cells are gathered per service, on the first lookup of
// that service, and only many services make the full map worth building.
const (
	cellScanLimit    = 8  // lookups that scan every cell
	serviceScanLimit = 16 // services gathered one by one before the full map
)

func (ix *index) cell(k CellKey) *Cell {
	if ix.cellLookups.Add(1) <= cellScanLimit {
		return findCell(ix.m.Cells, k)
	}
	if cells := ix.serviceCells(k.Service); cells != nil {
		return findCell(*cells, k)
	}
	ix.cellsOnce.Do(func() {
		ix.cells = make(map[CellKey]*Cell, len(ix.m.Cells))
		for _, c := range ix.m.Cells {
			ix.cells[c.key()] = c
		}
	})
	return ix.cells[k]
}

func findCell(cells []*Cell, k CellKey) *Cell {
	for _, c := range cells {
		if c.Item == k.Item && c.Service == k.Service && c.Variant == k.Variant {
			return c
		}
	}
	return nil
}

// serviceCells returns the cells of one service, gathered on first use,
// or nil once more services have been asked for than gathering suits.
func (ix *index) serviceCells(service string) *[]*Cell {
	ix.byServiceMu.Lock()
	defer ix.byServiceMu.Unlock()
	if cells, ok := ix.byService[service]; ok {
		return cells
	}
	if len(ix.byService) >= serviceScanLimit {
		return nil
	}
	if ix.byService == nil {
		ix.byService = map[string]*[]*Cell{}
	}
	var cells []*Cell
	for _, c := range ix.m.Cells {
		if c.Service == service {
			cells = append(cells, c)
		}
	}
	ix.byService[service] = &cells
	return &cells
}

// inheritedCell returns the service's provider-default cell for the item,
// or nil when the provider has no default for it.
func (ix *index) inheritedCell(service, item string) *Cell {
	svc := ix.m.Service(service)
	if svc == nil {
		return nil
	}
	d := ix.m.Default(svc.Provider, item)
	if d == nil {
		return nil
	}
	k := CellKey{Service: service, Item: item}
	ix.inheritedMu.Lock()
	defer ix.inheritedMu.Unlock()
	if c := ix.inherited[k]; c != nil {
		return c
	}
	if ix.inherited == nil {
		ix.inherited = map[CellKey]*Cell{}
	}
	c := d.cellFor(service)
	ix.inherited[k] = c
	return c
}
