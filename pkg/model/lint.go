package model

import (
	"net/url"
	"slices"
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
		if want := m.OwnerFromLabel(prov.ID, c.Label); want != c.Owner {
			if want == "" {
				v.add(c, "label", "label %q names no party, so it does not say that the owner is %q", c.Label, c.Owner)
			} else {
				v.add(c, "label", "label %q says the owner is %q, but owner is %q", c.Label, want, c.Owner)
			}
		}
		if c.Summary == "" {
			v.add(c, "summary", "missing: say in one sentence who does what, or why the item does not apply")
		}
		for i, s := range c.Sources {
			field := "sources[" + itoa(i) + "]"
			u, err := url.Parse(s.URL)
			if err != nil || u.Scheme != "https" || !slices.Contains(prov.DocHosts, u.Host) {
				v.add(c, field+".url", "%s is not an https page on %s's documentation (%s)", s.URL, prov.ShortName, joinList(prov.DocHosts))
			}
			if s.Title == "" {
				v.add(c, field+".title", "missing: give the page's title")
			}
			if s.Checked.IsZero() {
				v.add(c, field+".checked", "missing: give the date the page was last checked")
			}
		}
	}
	return v.out
}
