package model

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Mapping is what the model says about one resource.
type Mapping struct {
	Type   *ResourceType // nil when the model does not know the type
	Target Target        // the deployment, when the type maps to a service
	// Alternatives are other deployments the resource may be, when a
	// template condition decides between them; Condition says so.
	Alternatives []Target
	Condition    string
	// ignoredBy is the rule that marks this resource as carrying no
	// responsibility of its own, when one does.
	ignoredBy *ResourceRule
	// skipped says why srm cannot review a resource of a type it knows.
	skipped string
}

// Known reports whether the model knows the resource's type.
func (mp Mapping) Known() bool { return mp.Type != nil }

// Ignored reports whether the resource carries no responsibility of its
// own: its type says so, or a rule on its attributes does.
func (mp Mapping) Ignored() bool { return mp.Type != nil && (mp.Type.Ignore || mp.ignoredBy != nil) }

// NotReviewed reports whether srm knows the type but cannot review this
// resource: the type says so, its real type is not known, or no rule
// recognises it and the type names no service of its own.
func (mp Mapping) NotReviewed() bool { return mp.skipped != "" }

// Reason says why an ignored resource carries no responsibility of its
// own, or why srm cannot review it.
func (mp Mapping) Reason() string {
	if mp.skipped != "" {
		return mp.skipped
	}
	if mp.ignoredBy != nil {
		return mp.ignoredBy.Reason
	}
	if mp.Type != nil {
		return mp.Type.Reason
	}
	return ""
}

// Supporting reports whether the type configures another resource of its
// service, so it joins whatever deployment of the service the stack has.
func (mp Mapping) Supporting() bool { return mp.Type != nil && mp.Type.Supports }

// AttributesOf lists the top-level attributes that mapping a resource of
// the type looks at: those its rules test and the one that names its real
// type. Inputs whose attributes cost something to keep keep only these.
func (m *Model) AttributesOf(typ string) []string {
	rt := m.ResourceTypeOf(typ)
	if rt == nil || rt.Ignore || rt.NotReviewed {
		return nil
	}
	var out []string
	add := func(path string) {
		root, _, _ := strings.Cut(path, ".")
		if root != "" && !slices.Contains(out, root) {
			out = append(out, root)
		}
	}
	if rt.TypeAttribute != "" {
		add(rt.TypeAttribute)
	}
	for _, r := range rt.Rules {
		add(r.Attribute)
	}
	return out
}

// MapResource finds the deployment a resource of the given type and
// attributes stands for. An exact type wins over a pattern such as
// "Custom::*"; among patterns, the most literal text wins.
func (m *Model) MapResource(typ string, attrs map[string]any) Mapping {
	rt := m.ResourceTypeOf(typ)
	if rt == nil {
		return Mapping{}
	}
	mp := Mapping{Type: rt}
	switch {
	case rt.Ignore:
		return mp
	case rt.NotReviewed:
		mp.skipped = rt.Reason
		return mp
	case rt.TypeAttribute != "":
		return m.mapByTypeAttribute(rt, attrs)
	}
	conds := ifConditions(attrs, maxConditions)
	if len(conds) == 0 {
		mp.Target, mp.ignoredBy = m.applyRules(rt, attrs)
		return mp.unrecognised()
	}
	// A CloudFormation condition picks a value: map the resource once for
	// each way the conditions can go, and keep every deployment that
	// results rather than pick one.
	var targets []Target
	for world := 0; world < 1<<len(conds); world++ {
		choice := map[string]bool{}
		for i, c := range conds {
			choice[c] = world&(1<<i) != 0
		}
		t, ignoredBy := m.applyRules(rt, resolveIfs(attrs, choice, 0).(map[string]any))
		if ignoredBy != nil {
			continue // that branch makes nothing to review
		}
		if !slices.ContainsFunc(targets, func(x Target) bool { return x.ID() == t.ID() }) {
			targets = append(targets, t)
		}
	}
	if len(targets) == 0 {
		mp.Target, mp.ignoredBy = m.applyRules(rt, attrs)
		return mp.unrecognised()
	}
	targets = slices.DeleteFunc(targets, func(t Target) bool { return t.Service == nil })
	if len(targets) == 0 {
		return mp.unrecognised()
	}
	mp.Target = targets[0]
	if len(targets) > 1 {
		mp.Alternatives = targets[1:]
		mp.Condition = "depends on condition " + strings.Join(conds, ", ")
	}
	return mp
}

// ResourceTypeOf returns the model's entry for a resource type: the exact
// type, else the most specific pattern that matches, else nil. Types match
// ignoring case: ARM's are case-insensitive, and no two types of Terraform
// or CloudFormation differ only in case.
func (m *Model) ResourceTypeOf(typ string) *ResourceType {
	exact, patterns := m.ix().resourceTypes()
	lower := strings.ToLower(typ)
	if rt := exact[lower]; rt != nil {
		return rt
	}
	for _, r := range patterns {
		prefix, suffix, _ := strings.Cut(strings.ToLower(r.Type), "*")
		if len(lower) >= len(prefix)+len(suffix) && strings.HasPrefix(lower, prefix) && strings.HasSuffix(lower, suffix) {
			return r
		}
	}
	return nil
}

// unrecognised marks a mapping whose type names no service of its own and
// whose rules did not recognise the resource: srm cannot review it.
func (mp Mapping) unrecognised() Mapping {
	if mp.ignoredBy == nil && mp.Target.Service == nil {
		mp.skipped = "srm does not know this kind of " + mp.Type.Type + ": no rule recognises its attributes"
	}
	return mp
}

// mapByTypeAttribute maps a resource whose real type is one of its
// attributes, such as azapi_resource, as a resource of that type; an ARM
// type's "@version" is dropped, and the body attribute, when it is an
// object, holds the attributes.
func (m *Model) mapByTypeAttribute(rt *ResourceType, attrs map[string]any) Mapping {
	real, _ := attrs[rt.TypeAttribute].(string)
	real, _, _ = strings.Cut(real, "@")
	if real == "" {
		return Mapping{Type: rt, skipped: "its " + rt.TypeAttribute + " is not known without a plan, so srm cannot tell what it deploys"}
	}
	body, _ := attrs["body"].(map[string]any)
	if body == nil {
		body = attrs
	}
	mp := m.MapResource(real, body)
	if !mp.Known() {
		return Mapping{Type: rt, skipped: "it deploys " + real + ", a resource type srm does not know"}
	}
	return mp
}

// applyRules picks the deployment a resource of a type stands for: the
// first rule that matches decides, else the type's own service. A rule
// that ignores the resource is returned instead.
func (m *Model) applyRules(rt *ResourceType, attrs map[string]any) (Target, *ResourceRule) {
	service, variant := rt.Service, rt.Variant
	for i, rule := range rt.Rules {
		if rule.matches(attrs) {
			if rule.Ignore {
				return Target{}, &rt.Rules[i]
			}
			if rule.Service != "" {
				service, variant = rule.Service, ""
			}
			if rule.Variant != "" {
				variant = rule.Variant
			}
			break
		}
	}
	return Target{Service: m.Service(service), Variant: m.Variant(service, variant)}, nil
}

// maxConditions bounds how many CloudFormation conditions one resource's
// mapping explores: each doubles the work.
const maxConditions = 3

// ifConditions lists the condition names of the Fn::If values in a
// resource's attributes, in the order found, at most limit of them.
func ifConditions(v any, limit int) []string {
	var out []string
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if len(out) >= limit || depth > 64 {
			return
		}
		switch x := v.(type) {
		case map[string]any:
			if args, ok := x["Fn::If"].([]any); ok && len(x) == 1 && len(args) == 3 {
				if name, ok := args[0].(string); ok && !slices.Contains(out, name) {
					out = append(out, name)
				}
			}
			for _, k := range slices.Sorted(maps.Keys(x)) {
				walk(x[k], depth+1)
			}
		case []any:
			for _, e := range x {
				walk(e, depth+1)
			}
		}
	}
	walk(v, 0)
	return out
}

// resolveIfs replaces each Fn::If whose condition is in choice by the
// branch the choice takes.
func resolveIfs(v any, choice map[string]bool, depth int) any {
	if depth > 64 {
		return v
	}
	switch x := v.(type) {
	case map[string]any:
		if args, ok := x["Fn::If"].([]any); ok && len(x) == 1 && len(args) == 3 {
			if name, ok := args[0].(string); ok {
				if yes, known := choice[name]; known {
					if yes {
						return resolveIfs(args[1], choice, depth+1)
					}
					return resolveIfs(args[2], choice, depth+1)
				}
			}
		}
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = resolveIfs(e, choice, depth+1)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = resolveIfs(e, choice, depth+1)
		}
		return out
	}
	return v
}

func (r ResourceRule) matches(attrs map[string]any) bool {
	if r.Present {
		return present(attrs, strings.Split(r.Attribute, "."))
	}
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

// present reports whether a dotted path leads to a value of any kind that
// is not empty.
func present(v any, steps []string) bool {
	for _, step := range steps {
		m, ok := v.(map[string]any)
		if !ok {
			return false
		}
		if v, ok = m[step]; !ok {
			return false
		}
	}
	switch x := v.(type) {
	case nil:
		return false
	case string:
		return x != ""
	}
	return true
}

// resourceTypes builds the lookups MapResource uses, once.
func (ix *index) resourceTypes() (exact map[string]*ResourceType, patterns []*ResourceType) {
	ix.resourcesOnce.Do(func() {
		ix.resources = make(map[string]*ResourceType, len(ix.m.Resources))
		for _, r := range ix.m.Resources {
			if strings.Contains(r.Type, "*") {
				ix.resourcePatterns = append(ix.resourcePatterns, r)
			} else {
				ix.resources[strings.ToLower(r.Type)] = r
			}
		}
		// The most specific pattern, the one with the most literal text, wins.
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
