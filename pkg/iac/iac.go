// Package iac reads the resources a stack declares from infrastructure as
// code: Terraform configuration (.tf and .tf.json), plans and state (the
// JSON of `terraform show -json`), CloudFormation or SAM templates in JSON
// or YAML, and Azure Resource Manager templates. What it cannot follow,
// such as a registry module or a template at a URL, it lists as not
// reviewed rather than dropping it.
package iac

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Format is a kind of input file.
type Format string

// The formats srm reads.
const (
	Auto            Format = "auto"
	TerraformSource Format = "terraform"
	TerraformPlan   Format = "terraform-plan"
	TerraformState  Format = "terraform-state"
	CloudFormation  Format = "cloudformation"
	ARM             Format = "arm"
)

// Formats lists the formats a user can name with --format-in.
var Formats = []Format{Auto, TerraformSource, TerraformPlan, TerraformState, CloudFormation, ARM}

// ParseFormat accepts a format name, with a few common spellings.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "", "auto":
		return Auto, nil
	case "terraform-plan", "tfplan", "plan":
		return TerraformPlan, nil
	case "terraform-state", "tfstate", "state":
		return TerraformState, nil
	case "terraform", "tf", "hcl", "terraform-source":
		return TerraformSource, nil
	case "cloudformation", "cfn", "sam":
		return CloudFormation, nil
	case "arm", "azure-resource-manager":
		return ARM, nil
	}
	return "", fmt.Errorf("unknown input format %q (valid: auto, terraform, terraform-plan, terraform-state, cloudformation, arm)", s)
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
	// maps, lists, strings, json.Number, bools and nil. Values the input
	// does not know, such as expressions only a plan resolves, are absent.
	Attributes map[string]any
	// Action is what a plan does to it (ActionCreate, ActionUpdate,
	// ActionReplace, ActionRead or ActionNone); "" for other inputs.
	Action string
	// File and Line say where it is declared, where the input has lines;
	// File is empty when it is the stack's own path.
	File string
	Line int
	// Count is how many instances the declaration makes: 1 unless a
	// literal count, for_each or copy says otherwise.
	Count int
	// Note says what a reader should know about it, such as a count known
	// only at plan time.
	Note string
}

// ChangesOnly keeps the resources a plan creates, replaces or updates.
func (s *Stack) ChangesOnly() {
	s.Resources = slices.DeleteFunc(s.Resources, func(r Resource) bool { return !r.Changes() })
}

// Instances is the number of instances, at least one.
func (r Resource) Instances() int { return max(r.Count, 1) }

// Stack is what one input declares.
type Stack struct {
	Path      string
	Format    Format
	Resources []Resource
	// Deleted counts resources a plan deletes, which do not count.
	Deleted int
	// NotReviewed lists what the input refers to but srm cannot read:
	// remote modules, nested stacks at URLs, linked templates.
	NotReviewed []Skipped

	nested []nested // nested stacks a template declares, until followed
	// keepAttributes is Options.Attributes while a plan or state is read.
	keepAttributes func(string) []string
}

// Skipped is something a stack refers to that srm did not review, with
// where it was found and why.
type Skipped struct {
	Kind   string // KindModule, KindNestedStack, KindLinkedTemplate, KindBicep
	Name   string // its address or logical id
	Source string // the module source, template URL or file
	Where  string // file and line where it is declared
	Why    string
}

// Kinds of Skipped.
const (
	KindModule         = "module"
	KindNestedStack    = "nested stack"
	KindLinkedTemplate = "linked template"
	KindBicep          = "Bicep file"
)

// Limits bound the work any one input can cause.
const (
	MaxInputBytes = 64 << 20 // a large plan is tens of megabytes
	MaxDepth      = 512      // nesting of maps and lists
	MaxNodes      = 5_000_000
	MaxResources  = 200_000
	MaxFiles      = 10_000 // files of infrastructure code one review reads
)

// Error is an input that cannot be read as a stack. It names the file and,
// where the parser gives them, the line and column.
type Error struct {
	Path         string
	Line, Column int
	Msg          string
}

// maxFiles is MaxFiles, lowered by tests that check the limit without
// writing ten thousand files.
var maxFiles = MaxFiles

// ErrorClass marks an infrastructure file that cannot be read: the
// command line's input class.
func (e *Error) ErrorClass() string { return "input" }

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
// values.root_module is state, JSON with a deployment template $schema is
// an ARM template, and JSON or YAML with a Resources map is a
// CloudFormation or SAM template. Terraform configuration is read only
// when the format says so (or, through Read, from a .tf file): a .tf file
// is never taken for YAML. Parse follows nothing outside data: local
// modules and nested stacks are listed as not reviewed.
func Parse(path string, data []byte, format Format) (*Stack, error) {
	return ParseOptions(path, data, Options{Format: format})
}

// ParseOptions is Parse with the options of Read: the format, and which
// resource types' attributes to keep.
func ParseOptions(path string, data []byte, opts Options) (*Stack, error) {
	st, err := parse(path, data, opts)
	if err != nil {
		return nil, err
	}
	var none *reader // lists nested stacks as not reviewed
	if err := none.followNested(st, nil); err != nil {
		return nil, err
	}
	return st, nil
}

func parse(path string, data []byte, opts Options) (*Stack, error) {
	format := opts.Format
	if format == "" {
		format = Auto
	}
	if int64(len(data)) > MaxInputBytes {
		return nil, &Error{Path: path, Msg: fmt.Sprintf("file is %d bytes, more than the limit of %d", len(data), MaxInputBytes)}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, &Error{Path: path, Msg: "binary file: srm reads Terraform configuration, plan or state JSON, CloudFormation or SAM templates and ARM templates"}
	}
	if format == TerraformSource {
		return parseTerraformSource(path, data)
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) == 0 {
		return nil, &Error{Path: path, Msg: "empty file"}
	}
	var doc map[string]any
	var err error
	if trimmed[0] == '{' && (format == Auto || format == TerraformPlan || format == TerraformState) {
		if s, handled, err := readTerraformJSON(path, data, format, opts.Attributes); handled {
			return s, err
		}
	}
	var yamlRoot *yaml.Node
	if trimmed[0] == '{' || trimmed[0] == '[' {
		doc, err = decodeJSON(path, data)
	} else {
		doc, yamlRoot, err = decodeYAML(path, data)
	}
	if err != nil {
		return nil, err
	}
	if format == Auto {
		format = detect(doc)
		if format == Auto {
			return nil, &Error{Path: path, Msg: "not a Terraform plan or state (the JSON of 'terraform show -json'), a CloudFormation or SAM template or an ARM template; use --format-in to say which it is"}
		}
	}
	s := &Stack{Path: path, Format: format}
	switch format {
	case TerraformPlan, TerraformState:
		err = errors.New("a Terraform plan or state is the JSON of 'terraform show -json'")
	case CloudFormation:
		lines := templateLines(data, yamlRoot)
		if err = s.readTemplate(doc); err == nil {
			for i := range s.Resources {
				s.Resources[i].Line = lines[s.Resources[i].Address]
			}
		} else if id := missingTypeID(err); id != "" && lines[id] > 0 {
			return nil, &Error{Path: path, Line: lines[id], Msg: err.Error()}
		}
	case ARM:
		err = s.readARM(doc)
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
	if isARM(doc) {
		return ARM
	}
	if _, ok := doc["Resources"]; ok {
		return CloudFormation
	}
	if _, ok := doc["AWSTemplateFormatVersion"]; ok {
		return CloudFormation
	}
	if t, ok := doc["Transform"].(string); ok && strings.HasPrefix(t, "AWS::Serverless") {
		return CloudFormation
	}
	return Auto
}
