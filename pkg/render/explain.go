package render

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"srm/pkg/model"
)

type variantShiftJSON struct {
	Variant string       `json:"variant"`
	Name    string       `json:"name"`
	Changes []changeJSON `json:"changes"`
}

type explainJSON struct {
	SchemaVersion   int                 `json:"schema_version"`
	Provider        string              `json:"provider"`
	Service         string              `json:"service"`
	Variant         string              `json:"variant"`
	ServiceModel    string              `json:"service_model"`
	AsModel         string              `json:"as_model"`
	Description     string              `json:"description"`
	ByOwner         map[string][]string `json:"by_owner"`
	CustomerAlways  []string            `json:"customer_always"`
	FromIaaS        *shiftJSON          `json:"from_iaas"`
	Variants        []variantShiftJSON  `json:"variants"`
	Traps           []trapJSON          `json:"traps"`
	Analogy         string              `json:"analogy"`
	ServicesOfModel []string            `json:"services_of_model"`
	ProviderFraming *framingJSON        `json:"provider_framing"` // null when the provider has no matrix for the model
}

// framingJSON is the column of the provider's own matrix for the service
// model explained; owners are "provider", "customer", "shared" or "n/a".
type framingJSON struct {
	Overview string           `json:"overview"`
	Title    string           `json:"title"`
	Column   string           `json:"column"`
	Rows     []framingRowJSON `json:"rows"`
	Notes    []string         `json:"notes"`
	Sources  []sourceJSON     `json:"sources"`
}

type framingRowJSON struct {
	Area  string `json:"area"`
	Owner string `json:"owner"`
}

func itemIDs(items []*model.Item) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}

func itemNames(items []*model.Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Name)
	}
	return out
}

// Explain writes where the line sits for a deployment or service model, in
// short plain paragraphs.
func Explain(w io.Writer, f Format, opt TableOptions, m *model.Model, e *model.Explanation) error {
	p := e.Provider
	sm := e.ServiceModel
	if e.AsModel != nil {
		sm = e.AsModel
	}
	if f == JSON {
		out := explainJSON{
			SchemaVersion: SchemaVersion, Provider: p.ID, Service: e.Target.Service.ID, Variant: e.Target.VariantID(),
			ServiceModel: e.ServiceModel.ID, ByOwner: map[string][]string{}, CustomerAlways: itemIDs(e.CustomerAlways),
			Variants: []variantShiftJSON{}, Traps: []trapJSON{}, Analogy: sm.Analogy, ServicesOfModel: []string{},
			Description: e.Target.Service.Description,
		}
		if e.AsModel != nil {
			out.AsModel = e.AsModel.ID
			out.Description = e.AsModel.Description
		}
		for role, items := range e.ByRole {
			out.ByOwner[role] = itemIDs(items)
		}
		if e.FromIaaS != nil {
			sj := newShiftJSON(m, p, ShiftEnd{Target: e.FromIaaS.From}, ShiftEnd{Target: e.Target}, e.FromIaaS, map[string]bool{})
			out.FromIaaS = &sj
		}
		for _, v := range e.Variants {
			sj := newShiftJSON(m, p, ShiftEnd{Target: v.Shift.From}, ShiftEnd{Target: v.Shift.To}, v.Shift, map[string]bool{})
			out.Variants = append(out.Variants, variantShiftJSON{Variant: v.Variant.ID, Name: v.Variant.Name, Changes: sj.Changes})
		}
		for _, t := range e.Traps {
			out.Traps = append(out.Traps, newTrapJSON(t))
		}
		for _, s := range e.Services {
			out.ServicesOfModel = append(out.ServicesOfModel, s.ID)
		}
		if fr := e.Framing; fr != nil {
			o := fr.Overview
			fj := &framingJSON{Overview: o.ID, Title: o.Title, Column: o.Columns[fr.Column], Rows: []framingRowJSON{},
				Notes: append([]string{}, o.Notes...), Sources: sourcesJSON(o.Sources)}
			for _, r := range o.Rows {
				fj.Rows = append(fj.Rows, framingRowJSON{Area: r.Area, Owner: r.Owners[fr.Column]})
			}
			out.ProviderFraming = fj
		}
		return writeJSON(w, out)
	}
	if f == CSV {
		return explainCSV(w, e)
	}
	md := f == Markdown
	st := opt.Style
	clean := Sanitize
	if md {
		clean = markdownSafe
		st = Style{}
	}
	width := paragraphWidth(opt.Width)
	var b strings.Builder
	heading := func(s string) {
		if md {
			fmt.Fprintf(&b, "\n### %s\n\n", clean(s))
		} else {
			fmt.Fprintf(&b, "\n%s\n", st.Bold(clean(s)))
		}
	}
	para := func(s string) {
		if md {
			fmt.Fprintf(&b, "%s\n", clean(s))
		} else {
			b.WriteString(wrap(clean(s), width, "  "))
		}
	}
	bullet := func(s string) {
		if md {
			fmt.Fprintf(&b, "- %s\n", clean(s))
		} else {
			b.WriteString(hang(clean(s), width, "  - ", "    "))
		}
	}
	name := TargetName(e.Target)
	title := fmt.Sprintf("%s · %s · %s", name, e.Target.Service.Name, modelName(m, e.ServiceModel.ID))
	if e.AsModel != nil {
		title = e.AsModel.Name
		if e.AsModel.ShortName != e.AsModel.Name {
			title = e.AsModel.ShortName + " · " + title
		}
	}
	if md {
		fmt.Fprintf(&b, "## %s\n\n", clean(title))
	} else {
		fmt.Fprintf(&b, "%s\n", st.Bold(clean(title)))
	}
	if e.AsModel != nil {
		var others []string
		for _, s := range e.Services {
			if s.ID != e.Target.Service.ID {
				others = append(others, s.ShortName)
			}
		}
		text := e.AsModel.Description + fmt.Sprintf(" %s's example is %s.", p.ShortName, e.Target.Service.ShortName)
		if len(others) > 0 {
			text += fmt.Sprintf(" Other %s services of this kind: %s.", p.ShortName, strings.Join(others, ", "))
		}
		if !md {
			b.WriteString("\n")
		}
		para(text)
	} else if e.Target.Variant != nil {
		if !md {
			b.WriteString("\n")
		}
		para(e.Target.Variant.Name + ": " + e.Target.Variant.Description)
	} else if e.Target.Service.Description != "" {
		if !md {
			b.WriteString("\n")
		}
		para(e.Target.Service.Description)
	}

	heading("Where the line sits")
	total := 0
	for _, items := range e.ByRole {
		total += len(items)
	}
	var parts []string
	for _, role := range []string{model.KindProvider, model.OwnerShared, model.KindCustomer, model.OwnerNotApplicable} {
		items := e.ByRole[role]
		if len(items) == 0 {
			continue
		}
		var who string
		switch role {
		case model.KindProvider:
			who = fmt.Sprintf("%s owns %d of the %d items", p.ShortName, len(items), total)
		case model.KindCustomer:
			who = fmt.Sprintf("the customer owns %d", len(items))
		case model.OwnerShared:
			who = fmt.Sprintf("%d are shared", len(items))
		case model.OwnerNotApplicable:
			who = fmt.Sprintf("%d do not apply", len(items))
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", who, strings.Join(itemNames(items), ", ")))
	}
	var thirdParties []string
	for role := range e.ByRole {
		if role != model.KindProvider && role != model.KindCustomer && role != model.OwnerShared && role != model.OwnerNotApplicable {
			thirdParties = append(thirdParties, role)
		}
	}
	slices.Sort(thirdParties) // map order must not reach the output
	for _, role := range thirdParties {
		items := e.ByRole[role]
		parts = append(parts, fmt.Sprintf("%s owns %d (%s)", OwnerName(m, role), len(items), strings.Join(itemNames(items), ", ")))
	}
	if len(parts) > 0 {
		parts[0] = strings.ToUpper(parts[0][:1]) + parts[0][1:]
	}
	para(strings.Join(parts, "; ") + ".")

	if fr := e.Framing; fr != nil {
		o := fr.Overview
		heading(fmt.Sprintf("%s's own matrix: %s", OwnerName(m, p.Party), modelName(m, o.Columns[fr.Column])))
		for _, r := range o.Rows {
			bullet(r.Area + ": " + framingOwner(m, p, r.Owners[fr.Column]))
		}
		for _, n := range o.Notes {
			para(n)
		}
		for _, src := range o.Sources {
			para("Source: " + src.Title + " <" + src.URL + ">")
		}
	}

	if len(e.CustomerAlways) > 0 {
		heading("What the customer always keeps")
		para(fmt.Sprintf("On every %s service the customer keeps %s. However managed the service, these never move to %s.", p.ShortName, joinAnd(itemNames(e.CustomerAlways)), p.ShortName))
	}

	if e.FromIaaS != nil {
		heading(fmt.Sprintf("Compared with IaaS (%s)", TargetName(e.FromIaaS.From)))
		if len(e.FromIaaS.Changes) == 0 {
			para(fmt.Sprintf("Nothing moves: %s splits the work as %s does.", name, TargetName(e.FromIaaS.From)))
		}
		for _, dir := range model.Directions {
			var names []string
			for _, c := range e.FromIaaS.Changes {
				if c.Direction == dir {
					names = append(names, c.Item.Name)
				}
			}
			if len(names) > 0 {
				para(fmt.Sprintf("%s: %s.", DirectionTitle(m, p, dir), joinAnd(names)))
			}
		}
	}

	if len(e.Variants) > 0 {
		heading("Deployments that move the line")
		for _, v := range e.Variants {
			var moves []string
			for _, c := range v.Shift.Changes {
				moves = append(moves, fmt.Sprintf("%s (%s → %s)", c.Item.Name, c.From.Label, c.To.Label))
			}
			bullet(fmt.Sprintf("%s (%s:%s): %s.", v.Variant.Name, e.Target.Service.ID, v.Variant.ID, strings.Join(moves, "; ")))
		}
	}

	if len(e.Traps) > 0 {
		heading("Traps")
		for _, t := range e.Traps {
			bullet(t.Title + ". " + t.Truth)
		}
	}

	if sm.Analogy != "" {
		heading("In everyday terms")
		para(sm.Analogy)
	}
	_, err := io.WriteString(w, strings.TrimLeft(b.String(), "\n"))
	return err
}

// explainCSV writes where the line sits as one record per item: the role
// the deployment gives it, provider first.
func explainCSV(w io.Writer, e *model.Explanation) error {
	roles := []string{model.KindProvider, model.OwnerShared, model.KindCustomer, model.OwnerNotApplicable}
	var others []string
	for role := range e.ByRole {
		if !slices.Contains(roles, role) {
			others = append(others, role)
		}
	}
	slices.Sort(others)
	var rows [][]string
	for _, role := range append(roles, others...) {
		for _, it := range e.ByRole[role] {
			rows = append(rows, []string{e.Provider.ID, e.Target.Service.ID, e.Target.VariantID(), e.ServiceModel.ID, it.ID, it.Name, role})
		}
	}
	return writeCSV(w, []string{"provider", "service", "variant", "service_model", "item", "item_name", "role"}, rows)
}

// framingOwner names an owner of a provider's overview matrix, which says
// "provider" rather than a party id.
func framingOwner(m *model.Model, p *model.Provider, owner string) string {
	if owner == model.KindProvider {
		return OwnerName(m, p.Party)
	}
	return OwnerName(m, owner)
}
