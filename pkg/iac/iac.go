// Package iac reads the resources a stack declares from infrastructure as
// code: Terraform plans and state (the JSON of `terraform show -json`) and
// CloudFormation or SAM templates in JSON or YAML.
package iac

import (
	"bytes"
	"fmt"
	"strings"
)

// Format is a kind of input file.
type Format string

// The formats srm reads.
const (
	Auto           Format = "auto"
	TerraformPlan  Format = "terraform-plan"
	TerraformState Format = "terraform-state"
	CloudFormation Format = "cloudformation"
)

// Formats lists the formats a user can name with --format-in.
var Formats = []Format{Auto, TerraformPlan, TerraformState, CloudFormation}

// ParseFormat accepts a format name, with a few common spellings.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "", "auto":
		return Auto, nil
	case "terraform-plan", "tfplan", "plan":
		return TerraformPlan, nil
	case "terraform-state", "tfstate", "state":
		return TerraformState, nil
	case "cloudformation", "cfn", "sam":
		return CloudFormation, nil
	}
	return "", fmt.Errorf("unknown input format %q (valid: auto, terraform-plan, terraform-state, cloudformation)", s)
}

// Resource is one resource a stack declares.
type Resource struct {
	// Address is how the input names it: a Terraform address such as
	// "module.db.aws_db_instance.main", or a CloudFormation logical id.
	Address string
	// Type is its resource type, such as "aws_instance" or
	// "AWS::EC2::Instance".
	Type string
	// Attributes are its planned values or properties, as decoded JSON:
	// maps, lists, strings, json.Number, bools and nil.
	Attributes map[string]any
}

// Stack is what one input file declares.
type Stack struct {
	Path      string
	Format    Format
	Resources []Resource
	// Deleted counts resources a plan deletes, which do not count.
	Deleted int
}

// Limits bound the work any one input can cause.
const (
	MaxInputBytes = 64 << 20 // a large plan is tens of megabytes
	MaxDepth      = 512      // nesting of maps and lists
	MaxNodes      = 5_000_000
	MaxResources  = 200_000
)

// Error is an input that cannot be read as a stack. It names the file and,
// where the parser gives them, the line and column.
type Error struct {
	Path         string
	Line, Column int
	Msg          string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// Parse reads a stack from data. With Auto it tells the format from the
// content: JSON with resource_changes is a plan, JSON with
// values.root_module is state, and JSON or YAML with a Resources map is a
// CloudFormation or SAM template.
func Parse(path string, data []byte, format Format) (*Stack, error) {
	if len(data) > MaxInputBytes {
		return nil, &Error{Path: path, Msg: fmt.Sprintf("file is %d bytes, more than the limit of %d", len(data), MaxInputBytes)}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, &Error{Path: path, Msg: "binary file: srm reads Terraform plan or state JSON and CloudFormation or SAM templates"}
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) == 0 {
		return nil, &Error{Path: path, Msg: "empty file"}
	}
	var doc map[string]any
	var err error
	if trimmed[0] == '{' || trimmed[0] == '[' {
		doc, err = decodeJSON(path, data)
	} else {
		doc, err = decodeYAML(path, data)
	}
	if err != nil {
		return nil, err
	}
	if format == Auto {
		format = detect(doc)
		if format == Auto {
			return nil, &Error{Path: path, Msg: "not a Terraform plan or state (the JSON of 'terraform show -json') or a CloudFormation or SAM template; use --format-in to say which it is"}
		}
	}
	s := &Stack{Path: path, Format: format}
	switch format {
	case TerraformPlan:
		err = s.readPlan(doc)
	case TerraformState:
		err = s.readState(doc)
	case CloudFormation:
		err = s.readTemplate(doc)
	}
	if err != nil {
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	if len(s.Resources) > MaxResources {
		return nil, &Error{Path: path, Msg: fmt.Sprintf("%d resources, more than the limit of %d", len(s.Resources), MaxResources)}
	}
	return s, nil
}

func detect(doc map[string]any) Format {
	if _, ok := doc["resource_changes"]; ok {
		return TerraformPlan
	}
	if _, ok := doc["planned_values"]; ok {
		return TerraformPlan
	}
	if values, ok := doc["values"].(map[string]any); ok {
		if _, ok := values["root_module"]; ok {
			return TerraformState
		}
	}
	if _, ok := doc["Resources"].(map[string]any); ok {
		return CloudFormation
	}
	return Auto
}
