package iac

import (
	"fmt"
	"slices"
	"strings"
)

// readTemplate reads a CloudFormation or SAM template's Resources. SAM's
// Globals apply to its functions, APIs and tables where a resource does
// not set the property itself.
func (s *Stack) readTemplate(doc map[string]any) error {
	resources, ok := doc["Resources"].(map[string]any)
	if !ok {
		return fmt.Errorf("Resources is not a mapping")
	}
	globals, _ := doc["Globals"].(map[string]any)
	ids := make([]string, 0, len(resources))
	for id := range resources {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		r, ok := resources[id].(map[string]any)
		if !ok {
			return fmt.Errorf("resource %s is not a mapping", id)
		}
		typ, ok := r["Type"].(string)
		if !ok || typ == "" {
			return fmt.Errorf("resource %s has no Type", id)
		}
		props, _ := r["Properties"].(map[string]any)
		if g := samGlobals(globals, typ); g != nil {
			merged := make(map[string]any, len(props)+len(g))
			for k, v := range g {
				merged[k] = v
			}
			for k, v := range props {
				merged[k] = v
			}
			props = merged
		}
		s.Resources = append(s.Resources, Resource{Address: id, Type: typ, Attributes: props})
	}
	return nil
}

// samGlobals returns the Globals section that applies to a SAM type, such
// as Globals.Function for AWS::Serverless::Function.
func samGlobals(globals map[string]any, typ string) map[string]any {
	kind, ok := strings.CutPrefix(typ, "AWS::Serverless::")
	if !ok || globals == nil {
		return nil
	}
	g, _ := globals[kind].(map[string]any)
	return g
}
