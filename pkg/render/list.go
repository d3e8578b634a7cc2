package render

import (
	"strings"

	"srm/pkg/model"
)

// ServicesView is srm services: a provider's services with their variants.
type ServicesView struct {
	Header
	Services []serviceJSON `json:"services" doc:"The services, by id."`

	m        *model.Model
	services []*model.Service
}

// NewServicesView builds srm services' view.
func NewServicesView(m *model.Model, p *model.Provider, services []*model.Service) *ServicesView {
	v := &ServicesView{Header: NewHeader(p.ID), Services: []serviceJSON{}, m: m, services: services}
	for _, s := range services {
		sj := serviceJSON{
			ID: s.ID, Provider: s.Provider, Name: s.Name, ShortName: s.ShortName, Model: s.Model,
			Aliases: list(s.Aliases), Description: s.Description, DefaultDeployment: defaultDeployment(m, s), DefaultVariant: s.DefaultVariant,
			Variants: []variantJSON{}, Items: len(m.ItemsOf(s.ID)),
		}
		for _, va := range m.VariantsOf(s.ID) {
			sj.Variants = append(sj.Variants, variantJSON{ID: va.ID, Name: va.Name, Aliases: list(va.Aliases), Description: va.Description})
		}
		v.Services = append(v.Services, sj)
	}
	return v
}

// Doc is a table of the services.
func (v *ServicesView) Doc() *Doc {
	t := Table{Header: []string{"ID", "Name", "Short name", "Model", "Variants"}}
	for _, s := range v.services {
		t.Rows = append(t.Rows, []Line{L(T(s.ID)), L(T(s.Name)), L(T(s.ShortName)), L(T(modelName(v.m, s.Model))), L(T(variantIDs(v.m, s)))})
	}
	return &Doc{Blocks: []Block{t}}
}

// CSV is one record per service.
func (v *ServicesView) CSV() ([]string, [][]string) {
	var rows [][]string
	for _, s := range v.services {
		rows = append(rows, []string{s.ID, s.Provider, s.Name, s.ShortName, s.Model, strings.Join(s.Aliases, "; "), variantIDs(v.m, s)})
	}
	return []string{"id", "provider", "name", "short_name", "model", "aliases", "variants"}, rows
}

func variantIDs(m *model.Model, s *model.Service) string {
	var ids []string
	for _, v := range m.VariantsOf(s.ID) {
		ids = append(ids, v.ID)
	}
	return strings.Join(ids, ", ")
}

func modelName(m *model.Model, id string) string {
	if sm := m.ServiceModel(id); sm != nil && sm.ShortName != "" {
		return sm.ShortName
	}
	return id
}

// ItemsView is srm items: the items, with the provider's services that
// have a cell for each.
type ItemsView struct {
	Header
	Items []itemJSON `json:"items" doc:"The items, in model order."`

	items []*model.Item
}

// NewItemsView builds srm items' view.
func NewItemsView(m *model.Model, p *model.Provider, items []*model.Item) *ItemsView {
	v := &ItemsView{Header: NewHeader(p.ID), Items: []itemJSON{}, items: items}
	for _, it := range items {
		services := []string{}
		for _, s := range m.ServicesOf(p.ID) {
			if m.Cell(s.ID, "", it.ID) != nil {
				services = append(services, s.ID)
			}
		}
		v.Items = append(v.Items, itemJSON{
			ID: it.ID, Name: it.Name, Category: it.Category, Aliases: list(it.Aliases),
			Description: it.Description, Services: services,
		})
	}
	return v
}

// Doc is a table of the items.
func (v *ItemsView) Doc() *Doc {
	t := Table{Header: []string{"ID", "Name", "Category", "Aliases"}}
	for _, it := range v.items {
		t.Rows = append(t.Rows, []Line{L(T(it.ID)), L(T(it.Name)), L(T(it.Category)), L(T(strings.Join(it.Aliases, ", ")))})
	}
	return &Doc{Blocks: []Block{t}}
}

// CSV is one record per item.
func (v *ItemsView) CSV() ([]string, [][]string) {
	var rows [][]string
	for _, it := range v.items {
		rows = append(rows, []string{it.ID, it.Name, it.Category, strings.Join(it.Aliases, "; "), it.Description})
	}
	return []string{"id", "name", "category", "aliases", "description"}, rows
}
