package model

import (
	"reflect"
	"strconv"
)

// index holds the name lookups of a validated model.
type index struct {
	providers *nameIndex
	parties   map[string]*Party
	items     *nameIndex
	itemByID  map[string]*Item
	services  map[string]*nameIndex // per provider id
	allSvc    map[string]*Service
	variants  map[string]*nameIndex // per service id
	variantBy map[string]*Variant   // "service:variant"
	cells     map[CellKey]*Cell
	models    *nameIndex

	resources        map[string]*ResourceType
	resourcePatterns []*ResourceType // types ending in *, longest first
}

// names builds the indexes and reports names that two entries share.
func (v *validator) names() {
	m := v.m
	ix := &index{
		providers: newNameIndex("provider", ""),
		parties:   map[string]*Party{},
		items:     newNameIndex("item", ""),
		itemByID:  map[string]*Item{},
		services:  map[string]*nameIndex{},
		allSvc:    map[string]*Service{},
		variants:  map[string]*nameIndex{},
		variantBy: map[string]*Variant{},
		cells:     map[CellKey]*Cell{},
		models:    newNameIndex("service model", ""),
	}
	clash := func(e any, name, other string) {
		if name == "" {
			return
		}
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
	}
	for _, p := range m.Providers {
		n, o := ix.providers.add(p.ID, append([]string{p.Name, p.ShortName}, p.Aliases...)...)
		clash(p, n, o)
		ix.services[p.ID] = newNameIndex("service", "")
	}
	for _, p := range m.Parties {
		ix.parties[p.ID] = p
	}
	for _, sm := range m.ServiceModels {
		n, o := ix.models.add(sm.ID, sm.Name, sm.ShortName)
		clash(sm, n, o)
	}
	for _, it := range m.Items {
		n, o := ix.items.add(it.ID, append([]string{it.Name}, it.Aliases...)...)
		clash(it, n, o)
		ix.itemByID[it.ID] = it
	}
	for _, s := range m.Services {
		ix.allSvc[s.ID] = s
		if byProvider := ix.services[s.Provider]; byProvider != nil {
			n, o := byProvider.add(s.ID, append([]string{s.Name, s.ShortName}, s.Aliases...)...)
			clash(s, n, o)
		}
		ix.variants[s.ID] = newNameIndex("variant", "of service "+strconv.Quote(s.ID))
	}
	for _, va := range m.Variants {
		ix.variantBy[va.Service+":"+va.ID] = va
		if byService := ix.variants[va.Service]; byService != nil {
			n, o := byService.add(va.ID, append([]string{va.Name}, va.Aliases...)...)
			clash(va, n, o)
		}
	}
	for _, c := range m.Cells {
		ix.cells[c.key()] = c
	}
	ix.indexResources(m.Resources)
	m.index = ix
}
