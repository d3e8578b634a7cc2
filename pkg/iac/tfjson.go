package iac

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
)

// Terraform's plan and state JSON are read as a stream: only each
// resource's type, address and actions are kept, with the few values the
// mapping rules of its type look at. A plan repeats every
// resource in planned_values, prior_state and configuration; decoding the
// whole tree cost six times the file in memory.

// readTerraformJSON reads a plan or state from JSON. It reports handled
// false, with no error, when the document is neither (or is not valid
// JSON, which the whole-document reader reports with its position), so
// that the caller can read it as a template.
func readTerraformJSON(path string, data []byte, format Format, keep func(string) []string) (*Stack, bool, error) {
	if !json.Valid(data) {
		return nil, false, nil
	}
	s := &Stack{Path: path, keepAttributes: keep}
	sk := &skimmer{data: data}
	plan, state := false, false
	err := sk.each(func(key string) error {
		switch {
		case key == "resource_changes" && format != TerraformState:
			plan = true
			return s.skimChanges(sk)
		case key == "planned_values":
			plan = true
		case key == "values" && format != TerraformPlan:
			return sk.each(func(key string) error {
				if key != "root_module" || sk.peek() != '{' {
					_, err := sk.value()
					return err
				}
				state = true
				return s.skimModule(sk, "root module", 0)
			})
		}
		_, err := sk.value()
		return err
	})
	if err != nil {
		if errors.Is(err, errSkim) {
			return nil, false, nil // not the shape of a plan or state
		}
		return nil, true, &Error{Path: path, Msg: err.Error()}
	}
	switch {
	case plan && format != TerraformState:
		s.Format = TerraformPlan
	case state:
		s.Format = TerraformState
	case format == TerraformPlan:
		// Forced, and the plan changes nothing: an empty stack.
		s.Format = format
	case format == TerraformState:
		return nil, true, &Error{Path: path, Msg: "values.root_module is not an object: not a Terraform state"}
	default:
		return nil, false, nil
	}
	return s, true, nil
}

// skimChanges reads resource_changes. A resource the plan only deletes
// does not count; data sources are not resources.
func (s *Stack) skimChanges(sk *skimmer) error {
	if c := sk.peek(); c != '[' && c != 'n' {
		return errors.New("resource_changes is not a list")
	}
	return sk.elements(func(i int) error {
		if sk.peek() != '{' {
			return fmt.Errorf("resource_changes[%d] is not an object", i)
		}
		var mode, typ, addr string
		var actions []string
		var after []byte
		err := sk.each(func(key string) error {
			raw, err := sk.value()
			if err != nil {
				return err
			}
			switch key {
			case "mode":
				mode = stringValue(raw)
			case "type":
				typ = stringValue(raw)
			case "address":
				addr = stringValue(raw)
			case "change":
				sub := &skimmer{data: raw}
				if sub.peek() != '{' {
					return nil
				}
				return sub.each(func(key string) error {
					v, err := sub.value()
					if err != nil {
						return err
					}
					switch key {
					case "actions":
						_ = json.Unmarshal(v, &actions) // a malformed list is no action
					case "after":
						after = v
					}
					return nil
				})
			}
			return nil
		})
		if err != nil {
			return err
		}
		if mode == "data" {
			return nil
		}
		if slices.Equal(actions, []string{"delete"}) {
			s.Deleted++
			return nil
		}
		if typ == "" || addr == "" {
			return fmt.Errorf("resource_changes[%d] has no type or address", i)
		}
		if len(s.Resources) >= MaxResources {
			return fmt.Errorf("more than the limit of %d resources", MaxResources)
		}
		r := Resource{Address: addr, Type: typ, Action: planAction(actions)}
		if keep, all := s.wanted(typ); all || len(keep) > 0 {
			attrs, err := decodeObject(after, keep, all)
			if err != nil {
				return fmt.Errorf("resource_changes[%d]: %v", i, err)
			}
			r.Attributes = attrs
		}
		s.Resources = append(s.Resources, r)
		return nil
	})
}

// skimModule reads a state's module and its children, at any depth.
func (s *Stack) skimModule(sk *skimmer, name string, depth int) error {
	if depth > MaxDepth {
		return fmt.Errorf("modules nested more than %d deep", MaxDepth)
	}
	return sk.each(func(key string) error {
		switch {
		case key == "address":
			raw, err := sk.value()
			if a := stringValue(raw); a != "" {
				name = a
			}
			return err
		case key == "resources" && sk.peek() == '[':
			return sk.elements(func(i int) error {
				raw, err := sk.value()
				if err != nil {
					return err
				}
				return s.stateResource(raw, name, i)
			})
		case key == "child_modules" && sk.peek() == '[':
			return sk.elements(func(int) error {
				if sk.peek() != '{' {
					_, err := sk.value()
					return err
				}
				return s.skimModule(sk, "", depth+1)
			})
		}
		_, err := sk.value()
		return err
	})
}

// stateResource reads one resource of a state's module.
func (s *Stack) stateResource(raw []byte, module string, i int) error {
	if module == "" {
		module = "root module"
	}
	sub := &skimmer{data: raw}
	if sub.peek() != '{' {
		return fmt.Errorf("%s resources[%d] is not an object", module, i)
	}
	var mode, typ, addr string
	var values []byte
	err := sub.each(func(key string) error {
		v, err := sub.value()
		switch key {
		case "mode":
			mode = stringValue(v)
		case "type":
			typ = stringValue(v)
		case "address":
			addr = stringValue(v)
		case "values":
			values = v
		}
		return err
	})
	if err != nil || mode == "data" {
		return err
	}
	if typ == "" || addr == "" {
		return fmt.Errorf("%s resources[%d] has no type or address", module, i)
	}
	if len(s.Resources) >= MaxResources {
		return fmt.Errorf("more than the limit of %d resources", MaxResources)
	}
	res := Resource{Address: addr, Type: typ}
	if keep, all := s.wanted(typ); all || len(keep) > 0 {
		attrs, err := decodeObject(values, keep, all)
		if err != nil {
			return fmt.Errorf("%s resources[%d]: %v", module, i, err)
		}
		res.Attributes = attrs
	}
	s.Resources = append(s.Resources, res)
	return nil
}

// stringValue is a JSON string's value, or "" for anything else.
func stringValue(raw []byte) string {
	str, err := skimString(raw)
	if err != nil {
		return ""
	}
	return str
}

// decodeObject decodes a JSON object's values, numbers kept as
// json.Number: those of the keys listed, or all of them. Anything but an
// object (null, a list) has no attributes.
func decodeObject(raw []byte, keep []string, all bool) (map[string]any, error) {
	sk := &skimmer{data: raw}
	if sk.peek() != '{' {
		return nil, nil
	}
	attrs := map[string]any{}
	if all {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		if err := dec.Decode(&attrs); err != nil {
			return nil, err
		}
		return attrs, checkDepth(attrs, 0, new(int))
	}
	err := sk.each(func(key string) error {
		v, err := sk.value()
		if err != nil || (!all && !slices.Contains(keep, key)) {
			return err
		}
		dec := json.NewDecoder(bytes.NewReader(v))
		dec.UseNumber()
		var x any
		if err := dec.Decode(&x); err != nil {
			return err
		}
		attrs[key] = x
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := checkDepth(attrs, 0, new(int)); err != nil {
		return nil, err
	}
	return attrs, nil
}

// wanted says which attributes of a type to keep: all of them, or those
// listed.
func (s *Stack) wanted(typ string) (keep []string, all bool) {
	if s.keepAttributes == nil {
		return nil, true
	}
	return s.keepAttributes(typ), false
}

// planAction names what a plan does to a resource: create, update,
// replace, read or no-op.
func planAction(actions []string) string {
	switch {
	case slices.Equal(actions, []string{"create"}):
		return ActionCreate
	case slices.Equal(actions, []string{"update"}):
		return ActionUpdate
	case slices.Contains(actions, "delete") && slices.Contains(actions, "create"):
		return ActionReplace
	case slices.Equal(actions, []string{"read"}):
		return ActionRead
	}
	return ActionNone
}

// Plan actions, as Resource.Action holds them.
const (
	ActionNone    = "no-op"
	ActionCreate  = "create"
	ActionUpdate  = "update"
	ActionReplace = "replace"
	ActionRead    = "read"
)

// Changes reports whether a plan creates, replaces or updates the
// resource.
func (r Resource) Changes() bool {
	return r.Action == ActionCreate || r.Action == ActionUpdate || r.Action == ActionReplace
}
