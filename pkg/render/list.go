package render

import (
	"io"
	"strings"

	"srm/pkg/model"
)

// Services lists a provider's services with their variants.
func Services(w io.Writer, f Format, opt TableOptions, m *model.Model, p *model.Provider, services []*model.Service) error {
	switch f {
	case JSON:
		out := servicesJSON{SchemaVersion: SchemaVersion, Provider: p.ID, Services: []serviceJSON{}}
		for _, s := range services {
			sj := serviceJSON{
				ID: s.ID, Provider: s.Provider, Name: s.Name, ShortName: s.ShortName, Model: s.Model,
				Aliases: list(s.Aliases), Description: s.Description, DefaultDeployment: defaultDeployment(m, s), DefaultVariant: s.DefaultVariant,
				Variants: []variantJSON{}, Items: len(m.ItemsOf(s.ID)),
			}
			for _, v := range m.VariantsOf(s.ID) {
				sj.Variants = append(sj.Variants, variantJSON{ID: v.ID, Name: v.Name, Aliases: list(v.Aliases), Description: v.Description})
			}
			out.Services = append(out.Services, sj)
		}
		return writeJSON(w, out)
	case CSV:
		var rows [][]string
		for _, s := range services {
			rows = append(rows, []string{s.ID, s.Provider, s.Name, s.ShortName, s.Model, strings.Join(s.Aliases, "; "), variantIDs(m, s)})
		}
		return writeCSV(w, []string{"id", "provider", "name", "short_name", "model", "aliases", "variants"}, rows)
	}
	clean := Sanitize
	if f == Markdown {
		clean = markdownSafe
	}
	g := grid{header: []string{"ID", "Name", "Short name", "Model", "Variants"}}
	for _, s := range services {
		g.rows = append(g.rows, []string{clean(s.ID), clean(s.Name), clean(s.ShortName), clean(modelName(m, s.Model)), clean(variantIDs(m, s))})
	}
	if f == Markdown {
		return writeMarkdown(w, g)
	}
	return writeBox(w, g, opt.Border, opt.Width)
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

// Items lists items with the services of the provider that have a cell for
// each.
func Items(w io.Writer, f Format, opt TableOptions, m *model.Model, p *model.Provider, items []*model.Item) error {
	servicesOf := func(it *model.Item) []string {
		out := []string{}
		for _, s := range m.ServicesOf(p.ID) {
			if m.Cell(s.ID, "", it.ID) != nil {
				out = append(out, s.ID)
			}
		}
		return out
	}
	switch f {
	case JSON:
		out := itemsJSON{SchemaVersion: SchemaVersion, Provider: p.ID, Items: []itemJSON{}}
		for _, it := range items {
			out.Items = append(out.Items, itemJSON{
				ID: it.ID, Name: it.Name, Category: it.Category, Aliases: list(it.Aliases),
				Description: it.Description, Services: servicesOf(it),
			})
		}
		return writeJSON(w, out)
	case CSV:
		var rows [][]string
		for _, it := range items {
			rows = append(rows, []string{it.ID, it.Name, it.Category, strings.Join(it.Aliases, "; "), it.Description})
		}
		return writeCSV(w, []string{"id", "name", "category", "aliases", "description"}, rows)
	}
	clean := Sanitize
	if f == Markdown {
		clean = markdownSafe
	}
	g := grid{header: []string{"ID", "Name", "Category", "Aliases"}}
	for _, it := range items {
		g.rows = append(g.rows, []string{clean(it.ID), clean(it.Name), clean(it.Category), clean(strings.Join(it.Aliases, ", "))})
	}
	if f == Markdown {
		return writeMarkdown(w, g)
	}
	return writeBox(w, g, opt.Border, opt.Width)
}
