package render

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"srm/pkg/model"
)

type trapJSON struct {
	ID       string       `json:"id"`
	Title    string       `json:"title"`
	Belief   string       `json:"belief"`
	Truth    string       `json:"truth"`
	Services []string     `json:"services"`
	Items    []string     `json:"items"`
	Sources  []sourceJSON `json:"sources"`
}

type faqJSON struct {
	ID       string       `json:"id"`
	Question string       `json:"question"`
	Answer   string       `json:"answer"`
	Services []string     `json:"services"`
	Items    []string     `json:"items"`
	Sources  []sourceJSON `json:"sources"`
}

func newTrapJSON(t *model.Trap) trapJSON {
	return trapJSON{ID: t.ID, Title: t.Title, Belief: t.Belief, Truth: t.Truth, Services: list(t.Services), Items: list(t.Items), Sources: sourcesJSON(t.Sources)}
}

// Traps writes the common mistaken beliefs and the truth about each.
func Traps(w io.Writer, f Format, st Style, p *model.Provider, traps []*model.Trap) error {
	switch f {
	case JSON:
		out := struct {
			SchemaVersion int        `json:"schema_version"`
			Provider      string     `json:"provider"`
			Traps         []trapJSON `json:"traps"`
		}{SchemaVersion, p.ID, []trapJSON{}}
		for _, t := range traps {
			out.Traps = append(out.Traps, newTrapJSON(t))
		}
		return writeJSON(w, out)
	case CSV:
		var rows [][]string
		for _, t := range traps {
			rows = append(rows, []string{t.ID, t.Title, t.Belief, t.Truth, strings.Join(t.Services, " "), strings.Join(t.Items, " ")})
		}
		return writeCSV(w, []string{"id", "title", "belief", "truth", "services", "items"}, rows)
	}
	var b strings.Builder
	for i, t := range traps {
		if i > 0 {
			b.WriteString("\n")
		}
		if f == Markdown {
			fmt.Fprintf(&b, "### %s\n\n**The trap:** %s\n\n**In fact:** %s\n\n%s\n", markdownSafe(t.Title), markdownSafe(t.Belief), markdownSafe(t.Truth), markdownSources(t.Sources))
			continue
		}
		fmt.Fprintf(&b, "%d. %s\n", i+1, st.Bold(Sanitize(t.Title)))
		fmt.Fprintf(&b, "   The trap: %s\n", Sanitize(t.Belief))
		fmt.Fprintf(&b, "   In fact:  %s\n", Sanitize(t.Truth))
		if scope := trapScope(t.Services, t.Items); scope != "" {
			fmt.Fprintf(&b, "   %s\n", st.Dim(Sanitize(scope)))
		}
		for _, s := range t.Sources {
			fmt.Fprintf(&b, "   %s\n", st.Dim(Sanitize("Source: "+s.URL)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
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

func markdownSources(src []model.Source) string {
	var links []string
	for _, s := range src {
		title := s.Title
		if title == "" {
			title = s.URL
		}
		links = append(links, "["+markdownSafe(title)+"]("+s.URL+")")
	}
	if len(links) == 0 {
		return ""
	}
	return "Sources: " + strings.Join(links, ", ")
}

// FAQs writes questions and their answers.
func FAQs(w io.Writer, f Format, st Style, p *model.Provider, faqs []*model.FAQ) error {
	switch f {
	case JSON:
		out := struct {
			SchemaVersion int       `json:"schema_version"`
			Provider      string    `json:"provider"`
			FAQs          []faqJSON `json:"faqs"`
		}{SchemaVersion, p.ID, []faqJSON{}}
		for _, q := range faqs {
			out.FAQs = append(out.FAQs, faqJSON{ID: q.ID, Question: q.Question, Answer: q.Answer, Services: list(q.Services), Items: list(q.Items), Sources: sourcesJSON(q.Sources)})
		}
		return writeJSON(w, out)
	case CSV:
		var rows [][]string
		for _, q := range faqs {
			rows = append(rows, []string{q.ID, q.Question, q.Answer})
		}
		return writeCSV(w, []string{"id", "question", "answer"}, rows)
	}
	var b strings.Builder
	for i, q := range faqs {
		if i > 0 {
			b.WriteString("\n")
		}
		if f == Markdown {
			fmt.Fprintf(&b, "### %s\n\n%s\n\n%s\n", markdownSafe(q.Question), markdownSafe(q.Answer), markdownSources(q.Sources))
			continue
		}
		fmt.Fprintf(&b, "%s\n", st.Bold(Sanitize("Q: "+q.Question)))
		fmt.Fprintf(&b, "A: %s\n", Sanitize(q.Answer))
		for _, s := range q.Sources {
			fmt.Fprintf(&b, "%s\n", st.Dim(Sanitize("Source: "+s.URL)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type controlJSON struct {
	ID           string       `json:"id"`
	Name         string       `json:"name"`
	Kind         string       `json:"kind"`
	Description  string       `json:"description"`
	ProviderDoes []string     `json:"provider_does"`
	CustomerDoes []string     `json:"customer_does"`
	Items        []string     `json:"items"`
	Sources      []sourceJSON `json:"sources"`
}

type alwaysJSON struct {
	SchemaVersion int                 `json:"schema_version"`
	Provider      string              `json:"provider"`
	Deployments   int                 `json:"deployments"`
	Always        map[string][]string `json:"always"`
	// Mostly grew in schema 1: items most deployments give to one role.
	Mostly   map[string][]mostlyJSON `json:"mostly"`
	Controls []controlJSON           `json:"controls"`
}

type mostlyJSON struct {
	Item       string   `json:"item"`
	Agree      int      `json:"agree"`
	Applies    int      `json:"applies"`
	Exceptions []string `json:"exceptions"`
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
func mostlyText(mo model.Mostly) string {
	s := fmt.Sprintf("%s: %d of %d where it applies", mo.Item.Name, mo.Agree, mo.Applies)
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

// Invariants writes what every deployment leaves to the same side, and
// the provider model's controls.
func Invariants(w io.Writer, f Format, st Style, m *model.Model, inv *model.Invariants) error {
	p := inv.Provider
	roles := []string{model.KindProvider, model.KindCustomer, model.OwnerShared}
	for r := range inv.Always {
		if r != model.KindProvider && r != model.KindCustomer && r != model.OwnerShared {
			roles = append(roles, r)
		}
	}
	for r := range inv.Mostly {
		if !slices.Contains(roles, r) {
			roles = append(roles, r)
		}
	}
	switch f {
	case JSON:
		out := alwaysJSON{SchemaVersion: SchemaVersion, Provider: p.ID, Deployments: inv.Deployments, Always: map[string][]string{}, Mostly: map[string][]mostlyJSON{}, Controls: []controlJSON{}}
		for _, r := range roles {
			ids := []string{}
			for _, it := range inv.Always[r] {
				ids = append(ids, it.ID)
			}
			out.Always[r] = ids
			mostly := []mostlyJSON{}
			for _, mo := range inv.Mostly[r] {
				mostly = append(mostly, mostlyJSON{Item: mo.Item.ID, Agree: mo.Agree, Applies: mo.Applies, Exceptions: targetIDs(mo.Exceptions)})
			}
			out.Mostly[r] = mostly
		}
		for _, c := range inv.Controls {
			out.Controls = append(out.Controls, controlJSON{
				ID: c.ID, Name: c.Name, Kind: c.Kind, Description: c.Description,
				ProviderDoes: list(c.ProviderDoes), CustomerDoes: list(c.CustomerDoes), Items: list(c.Items), Sources: sourcesJSON(c.Sources),
			})
		}
		return writeJSON(w, out)
	case CSV:
		var rows [][]string
		for _, r := range roles {
			for _, it := range inv.Always[r] {
				rows = append(rows, []string{r, it.ID, it.Name})
			}
		}
		// Mostly-items follow with the agreement and the exceptions; the
		// first three columns keep their meaning.
		for i := range rows {
			rows[i] = append(rows[i], "always", "", "", "")
		}
		for _, r := range roles {
			for _, mo := range inv.Mostly[r] {
				rows = append(rows, []string{r, mo.Item.ID, mo.Item.Name, "mostly", strconv.Itoa(mo.Agree), strconv.Itoa(mo.Applies), strings.Join(targetIDs(mo.Exceptions), " ")})
			}
		}
		return writeCSV(w, []string{"role", "item", "item_name", "extent", "agree", "applies", "exceptions"}, rows)
	}
	md := f == Markdown
	clean := Sanitize
	if md {
		clean = markdownSafe
		st = Style{}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", clean(fmt.Sprintf("Across every %s service and variant in the model (%d deployments):", p.ShortName, inv.Deployments)))
	for _, r := range roles {
		var names []string
		for _, it := range inv.Always[r] {
			names = append(names, it.Name)
		}
		if len(names) == 0 {
			names = []string{"nothing"}
		}
		title := roleTitle(m, p, r)
		if md {
			fmt.Fprintf(&b, "- **%s:** %s\n", clean(title), clean(strings.Join(names, ", ")))
		} else {
			owner := r
			if r == model.KindProvider {
				owner = p.Party
			}
			fmt.Fprintf(&b, "%s %s\n", st.Owner(m, owner, st.Bold(clean(title+":"))), clean(strings.Join(names, ", ")))
		}
	}
	if len(inv.Mostly) > 0 {
		heading := "Where the item applies, with exceptions:"
		if md {
			fmt.Fprintf(&b, "\n%s\n\n", clean(heading))
		} else {
			fmt.Fprintf(&b, "\n%s\n", clean(heading))
		}
	}
	for _, r := range roles {
		if len(inv.Mostly[r]) == 0 {
			continue
		}
		title := strings.Replace(roleTitle(m, p, r), "Always", "Mostly", 1)
		if md {
			fmt.Fprintf(&b, "- **%s:**\n", clean(title))
		} else {
			owner := r
			if r == model.KindProvider {
				owner = p.Party
			}
			fmt.Fprintf(&b, "  %s\n", st.Owner(m, owner, st.Bold(clean(title+":"))))
		}
		for _, mo := range inv.Mostly[r] {
			if md {
				fmt.Fprintf(&b, "  - %s\n", clean(mostlyText(mo)))
			} else {
				fmt.Fprintf(&b, "    %s\n", clean(mostlyText(mo)))
			}
		}
	}
	kinds := []struct{ kind, phrase string }{
		{model.ControlInherited, "inherited from " + p.ShortName},
		{model.ControlShared, "shared"},
		{model.ControlCustomerSpecific, "customer-specific"},
	}
	if len(inv.Controls) > 0 {
		heading := "Controls in " + p.ShortName + "'s model"
		if md {
			fmt.Fprintf(&b, "\n### %s\n", clean(heading))
		} else {
			fmt.Fprintf(&b, "\n%s\n", st.Bold(clean(heading)))
		}
	}
	for _, k := range kinds {
		for _, c := range inv.Controls {
			if c.Kind != k.kind {
				continue
			}
			line := fmt.Sprintf("%s (%s): %s", c.Name, k.phrase, c.Description)
			top, sub := "\n  ", "    - "
			if md {
				top, sub = "\n- ", "  - "
			}
			fmt.Fprintf(&b, "%s%s\n", top, clean(line))
			for _, d := range c.ProviderDoes {
				fmt.Fprintf(&b, "%s%s\n", sub, clean(p.ShortName+": "+d))
			}
			for _, d := range c.CustomerDoes {
				fmt.Fprintf(&b, "%s%s\n", sub, clean("Customer: "+d))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
