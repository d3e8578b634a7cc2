package render

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"srm/pkg/model"
)

type trapJSON struct {
	ID       string       `json:"id" doc:"Id."`
	Title    string       `json:"title" doc:"Title shown to people."`
	Belief   string       `json:"belief" doc:"The mistaken belief."`
	Truth    string       `json:"truth" doc:"What is true instead."`
	Services []string     `json:"services" doc:"Service ids."`
	Items    []string     `json:"items" doc:"Item ids."`
	Sources  []sourceJSON `json:"sources" doc:"Pages of the provider's documentation behind it ({url, title, checked})."`
}

type faqJSON struct {
	ID       string       `json:"id" doc:"Id."`
	Question string       `json:"question" doc:"The question."`
	Answer   string       `json:"answer" doc:"The answer."`
	Services []string     `json:"services" doc:"Service ids."`
	Items    []string     `json:"items" doc:"Item ids."`
	Sources  []sourceJSON `json:"sources" doc:"Pages of the provider's documentation behind it ({url, title, checked})."`
}

func newTrapJSON(t *model.Trap) trapJSON {
	return trapJSON{ID: t.ID, Title: t.Title, Belief: t.Belief, Truth: t.Truth, Services: list(t.Services), Items: list(t.Items), Sources: sourcesJSON(t.Sources)}
}

// TrapsView is srm traps: common mistaken beliefs and the truth of each.
type TrapsView struct {
	Header
	Traps []trapJSON `json:"traps" doc:"The traps, in model order."`

	traps []*model.Trap
}

// NewTrapsView builds srm traps' view.
func NewTrapsView(p *model.Provider, traps []*model.Trap) *TrapsView {
	v := &TrapsView{Header: NewHeader(p.ID), Traps: []trapJSON{}, traps: traps}
	for _, t := range traps {
		v.Traps = append(v.Traps, newTrapJSON(t))
	}
	return v
}

// Doc lists the traps, numbered.
func (v *TrapsView) Doc() *Doc {
	l := List{Numbered: true, Spaced: true}
	for _, t := range v.traps {
		var blocks []Block
		blocks = append(blocks, Fields{{"The trap", L(T(t.Belief))}, {"In fact", L(T(t.Truth))}})
		if scope := trapScope(t.Services, t.Items); scope != "" {
			blocks = append(blocks, Para{L(D(scope))})
		}
		for _, src := range t.Sources {
			blocks = append(blocks, Para{L(D("Source: "), Link(src.Title, src.URL))})
		}
		l.Items = append(l.Items, ListItem{Line: L(B(t.Title)), Blocks: blocks})
	}
	return &Doc{Blocks: []Block{l}}
}

// CSV is one record per trap.
func (v *TrapsView) CSV() ([]string, [][]string) {
	var rows [][]string
	for _, t := range v.traps {
		rows = append(rows, []string{t.ID, t.Title, t.Belief, t.Truth, strings.Join(t.Services, " "), strings.Join(t.Items, " ")})
	}
	return []string{"id", "title", "belief", "truth", "services", "items"}, rows
}

func trapScope(services, items []string) string {
	var parts []string
	if len(services) > 0 {
		parts = append(parts, "services: "+strings.Join(services, ", "))
	}
	if len(items) > 0 {
		parts = append(parts, "items: "+strings.Join(items, ", "))
	}
	return strings.Join(parts, "; ")
}

// FAQsView is srm faq: questions and their answers.
type FAQsView struct {
	Header
	FAQs []faqJSON `json:"faqs" doc:"The questions, in model order."`

	faqs []*model.FAQ
}

// NewFAQsView builds srm faq's view.
func NewFAQsView(p *model.Provider, faqs []*model.FAQ) *FAQsView {
	v := &FAQsView{Header: NewHeader(p.ID), FAQs: []faqJSON{}, faqs: faqs}
	for _, q := range faqs {
		v.FAQs = append(v.FAQs, faqJSON{ID: q.ID, Question: q.Question, Answer: q.Answer, Services: list(q.Services), Items: list(q.Items), Sources: sourcesJSON(q.Sources)})
	}
	return v
}

// Doc writes each question with its answer and sources.
func (v *FAQsView) Doc() *Doc {
	d := &Doc{}
	for _, q := range v.faqs {
		blocks := []Block{Para{L(T(q.Answer))}}
		for _, src := range q.Sources {
			blocks = append(blocks, Para{L(D("Source: "), Link(src.Title, src.URL))})
		}
		d.Add(Section{Heading: L(T(q.Question)), Blocks: blocks})
	}
	return d
}

// CSV is one record per question.
func (v *FAQsView) CSV() ([]string, [][]string) {
	var rows [][]string
	for _, q := range v.faqs {
		rows = append(rows, []string{q.ID, q.Question, q.Answer})
	}
	return []string{"id", "question", "answer"}, rows
}

type controlJSON struct {
	ID           string       `json:"id" doc:"Id."`
	Name         string       `json:"name" doc:"Name shown to people."`
	Kind         string       `json:"kind" doc:"What kind of entry it is."`
	Description  string       `json:"description" doc:"One sentence on what it is."`
	ProviderDoes []string     `json:"provider_does" doc:"What the provider does."`
	CustomerDoes []string     `json:"customer_does" doc:"What the customer does."`
	Items        []string     `json:"items" doc:"Item ids."`
	Sources      []sourceJSON `json:"sources" doc:"Pages of the provider's documentation behind it ({url, title, checked})."`
}

type mostlyJSON struct {
	Item       string   `json:"item" doc:"Item id."`
	Agree      int      `json:"agree" doc:"Deployments that give the item to this role."`
	Applies    int      `json:"applies" doc:"Deployments where the item applies."`
	Exceptions []string `json:"exceptions" doc:"The deployments that give the item to another role, as service or service:variant."`
}

// mostlyExceptionsShown caps the exceptions a line of text names; JSON
// lists them all.
const mostlyExceptionsShown = 6

func targetIDs(ts []model.Target) []string {
	ids := make([]string, 0, len(ts))
	for _, t := range ts {
		id := t.Service.ID
		if t.Variant != nil {
			id += ":" + t.Variant.ID
		}
		ids = append(ids, id)
	}
	return ids
}

// mostlyText says one mostly-item in words: "Encryption at rest: 88 of
// 97 where it applies; not acm, amplify and 7 more".
func mostlyText(mo model.Mostly, provider string) string {
	s := fmt.Sprintf("%s: %d of %d where it applies", mo.Item.NameFor(provider), mo.Agree, mo.Applies)
	if ids := targetIDs(mo.Exceptions); len(ids) > 0 {
		more := ""
		if len(ids) > mostlyExceptionsShown {
			more = fmt.Sprintf(" and %d more", len(ids)-mostlyExceptionsShown)
			ids = ids[:mostlyExceptionsShown]
		}
		s += "; not " + strings.Join(ids, ", ") + more
	}
	return s
}

// roleTitle names a role for people.
func roleTitle(m *model.Model, p *model.Provider, role string) string {
	switch role {
	case model.KindProvider:
		return "Always " + p.ShortName + "'s"
	case model.KindCustomer:
		return "Always the customer's"
	case model.OwnerShared:
		return "Always shared"
	}
	return "Always " + OwnerName(m, role) + "'s"
}

// AlwaysView is srm always: what every deployment of the provider's
// services leaves to the same side, what most do, and the provider
// model's controls.
type AlwaysView struct {
	Header
	Deployments int                     `json:"deployments" doc:"How many services and variants were looked at."`
	Always      map[string][]string     `json:"always" doc:"Item ids that every deployment gives to a role, by role (provider, customer, shared, or a third party's id)."`
	Mostly      map[string][]mostlyJSON `json:"mostly" doc:"Items that at least four in five deployments where they apply give to one role, by role, with the exceptions."`
	Controls    []controlJSON           `json:"controls" doc:"The controls the provider's own model names: inherited, shared or customer-specific."`

	m     *model.Model
	inv   *model.Invariants
	roles []string
}

// NewAlwaysView builds srm always' view.
func NewAlwaysView(m *model.Model, inv *model.Invariants) *AlwaysView {
	v := &AlwaysView{Header: NewHeader(inv.Provider.ID), Deployments: inv.Deployments, Always: map[string][]string{}, Mostly: map[string][]mostlyJSON{}, Controls: []controlJSON{}, m: m, inv: inv}
	v.roles = []string{model.KindProvider, model.KindCustomer, model.OwnerShared}
	var extra []string
	for r := range inv.Always {
		if !slices.Contains(v.roles, r) && !slices.Contains(extra, r) {
			extra = append(extra, r)
		}
	}
	for r := range inv.Mostly {
		if !slices.Contains(v.roles, r) && !slices.Contains(extra, r) {
			extra = append(extra, r)
		}
	}
	slices.Sort(extra) // map order must not reach the output
	v.roles = append(v.roles, extra...)
	for _, r := range v.roles {
		v.Always[r] = itemIDs(inv.Always[r])
		mostly := []mostlyJSON{}
		for _, mo := range inv.Mostly[r] {
			mostly = append(mostly, mostlyJSON{Item: mo.Item.ID, Agree: mo.Agree, Applies: mo.Applies, Exceptions: targetIDs(mo.Exceptions)})
		}
		v.Mostly[r] = mostly
	}
	for _, c := range inv.Controls {
		v.Controls = append(v.Controls, controlJSON{
			ID: c.ID, Name: c.Name, Kind: c.Kind, Description: c.Description,
			ProviderDoes: list(c.ProviderDoes), CustomerDoes: list(c.CustomerDoes), Items: list(c.Items), Sources: sourcesJSON(c.Sources),
		})
	}
	return v
}

// Doc writes the invariants, then what holds with exceptions, then the
// controls.
func (v *AlwaysView) Doc() *Doc {
	m, inv, p := v.m, v.inv, v.inv.Provider
	d := &Doc{}
	d.Add(Para{L(T(fmt.Sprintf("Across every %s service and variant in the model (%d deployments):", p.ShortName, inv.Deployments)))})
	var fields Fields
	for _, r := range v.roles {
		names := itemNames(inv.Always[r], p.ID)
		if len(names) == 0 {
			if r != model.KindProvider && r != model.KindCustomer && r != model.OwnerShared {
				continue
			}
			names = []string{"nothing"}
		}
		fields = append(fields, Field{roleTitle(m, p, r), L(Toned(T(strings.Join(names, ", ")), roleTone(m, p, r)))})
	}
	d.Add(fields)
	mostly := List{}
	for _, r := range v.roles {
		if len(inv.Mostly[r]) == 0 {
			continue
		}
		var lines []Line
		for _, mo := range inv.Mostly[r] {
			lines = append(lines, L(T(mostlyText(mo, p.ID))))
		}
		title := strings.Replace(roleTitle(m, p, r), "Always", "Mostly", 1) + ":"
		mostly.Items = append(mostly.Items, ListItem{Line: L(Toned(B(title), roleTone(m, p, r))), Blocks: []Block{Bullets(lines...)}})
	}
	if len(mostly.Items) > 0 {
		d.Add(Section{Heading: L(T("Where the item applies, with exceptions")), Blocks: []Block{mostly}})
	}
	kinds := []struct{ kind, phrase string }{
		{model.ControlInherited, "inherited from " + p.ShortName},
		{model.ControlShared, "shared"},
		{model.ControlCustomerSpecific, "customer-specific"},
	}
	if len(inv.Controls) > 0 {
		l := List{Spaced: true}
		for _, k := range kinds {
			for _, c := range inv.Controls {
				if c.Kind != k.kind {
					continue
				}
				var duties []Line
				for _, dd := range c.ProviderDoes {
					duties = append(duties, L(T(p.ShortName+": "+dd)))
				}
				for _, dd := range c.CustomerDoes {
					duties = append(duties, L(T("Customer: "+dd)))
				}
				item := ListItem{Line: L(B(c.Name), T(" ("+k.phrase+"): "+c.Description))}
				if len(duties) > 0 {
					item.Blocks = []Block{Bullets(duties...)}
				}
				l.Items = append(l.Items, item)
			}
		}
		d.Add(Section{Heading: L(T("Controls in " + p.ShortName + "'s model")), Blocks: []Block{l}})
	}
	return d
}

// CSV is one record per item that always or mostly goes to one role; the
// first three columns keep their meaning, the agreement follows.
func (v *AlwaysView) CSV() ([]string, [][]string) {
	var rows [][]string
	for _, r := range v.roles {
		for _, it := range v.inv.Always[r] {
			rows = append(rows, []string{r, it.ID, it.Name, "always", "", "", ""})
		}
	}
	for _, r := range v.roles {
		for _, mo := range v.inv.Mostly[r] {
			rows = append(rows, []string{r, mo.Item.ID, mo.Item.Name, "mostly", strconv.Itoa(mo.Agree), strconv.Itoa(mo.Applies), strings.Join(targetIDs(mo.Exceptions), " ")})
		}
	}
	return []string{"role", "item", "item_name", "extent", "agree", "applies", "exceptions"}, rows
}

// roleTone colours a role of the invariants.
func roleTone(m *model.Model, p *model.Provider, role string) string {
	if role == model.KindProvider {
		return ownerTone(m, p.Party)
	}
	return ownerTone(m, role)
}
