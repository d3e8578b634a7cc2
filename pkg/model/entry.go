package model

import "reflect"

// entry is what every section of a model file holds: something with a key
// that later layers override by. Every entry also has an Origin field, the
// file it came from, which originOf and setOrigin reach for all kinds at
// once (TestSectionsAreEntries checks that each has one).
type entry interface {
	entryKey() string
}

// originOf is the file an entry came from.
func originOf(e entry) string {
	return reflect.ValueOf(e).Elem().FieldByName("Origin").String()
}

// setOrigin records the file an entry came from.
func setOrigin(e entry, file string) {
	reflect.ValueOf(e).Elem().FieldByName("Origin").SetString(file)
}

func (p *Provider) entryKey() string     { return p.ID }
func (p *Party) entryKey() string        { return p.ID }
func (c *Category) entryKey() string     { return c.ID }
func (s *ServiceModel) entryKey() string { return s.ID }
func (i *Item) entryKey() string         { return i.ID }
func (s *Service) entryKey() string      { return s.ID }
func (v *Variant) entryKey() string      { return v.Service + ":" + v.ID }
func (t *Table) entryKey() string        { return t.ID }
func (c *Cell) entryKey() string         { return c.key().String() }
func (t *Trap) entryKey() string         { return t.ID }
func (f *FAQ) entryKey() string          { return f.ID }
func (c *Control) entryKey() string      { return c.ID }

// sectionWhat names each section's entries in messages, such as
// "duplicate category id ...". Every field of document needs one.
var sectionWhat = map[string]string{
	"providers":          "provider id",
	"parties":            "party id",
	"categories":         "category id",
	"service_models":     "service model id",
	"items":              "item id",
	"services":           "service id",
	"variants":           "variant",
	"tables":             "table id",
	"cells":              "cell",
	"defaults":           "default cell",
	"traps":              "trap id",
	"faqs":               "FAQ id",
	"controls":           "control id",
	"resources":          "resource type",
	"equivalences":       "equivalence id",
	"overviews":          "overview id",
	"frameworks":         "framework id",
	"framework_controls": "framework control",
	"mappings":           "mapping of item",
}

// eachSection calls fn with every section of a document: its TOML name,
// the document's entries, and the model's slice of the same name (a
// pointer), so that merging and checks are written once for all sections.
func (m *Model) eachSection(d *Document, fn func(name string, src []entry, dst reflect.Value)) {
	dv := reflect.ValueOf(d).Elem()
	mv := reflect.ValueOf(m).Elem()
	for i := 0; i < dv.NumField(); i++ {
		f := dv.Type().Field(i)
		fn(tomlName(f), sliceEntries(dv.Field(i)), mv.FieldByName(f.Name))
	}
}

func sliceEntries(v reflect.Value) []entry {
	out := make([]entry, v.Len())
	for i := range out {
		out[i] = v.Index(i).Interface().(entry)
	}
	return out
}

// eachEntry calls fn with every entry of the model, section by section.
func (m *Model) eachEntry(fn func(e any)) {
	m.eachSection(&Document{}, func(_ string, _ []entry, dst reflect.Value) {
		for _, e := range sliceEntries(dst) {
			fn(e)
		}
	})
}

// eachNewEntry is eachEntry without the entries of a compiled model, whose
// own fields were checked when it was compiled: checks that look at one
// entry alone need not look at them again on every run with an overlay.
func (v *validator) eachNewEntry(fn func(e any)) {
	v.m.eachEntry(func(e any) {
		if !v.compiled[e] {
			fn(e)
		}
	})
}

func (r *ResourceType) entryKey() string { return r.Type }

func (e *Equivalence) entryKey() string { return e.ID }
func (o *Overview) entryKey() string    { return o.ID }
func (d *DefaultCell) entryKey() string { return d.key().String() }

// Every section's entries must be entries; TestSectionsAreEntries checks
// that document and Model agree.
var (
	_ entry = (*Provider)(nil)
	_ entry = (*Party)(nil)
	_ entry = (*Category)(nil)
	_ entry = (*ServiceModel)(nil)
	_ entry = (*Item)(nil)
	_ entry = (*Service)(nil)
	_ entry = (*Variant)(nil)
	_ entry = (*Table)(nil)
	_ entry = (*Cell)(nil)
	_ entry = (*Trap)(nil)
	_ entry = (*FAQ)(nil)
	_ entry = (*Control)(nil)
	_ entry = (*ResourceType)(nil)
	_ entry = (*Equivalence)(nil)
	_ entry = (*Overview)(nil)
	_ entry = (*DefaultCell)(nil)
)
