package iac

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// readTemplate reads a CloudFormation or SAM template's Resources. SAM's
// Globals apply to its functions, APIs and tables where a resource does
// not set the property itself.
func (s *Stack) readTemplate(doc map[string]any) error {
	raw, present := doc["Resources"]
	if !present {
		return fmt.Errorf("no Resources section, so not a CloudFormation or SAM template")
	}
	if raw == nil {
		return nil // an empty Resources: is a valid stack of nothing
	}
	resources, ok := raw.(map[string]any)
	if !ok {
		return fmt.Errorf("the \"Resources\" key is not a mapping")
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
			return &noTypeError{id: id}
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
		if ref, ok := nestedRef(id, typ, props); ok {
			s.nested = append(s.nested, ref)
			continue
		}
		s.Resources = append(s.Resources, Resource{Address: id, Type: typ, Attributes: props})
	}
	s.addImplicitAPIs()
	return nil
}

// addImplicitAPIs adds the APIs SAM makes for functions whose Api or
// HttpApi events name no API of their own: one ServerlessRestApi and one
// ServerlessHttpApi per template, as SAM names them.
func (s *Stack) addImplicitAPIs() {
	made := map[string][]string{} // implicit API type -> functions that make it
	for _, r := range s.Resources {
		if r.Type != "AWS::Serverless::Function" {
			continue
		}
		events, _ := r.Attributes["Events"].(map[string]any)
		for _, name := range slices.Sorted(maps.Keys(events)) {
			ev, _ := events[name].(map[string]any)
			props, _ := ev["Properties"].(map[string]any)
			switch ev["Type"] {
			case "Api":
				if props["RestApiId"] == nil && !slices.Contains(made["AWS::Serverless::Api"], r.Address) {
					made["AWS::Serverless::Api"] = append(made["AWS::Serverless::Api"], r.Address)
				}
			case "HttpApi":
				if props["ApiId"] == nil && !slices.Contains(made["AWS::Serverless::HttpApi"], r.Address) {
					made["AWS::Serverless::HttpApi"] = append(made["AWS::Serverless::HttpApi"], r.Address)
				}
			}
		}
	}
	for _, api := range []struct{ typ, id string }{
		{"AWS::Serverless::Api", "ServerlessRestApi"},
		{"AWS::Serverless::HttpApi", "ServerlessHttpApi"},
	} {
		fns := made[api.typ]
		if len(fns) == 0 || slices.ContainsFunc(s.Resources, func(r Resource) bool { return r.Address == api.id }) {
			continue
		}
		s.Resources = append(s.Resources, Resource{Address: api.id, Type: api.typ, Note: "made by SAM for the events of " + strings.Join(fns, ", ")})
	}
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

// nested is a nested stack a template declares: an AWS::CloudFormation::Stack
// with its TemplateURL, or an AWS::Serverless::Application with its
// Location. location is "" when it is not a literal path or URL.
type nested struct {
	id, typ  string
	location string
	why      string // set when location is "": why it cannot be followed
}

func nestedRef(id, typ string, props map[string]any) (nested, bool) {
	key := ""
	switch typ {
	case "AWS::CloudFormation::Stack":
		key = "TemplateURL"
	case "AWS::Serverless::Application":
		key = "Location"
	default:
		return nested{}, false
	}
	ref := nested{id: id, typ: typ}
	switch v := props[key].(type) {
	case string:
		ref.location = v
	case map[string]any:
		if _, sar := v["ApplicationId"]; sar {
			ref.why = "an application from the AWS Serverless Application Repository is not fetched"
		} else {
			ref.why = key + " is not a literal path or URL"
		}
	default:
		ref.why = "it has no " + key
	}
	return ref, true
}

// isRemote reports whether a nested stack's location is a URL rather than
// a path on disk.
func isRemote(location string) bool {
	return strings.Contains(location, "://")
}

// localNested resolves a nested stack's location against the template that
// declares it, when it is a path on disk.
func localNested(parent string, ref nested) (string, bool) {
	if ref.location == "" || isRemote(ref.location) {
		return "", false
	}
	return filepath.Clean(filepath.Join(filepath.Dir(parent), ref.location)), true
}

// MaxNestedDepth bounds nested stacks within nested stacks.
const MaxNestedDepth = 16

// followNested reads the local nested stacks of a template into it,
// addressed "Parent/LogicalId", and lists the others as not reviewed.
// chain holds the templates above, to refuse a cycle.
func (r *reader) followNested(st *Stack, chain []string) error {
	if len(st.nested) == 0 {
		return nil
	}
	chain = append(chain, realPath(st.Path))
	if len(chain) > MaxNestedDepth {
		return &Error{Path: st.Path, Msg: fmt.Sprintf("nested stacks nest more than %d deep", MaxNestedDepth)}
	}
	refs := st.nested
	st.nested = nil
	for _, ref := range refs {
		skip := Skipped{Kind: KindNestedStack, Name: ref.id, Source: ref.location, Where: st.Path}
		local, ok := localNested(st.Path, ref)
		switch {
		case ref.location == "":
			skip.Why = ref.why
		case !ok:
			skip.Why = "a template at a URL is not fetched; review the child template's file to include it"
		case r == nil:
			skip.Why = "read from standard input, so the path cannot be followed; review the file by its path"
		}
		if skip.Why != "" {
			st.NotReviewed = append(st.NotReviewed, skip)
			continue
		}
		if slices.Contains(chain, realPath(local)) {
			return &Error{Path: st.Path, Msg: fmt.Sprintf("nested stack %s includes %s, which includes this template again", ref.id, ref.location)}
		}
		data, err := readLimited(local, MaxInputBytes)
		if err != nil {
			return &Error{Path: st.Path, Msg: fmt.Sprintf("nested stack %s: %s: %s", ref.id, ref.location, err)}
		}
		child, err := parse(local, data, Options{Format: CloudFormation})
		if err != nil {
			return err
		}
		if err := r.followNested(child, chain); err != nil {
			return err
		}
		for _, res := range child.Resources {
			res.Address = ref.id + "/" + res.Address
			if res.File == "" {
				res.File = local
			}
			st.Resources = append(st.Resources, res)
		}
		for _, sk := range child.NotReviewed {
			sk.Name = ref.id + "/" + sk.Name
			st.NotReviewed = append(st.NotReviewed, sk)
		}
	}
	return nil
}

// noTypeError is a resource with no Type, reported at its line.
type noTypeError struct{ id string }

func (e *noTypeError) Error() string { return "resource " + e.id + " has no Type" }

func missingTypeID(err error) string {
	var e *noTypeError
	if errors.As(err, &e) {
		return e.id
	}
	return ""
}

// templateLines finds the line of each resource's logical id under
// Resources: from the YAML nodes when the template was YAML, or, in JSON,
// by skimming the "Resources" object. Resources whose line is not found are left at 0.
func templateLines(data []byte, root *yaml.Node) map[string]int {
	lines := map[string]int{}
	if root != nil {
		if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
			return lines
		}
		top := root.Content[0].Content
		for i := 0; i+1 < len(top); i += 2 {
			if top[i].Value != "Resources" || top[i+1].Kind != yaml.MappingNode {
				continue
			}
			res := top[i+1].Content
			for j := 0; j+1 < len(res); j += 2 {
				lines[res[j].Value] = res[j].Line
			}
		}
		return lines
	}
	start := bytes.Index(data, []byte(`"Resources"`))
	if start < 0 {
		return lines
	}
	sk := &skimmer{data: data, pos: start}
	if _, err := sk.value(); err != nil || sk.consume(':') != nil {
		return lines
	}
	_ = sk.each(func(id string) error {
		line, _ := position(data, int64(sk.pos))
		lines[id] = line
		_, err := sk.value()
		return err
	})
	return lines
}
