package iac

import (
	"errors"
	"fmt"
	"slices"
)

// readPlan reads resource_changes, which lists every managed resource,
// those inside modules included, with the actions the plan takes. A
// resource the plan only deletes does not count.
func (s *Stack) readPlan(doc map[string]any) error {
	changes, ok := doc["resource_changes"].([]any)
	if !ok {
		if _, present := doc["resource_changes"]; present {
			return errors.New("resource_changes is not a list")
		}
		return nil // an empty plan has no resource_changes
	}
	for i, raw := range changes {
		rc, ok := raw.(map[string]any)
		if !ok {
			return fmt.Errorf("resource_changes[%d] is not an object", i)
		}
		if str(rc["mode"]) == "data" {
			continue
		}
		change, _ := rc["change"].(map[string]any)
		actions := stringList(change["actions"])
		if slices.Equal(actions, []string{"delete"}) {
			s.Deleted++
			continue
		}
		typ, addr := str(rc["type"]), str(rc["address"])
		if typ == "" || addr == "" {
			return fmt.Errorf("resource_changes[%d] has no type or address", i)
		}
		attrs, _ := change["after"].(map[string]any)
		s.Resources = append(s.Resources, Resource{Address: addr, Type: typ, Attributes: attrs})
	}
	return nil
}

// readState reads values.root_module and its child modules, at any depth.
func (s *Stack) readState(doc map[string]any) error {
	values, _ := doc["values"].(map[string]any)
	root, ok := values["root_module"].(map[string]any)
	if !ok {
		return errors.New("values.root_module is not an object")
	}
	return s.readModule(root, 0)
}

func (s *Stack) readModule(mod map[string]any, depth int) error {
	if depth > MaxDepth {
		return fmt.Errorf("modules nested more than %d deep", MaxDepth)
	}
	resources, _ := mod["resources"].([]any)
	for i, raw := range resources {
		r, ok := raw.(map[string]any)
		if !ok {
			return fmt.Errorf("%s resources[%d] is not an object", moduleName(mod), i)
		}
		if str(r["mode"]) == "data" {
			continue
		}
		typ, addr := str(r["type"]), str(r["address"])
		if typ == "" || addr == "" {
			return fmt.Errorf("%s resources[%d] has no type or address", moduleName(mod), i)
		}
		attrs, _ := r["values"].(map[string]any)
		s.Resources = append(s.Resources, Resource{Address: addr, Type: typ, Attributes: attrs})
	}
	children, _ := mod["child_modules"].([]any)
	for _, raw := range children {
		if child, ok := raw.(map[string]any); ok {
			if err := s.readModule(child, depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

func moduleName(mod map[string]any) string {
	if a := str(mod["address"]); a != "" {
		return a
	}
	return "root module"
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func stringList(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, e := range l {
		out = append(out, str(e))
	}
	return out
}
