package render

import (
	"fmt"
	"slices"
	"strings"

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
	// Expired and Stale are the acknowledgements past their date and those
	// that covered nothing in the stack.
	Expired, Stale []model.AckRef
	// ChangesOnly and Baseline say what the review left out: resources a
	// plan does not change, and responsibilities a baseline review had.
	ChangesOnly bool
	Baseline    string
	// Framework, when set, groups the responsibilities by its controls
	// instead of by category.
	Framework *model.Framework
}

// ReviewView is srm review: what the customer owns across a stack, and
// what srm could not review.
type ReviewView struct {
	Header
	Inputs           []reviewInputJSON        `json:"inputs" doc:"The files read, each with its format, resource count and resources a plan deletes."`
	Services         []reviewServiceJSON      `json:"services" doc:"The deployments found, each with the resources behind it."`
	Responsibilities []responsibilityJSON     `json:"responsibilities" doc:"The customer's and shared items, each with an entry per service."`
	ProviderOwned    []string                 `json:"provider_owned" doc:"Items the provider owns on every service of the stack where they apply."`
	Providers        []string                 `json:"providers" doc:"The providers of the stack's services, in model order."`
	UnknownTypes     []typeCountJSON          `json:"unknown_resource_types" doc:"Resource types srm does not know, with their resources."`
	IgnoredTypes     []typeCountJSON          `json:"ignored_resource_types" doc:"Resource types with no responsibility of their own, with the reason."`
	Acknowledgements bool                     `json:"acknowledgements_checked" doc:"Whether --acks was given."`
	Unacknowledged   []unacknowledgedJSONItem `json:"unacknowledged" doc:"With --acks: the entries no acknowledgement covers."`
	// NotReviewed lists what srm could not review: unknown resource types,
	// registry modules, nested stacks at URLs, linked templates.
	NotReviewed []notReviewedJSON   `json:"not_reviewed" doc:"What srm did not review: unknown or unreviewable resource types, registry modules, nested stacks at URLs, linked templates, Bicep files."`
	StaleAcks   []ackRefJSON        `json:"stale_acknowledgements" doc:"With --acks: acknowledgements in date that cover nothing in the stack."`
	ExpiredAcks []ackRefJSON        `json:"expired_acknowledgements" doc:"With --acks: acknowledgements past their expires date, which cover nothing."`
	ChangesOnly bool                `json:"changes_only" doc:"Whether only resources a plan creates, replaces or updates were reviewed (--changes-only)."`
	Baseline    string              `json:"baseline" doc:"The baseline review whose responsibilities were left out (--baseline), or \"\"."`
	Framework   string              `json:"framework" doc:"With --framework: the framework whose controls group the review, or \"\"."`
	Controls    []reviewControlJSON `json:"controls" doc:"With --framework: each control that a responsibility of the stack maps to, with who owns it across the stack; empty otherwise."`
	AppSide     []appSideJSON       `json:"app_side" doc:"Duties that lie in the applications using a service rather than in the service, such as a managed database's application runtime patching (\"Customer (app side)\"): not among the responsibilities and needing no acknowledgement."`

	m *model.Model
	r ReviewReport
}

type reviewControlJSON struct {
	ID        string   `json:"id" doc:"The control's id as the framework writes it, such as \"SI-2\"."`
	Title     string   `json:"title" doc:"The control's title; \"\" where srm does not ship the framework's titles."`
	Family    string   `json:"family" doc:"The control's family or domain."`
	Ownership string   `json:"ownership" doc:"Who owns the control across the stack, in the framework's words."`
	Role      string   `json:"role" doc:"The same as srm's role: \"provider\", \"customer\", \"shared\", \"n/a\" or a third party's id."`
	Items     []string `json:"items" doc:"Ids of the responsibilities that map to the control, in the order of responsibilities."`
}

type appSideJSON struct {
	Item    string `json:"item" doc:"Item id."`
	Service string `json:"service" doc:"Service id."`
	Variant string `json:"variant" doc:"Variant id, or \"\" for the service's default deployment."`
	Label   string `json:"label" doc:"Short table text, naming the owner."`
}

// notReadJSON is something in a stack srm could not read, as review and
// controls both list it.
type notReadJSON struct {
	Kind      string   `json:"kind" doc:"What kind of entry it is."`
	Name      string   `json:"name" doc:"Name shown to people."`
	Source    string   `json:"source" doc:"The module source, template URL or file, if any."`
	Where     string   `json:"where" doc:"Where it was found: file and line."`
	Why       string   `json:"why" doc:"Why srm did not review it."`
	Resources []string `json:"resources" doc:"Addresses of the resources, as the input names them."`
}

func newNotReadJSON(nr review.NotReviewed) notReadJSON {
	return notReadJSON{Kind: nr.Kind, Name: nr.Name, Source: nr.Source, Where: nr.Where, Why: nr.Why, Resources: list(nr.Resources)}
}

type notReviewedJSON struct {
	notReadJSON
	Acknowledged bool   `json:"acknowledged" doc:"Whether an acknowledgement covers it."`
	AckOwner     string `json:"ack_owner" doc:"Who the acknowledgement names as covering it."`
	AckReason    string `json:"ack_reason" doc:"Why the acknowledgement accepts it."`
	// KnownType is true for a resource type the model knows but cannot
	// review (a retired product, a template passed as a string).
	KnownType bool `json:"known_type" doc:"True for a resource type srm knows but cannot review (a retired product, a template passed as a string)."`
}

type ackRefJSON struct {
	File    string `json:"file" doc:"The acknowledgement file."`
	Line    int    `json:"line" doc:"The entry's line in it."`
	Entry   string `json:"entry" doc:"What the entry acknowledges: an item and its services, or a type or source not reviewed."`
	Expires string `json:"expires" doc:"Its expires date, YYYY-MM-DD, or \"\"."`
}

func ackRefsJSON(refs []model.AckRef) []ackRefJSON {
	out := []ackRefJSON{}
	for _, r := range refs {
		out = append(out, ackRefJSON{File: r.File, Line: r.Line, Entry: r.Entry, Expires: r.Expires.String()})
	}
	return out
}

type reviewInputJSON struct {
	Path      string `json:"path" doc:"The file's path."`
	Format    string `json:"format" doc:"The input's format."`
	Resources int    `json:"resources" doc:"Addresses of the resources, as the input names them."`
	Deleted   int    `json:"deleted" doc:"Resources the plan deletes, which do not count."`
}

type reviewServiceJSON struct {
	Service   string   `json:"service" doc:"Service id."`
	Variant   string   `json:"variant" doc:"Variant id, or \"\" for the service's default deployment."`
	Name      string   `json:"name" doc:"Name shown to people."`
	Resources []string `json:"resources" doc:"Addresses of the resources, as the input names them."`
}

type responsibilityJSON struct {
	Item     string            `json:"item" doc:"Item id."`
	ItemName string            `json:"item_name" doc:"The item's name."`
	Category string            `json:"category" doc:"Category id."`
	Entries  []reviewEntryJSON `json:"entries" doc:"One entry per service of the stack that has the item."`
}

type reviewEntryJSON struct {
	Service      string   `json:"service" doc:"Service id."`
	Variant      string   `json:"variant" doc:"Variant id, or \"\" for the service's default deployment."`
	Owner        string   `json:"owner" doc:"Owner: a party id, \"shared\" or \"n/a\"."`
	Label        string   `json:"label" doc:"Short table text, naming the owner."`
	CustomerDoes []string `json:"customer_does" doc:"What the customer does."`
	Acknowledged bool     `json:"acknowledged" doc:"Whether an acknowledgement covers it."`
	AckOwner     string   `json:"ack_owner" doc:"Who the acknowledgement names as covering it."`
	Evidence     string   `json:"evidence" doc:"Where the acknowledgement says the evidence is."`
	AckExpires   string   `json:"ack_expires" doc:"The acknowledgement's expires date, YYYY-MM-DD, or \"\"."`
	AckApprover  string   `json:"ack_approved_by" doc:"Who approved the acknowledgement, or \"\"."`
}

type typeCountJSON struct {
	Type      string   `json:"type" doc:"The resource type."`
	Count     int      `json:"count" doc:"How many resources."`
	Reason    string   `json:"reason,omitempty" doc:"Why the type carries no responsibility of its own."`
	Resources []string `json:"resources" doc:"Addresses of the resources, as the input names them."`
}

type unacknowledgedJSONItem struct {
	Item    string `json:"item" doc:"Item id."`
	Service string `json:"service" doc:"Service id."`
	Variant string `json:"variant" doc:"Variant id, or \"\" for the service's default deployment."`
	Owner   string `json:"owner" doc:"Owner: a party id, \"shared\" or \"n/a\"."`
}

// NewReviewView builds srm review's view.
func NewReviewView(m *model.Model, r ReviewReport) *ReviewView {
	out := &ReviewView{
		Header: NewHeader(r.Provider.ID), m: m, r: r, Inputs: []reviewInputJSON{}, Services: []reviewServiceJSON{},
		Responsibilities: []responsibilityJSON{}, ProviderOwned: itemIDs(r.Review.ProviderOwned),
		Providers:    stackProviders(m, r.Review),
		UnknownTypes: typeCounts(r.Stack.Unknown()), IgnoredTypes: typeCounts(r.Stack.Ignored), Acknowledgements: r.Acks,
		Unacknowledged: []unacknowledgedJSONItem{}, NotReviewed: []notReviewedJSON{},
		StaleAcks: ackRefsJSON(r.Stale), ExpiredAcks: ackRefsJSON(r.Expired),
		ChangesOnly: r.ChangesOnly, Baseline: r.Baseline, AppSide: []appSideJSON{}, Controls: []reviewControlJSON{},
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
		j := notReviewedJSON{notReadJSON: newNotReadJSON(nr), Acknowledged: nr.Ack != nil, KnownType: nr.Known}
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
				ej.AckExpires, ej.AckApprover = e.Ack.Expires.String(), e.Ack.ApprovedBy
			} else if r.Acks {
				out.Unacknowledged = append(out.Unacknowledged, unacknowledgedJSONItem{Item: resp.Item.ID, Service: ej.Service, Variant: ej.Variant, Owner: ej.Owner})
			}
			rj.Entries = append(rj.Entries, ej)
		}
		out.Responsibilities = append(out.Responsibilities, rj)
	}
	for _, e := range r.Review.AppSide {
		out.AppSide = append(out.AppSide, appSideJSON{Item: e.Cell.Item, Service: e.Target.Target.Service.ID, Variant: e.Target.Target.VariantID(), Label: e.Cell.Label})
	}
	if fw := r.Framework; fw != nil {
		out.Framework = fw.ID
		for _, co := range out.controls() {
			cj := reviewControlJSON{ID: co.Control.Code, Title: co.Control.Title, Family: co.Control.Family, Ownership: fw.OwnershipWord(co.StackRole()), Role: co.StackRole(), Items: []string{}}
			for _, it := range co.Items {
				cj.Items = append(cj.Items, it.ID)
			}
			out.Controls = append(out.Controls, cj)
		}
	}
	return out
}

// controls are the framework's controls that the review's
// responsibilities map to, each keeping those items only.
func (v *ReviewView) controls() []model.ControlOwnership {
	var out []model.ControlOwnership
	for _, co := range v.m.ControlsOwnership(v.r.Framework, v.r.Review.Targets, nil) {
		var items []*model.Item
		for _, resp := range v.r.Review.Responsibilities {
			if slices.Contains(co.Items, resp.Item) {
				items = append(items, resp.Item)
			}
		}
		if len(items) > 0 {
			co.Items = items
			out = append(out, co)
		}
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

// CSV is one record per responsibility and service, then one per thing
// not reviewed.
func (v *ReviewView) CSV() ([]string, [][]string) {
	r := v.r
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
	return []string{"item", "category", "service", "variant", "owner", "label", "customer_does", "resources", "acknowledged", "ack_owner", "evidence"}, rows
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
	s := fmt.Sprintf("%d %s", len(r.Review.Targets), Plural(len(r.Review.Targets), "service", "services"))
	if len(r.Stack.Inputs) > 0 {
		s += fmt.Sprintf(" from %d %s (%d resources", len(r.Stack.Inputs), Plural(len(r.Stack.Inputs), "input", "inputs"), n)
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
		line += fmt.Sprintf(", %d %s: %s", len(nr.Resources), Plural(len(nr.Resources), "resource", "resources"), shortList(nr.Resources, 4))
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

// Doc writes the stack, the customer's and shared responsibilities by
// category (with the acknowledgement and its evidence when --acks was
// given), what the provider owns, and what was not reviewed.
func (v *ReviewView) Doc() *Doc {
	m, r := v.m, v.r
	d := &Doc{}
	acrossClouds := len(stackProviders(m, r.Review)) > 1
	var stack Fields
	for _, t := range r.Review.Targets {
		value := L(T(shortList(resourceLabels(t), 4)))
		if len(t.Resources) == 0 {
			value = L(D("named with --services"))
		}
		stack = append(stack, Field{columnName(m, t.Target, acrossClouds), value})
	}
	d.Add(Title{L(T("Stack: " + stackLine(r)))}, stack)
	var scope []string
	if r.ChangesOnly {
		scope = append(scope, "only the resources the plan creates, replaces or updates")
	}
	if r.Baseline != "" {
		scope = append(scope, "only responsibilities new since "+r.Baseline)
	}
	if len(scope) > 0 {
		d.Add(Para{L(D("Reviewed: " + strings.Join(scope, "; ") + "."))})
	}
	d.Add(Para{L(B(fmt.Sprintf("Customer and shared responsibilities (%d items)", len(r.Review.Responsibilities))))})
	if r.Framework != nil {
		v.byControl(d)
	} else {
		v.byCategory(d)
	}
	if len(r.Review.ProviderOwned) > 0 {
		d.Add(Para{L(T(fmt.Sprintf("%s: %s.", ownsPhrase(m, r), joinAnd(itemNames(r.Review.ProviderOwned, v.Provider)))))})
	}
	if line := appSideLine(m, r.Review.AppSide, v.Provider); line != "" {
		d.Add(Para{L(T(line))})
	}
	if len(r.Stack.NotReviewed) > 0 {
		l := List{}
		for _, nr := range r.Stack.NotReviewed {
			item := ListItem{Line: L(T(notReviewedLine(nr)))}
			if r.Acks {
				item.Mark = "[ ]"
				if nr.Ack != nil {
					item.Mark = "[x]"
				}
			}
			l.Items = append(l.Items, item)
		}
		d.Add(Section{Heading: L(T(fmt.Sprintf("Not reviewed (%d)", len(r.Stack.NotReviewed)))), Blocks: []Block{l}})
	}
	if len(r.Expired)+len(r.Stale) > 0 {
		var lines []Line
		for _, a := range r.Expired {
			lines = append(lines, L(B("expired"), T(" on "+a.Expires.String()+": "+a.String())))
		}
		for _, a := range r.Stale {
			lines = append(lines, L(B("stale"), T(": "+a.String()+" covers nothing in this stack")))
		}
		d.Add(Section{Heading: L(T(fmt.Sprintf("Acknowledgements to look at (%d)", len(lines)))), Blocks: []Block{Bullets(lines...)}})
	}
	return d
}

// byCategory lists the responsibilities under their categories.
func (v *ReviewView) byCategory(d *Doc) {
	var section *Section
	var list *List
	category := ""
	for _, resp := range v.r.Review.Responsibilities {
		if resp.Item.Category != category || section == nil {
			category = resp.Item.Category
			name := category
			if c := v.m.Category(category); c != nil {
				name = c.Name
			}
			if section != nil {
				section.Blocks = []Block{*list}
				d.Add(*section)
			}
			section, list = &Section{Heading: L(T(name))}, &List{}
		}
		list.Items = append(list.Items, v.responsibilityItem(resp))
	}
	if section != nil {
		section.Blocks = []Block{*list}
		d.Add(*section)
	}
}

// byControl lists the responsibilities under the framework's controls they
// map to, each control with who owns it across the stack; an item under
// several controls is listed under each, and one under none at the end.
func (v *ReviewView) byControl(d *Doc) {
	fw := v.r.Framework
	// An item's duties are spelled out under its first control; later
	// controls point back to it.
	placed := map[*model.Item]string{}
	for _, co := range v.controls() {
		role := co.StackRole()
		heading := L(B(co.Control.Name()))
		if co.Control.Family != "" {
			heading = append(heading, D(" · "+co.Control.Family))
		}
		heading = append(heading, T(": "+fw.OwnershipWord(role)))
		list := List{}
		for _, resp := range v.r.Review.Responsibilities {
			if !slices.Contains(co.Items, resp.Item) {
				continue
			}
			item := v.responsibilityItem(resp)
			if first := placed[resp.Item]; first != "" {
				item.Line, item.Blocks = append(item.Line, D("; as under "+first)), nil
			} else {
				placed[resp.Item] = co.Control.Code
			}
			list.Items = append(list.Items, item)
		}
		d.Add(Section{Heading: heading, Blocks: []Block{list}})
	}
	list := List{}
	for _, resp := range v.r.Review.Responsibilities {
		if placed[resp.Item] == "" {
			list.Items = append(list.Items, v.responsibilityItem(resp))
		}
	}
	if len(list.Items) > 0 {
		d.Add(Section{Heading: L(T("In no " + fw.ShortName + " control")), Blocks: []Block{list}})
	}
}

// responsibilityItem is one responsibility as a checklist entry: the item
// and its owners, what the customer does, and the evidence acknowledged.
func (v *ReviewView) responsibilityItem(resp *model.Responsibility) ListItem {
	m, r := v.m, v.r
	line := L(B(resp.Item.NameFor(v.Provider)), T(" ("+ownersLine(m, resp.Entries)+")"))
	// A review is a checklist: each item is to be covered, and --acks
	// ticks those an acknowledgement covers.
	item := ListItem{Line: line, Mark: "[ ]"}
	if done, who := ackLine(resp.Entries); r.Acks {
		if done {
			item.Mark = "[x]"
		}
		if who != "" {
			item.Line = append(item.Line, T("; "+who))
		}
	}
	var sub []Line
	for _, dd := range duties(resp.Entries) {
		sub = append(sub, L(T(dd)))
	}
	for _, e := range evidence(resp.Entries) {
		sub = append(sub, L(D("Evidence: "), Link(e, e)))
	}
	if len(sub) > 0 {
		item.Blocks = []Block{Bullets(sub...)}
	}
	return item
}

// evidence lists the evidence of a responsibility's acknowledgements,
// each once.
func evidence(entries []model.ReviewEntry) []string {
	var out []string
	for _, e := range entries {
		if e.Ack != nil && e.Ack.Evidence != "" && !slices.Contains(out, e.Ack.Evidence) {
			out = append(out, e.Ack.Evidence)
		}
	}
	return out
}

// resourceLabels lists a deployment's resources as people read them.
func resourceLabels(t model.StackTarget) []string {
	out := make([]string, len(t.Resources))
	for i, r := range t.Resources {
		out[i] = r.Label()
	}
	return out
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

// appSideLine says once which duties sit in the applications that use the
// stack's services rather than in the services: "Application runtime
// patching on RDS and Aurora is the customer's in the applications that
// use them, not in those services."
func appSideLine(m *model.Model, entries []model.ReviewEntry, provider string) string {
	var order []string
	targets := map[string][]string{}
	for _, e := range entries {
		if _, ok := targets[e.Cell.Item]; !ok {
			order = append(order, e.Cell.Item)
		}
		targets[e.Cell.Item] = append(targets[e.Cell.Item], TargetName(e.Target.Target))
	}
	var parts []string
	for _, id := range order {
		name := id
		if it := m.Item(id); it != nil {
			name = it.NameFor(provider)
		}
		parts = append(parts, name+" on "+joinAnd(targets[id]))
	}
	if len(parts) == 0 {
		return ""
	}
	them := "them"
	if len(entries) == 1 {
		them = "it"
	}
	where := "the service"
	if len(entries) > 1 {
		where = "those services"
	}
	return fmt.Sprintf("On the application side: %s is the customer's in the applications that use %s, not in %s.", joinAnd(parts), them, where)
}
