package render

import (
	"fmt"
	"strings"

	"srm/pkg/model"
	"srm/pkg/review"
)

// ControlsView is srm controls: who owns each control of a framework
// across a stack, in the framework's words, with the items behind it.
type ControlsView struct {
	Header
	Framework        string                 `json:"framework" doc:"Id of the framework, such as \"nist-800-53\"."`
	FrameworkName    string                 `json:"framework_name" doc:"The framework's name."`
	FrameworkVersion string                 `json:"framework_version" doc:"The framework's release whose control ids and titles srm uses."`
	OwnershipWords   []string               `json:"ownership_words" doc:"The words ownership takes in this framework, provider's first."`
	Services         []controlServiceJSON   `json:"services" doc:"The deployments of the stack, in the order of the ownership entries."`
	Controls         []frameworkControlJSON `json:"controls" doc:"The framework's controls that srm's items map to, in the framework's order."`
	NotReviewed      []notReadJSON          `json:"not_reviewed" doc:"What srm could not read in the stack, so no control counts it."`
	Unmapped         []controlUnmappedJSON  `json:"unmapped_items" doc:"Items no control of the framework fits, with the reason."`

	m         *model.Model
	fw        *model.Framework
	owns      []model.ControlOwnership
	targets   []model.StackTarget
	provider  *model.Provider
	generator string // srm's version, for documents that name their maker
	mapping   bool   // no stack was given
	modified  model.Date
}

type controlServiceJSON struct {
	Service   string   `json:"service" doc:"Service id."`
	Variant   string   `json:"variant" doc:"Variant id, or \"\" for the service's default deployment."`
	Name      string   `json:"name" doc:"The deployment's name as a column heading."`
	Provider  string   `json:"provider" doc:"Id of the service's provider."`
	Resources []string `json:"resources" doc:"Addresses of the resources behind it; empty when it was named with --services."`
}

type frameworkControlJSON struct {
	ID        string                 `json:"id" doc:"The control's id as the framework writes it, such as \"SI-2\"."`
	OSCALID   string                 `json:"oscal_id" doc:"The control's id in OSCAL, such as \"si-2\"."`
	Title     string                 `json:"title" doc:"The control's title; \"\" where srm does not ship the framework's titles."`
	Family    string                 `json:"family" doc:"The control's family or domain."`
	Ownership string                 `json:"ownership" doc:"Who owns the control across the whole stack, in the framework's words; \"\" when no stack was given."`
	Role      string                 `json:"role" doc:"The same as srm's role: \"provider\", \"customer\", \"shared\", \"n/a\" or a third party's id; \"\" when no stack was given."`
	Items     []controlItemJSON      `json:"items" doc:"The items behind the control, each with why it belongs to it."`
	Services  []controlOwnershipJSON `json:"services" doc:"For each deployment, in the order of services: its ownership and its cells."`
	Sources   []sourceJSON           `json:"sources" doc:"The provider pages the cells behind the control cite."`
}

type controlItemJSON struct {
	Item      string `json:"item" doc:"Item id."`
	ItemName  string `json:"item_name" doc:"The item's name."`
	Rationale string `json:"rationale" doc:"Why the item belongs to the control, in a sentence."`
}

type controlOwnershipJSON struct {
	Service      string            `json:"service" doc:"Service id."`
	Variant      string            `json:"variant" doc:"Variant id, or \"\" for the service's default deployment."`
	Ownership    string            `json:"ownership" doc:"Who owns the control on this deployment, in the framework's words."`
	Role         string            `json:"role" doc:"The same as srm's role: \"provider\", \"customer\", \"shared\", \"n/a\" or a third party's id."`
	Cells        []controlCellJSON `json:"cells" doc:"The cell of each item behind the control."`
	CustomerDoes []string          `json:"customer_does" doc:"What the customer does for the control here, gathered from the cells."`
}

type controlCellJSON struct {
	Item      string `json:"item" doc:"Item id."`
	Owner     string `json:"owner" doc:"Owner: a party id, \"shared\" or \"n/a\"; \"\" when the service has no cell for the item."`
	Label     string `json:"label" doc:"Short table text, naming the owner."`
	Ownership string `json:"ownership" doc:"The cell's owner in the framework's words."`
	AppSide   bool   `json:"app_side" doc:"Whether the duty lies in the applications that use the service, so it does not count for the control here."`
}

type controlUnmappedJSON struct {
	Item      string `json:"item" doc:"Item id."`
	Rationale string `json:"rationale" doc:"Why no control fits."`
}

// ControlsInput is what srm controls and srm export read: a framework, the
// stack's deployments and what srm could not read.
type ControlsInput struct {
	Provider    *model.Provider
	Framework   *model.Framework
	Targets     []model.StackTarget
	NotReviewed []review.NotReviewed
	Control     *model.FrameworkControl // only this control, when set
	// MappingOnly is set when no stack was given: the view shows how the
	// items map to the controls, with no ownership.
	MappingOnly bool
	Version     string // srm's version
}

// NewControlsView builds srm controls' view.
func NewControlsView(m *model.Model, in ControlsInput) *ControlsView {
	fw := in.Framework
	v := &ControlsView{
		Header: NewHeader(in.Provider.ID), Framework: fw.ID, FrameworkName: fw.Name, FrameworkVersion: fw.Version,
		OwnershipWords: fw.OwnershipWords(), Services: []controlServiceJSON{}, Controls: []frameworkControlJSON{},
		NotReviewed: []notReadJSON{}, Unmapped: []controlUnmappedJSON{},
		m: m, fw: fw, targets: in.Targets, mapping: in.MappingOnly, provider: in.Provider, generator: in.Version,
	}
	v.owns = m.ControlsOwnership(fw, in.Targets, in.Control)
	for _, st := range in.Targets {
		v.Services = append(v.Services, controlServiceJSON{
			Service: st.Target.Service.ID, Variant: st.Target.VariantID(), Name: TargetName(st.Target),
			Provider: st.Target.Service.Provider, Resources: list(st.Addresses()),
		})
	}
	for _, nr := range in.NotReviewed {
		v.NotReviewed = append(v.NotReviewed, newNotReadJSON(nr))
	}
	for _, it := range m.Items {
		if mp := m.MappingOf(fw.ID, it.ID); mp != nil && len(mp.Controls) == 0 && in.Control == nil {
			v.Unmapped = append(v.Unmapped, controlUnmappedJSON{Item: it.ID, Rationale: mp.Rationale})
		}
	}
	for _, co := range v.owns {
		v.Controls = append(v.Controls, v.frameworkControlJSON(co))
		for _, ct := range co.Targets {
			for _, ic := range ct.Cells {
				if ic.Cell != nil {
					for _, s := range ic.Cell.Sources {
						if v.modified.Before(s.Checked) {
							v.modified = s.Checked
						}
					}
				}
			}
		}
	}
	return v
}

func (v *ControlsView) frameworkControlJSON(co model.ControlOwnership) frameworkControlJSON {
	m, fw := v.m, v.fw
	role, ownership := "", ""
	if !v.mapping {
		role = co.StackRole()
		ownership = fw.OwnershipWord(role)
	}
	cj := frameworkControlJSON{
		ID: co.Control.Code, OSCALID: co.Control.OSCALID(), Title: co.Control.Title, Family: co.Control.Family,
		Ownership: ownership, Role: role, Items: []controlItemJSON{}, Services: []controlOwnershipJSON{}, Sources: []sourceJSON{},
	}
	for _, it := range co.Items {
		cj.Items = append(cj.Items, controlItemJSON{Item: it.ID, ItemName: it.Name, Rationale: m.MappingOf(fw.ID, it.ID).Rationale})
	}
	seen := map[string]bool{}
	for _, ct := range co.Targets {
		oj := controlOwnershipJSON{
			Service: ct.Target.Target.Service.ID, Variant: ct.Target.Target.VariantID(),
			Ownership: fw.OwnershipWord(ct.Role), Role: ct.Role, Cells: []controlCellJSON{}, CustomerDoes: list(ct.CustomerDuties()),
		}
		for _, ic := range ct.Cells {
			cell := controlCellJSON{Item: ic.Item.ID, Ownership: fw.OwnershipWord(ic.Role)}
			if ic.Cell != nil {
				cell.Owner, cell.Label, cell.AppSide = ic.Cell.Owner, ic.Cell.Label, ic.Cell.AppSide
				for _, s := range ic.Cell.Sources {
					if !seen[s.URL] {
						seen[s.URL] = true
						cj.Sources = append(cj.Sources, sourcesJSON([]model.Source{s})...)
					}
				}
			}
			oj.Cells = append(oj.Cells, cell)
		}
		cj.Services = append(cj.Services, oj)
	}
	return cj
}

// roleTone colours a role in a framework's words.
func (v *ControlsView) roleTone(role string) string {
	switch role {
	case model.KindProvider:
		return ToneProvider
	case model.KindCustomer:
		return ToneCustomer
	case model.OwnerShared:
		return ToneShared
	case model.OwnerNotApplicable:
		return ToneNotApplicable
	}
	return ToneOther
}

func (v *ControlsView) word(role string) Span {
	return Toned(T(v.fw.OwnershipWord(role)), v.roleTone(role))
}

// Doc shows each control with the items behind it: a row per item and a
// column per deployment, the control's own ownership last, then what the
// customer does for it.
func (v *ControlsView) Doc() *Doc {
	if v.mapping {
		return v.mappingDoc()
	}
	d := &Doc{}
	if len(v.Services) == 0 {
		d.Add(Title{L(T(v.fw.ShortName + " controls"))})
		d.Add(Para{L(T("srm knows no service in the stack, so no control applies to it."))})
		v.addNotReviewed(d)
		return d
	}
	var names []string
	for _, s := range v.Services {
		names = append(names, s.Name)
	}
	title := joinAnd(names)
	if len(names) > maxTitledServices {
		title = fmt.Sprintf("%d services: %s", len(names), shortList(names, maxTitledServices))
	}
	d.Add(Title{L(T(fmt.Sprintf("%s controls for %s", v.fw.ShortName, title)))})
	d.Add(Para{L(D(fmt.Sprintf("Ownership in %s's words: %s. srm's mapping of items to controls is its own reading, not an authorization.",
		v.fw.ShortName, strings.Join(v.OwnershipWords, ", "))))})
	for i, co := range v.owns {
		cj := v.Controls[i]
		heading := L(B(co.Control.Name()))
		if co.Control.Family != "" {
			heading = append(heading, D(" · "+co.Control.Family))
		}
		heading = append(heading, T(": "), v.word(cj.Role))
		t := v.controlTable(co)
		blocks := []Block{t}
		var duties []Line
		for _, ct := range co.Targets {
			if dd := ct.CustomerDuties(); len(dd) > 0 {
				duties = append(duties, L(B(TargetName(ct.Target.Target)+": "), T(strings.Join(dd, "; "))))
			}
		}
		if len(duties) > 0 {
			blocks = append(blocks, Para{L(T("The customer does:"))}, Bullets(duties...))
		}
		d.Add(Section{Heading: heading, Blocks: blocks})
	}
	v.addUnmapped(d)
	v.addNotReviewed(d)
	return d
}

// maxTitledServices is how many services a title names before it counts
// the rest.
const maxTitledServices = 6

// controlTable shows a control's items against the stack's deployments,
// the control's own ownership last. Items are rows and deployments columns,
// unless there are more deployments than items: a wide stack reads down
// the page, not across it.
func (v *ControlsView) controlTable(co model.ControlOwnership) Table {
	var items []int // the items some deployment of the stack has
	for j := range co.Items {
		if anyCell(co.Targets, j) {
			items = append(items, j)
		}
	}
	cell := func(ct model.ControlTarget, j int) Line {
		ic := ct.Cells[j]
		switch {
		case ic.Cell == nil:
			return L(D("—"))
		case ic.Cell.AppSide:
			return L(D("app side"))
		}
		return L(v.word(ic.Role))
	}
	names := namesProvider(targetsOf(v.targets))
	if len(co.Targets) > len(items)+1 {
		t := Table{Header: []string{"Service"}}
		for _, j := range items {
			t.Header = append(t.Header, co.Items[j].NameFor(names))
		}
		t.Header = append(t.Header, co.Control.Code)
		for k, ct := range co.Targets {
			row := []Line{L(T(v.Services[k].Name))}
			for _, j := range items {
				row = append(row, cell(ct, j))
			}
			t.Rows = append(t.Rows, append(row, L(v.word(ct.Role))))
		}
		return t
	}
	t := Table{Header: []string{"Item"}}
	for _, s := range v.Services {
		t.Header = append(t.Header, s.Name)
	}
	for _, j := range items {
		row := []Line{L(T(co.Items[j].NameFor(names)))}
		for _, ct := range co.Targets {
			row = append(row, cell(ct, j))
		}
		t.Rows = append(t.Rows, row)
	}
	total := []Line{L(B(co.Control.Code))}
	for _, ct := range co.Targets {
		total = append(total, L(v.word(ct.Role)))
	}
	return Table{Header: t.Header, Rows: append(t.Rows, total)}
}

// mappingDoc shows, with no stack, how srm's items map to the framework:
// each control with the items behind it and why.
func (v *ControlsView) mappingDoc() *Doc {
	d := &Doc{}
	d.Add(Title{L(T(fmt.Sprintf("How srm's items map to %s controls", v.fw.ShortName)))})
	d.Add(Para{L(D(fmt.Sprintf("%s, release %s. The mapping is srm's own reading of the controls, not an authorization. "+
		"Give a stack (files or --services) to see who owns each control on it.", v.fw.Name, v.fw.Version)))})
	for _, c := range v.Controls {
		heading := L(B(strings.TrimSpace(c.ID + " " + c.Title)))
		if c.Family != "" {
			heading = append(heading, D(" · "+c.Family))
		}
		var lines []Line
		for _, it := range c.Items {
			lines = append(lines, L(B(it.ItemName+": "), T(it.Rationale)))
		}
		d.Add(Section{Heading: heading, Blocks: []Block{Bullets(lines...)}})
	}
	v.addUnmapped(d)
	return d
}

func (v *ControlsView) addNotReviewed(d *Doc) {
	if len(v.NotReviewed) == 0 {
		return
	}
	var lines []Line
	for _, nr := range v.NotReviewed {
		lines = append(lines, L(B(nr.Name+": "), T(nr.Why)))
	}
	d.Add(Section{Heading: L(T("Not reviewed, so in no control")), Blocks: []Block{Bullets(lines...)}})
}

func (v *ControlsView) addUnmapped(d *Doc) {
	if len(v.Unmapped) == 0 {
		return
	}
	var lines []Line
	for _, u := range v.Unmapped {
		lines = append(lines, L(B(v.m.Item(u.Item).Name+": "), T(u.Rationale)))
	}
	d.Add(Section{Heading: L(T("Items no " + v.fw.ShortName + " control fits")), Blocks: []Block{Bullets(lines...)}})
}

// CSV is one record per control and deployment, or per control when no
// stack was given.
func (v *ControlsView) CSV() ([]string, [][]string) {
	var rows [][]string
	for _, c := range v.Controls {
		var items []string
		for _, it := range c.Items {
			items = append(items, it.Item)
		}
		if v.mapping {
			rows = append(rows, []string{v.Framework, c.ID, c.Title, c.Family, "", "", "", "", strings.Join(items, " "), ""})
		}
		for _, s := range c.Services {
			rows = append(rows, []string{v.Framework, c.ID, c.Title, c.Family, s.Service, s.Variant, s.Ownership, s.Role, strings.Join(items, " "), strings.Join(s.CustomerDoes, "; ")})
		}
	}
	return []string{"framework", "control", "title", "family", "service", "variant", "ownership", "role", "items", "customer_does"}, rows
}

func targetsOf(sts []model.StackTarget) []model.Target {
	out := make([]model.Target, len(sts))
	for i, st := range sts {
		out[i] = st.Target
	}
	return out
}

// anyCell reports whether any deployment has a cell for a control's j-th
// item.
func anyCell(cts []model.ControlTarget, j int) bool {
	for _, ct := range cts {
		if ct.Cells[j].Cell != nil {
			return true
		}
	}
	return false
}
