package model

import (
	"net/url"
	"reflect"
	"slices"
	"strings"
)

// Lint applies the rules srm's shipped data follows beyond what loading
// requires, to the cells defined in the given files (every cell when files
// is empty): the label agrees with the owner, there is a summary, and every
// source is an https page of the provider's own documentation with a title
// and the date it was checked. Overlays may cite internal pages, so loading
// does not insist on these; `srm validate --strict` and the data tests do.
func (m *Model) Lint(files ...string) []Problem {
	v := &validator{m: m}
	for _, c := range m.Cells {
		if len(files) > 0 && !slices.Contains(files, c.Origin) {
			continue
		}
		svc := m.Service(c.Service)
		if svc == nil {
			continue
		}
		prov := m.Provider(svc.Provider)
		v.lintLabel(c, prov.ID, c.Label, c.Owner)
		// "(app side)" in a table and app_side in review and explain must
		// say the same thing.
		if says := strings.Contains(strings.ToLower(c.Label), "app side"); says != c.AppSide {
			v.add(c, "app_side", "is %v, but the label %q %s", c.AppSide, c.Label, map[bool]string{true: "says app side", false: "does not say app side"}[says])
		}
		if c.Summary == "" {
			v.add(c, "summary", "missing: say in one sentence who does what, or why the item does not apply")
		}
		v.lintSources(c, prov)
	}
	for _, d := range m.Defaults {
		if len(files) > 0 && !slices.Contains(files, d.Origin) {
			continue
		}
		prov := m.Provider(d.Provider)
		if prov == nil {
			continue
		}
		v.lintLabel(d, prov.ID, d.Label, d.Owner)
		if d.Summary == "" {
			v.add(d, "summary", "missing: say in one sentence who does what on every service of the provider")
		}
		v.lintSources(d, prov)
	}
	for _, f := range m.Frameworks {
		if len(files) == 0 || slices.Contains(files, f.Origin) {
			v.lintSourceList(f, nil)
		}
	}
	for _, k := range m.knowledge() {
		if len(files) > 0 && !slices.Contains(files, k.origin) {
			continue
		}
		if prov := m.Provider(k.provider); prov != nil {
			v.lintSources(k.entry, prov)
		}
	}
	return v.out
}

// lintLabel checks that a label names the owner it goes with.
func (v *validator) lintLabel(e any, provider, label, owner string) {
	want := v.m.OwnerFromLabel(provider, label)
	switch {
	case want == owner:
	case want == "":
		v.add(e, "label", "label %q names no party, so it does not say that the owner is %q", label, owner)
	default:
		v.add(e, "label", "label %q says the owner is %q, but owner is %q", label, want, owner)
	}
}

// lintSources checks that every source of e is an https page of the
// provider's documentation with a title and a checked date.
func (v *validator) lintSources(e any, prov *Provider) {
	v.lintSourceList(e, prov)
}

// lintSourceList checks an entry's sources: https pages with a title and
// the date they were checked, on the provider's documentation hosts when
// prov is not nil (a framework's sources are its publisher's).
func (v *validator) lintSourceList(e any, prov *Provider) {
	for i, s := range reflect.ValueOf(e).Elem().FieldByName("Sources").Interface().([]Source) {
		field := "sources[" + itoa(i) + "]"
		u, err := url.Parse(s.URL)
		switch {
		case prov != nil && (err != nil || u.Scheme != "https" || !slices.Contains(prov.DocHosts, u.Host)):
			v.add(e, field+".url", "%s is not an https page on %s's documentation (%s)", s.URL, prov.ShortName, joinList(prov.DocHosts))
		case prov == nil && (err != nil || u.Scheme != "https" || u.Host == ""):
			v.add(e, field+".url", "%s is not an https page", s.URL)
		}
		if s.Title == "" {
			v.add(e, field+".title", "missing: give the page's title")
		}
		if s.Checked.IsZero() {
			v.add(e, field+".checked", "missing: give the date the page was last checked")
		}
	}
}

// knowledgeEntry is a trap, FAQ or control, with what lint needs of it.
type knowledgeEntry struct {
	entry    any
	provider string
	origin   string
}

func (m *Model) knowledge() []knowledgeEntry {
	var out []knowledgeEntry
	for _, t := range m.Traps {
		out = append(out, knowledgeEntry{t, t.Provider, t.Origin})
	}
	for _, f := range m.FAQs {
		out = append(out, knowledgeEntry{f, f.Provider, f.Origin})
	}
	for _, c := range m.Controls {
		out = append(out, knowledgeEntry{c, c.Provider, c.Origin})
	}
	for _, o := range m.Overviews {
		out = append(out, knowledgeEntry{o, o.Provider, o.Origin})
	}
	return out
}
