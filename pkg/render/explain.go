package render

import (
	"fmt"
	"slices"
	"strings"

	"srm/pkg/model"
)

type variantShiftJSON struct {
	Variant string       `json:"variant" doc:"Variant id, or \"\" for the service's default deployment."`
	Name    string       `json:"name" doc:"Name shown to people."`
	Changes []changeJSON `json:"changes" doc:"The items whose owner changes."`
}

// framingJSON is the column of the provider's own matrix for the service
// model explained; owners are "provider", "customer", "shared" or "n/a".
type framingJSON struct {
	Overview string           `json:"overview" doc:"Id of the provider's overview matrix."`
	Title    string           `json:"title" doc:"Title shown to people."`
	Column   string           `json:"column" doc:"The matrix column: the service model."`
	Rows     []framingRowJSON `json:"rows" doc:"The rows, in order."`
	Notes    []string         `json:"notes" doc:"The matrix's notes."`
	Sources  []sourceJSON     `json:"sources" doc:"Pages of the provider's documentation behind it ({url, title, checked})."`
}

type framingRowJSON struct {
	Area  string `json:"area" doc:"The area of the stack."`
	Owner string `json:"owner" doc:"Owner: a party id, \"shared\" or \"n/a\"."`
}

func itemIDs(items []*model.Item) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}

// itemNames names items as a provider's tables do: "Network controls
// (NSG/firewall)" on Azure. An empty provider, for lines that span clouds,
// keeps each item's own name.
func itemNames(items []*model.Item, provider string) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.NameFor(provider))
	}
	return out
}

// ExplainView is srm explain: where the line sits for a deployment or a
// service model, and why.
type ExplainView struct {
	Header
	Service         string              `json:"service" doc:"The service explained (a service model's example service)."`
	Variant         string              `json:"variant" doc:"Its variant, or \"\"."`
	ServiceModel    string              `json:"service_model" doc:"The service's model: iaas, paas, serverless or saas."`
	AsModel         string              `json:"as_model" doc:"The service model asked about (srm explain paas), or \"\"."`
	Description     string              `json:"description" doc:"What the service or service model is."`
	ByOwner         map[string][]string `json:"by_owner" doc:"Item ids by role: provider, customer, shared, n/a, or a third party's id."`
	AppSide         []string            `json:"app_side" doc:"Ids of the customer's items (also in by_owner) whose duty lies in the applications that use the service, not in the service, such as a managed database's application runtime patching."`
	CustomerAlways  []string            `json:"customer_always" doc:"Items the customer keeps on every one of the provider's services."`
	FromIaaS        *shiftJSON          `json:"from_iaas" doc:"The shift from the provider's IaaS example to this deployment, or null."`
	Variants        []variantShiftJSON  `json:"variants" doc:"The service's variants that move the line, each with its changes."`
	Traps           []trapJSON          `json:"traps" doc:"Exam traps about the service or its items."`
	Analogy         string              `json:"analogy" doc:"The service model in everyday terms."`
	ServicesOfModel []string            `json:"services_of_model" doc:"The provider's other services of the same model."`
	ProviderFraming *framingJSON        `json:"provider_framing" doc:"The provider's own matrix at this service model's column, or null when it has none."`

	m *model.Model
	e *model.Explanation
}

// NewExplainView builds srm explain's view.
func NewExplainView(m *model.Model, e *model.Explanation) *ExplainView {
	p := e.Provider
	sm := e.ServiceModel
	if e.AsModel != nil {
		sm = e.AsModel
	}
	v := &ExplainView{
		Header: NewHeader(p.ID), Service: e.Target.Service.ID, Variant: e.Target.VariantID(),
		ServiceModel: e.ServiceModel.ID, ByOwner: map[string][]string{}, CustomerAlways: itemIDs(e.CustomerAlways), AppSide: itemIDs(e.AppSide),
		Variants: []variantShiftJSON{}, Traps: []trapJSON{}, Analogy: sm.Analogy, ServicesOfModel: []string{},
		Description: e.Target.Service.Description, m: m, e: e,
	}
	if e.AsModel != nil {
		v.AsModel = e.AsModel.ID
		v.Description = e.AsModel.Description
	}
	for role, items := range e.ByRole {
		v.ByOwner[role] = itemIDs(items)
	}
	if e.FromIaaS != nil {
		sj := newShiftJSON(m, p, ShiftEnd{Target: e.FromIaaS.From}, ShiftEnd{Target: e.Target}, e.FromIaaS, map[string]bool{})
		v.FromIaaS = &sj
	}
	for _, va := range e.Variants {
		sj := newShiftJSON(m, p, ShiftEnd{Target: va.Shift.From}, ShiftEnd{Target: va.Shift.To}, va.Shift, map[string]bool{})
		v.Variants = append(v.Variants, variantShiftJSON{Variant: va.Variant.ID, Name: va.Variant.Name, Changes: sj.Changes})
	}
	for _, t := range e.Traps {
		v.Traps = append(v.Traps, newTrapJSON(t))
	}
	for _, s := range e.Services {
		v.ServicesOfModel = append(v.ServicesOfModel, s.ID)
	}
	if fr := e.Framing; fr != nil {
		o := fr.Overview
		fj := &framingJSON{Overview: o.ID, Title: o.Title, Column: o.Columns[fr.Column], Rows: []framingRowJSON{},
			Notes: append([]string{}, o.Notes...), Sources: sourcesJSON(o.Sources)}
		for _, r := range o.Rows {
			fj.Rows = append(fj.Rows, framingRowJSON{Area: r.Area, Owner: r.Owners[fr.Column]})
		}
		v.ProviderFraming = fj
	}
	return v
}

// Doc explains in sections: where the line sits, the provider's own
// matrix, what never moves, the move from IaaS, the variants, the traps
// and an analogy.
func (v *ExplainView) Doc() *Doc {
	m, e, p := v.m, v.e, v.e.Provider
	sm := e.ServiceModel
	if e.AsModel != nil {
		sm = e.AsModel
	}
	providerName := OwnerName(m, p.Party)
	d := &Doc{}
	name := TargetName(e.Target)
	title := fmt.Sprintf("%s · %s · %s", name, e.Target.Service.Name, modelName(m, e.ServiceModel.ID))
	if e.AsModel != nil {
		title = e.AsModel.Name
		if e.AsModel.ShortName != e.AsModel.Name {
			title = e.AsModel.ShortName + " · " + title
		}
	}
	d.Add(Title{L(T(title))})
	switch {
	case e.AsModel != nil:
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
		d.Add(Para{L(T(text))})
	case e.Target.Variant != nil:
		d.Add(Para{L(T(e.Target.Variant.Name + ": " + e.Target.Variant.Description))})
	case e.Target.Service.Description != "":
		d.Add(Para{L(T(e.Target.Service.Description))})
	}

	total := 0
	for _, items := range e.ByRole {
		total += len(items)
	}
	var parts []string
	for _, role := range []string{model.KindProvider, model.OwnerShared, model.KindCustomer, model.OwnerNotApplicable} {
		items := e.ByRole[role]
		if role == model.KindCustomer {
			// Duties in the applications that use the service are not the
			// service's: they are said apart, after the customer's own.
			items = slices.DeleteFunc(slices.Clone(items), func(it *model.Item) bool { return slices.Contains(e.AppSide, it) })
		}
		n := len(items)
		if n == 0 {
			continue
		}
		var who string
		switch role {
		case model.KindProvider:
			who = fmt.Sprintf("%s owns %d of the %d items", providerName, n, total)
		case model.KindCustomer:
			who = fmt.Sprintf("the customer owns %d", n)
		case model.OwnerShared:
			who = fmt.Sprintf("%d %s shared", n, Plural(n, "is", "are"))
		case model.OwnerNotApplicable:
			who = fmt.Sprintf("%d %s not apply", n, Plural(n, "does", "do"))
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", who, strings.Join(itemNames(items, p.ID), ", ")))
		if role == model.KindCustomer && len(e.AppSide) > 0 {
			parts = append(parts, fmt.Sprintf("%d %s the customer's in the applications that use %s, not in it (%s)",
				len(e.AppSide), Plural(len(e.AppSide), "is", "are"), TargetName(e.Target), strings.Join(itemNames(e.AppSide, p.ID), ", ")))
		}
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
		parts = append(parts, fmt.Sprintf("%s owns %d (%s)", OwnerName(m, role), len(items), strings.Join(itemNames(items, p.ID), ", ")))
	}
	if len(parts) > 0 {
		parts[0] = strings.ToUpper(parts[0][:1]) + parts[0][1:]
	}
	d.Add(Section{Heading: L(T("Where the line sits")), Blocks: []Block{Para{L(T(strings.Join(parts, "; ") + "."))}}})

	if fr := e.Framing; fr != nil {
		o := fr.Overview
		var rows []Line
		for _, r := range o.Rows {
			owner := framingOwner(m, p, r.Owners[fr.Column])
			rows = append(rows, L(T(r.Area+": "), T(owner)))
		}
		blocks := []Block{Bullets(rows...)}
		for _, n := range o.Notes {
			blocks = append(blocks, Para{L(T(n))})
		}
		for _, src := range o.Sources {
			blocks = append(blocks, Para{L(T("Source: "), Link(src.Title, src.URL))})
		}
		d.Add(Section{Heading: L(T(fmt.Sprintf("%s's own matrix: %s", providerName, modelName(m, o.Columns[fr.Column])))), Blocks: blocks})
	}

	if len(e.CustomerAlways) > 0 {
		d.Add(Section{Heading: L(T("What the customer always keeps")), Blocks: []Block{Para{L(T(fmt.Sprintf(
			"On every %s service the customer keeps %s. However managed the service, these never move to %s.",
			p.ShortName, joinAnd(itemNames(e.CustomerAlways, p.ID)), providerName)))}}})
	}

	if e.FromIaaS != nil {
		var blocks []Block
		if len(e.FromIaaS.Changes) == 0 {
			blocks = append(blocks, Para{L(T(fmt.Sprintf("Nothing moves: %s splits the work as %s does.", name, TargetName(e.FromIaaS.From))))})
		}
		for _, dir := range model.Directions {
			var names []string
			for _, c := range e.FromIaaS.Changes {
				if c.Direction == dir {
					names = append(names, c.Item.NameFor(p.ID))
				}
			}
			if len(names) > 0 {
				blocks = append(blocks, Para{L(T(fmt.Sprintf("%s: %s.", DirectionTitle(m, p, dir), joinAnd(names))))})
			}
		}
		d.Add(Section{Heading: L(T(fmt.Sprintf("Compared with IaaS (%s)", TargetName(e.FromIaaS.From)))), Blocks: blocks})
	}

	if len(e.Variants) > 0 {
		var lines []Line
		for _, va := range e.Variants {
			var moves []string
			for _, c := range va.Shift.Changes {
				moves = append(moves, fmt.Sprintf("%s (%s → %s)", c.Item.NameFor(p.ID), c.From.Label, c.To.Label))
			}
			lines = append(lines, L(T(fmt.Sprintf("%s (%s:%s): %s.", va.Variant.Name, e.Target.Service.ID, va.Variant.ID, strings.Join(moves, "; ")))))
		}
		d.Add(Section{Heading: L(T("Deployments that move the line")), Blocks: []Block{Bullets(lines...)}})
	}

	if len(e.Traps) > 0 {
		var lines []Line
		for _, t := range e.Traps {
			lines = append(lines, L(T(t.Title+". "+t.Truth)))
		}
		d.Add(Section{Heading: L(T("Traps")), Blocks: []Block{Bullets(lines...)}})
	}

	if sm.Analogy != "" {
		d.Add(Section{Heading: L(T("In everyday terms")), Blocks: []Block{Para{L(T(sm.Analogy))}}})
	}
	return d
}

// CSV is where the line sits, one record per item.
func (v *ExplainView) CSV() ([]string, [][]string) { return explainCSV(v.e) }

// explainCSV writes where the line sits as one record per item: the role
// the deployment gives it, provider first.
func explainCSV(e *model.Explanation) ([]string, [][]string) {
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
	return []string{"provider", "service", "variant", "service_model", "item", "item_name", "role"}, rows
}

// framingOwner names an owner of a provider's overview matrix, which says
// "provider" rather than a party id.
func framingOwner(m *model.Model, p *model.Provider, owner string) string {
	if owner == model.KindProvider {
		return OwnerName(m, p.Party)
	}
	return OwnerName(m, owner)
}
