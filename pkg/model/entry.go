package model

import "reflect"

// entry is what every section of a model file holds: something with a key
// that later layers override by, and the file it came from.
type entry interface {
	entryKey() string
	entryOrigin() string
	setOrigin(string)
}

func (p *Provider) entryKey() string        { return p.ID }
func (p *Party) entryKey() string           { return p.ID }
func (c *Category) entryKey() string        { return c.ID }
func (s *ServiceModel) entryKey() string    { return s.ID }
func (i *Item) entryKey() string            { return i.ID }
func (s *Service) entryKey() string         { return s.ID }
func (v *Variant) entryKey() string         { return v.Service + ":" + v.ID }
func (t *Table) entryKey() string           { return t.ID }
func (c *Cell) entryKey() string            { return c.key().String() }
func (p *Provider) entryOrigin() string     { return p.Origin }
func (p *Party) entryOrigin() string        { return p.Origin }
func (c *Category) entryOrigin() string     { return c.Origin }
func (s *ServiceModel) entryOrigin() string { return s.Origin }
func (i *Item) entryOrigin() string         { return i.Origin }
func (s *Service) entryOrigin() string      { return s.Origin }
func (v *Variant) entryOrigin() string      { return v.Origin }
func (t *Table) entryOrigin() string        { return t.Origin }
func (c *Cell) entryOrigin() string         { return c.Origin }
func (p *Provider) setOrigin(o string)      { p.Origin = o }
func (p *Party) setOrigin(o string)         { p.Origin = o }
func (c *Category) setOrigin(o string)      { c.Origin = o }
func (s *ServiceModel) setOrigin(o string)  { s.Origin = o }
func (i *Item) setOrigin(o string)          { i.Origin = o }
func (s *Service) setOrigin(o string)       { s.Origin = o }
func (v *Variant) setOrigin(o string)       { v.Origin = o }
func (t *Table) setOrigin(o string)         { t.Origin = o }
func (c *Cell) setOrigin(o string)          { c.Origin = o }
func (t *Trap) entryKey() string            { return t.ID }
func (f *FAQ) entryKey() string             { return f.ID }
func (c *Control) entryKey() string         { return c.ID }
func (t *Trap) entryOrigin() string         { return t.Origin }
func (f *FAQ) entryOrigin() string          { return f.Origin }
func (c *Control) entryOrigin() string      { return c.Origin }
func (t *Trap) setOrigin(o string)          { t.Origin = o }
func (f *FAQ) setOrigin(o string)           { f.Origin = o }
func (c *Control) setOrigin(o string)       { c.Origin = o }

// sectionWhat names each section's entries in messages, such as
// "duplicate category id ...". Every field of document needs one.
var sectionWhat = map[string]string{
	"providers":      "provider id",
	"parties":        "party id",
	"categories":     "category id",
	"service_models": "service model id",
	"items":          "item id",
	"services":       "service id",
	"variants":       "variant",
	"tables":         "table id",
	"cells":          "cell",
	"defaults":       "default cell",
	"traps":          "trap id",
	"faqs":           "FAQ id",
	"controls":       "control id",
	"resources":      "resource type",
	"equivalences":   "equivalence id",
	"overviews":      "overview id",
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
func (m *Model) eachNewEntry(fn func(e any)) {
	m.eachEntry(func(e any) {
		if !m.compiled[e] {
			fn(e)
		}
	})
}

func (r *ResourceType) entryKey() string    { return r.Type }
func (r *ResourceType) entryOrigin() string { return r.Origin }
func (r *ResourceType) setOrigin(o string)  { r.Origin = o }

func (e *Equivalence) entryKey() string    { return e.ID }
func (e *Equivalence) entryOrigin() string { return e.Origin }
func (e *Equivalence) setOrigin(o string)  { e.Origin = o }
func (o *Overview) entryKey() string       { return o.ID }
func (o *Overview) entryOrigin() string    { return o.Origin }
func (o *Overview) setOrigin(s string)     { o.Origin = s }
func (d *DefaultCell) entryKey() string    { return d.key().String() }
func (d *DefaultCell) entryOrigin() string { return d.Origin }
func (d *DefaultCell) setOrigin(s string)  { d.Origin = s }

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
