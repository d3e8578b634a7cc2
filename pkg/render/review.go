package render

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"srm/pkg/model"
	"srm/pkg/review"
)

// ReviewReport is everything `srm review` prints.
type ReviewReport struct {
	Provider *model.Provider
	Review   *model.Review
	Stack    *review.Stack
	// Acks is true when acknowledgements were checked.
	Acks bool
}

type reviewJSON struct {
	SchemaVersion    int                      `json:"schema_version"`
	Provider         string                   `json:"provider"`
	Inputs           []reviewInputJSON        `json:"inputs"`
	Services         []reviewServiceJSON      `json:"services"`
	Responsibilities []responsibilityJSON     `json:"responsibilities"`
	ProviderOwned    []string                 `json:"provider_owned"`
	Providers        []string                 `json:"providers"` // the providers of the stack's services, in model order
	UnknownTypes     []typeCountJSON          `json:"unknown_resource_types"`
	IgnoredTypes     []typeCountJSON          `json:"ignored_resource_types"`
	Acknowledgements bool                     `json:"acknowledgements_checked"`
	Unacknowledged   []unacknowledgedJSONItem `json:"unacknowledged"`
	// NotReviewed lists what srm could not review: unknown resource types,
	// registry modules, nested stacks at URLs, linked templates.
	NotReviewed []notReviewedJSON `json:"not_reviewed"`
}

type notReviewedJSON struct {
	Kind         string   `json:"kind"`
	Name         string   `json:"name"`
	Source       string   `json:"source"`
	Where        string   `json:"where"`
	Why          string   `json:"why"`
	Resources    []string `json:"resources"`
	Acknowledged bool     `json:"acknowledged"`
	AckOwner     string   `json:"ack_owner"`
	AckReason    string   `json:"ack_reason"`
	// KnownType is true for a resource type the model knows but cannot
	// review (a retired product, a template passed as a string).
	KnownType bool `json:"known_type"`
}

type reviewInputJSON struct {
	Path      string `json:"path"`
	Format    string `json:"format"`
	Resources int    `json:"resources"`
	Deleted   int    `json:"deleted"`
}

type reviewServiceJSON struct {
	Service   string   `json:"service"`
	Variant   string   `json:"variant"`
	Name      string   `json:"name"`
	Resources []string `json:"resources"`
}

type responsibilityJSON struct {
	Item     string            `json:"item"`
	ItemName string            `json:"item_name"`
	Category string            `json:"category"`
	Entries  []reviewEntryJSON `json:"entries"`
}

type reviewEntryJSON struct {
	Service      string   `json:"service"`
	Variant      string   `json:"variant"`
	Owner        string   `json:"owner"`
	Label        string   `json:"label"`
	CustomerDoes []string `json:"customer_does"`
	Acknowledged bool     `json:"acknowledged"`
	AckOwner     string   `json:"ack_owner"`
	Evidence     string   `json:"evidence"`
}

type typeCountJSON struct {
	Type      string   `json:"type"`
	Count     int      `json:"count"`
	Reason    string   `json:"reason,omitempty"`
	Resources []string `json:"resources"`
}

type unacknowledgedJSONItem struct {
	Item    string `json:"item"`
	Service string `json:"service"`
	Variant string `json:"variant"`
	Owner   string `json:"owner"`
}

// Review writes a stack's review.
func Review(w io.Writer, f Format, opt TableOptions, m *model.Model, r ReviewReport) error {
	switch f {
	case JSON:
		return writeJSON(w, newReviewJSON(m, r))
	case CSV:
		return reviewCSV(w, r)
	case Markdown:
		return reviewMarkdown(w, m, r)
	}
	return reviewText(w, opt, m, r)
}

func newReviewJSON(m *model.Model, r ReviewReport) reviewJSON {
	out := reviewJSON{
		SchemaVersion: SchemaVersion, Provider: r.Provider.ID, Inputs: []reviewInputJSON{}, Services: []reviewServiceJSON{},
		Responsibilities: []responsibilityJSON{}, ProviderOwned: itemIDs(r.Review.ProviderOwned),
		Providers:    stackProviders(m, r.Review),
		UnknownTypes: typeCounts(r.Stack.Unknown()), IgnoredTypes: typeCounts(r.Stack.Ignored), Acknowledgements: r.Acks,
		Unacknowledged: []unacknowledgedJSONItem{}, NotReviewed: []notReviewedJSON{},
	}
	for _, in := range r.Stack.Inputs {
		out.Inputs = append(out.Inputs, reviewInputJSON(in))
	}
	for _, st := range r.Review.Targets {
		out.Services = append(out.Services, reviewServiceJSON{
			Service: st.Target.Service.ID, Variant: st.Target.VariantID(), Name: TargetName(st.Target), Resources: list(st.Addresses()),
		})
	}
	for _, nr := range r.Stack.NotReviewed {
		j := notReviewedJSON{Kind: nr.Kind, Name: nr.Name, Source: nr.Source, Where: nr.Where, Why: nr.Why, Resources: list(nr.Resources), Acknowledged: nr.Ack != nil, KnownType: nr.Known}
		if nr.Ack != nil {
			j.AckOwner, j.AckReason = nr.Ack.Owner, nr.Ack.Reason
		}
		out.NotReviewed = append(out.NotReviewed, j)
	}
	for _, resp := range r.Review.Responsibilities {
		rj := responsibilityJSON{Item: resp.Item.ID, ItemName: resp.Item.Name, Category: resp.Item.Category, Entries: []reviewEntryJSON{}}
		for _, e := range resp.Entries {
			ej := reviewEntryJSON{
				Service: e.Target.Target.Service.ID, Variant: e.Target.Target.VariantID(), Owner: e.Cell.Owner,
				Label: e.Cell.Label, CustomerDoes: list(e.Cell.CustomerDoes), Acknowledged: e.Ack != nil,
			}
			if e.Ack != nil {
				ej.AckOwner, ej.Evidence = e.Ack.Owner, e.Ack.Evidence
			} else if r.Acks {
				out.Unacknowledged = append(out.Unacknowledged, unacknowledgedJSONItem{Item: resp.Item.ID, Service: ej.Service, Variant: ej.Variant, Owner: ej.Owner})
			}
			rj.Entries = append(rj.Entries, ej)
		}
		out.Responsibilities = append(out.Responsibilities, rj)
	}
	return out
}

func typeCounts(tcs []review.TypeCount) []typeCountJSON {
	out := []typeCountJSON{}
	for _, tc := range tcs {
		out = append(out, typeCountJSON{Type: tc.Type, Count: len(tc.Resources), Reason: tc.Reason, Resources: list(tc.Resources)})
	}
	return out
}

func reviewCSV(w io.Writer, r ReviewReport) error {
	var rows [][]string
	for _, resp := range r.Review.Responsibilities {
		for _, e := range resp.Entries {
			acked, owner, evidence := "", "", ""
			if r.Acks {
				acked = "no"
			}
			if e.Ack != nil {
				acked, owner, evidence = "yes", e.Ack.Owner, e.Ack.Evidence
			}
			rows = append(rows, []string{
				resp.Item.ID, resp.Item.Category, e.Target.Target.Service.ID, e.Target.Target.VariantID(), e.Cell.Owner, e.Cell.Label,
				strings.Join(e.Cell.CustomerDoes, "; "), strings.Join(e.Target.Addresses(), " "), acked, owner, evidence,
			})
		}
	}
	// What was not reviewed follows as rows of the category "not-reviewed":
	// the kind stands where the item does, the type or address where the
	// service does, and why where the customer's duties do.
	for _, nr := range r.Stack.NotReviewed {
		acked, owner, reason := "", "", ""
		if r.Acks {
			acked = "no"
		}
		if nr.Ack != nil {
			acked, owner, reason = "yes", nr.Ack.Owner, nr.Ack.Reason
		}
		name := nr.Name
		if nr.Source != "" {
			name += " (" + nr.Source + ")"
		}
		rows = append(rows, []string{
			strings.ReplaceAll(nr.Kind, " ", "-"), "not-reviewed", name, "", "", "", nr.Why,
			strings.Join(append(slices.Clone(nr.Resources), nr.Where), " "), acked, owner, reason,
		})
	}
	return writeCSV(w, []string{"item", "category", "service", "variant", "owner", "label", "customer_does", "resources", "acknowledged", "ack_owner", "evidence"}, rows)
}

// ownersLine says who owns a responsibility on which services, such as
// "customer on EC2, RDS; shared on S3".
func ownersLine(m *model.Model, entries []model.ReviewEntry) string {
	var order []string
	by := map[string][]string{}
	for _, e := range entries {
		o := OwnerName(m, e.Cell.Owner)
		if _, ok := by[o]; !ok {
			order = append(order, o)
		}
		by[o] = append(by[o], TargetName(e.Target.Target))
	}
	var parts []string
	for _, o := range order {
		parts = append(parts, strings.ToLower(o[:1])+o[1:]+" on "+strings.Join(by[o], ", "))
	}
	return strings.Join(parts, "; ")
}

// duties lists what the customer must do, once when every service asks
// the same, otherwise per service.
func duties(entries []model.ReviewEntry) []string {
	same := true
	for _, e := range entries[1:] {
		if !slices.Equal(e.Cell.CustomerDoes, entries[0].Cell.CustomerDoes) {
			same = false
			break
		}
	}
	if same {
		return entries[0].Cell.CustomerDoes
	}
	var out []string
	for _, e := range entries {
		if len(e.Cell.CustomerDoes) > 0 {
			out = append(out, TargetName(e.Target.Target)+": "+strings.Join(e.Cell.CustomerDoes, "; "))
		}
	}
	return out
}

func ackLine(entries []model.ReviewEntry) (done bool, who string) {
	done = true
	var owners []string
	for _, e := range entries {
		if e.Ack == nil {
			done = false
			continue
		}
		if !slices.Contains(owners, e.Ack.Owner) {
			owners = append(owners, e.Ack.Owner)
		}
	}
	if len(owners) > 0 {
		who = "covered by " + strings.Join(owners, ", ")
	}
	return done, who
}

func stackLine(r ReviewReport) string {
	n := 0
	for _, in := range r.Stack.Inputs {
		n += in.Resources
	}
	s := fmt.Sprintf("%d %s", len(r.Review.Targets), pluralWord(len(r.Review.Targets), "service", "services"))
	if len(r.Stack.Inputs) > 0 {
		s += fmt.Sprintf(" from %d %s (%d resources", len(r.Stack.Inputs), pluralWord(len(r.Stack.Inputs), "input", "inputs"), n)
		if k := countResources(r.Stack.Ignored); k > 0 {
			s += fmt.Sprintf(", %d with no responsibility of their own", k)
		}
		if k := countResources(r.Stack.Unknown()); k > 0 {
			s += fmt.Sprintf(", %d of types srm does not know", k)
		}
		if k := countResources(r.Stack.Unreviewable()); k > 0 {
			s += fmt.Sprintf(", %d srm cannot review", k)
		}
		s += ")"
	}
	return s
}

// notReviewedLine describes one thing srm did not review.
func notReviewedLine(nr review.NotReviewed) string {
	line := nr.Kind + " " + nr.Name
	if nr.Source != "" && nr.Source != nr.Name {
		line += " (" + nr.Source + ")"
	}
	if len(nr.Resources) > 0 {
		line += fmt.Sprintf(", %d %s: %s", len(nr.Resources), pluralWord(len(nr.Resources), "resource", "resources"), shortList(nr.Resources, 4))
	} else if nr.Where != "" {
		line += " at " + nr.Where
	}
	line += ": " + nr.Why
	if nr.Ack != nil {
		line += "; accepted by " + nr.Ack.Owner + ": " + nr.Ack.Reason
	}
	return line
}

func countResources(tcs []review.TypeCount) int {
	n := 0
	for _, tc := range tcs {
		n += len(tc.Resources)
	}
	return n
}

func shortList(items []string, max int) string {
	if len(items) <= max {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:max], ", ") + fmt.Sprintf(" and %d more", len(items)-max)
}

func reviewText(w io.Writer, opt TableOptions, m *model.Model, r ReviewReport) error {
	st := opt.Style
	width := paragraphWidth(opt.Width)
	s := Sanitize
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", st.Bold(s("Stack: "+stackLine(r))))
	acrossClouds := len(stackProviders(m, r.Review)) > 1
	for _, t := range r.Review.Targets {
		// The resources hang beside the name, so a name keeps its padding
		// and a long list continues under the first resource.
		name := fmt.Sprintf("  %-18s ", s(columnName(m, t.Target, acrossClouds)))
		b.WriteString(hang(s(shortList(resourceLabels(t), 4)), width, name, strings.Repeat(" ", utf8.RuneCountInString(name))))
	}
	fmt.Fprintf(&b, "\n%s\n", st.Bold(s(fmt.Sprintf("Customer and shared responsibilities (%d)", len(r.Review.Responsibilities)))))
	category := ""
	for _, resp := range r.Review.Responsibilities {
		if resp.Item.Category != category {
			category = resp.Item.Category
			name := category
			if c := m.Category(category); c != nil {
				name = c.Name
			}
			fmt.Fprintf(&b, "\n%s\n", st.Bold(s(name)))
		}
		mark := "-"
		head := resp.Item.Name + " (" + ownersLine(m, resp.Entries) + ")"
		if r.Acks {
			done, who := ackLine(resp.Entries)
			mark = "[ ]"
			if done {
				mark = "[x]"
			}
			if who != "" {
				head += "; " + who
			}
		}
		b.WriteString(hang(s(mark+" "+head), width, "  ", "      "))
		for _, d := range duties(resp.Entries) {
			b.WriteString(hang(s(d), width, "      · ", "        "))
		}
	}
	if len(r.Review.ProviderOwned) > 0 {
		line := fmt.Sprintf("%s: %s.", ownsPhrase(m, r), joinAnd(itemNames(r.Review.ProviderOwned)))
		b.WriteString("\n" + wrap(s(line), width, ""))
	}
	if len(r.Stack.NotReviewed) > 0 {
		fmt.Fprintf(&b, "\n%s\n", st.Bold(s(fmt.Sprintf("Not reviewed (%d)", len(r.Stack.NotReviewed)))))
		for _, nr := range r.Stack.NotReviewed {
			mark := "-"
			if r.Acks {
				mark = "[ ]"
				if nr.Ack != nil {
					mark = "[x]"
				}
			}
			b.WriteString(hang(s(mark+" "+notReviewedLine(nr)), width, "  ", "      "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// resourceLabels lists a deployment's resources as people read them.
func resourceLabels(t model.StackTarget) []string {
	out := make([]string, len(t.Resources))
	for i, r := range t.Resources {
		out[i] = r.Label()
	}
	return out
}

func reviewMarkdown(w io.Writer, m *model.Model, r ReviewReport) error {
	s := markdownSafe
	var b strings.Builder
	fmt.Fprintf(&b, "## Customer and shared responsibilities for this stack\n\n")
	fmt.Fprintf(&b, "%s.\n\n", s(strings.ToUpper(stackLine(r)[:1])+stackLine(r)[1:]))
	for _, t := range r.Review.Targets {
		res := ""
		if len(t.Resources) > 0 {
			var quoted []string
			for _, a := range resourceLabels(t) {
				quoted = append(quoted, "`"+strings.ReplaceAll(Sanitize(a), "`", "'")+"`")
			}
			res = ": " + shortList(quoted, 6)
		}
		fmt.Fprintf(&b, "- **%s**%s\n", s(columnName(m, t.Target, len(stackProviders(m, r.Review)) > 1)), res)
	}
	category := ""
	for _, resp := range r.Review.Responsibilities {
		if resp.Item.Category != category {
			category = resp.Item.Category
			name := category
			if c := m.Category(category); c != nil {
				name = c.Name
			}
			fmt.Fprintf(&b, "\n### %s\n\n", s(name))
		}
		done, who := ackLine(resp.Entries)
		box := "[ ]"
		if done && r.Acks {
			box = "[x]"
		}
		line := fmt.Sprintf("- %s **%s**: %s", box, s(resp.Item.Name), s(ownersLine(m, resp.Entries)))
		if who != "" {
			line += " · " + s(who)
		}
		b.WriteString(line + "\n")
		for _, d := range duties(resp.Entries) {
			fmt.Fprintf(&b, "  - %s\n", s(d))
		}
	}
	if len(r.Review.ProviderOwned) > 0 {
		fmt.Fprintf(&b, "\n%s: %s.\n", s(ownsPhrase(m, r)), s(joinAnd(itemNames(r.Review.ProviderOwned))))
	}
	if len(r.Stack.NotReviewed) > 0 {
		fmt.Fprintf(&b, "\n### Not reviewed\n\n")
		for _, nr := range r.Stack.NotReviewed {
			box := ""
			if r.Acks {
				box = "[ ] "
				if nr.Ack != nil {
					box = "[x] "
				}
			}
			fmt.Fprintf(&b, "- %s%s\n", box, s(notReviewedLine(nr)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// stackProviders lists the providers of a stack's services, in model order.
func stackProviders(m *model.Model, r *model.Review) []string {
	out := []string{}
	for _, p := range m.Providers {
		for _, st := range r.Targets {
			if st.Target.Service.Provider == p.ID {
				out = append(out, p.ID)
				break
			}
		}
	}
	return out
}

// ownsPhrase says who owns the provider-owned items: the stack's one
// provider, or each provider for its own services.
func ownsPhrase(m *model.Model, r ReviewReport) string {
	ids := stackProviders(m, r.Review)
	if len(ids) <= 1 {
		name := r.Provider.ShortName
		if len(ids) == 1 {
			name = m.Provider(ids[0]).ShortName
		}
		return name + " owns for this stack"
	}
	var names []string
	for _, id := range ids {
		names = append(names, m.Provider(id).ShortName)
	}
	return "Each provider owns for its own services in this stack (" + joinAnd(names) + ")"
}
