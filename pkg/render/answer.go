package render

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"srm/pkg/model"
)

// Answer writes who owns one item of one service.
func Answer(w io.Writer, f Format, st Style, m *model.Model, a *model.Answer) error {
	switch f {
	case JSON:
		return writeJSON(w, newAnswerJSON(a))
	case Markdown:
		return answerMarkdown(w, m, a)
	case CSV:
		return answerCSV(w, a)
	default:
		return answerText(w, st, m, a)
	}
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

func newAnswerJSON(a *model.Answer) answerJSON {
	c := a.Cell
	out := answerJSON{
		SchemaVersion:   SchemaVersion,
		Provider:        a.Provider.ID,
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
	}
	for _, t := range a.Traps {
		out.Traps = append(out.Traps, trapRefJSON{ID: t.ID, Title: t.Title, Truth: t.Truth})
	}
	if a.Owner != nil {
		out.OwnerName = a.Owner.Name
	} else if c.Owner == model.OwnerShared {
		out.OwnerName = "Shared"
	} else {
		out.OwnerName = "Not applicable"
	}
	for _, alt := range a.Alternatives {
		v := ""
		if alt.Variant != nil {
			v = alt.Variant.ID
		}
		out.Alternatives = append(out.Alternatives, alternativeJSON{Variant: v, Owner: alt.Cell.Owner, Label: alt.Cell.Label})
	}
	return out
}

func answerHeading(a *model.Answer) string {
	return TargetName(a.Target) + " · " + a.Item.Name
}

func answerText(w io.Writer, st Style, m *model.Model, a *model.Answer) error {
	c := a.Cell
	var b strings.Builder
	s := Sanitize
	fmt.Fprintf(&b, "%s\n", st.Bold(s(answerHeading(a))))
	owner := st.Owner(m, c.Owner, st.Bold(s(OwnerName(m, c.Owner))))
	fmt.Fprintf(&b, "Owner:  %s (%s)\n", owner, s(c.Owner))
	fmt.Fprintf(&b, "Label:  %s\n", st.Owner(m, c.Owner, s(c.Label)))
	if a.Target.Variant != nil {
		fmt.Fprintf(&b, "As:     %s\n", s(a.Target.Variant.Name))
	} else if d := defaultDeployment(m, a.Target.Service); d != "" {
		fmt.Fprintf(&b, "As:     %s (the default deployment)\n", s(d))
	}
	if c.ProviderDefault() {
		fmt.Fprintf(&b, "Scope:  %s\n", s(providerDefaultNote(a)))
	}
	if c.Summary != "" {
		fmt.Fprintf(&b, "\n%s\n", s(c.Summary))
	}
	section := func(title string, lines []string) {
		if len(lines) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n%s\n", st.Bold(s(title)))
		for _, l := range lines {
			fmt.Fprintf(&b, "  - %s\n", s(l))
		}
	}
	section(a.ProviderParty.Name+" does:", c.ProviderDoes)
	section("Customer does:", c.CustomerDoes)
	for _, p := range m.Parties {
		if lines, ok := c.PartyDoes[p.ID]; ok {
			section(p.Name+" does:", lines)
		}
	}
	section("Caveats:", c.Caveats)
	if len(a.Traps) > 0 {
		var lines []string
		for _, t := range a.Traps {
			lines = append(lines, t.Title+": "+t.Truth)
		}
		section("Exam traps:", lines)
	}
	if len(a.Alternatives) > 0 {
		var lines []string
		for _, alt := range a.Alternatives {
			lines = append(lines, fmt.Sprintf("%s: %s (%s)", alternativeName(a, alt), alt.Cell.Label, alt.Cell.Owner))
		}
		section("Depends on deployment:", lines)
	}
	var src []string
	for _, so := range c.Sources {
		line := so.URL
		if so.Title != "" {
			line = so.Title + " <" + so.URL + ">"
		}
		if d := checkedDate(so); d != "" {
			line += " (checked " + d + ")"
		}
		src = append(src, line)
	}
	section("Sources:", src)
	if c.Origin != "" && !strings.HasPrefix(c.Origin, "embedded:") {
		fmt.Fprintf(&b, "\n%s\n", st.Dim("From "+s(c.Origin)))
	}
	_, err := io.WriteString(w, b.String())
	return err
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

func answerMarkdown(w io.Writer, m *model.Model, a *model.Answer) error {
	c := a.Cell
	s := markdownSafe
	var b strings.Builder
	fmt.Fprintf(&b, "### %s\n\n", s(answerHeading(a)))
	fmt.Fprintf(&b, "**Owner:** %s (`%s`): %s\n", s(OwnerName(m, c.Owner)), s(c.Owner), s(c.Label))
	if c.ProviderDefault() {
		fmt.Fprintf(&b, "\n*%s*\n", s(providerDefaultNote(a)))
	}
	if c.Summary != "" {
		fmt.Fprintf(&b, "\n%s\n", s(c.Summary))
	}
	section := func(title string, lines []string) {
		if len(lines) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n**%s**\n\n", s(title))
		for _, l := range lines {
			fmt.Fprintf(&b, "- %s\n", s(l))
		}
	}
	section(a.ProviderParty.Name+" does", c.ProviderDoes)
	section("Customer does", c.CustomerDoes)
	for _, p := range m.Parties {
		if lines, ok := c.PartyDoes[p.ID]; ok {
			section(p.Name+" does", lines)
		}
	}
	section("Caveats", c.Caveats)
	var traps []string
	for _, t := range a.Traps {
		traps = append(traps, t.Title+": "+t.Truth)
	}
	section("Exam traps", traps)
	var src []string
	for _, so := range c.Sources {
		title := so.Title
		if title == "" {
			title = so.URL
		}
		src = append(src, "["+title+"]("+so.URL+")")
	}
	if len(src) > 0 {
		fmt.Fprintf(&b, "\n**Sources**\n\n")
		for _, l := range src {
			fmt.Fprintf(&b, "- %s\n", Sanitize(l))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var answerCSVHeader = []string{"provider", "service", "variant", "item", "owner", "label", "summary", "sources"}

func answerCSV(w io.Writer, a *model.Answer) error {
	c := a.Cell
	urls := make([]string, len(c.Sources))
	for i, s := range c.Sources {
		urls[i] = s.URL
	}
	return writeCSV(w, answerCSVHeader, [][]string{{
		a.Provider.ID, a.Target.Service.ID, a.Target.VariantID(), a.Item.ID,
		c.Owner, c.Label, c.Summary, strings.Join(urls, " "),
	}})
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
