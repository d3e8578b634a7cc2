package render

import (
	"encoding/csv"
	"io"
	"strings"
	"unicode"

	"srm/pkg/model"
)

// AnswerView is srm who's answer: who owns one item of one service.
type AnswerView struct {
	Header
	Service      string              `json:"service" doc:"Service id."`
	ServiceName  string              `json:"service_name" doc:"The service's full name."`
	Variant      string              `json:"variant" doc:"Variant id, or \"\" for the service's default deployment."`
	Item         string              `json:"item" doc:"Item id."`
	ItemName     string              `json:"item_name" doc:"The item's name."`
	Category     string              `json:"category" doc:"The item's category id."`
	Owner        string              `json:"owner" doc:"Owner: a party id (aws, azure, gcp, customer, or an overlay's third party), \"shared\" or \"n/a\"."`
	OwnerName    string              `json:"owner_name" doc:"The owner as people read it."`
	Label        string              `json:"label" doc:"Short table text, naming the owner."`
	Summary      string              `json:"summary" doc:"One sentence on who does what."`
	ProviderDoes []string            `json:"provider_does" doc:"What the provider does."`
	CustomerDoes []string            `json:"customer_does" doc:"What the customer does."`
	PartyDoes    map[string][]string `json:"party_does" doc:"What third parties do, by party id."`
	Caveats      []string            `json:"caveats" doc:"Defaults, limits and exceptions."`
	Sources      []sourceJSON        `json:"sources" doc:"Pages of the provider's documentation behind the answer."`
	Alternatives []alternativeJSON   `json:"alternatives" doc:"The item's owner on the service's other deployments, when it differs."`
	Origin       string              `json:"origin" doc:"The file that defined the cell: embedded:<file> or an overlay's path."`
	Traps        []trapRefJSON       `json:"traps" doc:"Exam traps about this item and service."`
	// ProviderDefault is true when the answer is the provider's default for
	// the item on every service, not a cell written for this service.
	ProviderDefault bool `json:"provider_default" doc:"True when the answer is the provider's default for every service, not a cell of this service."`
	// Controls came with the compliance frameworks.
	Controls []answerControlJSON `json:"controls" doc:"The compliance controls the item maps to, per framework, with the cell's owner in the framework's words."`

	m *model.Model
	a *model.Answer
}

type answerControlJSON struct {
	Framework string `json:"framework" doc:"Id of the framework, such as \"nist-800-53\"."`
	ID        string `json:"id" doc:"The control's id as the framework writes it, such as \"SI-2\"."`
	Title     string `json:"title" doc:"The control's title; \"\" where srm does not ship the framework's titles."`
	Ownership string `json:"ownership" doc:"The cell's owner in the framework's words, such as \"customer responsibility\"."`
}

// NewAnswerView builds srm who's view.
func NewAnswerView(m *model.Model, a *model.Answer) *AnswerView {
	c := a.Cell
	v := &AnswerView{
		Header:          NewHeader(a.Provider.ID),
		Service:         a.Target.Service.ID,
		ServiceName:     a.Target.Service.Name,
		Variant:         a.Target.VariantID(),
		Item:            a.Item.ID,
		ItemName:        a.Item.Name,
		Category:        a.Item.Category,
		Owner:           c.Owner,
		Label:           c.Label,
		Summary:         c.Summary,
		ProviderDoes:    list(c.ProviderDoes),
		CustomerDoes:    list(c.CustomerDoes),
		PartyDoes:       partyDoes(c.PartyDoes),
		Caveats:         list(c.Caveats),
		Sources:         sourcesJSON(c.Sources),
		Alternatives:    []alternativeJSON{},
		Origin:          c.Origin,
		Traps:           []trapRefJSON{},
		ProviderDefault: c.ProviderDefault(),
		Controls:        []answerControlJSON{},
		m:               m,
		a:               a,
	}
	for _, t := range a.Traps {
		v.Traps = append(v.Traps, trapRefJSON{ID: t.ID, Title: t.Title, Truth: t.Truth})
	}
	v.OwnerName = OwnerName(m, c.Owner)
	for _, fw := range m.Frameworks {
		if mp := m.MappingOf(fw.ID, a.Item.ID); mp != nil {
			word := fw.OwnershipWord(m.Role(c.Owner))
			for _, id := range mp.Controls {
				ctl := m.FrameworkControl(fw.ID, id)
				if ctl == nil {
					continue
				}
				v.Controls = append(v.Controls, answerControlJSON{Framework: fw.ID, ID: ctl.Code, Title: ctl.Title, Ownership: word})
			}
		}
	}
	for _, alt := range a.Alternatives {
		id := ""
		if alt.Variant != nil {
			id = alt.Variant.ID
		}
		v.Alternatives = append(v.Alternatives, alternativeJSON{Variant: id, Owner: alt.Cell.Owner, Label: alt.Cell.Label})
	}
	return v
}

// Doc is the answer for people.
func (v *AnswerView) Doc() *Doc {
	m, a, c := v.m, v.a, v.a.Cell
	tone := ownerTone(m, c.Owner)
	d := &Doc{}
	d.Add(Title{L(T(answerHeading(a)))})
	fields := Fields{
		{"Owner", L(Toned(B(OwnerName(m, c.Owner)), tone), T(" ("), C(c.Owner), T(")"))},
		{"Label", L(Toned(T(c.Label), tone))},
	}
	if a.Target.Variant != nil {
		fields = append(fields, Field{"As", L(T(a.Target.Variant.Name))})
	} else if dd := defaultDeployment(m, a.Target.Service); dd != "" {
		fields = append(fields, Field{"As", L(T(upperFirst(dd) + ", the default deployment"))})
	}
	if c.ProviderDefault() {
		fields = append(fields, Field{"Scope", L(T(providerDefaultNote(a)))})
	}
	d.Add(fields)
	if c.Summary != "" {
		d.Add(Para{L(T(c.Summary))})
	}
	section := func(title string, lines []Line) {
		if len(lines) > 0 {
			d.Add(Section{L(T(title)), []Block{Bullets(lines...)}})
		}
	}
	section(a.ProviderParty.Name+" does", TextLines(c.ProviderDoes))
	section("Customer does", TextLines(c.CustomerDoes))
	for _, p := range m.Parties {
		if lines, ok := c.PartyDoes[p.ID]; ok {
			section(p.Name+" does", TextLines(lines))
		}
	}
	section("Caveats", TextLines(c.Caveats))
	var traps []Line
	for _, t := range a.Traps {
		traps = append(traps, L(T(t.Title+": "+t.Truth)))
	}
	section("Exam traps", traps)
	var alts []Line
	for _, alt := range a.Alternatives {
		alts = append(alts, L(T(alternativeName(a, alt)+": "), Toned(T(alt.Cell.Label), ownerTone(m, alt.Cell.Owner)), T(" ("), C(alt.Cell.Owner), T(")")))
	}
	section("Depends on deployment", alts)
	section("Controls", v.controlLines())
	section("Sources", sourceLines(c.Sources))
	if c.Origin != "" && !strings.HasPrefix(c.Origin, "embedded:") {
		d.Add(Para{L(D("From " + c.Origin))})
	}
	return d
}

// controlLines gives a line per framework: the cell's owner in its words
// and the controls the item maps to.
func (v *AnswerView) controlLines() []Line {
	var out []Line
	for _, fw := range v.m.Frameworks {
		var ids []string
		word := ""
		for _, c := range v.Controls {
			if c.Framework == fw.ID {
				ids = append(ids, c.ID)
				word = c.Ownership
			}
		}
		if len(ids) > 0 {
			out = append(out, L(T(fw.ShortName+" ("), T(word), T("): "+strings.Join(ids, ", "))))
		}
	}
	return out
}

// CSV is the answer as one record.
func (v *AnswerView) CSV() ([]string, [][]string) {
	urls := make([]string, len(v.Sources))
	for i, s := range v.Sources {
		urls[i] = s.URL
	}
	return []string{"provider", "service", "variant", "item", "owner", "label", "summary", "sources"},
		[][]string{{v.Provider, v.Service, v.Variant, v.Item, v.Owner, v.Label, v.Summary, strings.Join(urls, " ")}}
}

// sourceLines lists sources as links with the date each was read.
func sourceLines(src []model.Source) []Line {
	var out []Line
	for _, so := range src {
		line := L(Link(so.Title, so.URL))
		if d := checkedDate(so); d != "" {
			line = append(line, D(" (checked "+d+")"))
		}
		out = append(out, line)
	}
	return out
}

// ownerTone is the colour family of an owner.
func ownerTone(m *model.Model, owner string) string {
	switch owner {
	case model.OwnerShared:
		return ToneShared
	case model.OwnerNotApplicable:
		return ToneNotApplicable
	}
	if p := m.Party(owner); p != nil {
		switch p.Kind {
		case model.KindProvider:
			return ToneProvider
		case model.KindCustomer:
			return ToneCustomer
		}
	}
	return ToneOther
}

// OwnerName is how srm names an owner to people: the party's name, or
// "Shared" or "Not applicable".
func OwnerName(m *model.Model, owner string) string {
	switch owner {
	case model.OwnerShared:
		return "Shared"
	case model.OwnerNotApplicable:
		return "Not applicable"
	}
	if p := m.Party(owner); p != nil {
		return p.Name
	}
	return owner
}

// TargetName is a column heading: the service's short name, with the
// variant's name when there is one.
func TargetName(t model.Target) string {
	if t.Variant == nil {
		return t.Service.ShortName
	}
	return t.Service.ShortName + " (" + t.Variant.ID + ")"
}

func answerHeading(a *model.Answer) string {
	return TargetName(a.Target) + " · " + a.Item.Name
}

// providerDefaultNote says that an answer is the provider's default for
// the item rather than a cell written for the service.
func providerDefaultNote(a *model.Answer) string {
	return a.Provider.ShortName + "'s default for every one of its services: " + a.Target.Service.ShortName + " has no cell of its own for this item"
}

func alternativeName(a *model.Answer, alt model.Alternative) string {
	if alt.Variant == nil {
		return "default (" + a.Target.Service.ID + ")"
	}
	return a.Target.Service.ID + ":" + alt.Variant.ID
}

func writeCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, r := range rows {
		safe := make([]string, len(r))
		for i, v := range r {
			safe[i] = csvSafe(v)
		}
		if err := cw.Write(safe); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// defaultDeployment names the deployment a service's own cells describe.
func defaultDeployment(m *model.Model, svc *model.Service) string {
	if svc.DefaultDeployment != "" {
		return svc.DefaultDeployment
	}
	if v := m.Variant(svc.ID, svc.DefaultVariant); v != nil {
		return v.Name
	}
	return ""
}

// upperFirst capitalises the first letter of a phrase that starts a field.
func upperFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}
