package model

import (
	"fmt"
	"slices"
	"strings"
)

// Mapping is what the model says about one resource.
type Mapping struct {
	Type   *ResourceType // nil when the model does not know the type
	Target Target        // the deployment, when the type maps to a service
}

// Known reports whether the model knows the resource's type.
func (mp Mapping) Known() bool { return mp.Type != nil }

// Ignored reports whether the type carries no responsibility of its own.
func (mp Mapping) Ignored() bool { return mp.Type != nil && mp.Type.Ignore }

// Supporting reports whether the type configures another resource of its
// service, so it joins whatever deployment of the service the stack has.
func (mp Mapping) Supporting() bool { return mp.Type != nil && mp.Type.Supports }

// MapResource finds the deployment a resource of the given type and
// attributes stands for. An exact type wins over a pattern such as
// "Custom::*"; among patterns, the longest prefix wins.
func (m *Model) MapResource(typ string, attrs map[string]any) Mapping {
	exact, patterns := m.ix().resourceTypes()
	rt := exact[typ]
	if rt == nil {
		for _, r := range patterns {
			if strings.HasPrefix(typ, strings.TrimSuffix(r.Type, "*")) {
				rt = r
				break
			}
		}
	}
	if rt == nil {
		return Mapping{}
	}
	mp := Mapping{Type: rt}
	if rt.Ignore {
		return mp
	}
	service, variant := rt.Service, rt.Variant
	for _, rule := range rt.Rules {
		if rule.matches(attrs) {
			if rule.Service != "" {
				service, variant = rule.Service, ""
			}
			if rule.Variant != "" {
				variant = rule.Variant
			}
			break
		}
	}
	mp.Target = Target{Service: m.Service(service), Variant: m.Variant(service, variant)}
	return mp
}

func (r ResourceRule) matches(attrs map[string]any) bool {
	values := lookup(attrs, strings.Split(r.Attribute, "."))
	if r.Missing {
		return len(values) == 0
	}
	for _, v := range values {
		var s string
		switch x := v.(type) {
		case string:
			s = x
		case bool:
			s = fmt.Sprint(x)
		case fmt.Stringer: // json.Number
			s = x.String()
		default:
			continue
		}
		if r.Equals != "" && strings.EqualFold(s, r.Equals) {
			return true
		}
		if r.Matches != "" {
			if wildcardMatch(strings.ToLower(r.Matches), strings.ToLower(s)) {
				return true
			}
		}
	}
	return false
}

// lookup follows a dotted path into decoded JSON and returns the scalar
// values found there; "*" steps into every element of a list, and a list
// at the end of the path yields its elements.
func lookup(v any, steps []string) []any {
	if len(steps) == 0 {
		switch x := v.(type) {
		case nil:
			return nil
		case []any:
			var out []any
			for _, e := range x {
				out = append(out, lookup(e, nil)...)
			}
			return out
		case map[string]any:
			return nil
		case string:
			if x == "" {
				return nil
			}
		}
		return []any{v}
	}
	switch x := v.(type) {
	case map[string]any:
		return lookup(x[steps[0]], steps[1:])
	case []any:
		var out []any
		rest := steps
		if steps[0] == "*" {
			rest = steps[1:]
		}
		for _, e := range x {
			out = append(out, lookup(e, rest)...)
		}
		return out
	}
	return nil
}

// resourceTypes builds the lookups MapResource uses, once.
func (ix *index) resourceTypes() (exact map[string]*ResourceType, patterns []*ResourceType) {
	ix.resourcesOnce.Do(func() {
		ix.resources = make(map[string]*ResourceType, len(ix.m.Resources))
		for _, r := range ix.m.Resources {
			if strings.HasSuffix(r.Type, "*") {
				ix.resourcePatterns = append(ix.resourcePatterns, r)
			} else {
				ix.resources[r.Type] = r
			}
		}
		slices.SortStableFunc(ix.resourcePatterns, func(a, b *ResourceType) int { return len(b.Type) - len(a.Type) })
	})
	return ix.resources, ix.resourcePatterns
}

// wildcardMatch reports whether s matches pattern, where * stands for any
// text, slashes included, and every other character for itself.
func wildcardMatch(pattern, s string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return pattern == s
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	last := parts[len(parts)-1]
	for _, part := range parts[1 : len(parts)-1] {
		i := strings.Index(s, part)
		if i < 0 {
			return false
		}
		s = s[i+len(part):]
	}
	return strings.HasSuffix(s, last)
}
