package iac

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// decodeJSON decodes a JSON object, numbers kept as json.Number, and
// refuses anything after it or nested too deeply.
func decodeJSON(path string, data []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, jsonError(path, data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		line, col := position(data, dec.InputOffset())
		return nil, &Error{Path: path, Line: line, Column: col, Msg: "invalid JSON: more data after the top-level value"}
	}
	doc, ok := v.(map[string]any)
	if !ok {
		return nil, &Error{Path: path, Msg: "the top level is not a JSON object"}
	}
	if err := checkDepth(doc, 0, new(int)); err != nil {
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	return doc, nil
}

func jsonError(path string, data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		// Offset counts the bytes read, the offending one included.
		line, col := position(data, max(syn.Offset-1, 0))
		return &Error{Path: path, Line: line, Column: col, Msg: "invalid JSON: " + syn.Error()}
	case errors.As(err, &typ):
		line, col := position(data, typ.Offset)
		return &Error{Path: path, Line: line, Column: col, Msg: "invalid JSON: " + typ.Error()}
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		line, col := position(data, int64(len(data)))
		return &Error{Path: path, Line: line, Column: col, Msg: "invalid JSON: the file ends in the middle of a value"}
	}
	return &Error{Path: path, Msg: "invalid JSON: " + err.Error()}
}

// position turns a byte offset into a 1-based line and column.
func position(data []byte, offset int64) (int, int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(offset) - bytes.LastIndexByte(before, '\n')
	return line, col
}

func checkDepth(v any, depth int, nodes *int) error {
	*nodes++
	if *nodes > MaxNodes {
		return fmt.Errorf("more than %d values", MaxNodes)
	}
	if depth > MaxDepth {
		return fmt.Errorf("nested more than %d levels deep", MaxDepth)
	}
	switch x := v.(type) {
	case map[string]any:
		for _, e := range x {
			if err := checkDepth(e, depth+1, nodes); err != nil {
				return err
			}
		}
	case []any:
		for _, e := range x {
			if err := checkDepth(e, depth+1, nodes); err != nil {
				return err
			}
		}
	}
	return nil
}

// yamlLine splits the decoder's errors. It is compiled on first use, as
// every package-level regexp would be compiled on every run of srm.
var yamlLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// yamlProblemLine finds the line a YAML error is at. The decoder reports
// some errors at the start of the block that holds the problem ("did not
// find expected key" at the mapping's first line), so the line is found
// again as the first one whose prefix of the file fails with the same
// message. Only the 200 lines after the reported one are tried, and only
// in files small enough to parse that often.
func yamlProblemLine(data []byte, reported int, msg string) int {
	if reported <= 0 || len(data) > 1<<20 {
		return reported
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	for n := reported; n <= len(lines) && n < reported+200; n++ {
		var node yaml.Node
		err := yaml.Unmarshal(bytes.Join(lines[:n], nil), &node)
		if err != nil && strings.HasSuffix(err.Error(), ": "+msg) {
			return n
		}
	}
	return reported
}

// decodeYAML decodes a YAML mapping into the values JSON would give,
// turning CloudFormation's short-form tags into their long form: !Ref x
// becomes {"Ref": x} and !GetAtt a.b becomes {"Fn::GetAtt": ["a", "b"]}.
// Other tags, such as a preprocessor's !Rain::Embed, are kept the same way.
func decodeYAML(path string, data []byte) (map[string]any, *yaml.Node, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := 0
		if m := yamlLine().FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
			line = yamlProblemLine(data, line, msg)
		}
		return nil, nil, &Error{Path: path, Line: line, Msg: "invalid YAML: " + msg}
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		return nil, nil, &Error{Path: path, Msg: "not a YAML document"}
	}
	c := &yamlConverter{}
	v, err := c.value(root.Content[0], 0)
	if err != nil {
		return nil, nil, &Error{Path: path, Line: c.line, Msg: err.Error()}
	}
	doc, ok := v.(map[string]any)
	if !ok {
		return nil, nil, &Error{Path: path, Line: root.Content[0].Line, Msg: "the top level is not a mapping: srm reads Terraform plan or state JSON and CloudFormation or SAM templates"}
	}
	return doc, &root, nil
}

type yamlConverter struct {
	nodes int
	line  int // of the node being converted, for errors
}

func (c *yamlConverter) value(n *yaml.Node, depth int) (any, error) {
	c.line = n.Line
	c.nodes++
	if c.nodes > MaxNodes {
		return nil, fmt.Errorf("more than %d values (aliases included)", MaxNodes)
	}
	if depth > MaxDepth {
		return nil, fmt.Errorf("nested more than %d levels deep", MaxDepth)
	}
	var v any
	switch n.Kind {
	case yaml.AliasNode:
		return c.value(n.Alias, depth+1)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Tag == "!!merge" {
				merged, err := c.value(val, depth+1)
				if err != nil {
					return nil, err
				}
				if mm, ok := merged.(map[string]any); ok {
					for mk, mv := range mm {
						if _, exists := m[mk]; !exists {
							m[mk] = mv
						}
					}
				}
				continue
			}
			e, err := c.value(val, depth+1)
			if err != nil {
				return nil, err
			}
			m[k.Value] = e
		}
		v = m
	case yaml.SequenceNode:
		l := make([]any, 0, len(n.Content))
		for _, e := range n.Content {
			x, err := c.value(e, depth+1)
			if err != nil {
				return nil, err
			}
			l = append(l, x)
		}
		v = l
	case yaml.ScalarNode:
		v = scalar(n)
	default:
		return nil, nil
	}
	if tag := n.Tag; strings.HasPrefix(tag, "!") && !strings.HasPrefix(tag, "!!") {
		return shortForm(tag, v), nil
	}
	return v, nil
}

func scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		if n.Decode(&b) == nil {
			return b
		}
	case "!!int", "!!float":
		return json.Number(n.Value)
	}
	return n.Value
}

// shortForm turns a CloudFormation short-form tag into its long form.
func shortForm(tag string, v any) any {
	name := strings.TrimPrefix(tag, "!")
	if name == "Ref" || name == "Condition" {
		return map[string]any{name: v}
	}
	if name == "GetAtt" {
		if s, ok := v.(string); ok {
			if res, attr, found := strings.Cut(s, "."); found {
				v = []any{res, attr}
			}
		}
	}
	return map[string]any{"Fn::" + name: v}
}
