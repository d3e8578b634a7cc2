package render

import (
	"crypto/sha1"
	"fmt"
	"strings"

	"srm/pkg/model"
)

// OSCALView is a view that can be written as an OSCAL document.
type OSCALView interface {
	View
	OSCAL() any
}

// OSCALVersion is the OSCAL release whose component definition srm writes.
const OSCALVersion = "1.1.3"

// oscalNS names the properties srm adds, as OSCAL asks of properties that
// are not its own.
const oscalNS = "urn:srm:ns:oscal"

// srmNamespace is the namespace of srm's name-based UUIDs, so that the
// same stack always gives the same document.
var srmNamespace = [16]byte{0x5b, 0x8e, 0x2c, 0x41, 0x9d, 0x6a, 0x4f, 0x3e, 0xa1, 0x07, 0x3c, 0xd2, 0x6e, 0x90, 0x18, 0x7b}

// nameUUID is a version 5 UUID of a name in srm's namespace (RFC 9562).
func nameUUID(name string) string {
	h := sha1.New()
	h.Write(srmNamespace[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

type oscalDoc struct {
	ComponentDefinition oscalComponentDefinition `json:"component-definition"`
}

type oscalComponentDefinition struct {
	UUID       string           `json:"uuid"`
	Metadata   oscalMetadata    `json:"metadata"`
	Components []oscalComponent `json:"components,omitempty"`
}

type oscalMetadata struct {
	Title        string       `json:"title"`
	LastModified string       `json:"last-modified"`
	Version      string       `json:"version"`
	OSCALVersion string       `json:"oscal-version"`
	Props        []oscalProp  `json:"props,omitempty"`
	Roles        []oscalRole  `json:"roles,omitempty"`
	Parties      []oscalParty `json:"parties,omitempty"`
	Remarks      string       `json:"remarks,omitempty"`
}

type oscalProp struct {
	Name  string `json:"name"`
	NS    string `json:"ns,omitempty"`
	Value string `json:"value"`
}

type oscalLink struct {
	Href string `json:"href"`
	Rel  string `json:"rel,omitempty"`
	Text string `json:"text,omitempty"`
}

type oscalRole struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

type oscalParty struct {
	UUID      string `json:"uuid"`
	Type      string `json:"type"`
	Name      string `json:"name"`
	ShortName string `json:"short-name,omitempty"`
}

type oscalResponsibleRole struct {
	RoleID     string   `json:"role-id"`
	PartyUUIDs []string `json:"party-uuids,omitempty"`
	Remarks    string   `json:"remarks,omitempty"`
}

type oscalComponent struct {
	UUID                   string                       `json:"uuid"`
	Type                   string                       `json:"type"`
	Title                  string                       `json:"title"`
	Description            string                       `json:"description"`
	Props                  []oscalProp                  `json:"props,omitempty"`
	Links                  []oscalLink                  `json:"links,omitempty"`
	ResponsibleRoles       []oscalResponsibleRole       `json:"responsible-roles,omitempty"`
	ControlImplementations []oscalControlImplementation `json:"control-implementations,omitempty"`
}

type oscalControlImplementation struct {
	UUID                    string                        `json:"uuid"`
	Source                  string                        `json:"source"`
	Description             string                        `json:"description"`
	ImplementedRequirements []oscalImplementedRequirement `json:"implemented-requirements"`
}

type oscalImplementedRequirement struct {
	UUID             string                 `json:"uuid"`
	ControlID        string                 `json:"control-id"`
	Description      string                 `json:"description"`
	Props            []oscalProp            `json:"props,omitempty"`
	Links            []oscalLink            `json:"links,omitempty"`
	ResponsibleRoles []oscalResponsibleRole `json:"responsible-roles,omitempty"`
	Statements       []oscalStatement       `json:"statements,omitempty"`
}

type oscalStatement struct {
	StatementID      string                 `json:"statement-id"`
	UUID             string                 `json:"uuid"`
	Description      string                 `json:"description"`
	ResponsibleRoles []oscalResponsibleRole `json:"responsible-roles,omitempty"`
}

// OSCAL is the stack as an OSCAL component definition: a component per
// deployment, and for each control the items behind it, what the
// provider provides and what the customer is responsible for, with the
// provider's pages as links.
func (v *ControlsView) OSCAL() any {
	m, fw := v.m, v.fw
	var names, ids []string
	for _, s := range v.Services {
		names = append(names, s.Name)
		ids = append(ids, s.Service+":"+s.Variant)
	}
	key := fw.ID + "|" + strings.Join(ids, ",")
	md := oscalMetadata{
		Title:        fmt.Sprintf("Shared responsibility for %s (%s)", joinAnd(names), fw.Name),
		LastModified: v.lastModified().Time().Format("2006-01-02T15:04:05Z"),
		Version:      v.generator,
		OSCALVersion: OSCALVersion,
		Props:        []oscalProp{{Name: "framework", NS: oscalNS, Value: fw.ID + " " + fw.Version}},
		Roles:        []oscalRole{{ID: "provider", Title: "Cloud service provider"}, {ID: "customer", Title: "Customer"}},
		Remarks: "Written by srm from its shared-responsibility model. Which items a control covers is srm's reading of the control, " +
			"not an authorization: an assessor decides. last-modified is the date the newest cited page was read.",
	}
	if md.Version == "" {
		md.Version = "(devel)"
	}
	partyUUID := map[string]string{}
	for _, s := range v.Services {
		p := m.Provider(s.Provider)
		if p == nil || partyUUID[p.ID] != "" {
			continue
		}
		partyUUID[p.ID] = nameUUID("party/" + p.ID)
		md.Parties = append(md.Parties, oscalParty{UUID: partyUUID[p.ID], Type: "organization", Name: p.Name, ShortName: p.ShortName})
	}
	for _, p := range m.Parties {
		if p.Kind != model.KindProvider && p.Kind != model.KindCustomer {
			md.Roles = append(md.Roles, oscalRole{ID: p.ID, Title: p.Name})
		}
	}
	doc := oscalDoc{ComponentDefinition: oscalComponentDefinition{UUID: nameUUID("component-definition/" + key), Metadata: md}}
	for si, s := range v.Services {
		svc := m.Service(s.Service)
		comp := oscalComponent{
			UUID:             nameUUID("component/" + key + "/" + ids[si]),
			Type:             "service",
			Title:            svc.Name,
			Description:      svc.Description,
			Props:            []oscalProp{{Name: "service", NS: oscalNS, Value: s.Service}},
			ResponsibleRoles: []oscalResponsibleRole{{RoleID: "provider", PartyUUIDs: []string{partyUUID[s.Provider]}}},
		}
		if s.Variant != "" {
			va := m.Variant(s.Service, s.Variant)
			comp.Title += " — " + va.Name
			comp.Description = va.Description
			comp.Props = append(comp.Props, oscalProp{Name: "variant", NS: oscalNS, Value: s.Variant})
		}
		if comp.Description == "" {
			comp.Description = svc.Name
		}
		if svc.Docs != "" {
			comp.Links = []oscalLink{{Href: svc.Docs, Rel: "reference", Text: "Security documentation"}}
		}
		ci := oscalControlImplementation{
			UUID:        nameUUID("control-implementation/" + key + "/" + ids[si]),
			Source:      fw.Catalog,
			Description: fmt.Sprintf("Who implements each %s control on %s, from srm's cells for the items behind it.", fw.ShortName, s.Name),
		}
		for ci2, c := range v.Controls {
			co := c.Services[si]
			if co.Role == model.OwnerNotApplicable {
				continue
			}
			ci.ImplementedRequirements = append(ci.ImplementedRequirements, v.oscalRequirement(key+"/"+ids[si], v.owns[ci2], si, c, co))
		}
		if len(ci.ImplementedRequirements) > 0 {
			comp.ControlImplementations = []oscalControlImplementation{ci}
		}
		doc.ComponentDefinition.Components = append(doc.ComponentDefinition.Components, comp)
	}
	return doc
}

func (v *ControlsView) oscalRequirement(key string, co model.ControlOwnership, si int, c frameworkControlJSON, oj controlOwnershipJSON) oscalImplementedRequirement {
	m, fw := v.m, v.fw
	ct := co.Targets[si]
	req := oscalImplementedRequirement{
		UUID:        nameUUID("requirement/" + key + "/" + c.ID),
		ControlID:   c.OSCALID,
		Description: fmt.Sprintf("%s: %s.", c.ID, fw.OwnershipWord(oj.Role)),
		Props:       []oscalProp{{Name: "responsibility", NS: oscalNS, Value: fw.OwnershipWord(oj.Role)}},
	}
	provider := m.Provider(ct.Target.Target.Service.Provider)
	var provides []string
	customer := ct.CustomerDuties()
	byParty := map[string][]string{}
	seen := map[string]bool{}
	for _, ic := range ct.Cells {
		if ic.Cell == nil || ic.Role == model.OwnerNotApplicable {
			continue
		}
		line := fmt.Sprintf("%s — %s: %s", ic.Item.NameFor(provider.ID), ic.Cell.Label, ic.Cell.Summary)
		req.Description += "\n\n" + line
		provides = append(provides, ic.Cell.ProviderDoes...)
		for party, duties := range ic.Cell.PartyDoes {
			byParty[party] = append(byParty[party], duties...)
		}
		for _, s := range ic.Cell.Sources {
			if !seen[s.URL] {
				seen[s.URL] = true
				req.Links = append(req.Links, oscalLink{Href: s.URL, Rel: "reference", Text: s.Title})
			}
		}
	}
	st := oscalStatement{
		StatementID: c.OSCALID + "_smt",
		UUID:        nameUUID("statement/" + key + "/" + c.ID),
		Description: fmt.Sprintf("What %s provides and what the customer is responsible for, for %s on %s.", provider.ShortName, c.ID, TargetName(ct.Target.Target)),
	}
	if len(provides) > 0 {
		rr := oscalResponsibleRole{RoleID: "provider", PartyUUIDs: []string{nameUUID("party/" + provider.ID)}, Remarks: "What " + provider.ShortName + " does: " + strings.Join(dedupe(provides), "; ") + "."}
		st.ResponsibleRoles = append(st.ResponsibleRoles, rr)
		req.ResponsibleRoles = append(req.ResponsibleRoles, oscalResponsibleRole{RoleID: "provider", PartyUUIDs: rr.PartyUUIDs})
	}
	if len(customer) > 0 {
		st.ResponsibleRoles = append(st.ResponsibleRoles, oscalResponsibleRole{RoleID: "customer", Remarks: "What the customer does: " + strings.Join(dedupe(customer), "; ") + "."})
		req.ResponsibleRoles = append(req.ResponsibleRoles, oscalResponsibleRole{RoleID: "customer"})
	}
	for _, p := range m.Parties {
		if duties := byParty[p.ID]; len(duties) > 0 {
			st.ResponsibleRoles = append(st.ResponsibleRoles, oscalResponsibleRole{RoleID: p.ID, Remarks: p.Name + " does: " + strings.Join(dedupe(duties), "; ") + "."})
			req.ResponsibleRoles = append(req.ResponsibleRoles, oscalResponsibleRole{RoleID: p.ID})
		}
	}
	if len(st.ResponsibleRoles) > 0 {
		req.Statements = []oscalStatement{st}
	}
	return req
}

// lastModified is the date the newest page behind the document was read,
// so that the same model always writes the same document.
func (v *ControlsView) lastModified() model.Date {
	d := v.modified
	for _, s := range v.fw.Sources {
		if d.Before(s.Checked) {
			d = s.Checked
		}
	}
	return d
}

func dedupe(ss []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
