package model

import (
	"fmt"
	"maps"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// isID reports whether s is a valid id: lower-case words of letters and
// digits joined by single hyphens, as idPatternText says for the schema.
func isID(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// Limits on user-supplied text, so that one file cannot make every answer
// enormous.
const (
	MaxTextLen  = 2000 // runes in any one string
	MaxListLen  = 200  // entries in any one list
	MaxEntities = 200_000
)

// validator collects problems about the merged model, pointing each at the
// file and entry that defined the offending value.
type validator struct {
	m   *Model
	out []Problem
	// compiled marks the entries of a compiled model, whose own fields
	// were checked when it was compiled.
	compiled map[any]bool
	services map[string]*Service // see service
}

func (v *validator) add(e any, field, format string, args ...any) {
	if ref, ok := v.m.refs[e]; ok {
		v.out = append(v.out, ref.problem(field, format, args...))
		return
	}
	v.out = append(v.out, Problem{File: "model", Key: field, Message: fmt.Sprintf(format, args...)})
}

func (v *validator) validate() []Problem {
	v.required()
	v.ids()
	v.text()
	v.references()
	v.cells()
	v.sources()
	if len(v.out) == 0 {
		v.names()
	}
	return v.out
}

// required reports the keys tagged required:"true" that an entry lacks.
func (v *validator) required() {
	check := func(e any) {
		rv := reflect.ValueOf(e).Elem()
		t := rv.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if f.Tag.Get("required") == "true" && rv.Field(i).IsZero() {
				v.add(e, f.Tag.Get("toml"), "missing required key")
			} else if f.Tag.Get("required") == "true" && rv.Field(i).Kind() == reflect.Slice && rv.Field(i).Len() == 0 {
				v.add(e, f.Tag.Get("toml"), "missing required key: the list is empty")
			} else if p := f.Tag.Get("pattern"); p != "" && rv.Field(i).String() != "" && !patternOf(p).MatchString(rv.Field(i).String()) {
				v.add(e, f.Tag.Get("toml"), "%s is not in the form the framework writes, such as %s", strconv.Quote(rv.Field(i).String()), patternExample(f))
			}
		}
	}
	v.eachNewEntry(check)
}

// patterns holds the compiled pattern tags, which are few and fixed.
var patterns sync.Map

func patternOf(p string) *regexp.Regexp {
	if re, ok := patterns.Load(p); ok {
		return re.(*regexp.Regexp)
	}
	re := regexp.MustCompile(p)
	patterns.Store(p, re)
	return re
}

// patternExample is the first example a pattern-tagged field's doc gives
// ("such as \"SI-2\" ..."), for the message.
func patternExample(f reflect.StructField) string {
	doc := f.Tag.Get("doc")
	if _, after, ok := strings.Cut(doc, "such as "); ok {
		if q, _, ok := strings.Cut(strings.TrimPrefix(after, `"`), `"`); ok {
			return strconv.Quote(q)
		}
	}
	return "the pattern " + f.Tag.Get("pattern")
}

func (v *validator) ids() {
	total := 0
	v.m.eachEntry(func(e any) {
		total++
		if v.compiled[e] {
			return
		}
		f := reflect.ValueOf(e).Elem().FieldByName("ID")
		if !f.IsValid() || f.String() == "" {
			return
		}
		if id := f.String(); !isID(id) {
			v.add(e, "id", "%s is not a valid id: use lower-case letters, digits and single hyphens", strconv.Quote(id))
		}
	})
	for _, p := range v.m.Parties {
		if p.ID == OwnerShared {
			v.add(p, "id", "%q is reserved for cells owned jointly", OwnerShared)
		}
	}
	if total > MaxEntities {
		v.out = append(v.out, Problem{File: "model", Message: fmt.Sprintf("the model has %d entries, more than the limit of %d", total, MaxEntities)})
	}
}

// text rejects control, bidi and other invisible format characters, and
// over-long strings and lists, anywhere in the model.
func (v *validator) text() {
	each := func(e any) {
		walkStrings(reflect.ValueOf(e), "", func(field, s string) {
			if len([]rune(s)) > MaxTextLen {
				v.add(e, field, "text is longer than %d characters", MaxTextLen)
				return
			}
			for _, r := range s {
				if isUnsafeText(r) {
					v.add(e, field, "text contains the control or format character %U", r)
					return
				}
			}
		}, func(field string, n int) {
			if n > MaxListLen {
				v.add(e, field, "list has %d entries, more than the limit of %d", n, MaxListLen)
			}
		})
	}
	v.eachNewEntry(each)
}

// walkStrings calls fn for every string reachable from v through struct
// fields with a toml tag, slices and maps, and list for every slice.
func walkStrings(v reflect.Value, path string, fn func(field, s string), list func(field string, n int)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkStrings(v.Elem(), path, fn, list)
		}
	case reflect.String:
		fn(path, v.String())
	case reflect.Slice:
		list(path, v.Len())
		for i := 0; i < v.Len(); i++ {
			walkStrings(v.Index(i), path+"["+strconv.Itoa(i)+"]", fn, list)
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			k := iter.Key().String()
			fn(path, k)
			walkStrings(iter.Value(), path+"."+k, fn, list)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			tag := t.Field(i).Tag.Get("toml")
			if tag == "" || tag == "-" || !t.Field(i).IsExported() {
				continue
			}
			name := tag
			if path != "" {
				name = path + "." + tag
			}
			walkStrings(v.Field(i), name, fn, list)
		}
	}
}

func (v *validator) references() {
	m := v.m
	providers := newIDSet(ids(m.Providers, func(p *Provider) string { return p.ID }))
	parties := newIDSet(ids(m.Parties, func(p *Party) string { return p.ID }))
	categories := newIDSet(ids(m.Categories, func(c *Category) string { return c.ID }))
	serviceModels := newIDSet(ids(m.ServiceModels, func(s *ServiceModel) string { return s.ID }))
	items := newIDSet(ids(m.Items, func(i *Item) string { return i.ID }))
	services := newIDSet(ids(m.Services, func(s *Service) string { return s.ID }))
	ref := func(e any, field, kind, id string, valid idSet) bool {
		if id == "" || valid.has(id) {
			return true
		}
		msg := kind + " " + strconv.Quote(id) + " is not defined"
		if s := closest(id, valid.list); s != "" {
			msg += " (did you mean " + strconv.Quote(s) + "?)"
		}
		v.add(e, field, "%s", msg)
		return false
	}
	for _, p := range m.Providers {
		if ref(p, "party", "party", p.Party, parties) {
			if party := find(m.Parties, p.Party, func(x *Party) string { return x.ID }); party != nil && (party.Kind != KindProvider || party.Provider != p.ID) {
				v.add(p, "party", "party %q must have kind %q and provider %q", p.Party, KindProvider, p.ID)
			}
		}
		if p.DefaultTable != "" {
			ref(p, "default_table", "table", p.DefaultTable, newIDSet(ids(m.Tables, func(t *Table) string { return t.ID })))
		}
	}
	for _, p := range m.Parties {
		switch p.Kind {
		case KindProvider:
			if p.Provider == "" {
				v.add(p, "provider", "a party of kind %q must name its provider", KindProvider)
			} else {
				ref(p, "provider", "provider", p.Provider, providers)
			}
		case KindCustomer, KindThirdParty:
			if p.Provider != "" {
				v.add(p, "provider", "only a party of kind %q names a provider", KindProvider)
			}
		case "":
		default:
			v.add(p, "kind", "unknown party kind %q (valid: %s, %s, %s)", p.Kind, KindProvider, KindCustomer, KindThirdParty)
		}
	}
	for _, it := range m.Items {
		ref(it, "category", "category", it.Category, categories)
		for _, p := range slices.Sorted(maps.Keys(it.ProviderNames)) {
			ref(it, "provider_names", "provider", p, providers)
		}
	}
	for _, s := range m.Services {
		ref(s, "provider", "provider", s.Provider, providers)
		ref(s, "model", "service model", s.Model, serviceModels)
		if s.Docs != "" {
			if msg := checkURL(s.Docs); msg != "" {
				v.add(s, "docs", "%s", msg)
			}
		}
	}
	for _, va := range m.Variants {
		ref(va, "service", "service", va.Service, services)
	}
	variantKeys := newIDSet(ids(m.Variants, func(x *Variant) string { return x.Service + ":" + x.ID }))
	for _, s := range m.Services {
		if s.DefaultVariant != "" && !variantKeys.has(s.ID+":"+s.DefaultVariant) {
			v.add(s, "default_variant", "service %q has no variant %q", s.ID, s.DefaultVariant)
		}
	}
	for _, p := range m.Providers {
		for i, svcID := range p.QuizServices {
			field := "quiz_services[" + strconv.Itoa(i) + "]"
			if ref(p, field, "service", svcID, services) && v.service(svcID).Provider != p.ID {
				v.add(p, field, "service %q belongs to provider %q, not %q", svcID, v.service(svcID).Provider, p.ID)
			}
		}
		for modelID, svcID := range p.Archetypes {
			field := "archetypes." + modelID
			if !ref(p, field, "service model", modelID, serviceModels) || !ref(p, field, "service", svcID, services) {
				continue
			}
			if s := v.service(svcID); s.Provider != p.ID || s.Model != modelID {
				v.add(p, field, "service %q is a %s service of %q, not a %s service of %q", svcID, s.Model, s.Provider, modelID, p.ID)
			}
		}
	}
	// Traps, FAQs and controls all name a provider, and may name its
	// services and items.
	knowledge := func(e any, provider string, svcs, its []string) {
		if !ref(e, "provider", "provider", provider, providers) {
			return
		}
		for i, id := range svcs {
			field := "services[" + strconv.Itoa(i) + "]"
			if ref(e, field, "service", id, services) {
				if s := v.service(id); s.Provider != provider {
					v.add(e, field, "service %q belongs to provider %q, not %q", id, s.Provider, provider)
				}
			}
		}
		for i, id := range its {
			ref(e, "items["+strconv.Itoa(i)+"]", "item", id, items)
		}
	}
	for _, t := range m.Traps {
		knowledge(t, t.Provider, t.Services, t.Items)
	}
	for _, f := range m.FAQs {
		knowledge(f, f.Provider, f.Services, f.Items)
	}
	for _, c := range m.Controls {
		knowledge(c, c.Provider, nil, c.Items)
		switch c.Kind {
		case ControlInherited, ControlShared, ControlCustomerSpecific, "":
		default:
			v.add(c, "kind", "unknown control kind %q (valid: %s, %s, %s)", c.Kind, ControlInherited, ControlShared, ControlCustomerSpecific)
		}
	}
	for _, r := range m.Resources {
		v.resourceType(r, providers, services)
	}
	for _, e := range m.Equivalences {
		for i, id := range e.Services {
			ref(e, "services["+strconv.Itoa(i)+"]", "service", id, services)
		}
	}
	for _, o := range m.Overviews {
		ref(o, "provider", "provider", o.Provider, providers)
		for i, c := range o.Columns {
			if c != OnPremises {
				ref(o, "columns["+strconv.Itoa(i)+"]", "service model", c, serviceModels)
			}
		}
		for i, row := range o.Rows {
			field := "rows[" + strconv.Itoa(i) + "]"
			if row.Area == "" {
				v.add(o, field+".area", "missing required key")
			}
			if len(row.Owners) != len(o.Columns) {
				v.add(o, field+".owners", "has %d owners for %d columns", len(row.Owners), len(o.Columns))
			}
			for j, ow := range row.Owners {
				switch ow {
				case KindProvider, KindCustomer, OwnerShared, OwnerNotApplicable:
				default:
					v.add(o, field+".owners["+strconv.Itoa(j)+"]", "owner %q is not provider, customer, shared or n/a", ow)
				}
			}
		}
	}
	for _, t := range m.Tables {
		if !ref(t, "provider", "provider", t.Provider, providers) {
			continue
		}
		for i, id := range t.Services {
			field := "services[" + strconv.Itoa(i) + "]"
			if ref(t, field, "service", id, services) {
				if s := v.service(id); s.Provider != t.Provider {
					v.add(t, field, "service %q belongs to provider %q, not %q", id, s.Provider, t.Provider)
				}
			}
		}
		for i, id := range t.Items {
			ref(t, "items["+strconv.Itoa(i)+"]", "item", id, items)
		}
	}
	v.frameworks(ref, items)
}

// frameworks checks frameworks, their controls and the items' mappings:
// every reference resolves, and ownership names a known style.
func (v *validator) frameworks(ref func(e any, field, kind, id string, valid idSet) bool, items idSet) {
	m := v.m
	frameworks := newIDSet(ids(m.Frameworks, func(f *Framework) string { return f.ID }))
	controls := map[string]idSet{}
	for _, f := range m.Frameworks {
		switch f.Ownership {
		case OwnershipFedRAMP, OwnershipCCM, "":
		default:
			v.add(f, "ownership", "unknown ownership %q (valid: %s, %s)", f.Ownership, OwnershipFedRAMP, OwnershipCCM)
		}
		if f.Catalog != "" {
			if msg := checkURL(f.Catalog); msg != "" {
				v.add(f, "catalog", "%s", msg)
			}
		}
		var list []string
		for _, c := range m.ControlCatalog {
			if c.Framework == f.ID {
				list = append(list, strings.ToUpper(c.Code))
			}
		}
		controls[f.ID] = newIDSet(list)
	}
	for _, c := range m.ControlCatalog {
		ref(c, "framework", "framework", c.Framework, frameworks)
	}
	for _, mp := range m.Mappings {
		if !ref(mp, "framework", "framework", mp.Framework, frameworks) {
			continue
		}
		ref(mp, "item", "item", mp.Item, items)
		for i, id := range mp.Controls {
			ref(mp, "controls["+strconv.Itoa(i)+"]", "control of "+mp.Framework, strings.ToUpper(id), controls[mp.Framework])
		}
	}
}

func (v *validator) cells() {
	m := v.m
	parties := ids(m.Parties, func(p *Party) string { return p.ID })
	items := newIDSet(ids(m.Items, func(i *Item) string { return i.ID }))
	services := ids(m.Services, func(s *Service) string { return s.ID })
	variants := newIDSet(ids(m.Variants, func(x *Variant) string { return x.Service + ":" + x.ID }))
	owners := newIDSet(append(slices.Clone(parties), OwnerShared, OwnerNotApplicable))
	for _, c := range m.Cells {
		svc := v.service(c.Service)
		if c.Service != "" && svc == nil {
			v.add(c, "service", "%s", undefined("service", c.Service, services))
		}
		if c.Item != "" && !items.has(c.Item) {
			v.add(c, "item", "%s", undefined("item", c.Item, items.list))
		}
		if c.Variant != "" && svc != nil && !variants.has(c.Service+":"+c.Variant) {
			v.add(c, "variant", "service %q has no variant %q", c.Service, c.Variant)
		} else if c.Variant != "" && svc != nil && c.Variant == svc.DefaultVariant {
			v.add(c, "variant", "variant %q is the default deployment of %q, so its cells are the service's own; put this cell on the service", c.Variant, c.Service)
		}
		if c.Owner != "" && !owners.has(c.Owner) {
			v.add(c, "owner", "owner %q is not a party, %q or %q%s", c.Owner, OwnerShared, OwnerNotApplicable, didYouMean(c.Owner, owners.list))
		} else if party := find(m.Parties, c.Owner, func(x *Party) string { return x.ID }); party != nil && party.Kind == KindProvider && svc != nil && party.Provider != svc.Provider {
			v.add(c, "owner", "owner %q is the party of provider %q, but service %q belongs to %q", c.Owner, party.Provider, c.Service, svc.Provider)
		}
		if c.AppSide && c.Owner != "" && m.Role(c.Owner) != KindCustomer {
			v.add(c, "app_side", "app_side says the customer does this in its applications, but the owner is %q", c.Owner)
		}
		v.partyDoes(c, c.PartyDoes, parties)
	}
	providers := ids(m.Providers, func(p *Provider) string { return p.ID })
	for _, d := range m.Defaults {
		if d.Provider != "" && !slices.Contains(providers, d.Provider) {
			v.add(d, "provider", "%s", undefined("provider", d.Provider, providers))
		}
		if d.Item != "" && !items.has(d.Item) {
			v.add(d, "item", "%s", undefined("item", d.Item, items.list))
		}
		if d.Owner != "" && !owners.has(d.Owner) {
			v.add(d, "owner", "owner %q is not a party, %q or %q%s", d.Owner, OwnerShared, OwnerNotApplicable, didYouMean(d.Owner, owners.list))
		} else if party := find(m.Parties, d.Owner, func(x *Party) string { return x.ID }); party != nil && party.Kind == KindProvider && party.Provider != d.Provider {
			v.add(d, "owner", "owner %q is the party of provider %q, but this default is for %q", d.Owner, party.Provider, d.Provider)
		}
		v.partyDoes(d, d.PartyDoes, parties)
	}
}

func (v *validator) partyDoes(e any, does map[string][]string, parties []string) {
	for _, party := range slices.Sorted(maps.Keys(does)) {
		if !slices.Contains(parties, party) {
			v.add(e, "party_does."+party, "%s", undefined("party", party, parties))
		}
	}
}

// sources checks the sources of every entry that has them.
func (v *validator) sources() {
	v.eachNewEntry(func(e any) {
		f := reflect.ValueOf(e).Elem().FieldByName("Sources")
		if !f.IsValid() {
			return
		}
		for i, s := range f.Interface().([]Source) {
			field := "sources[" + strconv.Itoa(i) + "]"
			if s.URL == "" {
				v.add(e, field+".url", "missing required key")
			} else if msg := checkURL(s.URL); msg != "" {
				v.add(e, field+".url", "%s", msg)
			}
		}
	})
}

func checkURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return "not an absolute http(s) URL: " + strconv.Quote(raw)
	}
	return ""
}

func undefined(kind, id string, valid []string) string {
	return kind + " " + strconv.Quote(id) + " is not defined" + didYouMean(id, valid)
}

func didYouMean(id string, valid []string) string {
	if s := closest(id, valid); s != "" {
		return " (did you mean " + strconv.Quote(s) + "?)"
	}
	return ""
}

// idSet is a list of ids with a set beside it: validation looks thousands
// of references up, and the list keeps the order suggestions need.
type idSet struct {
	list []string
	set  map[string]bool
}

func newIDSet(list []string) idSet {
	set := make(map[string]bool, len(list))
	for _, id := range list {
		set[id] = true
	}
	return idSet{list, set}
}

func (s idSet) has(id string) bool { return s.set[id] }

// service finds a service by id through a map built on first use.
func (v *validator) service(id string) *Service {
	if v.services == nil {
		v.services = make(map[string]*Service, len(v.m.Services))
		for _, s := range v.m.Services {
			v.services[s.ID] = s
		}
	}
	return v.services[id]
}

func ids[T any](list []T, id func(T) string) []string {
	out := make([]string, len(list))
	for i, e := range list {
		out[i] = id(e)
	}
	return out
}

func find[T any](list []T, id string, key func(T) string) T {
	var zero T
	if id == "" {
		return zero
	}
	for _, e := range list {
		if key(e) == id {
			return e
		}
	}
	return zero
}

func itoa(i int) string { return strconv.Itoa(i) }

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func joinList(s []string) string { return strings.Join(s, ", ") }

// resourceType checks a resource mapping: it names a service of its
// provider or is ignored, and its rules name variants that exist.
func (v *validator) resourceType(r *ResourceType, providers, services idSet) {
	m := v.m
	if r.Provider != "" && !providers.has(r.Provider) {
		v.add(r, "provider", "%s", undefined("provider", r.Provider, providers.list))
	}
	if strings.Count(r.Type, "*") > 1 {
		v.add(r, "type", "a type pattern has at most one *")
	}
	special := r.Ignore || r.NotReviewed || r.TypeAttribute != ""
	switch {
	case btoi(r.Ignore)+btoi(r.NotReviewed)+btoi(r.TypeAttribute != "") > 1:
		v.add(r, "ignore", "give at most one of ignore, not_reviewed or type_attribute")
	case special && (r.Service != "" || len(r.Rules) > 0 || r.Supports || len(r.Hosts) > 0):
		v.add(r, "ignore", "a type that is ignored, not reviewed or mapped by its type attribute names no service, has no rules and supports nothing")
	case (r.Ignore || r.NotReviewed) && strings.TrimSpace(r.Reason) == "":
		v.add(r, "reason", "missing: say why the type carries no responsibility of its own, or why srm cannot review it")
	case !special && r.Service == "" && len(r.Rules) == 0:
		v.add(r, "service", "missing: name the service the type deploys, give rules that pick one, or set ignore = true with a reason")
	case !special && r.Provider == "":
		v.add(r, "provider", "missing: a type that deploys a service names its provider")
	}
	checkTarget := func(field, service, variant string) {
		if service == "" {
			return
		}
		svc := v.service(service)
		if svc == nil {
			v.add(r, field+"service", "%s", undefined("service", service, services.list))
			return
		}
		if r.Provider != "" && svc.Provider != r.Provider {
			v.add(r, field+"service", "service %q belongs to provider %q, not %q", service, svc.Provider, r.Provider)
		}
		if variant != "" && m.Variant(service, variant) == nil {
			v.add(r, field+"variant", "service %q has no variant %q", service, variant)
		}
	}
	checkTarget("", r.Service, r.Variant)
	for i, svc := range r.Hosts {
		checkTarget("hosts["+strconv.Itoa(i)+"].", svc, "")
	}
	if len(r.Hosts) > 0 && r.Supports {
		v.add(r, "hosts", "a type that hosts other services' resources does not also support one")
	}
	for i, rule := range r.Rules {
		field := "rules[" + strconv.Itoa(i) + "]."
		if rule.Attribute == "" {
			v.add(r, field+"attribute", "missing required key")
		}
		set := 0
		for _, b := range []bool{rule.Equals != "", rule.Matches != "", rule.Missing, rule.Present} {
			if b {
				set++
			}
		}
		if set != 1 {
			v.add(r, field+"equals", "give exactly one of equals, matches, missing or present")
		}
		switch {
		case rule.Ignore && (rule.Service != "" || rule.Variant != "" || strings.TrimSpace(rule.Reason) == ""):
			v.add(r, field+"ignore", "a rule that ignores a resource picks no service or variant and gives a reason")
			continue
		case rule.Ignore:
			continue
		case rule.Reason != "":
			v.add(r, field+"reason", "only a rule that ignores a resource gives a reason")
		case rule.Service == "" && rule.Variant == "":
			v.add(r, field+"variant", "a rule must pick a service or a variant")
		case rule.Service == "" && r.Service == "":
			v.add(r, field+"service", "the type names no service, so its rules must")
		}
		service := rule.Service
		if service == "" {
			service = r.Service
		}
		checkTarget(field, service, rule.Variant)
	}
}

// isUnsafeText reports control, bidi and other invisible format
// characters, which model and acknowledgement files may not contain.
func isUnsafeText(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}
