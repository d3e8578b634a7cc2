package iac

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Azure Resource Manager templates, as written by hand or by
// `az bicep build`: resources with their child resources, copy loops,
// conditions and nested deployments with an inline template. Template
// expressions ("[...]") are not evaluated, except a bare reference to a
// parameter with a literal default; anything else is unknown and left out.

// isARM reports whether a JSON document is an ARM deployment template.
func isARM(doc map[string]any) bool {
	schema, _ := doc["$schema"].(string)
	if strings.Contains(strings.ToLower(schema), "deploymenttemplate.json") {
		return true
	}
	_, hasContent := doc["contentVersion"]
	_, hasResources := doc["resources"]
	return schema == "" && hasContent && hasResources
}

// MaxARMDepth bounds child resources and nested deployments within each
// other.
const MaxARMDepth = 32

func (s *Stack) readARM(doc map[string]any) error {
	return s.readARMTemplate(doc, "", 0)
}

// readARMTemplate reads one template's resources; prefix addresses the
// resources of a nested deployment.
func (s *Stack) readARMTemplate(doc map[string]any, prefix string, depth int) error {
	if depth > MaxARMDepth {
		return fmt.Errorf("nested deployments nest more than %d deep", MaxARMDepth)
	}
	params := armParameters(doc)
	for _, r := range armResourceList(doc["resources"]) {
		if err := s.readARMResource(r.value, r.symbol, "", prefix, params, depth); err != nil {
			return err
		}
	}
	return nil
}

type armEntry struct {
	symbol string // the symbolic name, in languageVersion 2.0 templates
	value  map[string]any
}

// armResourceList returns a template's resources in order: an array, or
// (languageVersion 2.0) an object keyed by symbolic name.
func armResourceList(v any) []armEntry {
	var out []armEntry
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if m, ok := e.(map[string]any); ok {
				out = append(out, armEntry{value: m})
			}
		}
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if m, ok := x[k].(map[string]any); ok {
				out = append(out, armEntry{symbol: k, value: m})
			}
		}
	}
	return out
}

func (s *Stack) readARMResource(r map[string]any, symbol, parentType, prefix string, params map[string]any, depth int) error {
	if depth > MaxARMDepth {
		return fmt.Errorf("child resources nest more than %d deep", MaxARMDepth)
	}
	typ, _ := r["type"].(string)
	if typ == "" {
		return fmt.Errorf("a resource has no type")
	}
	if parentType != "" && !strings.Contains(typ, ".") {
		typ = parentType + "/" + typ // a child declared inside its parent names only its own part
	}
	if existing, _ := r["existing"].(bool); existing {
		return nil // a reference to a resource deployed elsewhere
	}
	if c, ok := r["condition"].(bool); ok && !c {
		return nil
	}
	name := symbol
	if name == "" {
		name = armName(r["name"], typ, params)
	}
	addr := name
	if prefix != "" {
		addr = prefix + "/" + name
	}
	count, note := armCopyCount(r["copy"], params)
	if strings.EqualFold(typ, "Microsoft.Resources/deployments") {
		return s.readARMDeployment(r, addr, params, depth)
	}
	attrs := make(map[string]any, len(r))
	for k, v := range r {
		if k == "resources" {
			continue // children are read as resources of their own
		}
		if x := resolveParams(v, params, 1); x != nil {
			attrs[k] = x
		}
	}
	if count > 0 {
		s.Resources = append(s.Resources, Resource{Address: addr, Type: typ, Attributes: attrs, Count: count, Note: note})
	}
	for _, child := range armResourceList(r["resources"]) {
		if err := s.readARMResource(child.value, child.symbol, typ, prefix, params, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// readARMDeployment follows a nested deployment with an inline template and
// lists one that links to a template elsewhere as not reviewed.
func (s *Stack) readARMDeployment(r map[string]any, addr string, params map[string]any, depth int) error {
	props, _ := r["properties"].(map[string]any)
	if tmpl, ok := props["template"].(map[string]any); ok {
		inner := armInnerParameters(tmpl, props["parameters"], params)
		doc := map[string]any{"parameters": inner, "resources": tmpl["resources"]}
		return s.readARMTemplate(doc, addr, depth+1)
	}
	source := ""
	if link, ok := props["templateLink"].(map[string]any); ok {
		for _, k := range []string{"uri", "id", "relativePath"} {
			if v, ok := link[k].(string); ok {
				source = v
				break
			}
		}
	}
	s.NotReviewed = append(s.NotReviewed, Skipped{Kind: KindLinkedTemplate, Name: addr, Source: source, Where: s.Path,
		Why: "a linked template is not fetched; review that template's file to include it"})
	return nil
}

// armParameters returns the literal default of each parameter a template
// declares; a parameter without one is absent.
func armParameters(doc map[string]any) map[string]any {
	out := map[string]any{}
	params, _ := doc["parameters"].(map[string]any)
	for name, p := range params {
		pm, ok := p.(map[string]any)
		if !ok {
			continue
		}
		if v, ok := pm["defaultValue"]; ok && !isARMExpression(v) {
			out[strings.ToLower(name)] = v
		} else if v, ok := pm["value"]; ok && !isARMExpression(v) {
			out[strings.ToLower(name)] = v
		}
	}
	return out
}

// armInnerParameters gives a nested template's parameters their values:
// what the deployment passes, when it is literal or a parameter of the
// outer template, else the inner default.
func armInnerParameters(tmpl map[string]any, passed any, outer map[string]any) map[string]any {
	out := map[string]any{}
	declared, _ := tmpl["parameters"].(map[string]any)
	for k, v := range declared {
		out[k] = v
	}
	given, _ := passed.(map[string]any)
	for k, v := range given {
		pm, ok := v.(map[string]any)
		if !ok {
			continue
		}
		val := resolveParams(pm["value"], outer, 0)
		if val == nil || isARMExpression(val) {
			continue
		}
		out[k] = map[string]any{"defaultValue": val}
	}
	return out
}

// armCopyCount returns how many instances a copy loop makes: its literal
// count (or a parameter's literal default), else one with a note.
func armCopyCount(copy any, params map[string]any) (int, string) {
	c, ok := copy.(map[string]any)
	if !ok {
		return 1, ""
	}
	switch n := resolveParams(c["count"], params, 0).(type) {
	case json.Number:
		if i, err := strconv.Atoi(n.String()); err == nil && i >= 0 && i <= MaxCount {
			return i, ""
		}
	case float64:
		if n >= 0 && n <= MaxCount {
			return int(n), ""
		}
	}
	return 1, "count known only at deployment time"
}

var namedRef = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^\[\s*(?:parameters|variables)\(\s*'([^']+)'\s*\)\s*\]$`)
})

// armName is how review names an ARM resource: the last part of its type
// and its name, where the name is a literal or a parameter with a literal
// default; the name of the parameter or variable it comes from; or, for
// any other expression, the expression itself.
func armName(v any, typ string, params map[string]any) string {
	name, _ := v.(string)
	if lit, ok := resolveParams(name, params, 0).(string); ok && lit != "" {
		name = lit
	} else if m := namedRef().FindStringSubmatch(name); m != nil {
		name = m[1]
	}
	return typ[strings.LastIndex(typ, "/")+1:] + "/" + name
}

var parameterRef = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^\[\s*parameters\(\s*'([^']+)'\s*\)\s*\]$`)
})

// resolveParams replaces every string that is exactly a reference to a
// parameter with a literal default by that default, and drops every other
// template expression, so that rules see only what is known.
func resolveParams(v any, params map[string]any, depth int) any {
	if depth > MaxDepth {
		return nil
	}
	switch x := v.(type) {
	case string:
		if !isARMExpression(x) {
			return x
		}
		if m := parameterRef().FindStringSubmatch(x); m != nil {
			if p, ok := params[strings.ToLower(m[1])]; ok {
				return p
			}
		}
		return nil
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			if r := resolveParams(e, params, depth+1); r != nil {
				out[k] = r
			}
		}
		return out
	case []any:
		out := make([]any, 0, len(x))
		for _, e := range x {
			if r := resolveParams(e, params, depth+1); r != nil {
				out = append(out, r)
			}
		}
		return out
	}
	return v
}

// isARMExpression reports whether a value is a template expression: a
// string in square brackets that does not start with "[[" (an escaped
// literal).
func isARMExpression(v any) bool {
	s, ok := v.(string)
	return ok && strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") && !strings.HasPrefix(s, "[[")
}
