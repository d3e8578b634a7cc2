package iac

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"
)

// Terraform source is read the way `terraform plan` would start, without a
// plan: every `resource` block of a module is a resource, local modules are
// followed, and attribute values are evaluated only where they are known
// without one — literals, variables with literal defaults (or values from
// terraform.tfvars and *.auto.tfvars in the root module) and locals built
// from them. Everything else is unknown and left out, so that mapping
// rules never act on a guess.

// Limits for Terraform source, on top of those for every input.
const (
	MaxHCLFileBytes = 4 << 20 // a hand-written .tf file is kilobytes
	MaxHCLDepth     = 128     // brackets and braces nested in one file
	MaxModuleDepth  = 32      // local modules calling local modules
	MaxCount        = 100_000 // a literal count or for_each larger than this is not believed
)

// hclModule is one directory (or one file) of Terraform configuration,
// parsed.
type hclModule struct {
	dir     string
	files   []*hcl.File
	tfvars  []*hcl.File // terraform.tfvars and *.auto.tfvars, root module only
	blocks  []*topBlock
	callers []string // local module sources it calls, resolved to directories
}

// topBlock is a top-level block of a module file: resource, module,
// variable or locals.
type topBlock struct {
	kind   string // "resource", "module", "variable", "locals"
	labels []string
	body   hcl.Body
	file   string
	line   int
}

var topSchema = &hcl.BodySchema{
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "resource", LabelNames: []string{"type", "name"}},
		{Type: "module", LabelNames: []string{"name"}},
		{Type: "variable", LabelNames: []string{"name"}},
		{Type: "locals"},
		{Type: "data", LabelNames: []string{"type", "name"}},
		{Type: "output", LabelNames: []string{"name"}},
		{Type: "provider", LabelNames: []string{"name"}},
		{Type: "terraform"},
		{Type: "moved"},
		{Type: "import"},
		{Type: "removed"},
		{Type: "check", LabelNames: []string{"name"}},
	},
}

// isTerraformFile reports whether a file name is Terraform configuration.
func isTerraformFile(name string) bool {
	return strings.HasSuffix(name, ".tf") || strings.HasSuffix(name, ".tf.json")
}

// parseHCLFile parses one .tf or .tf.json file, refusing what is too large
// or nested too deeply before the parser sees it.
func parseHCLFile(path string) (*hcl.File, error) {
	data, err := readLimited(path, MaxHCLFileBytes)
	if err != nil {
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	return parseHCL(path, data)
}

func parseHCL(path string, data []byte) (*hcl.File, error) {
	if len(data) > MaxHCLFileBytes {
		return nil, &Error{Path: path, Msg: fmt.Sprintf("file is %d bytes, more than the limit of %d for Terraform configuration", len(data), MaxHCLFileBytes)}
	}
	if line := nestingExceeded(data, MaxHCLDepth); line > 0 {
		return nil, &Error{Path: path, Line: line, Msg: fmt.Sprintf("brackets and braces nest more than %d levels deep", MaxHCLDepth)}
	}
	var f *hcl.File
	var diags hcl.Diagnostics
	if strings.HasSuffix(path, ".json") {
		f, diags = hcljson.Parse(data, path)
	} else {
		f, diags = hclsyntax.ParseConfig(data, path, hcl.InitialPos)
	}
	if diags.HasErrors() {
		return nil, hclError(path, diags)
	}
	return f, nil
}

// hclError turns HCL's first error into an Error with its position and
// HCL's own words.
func hclError(path string, diags hcl.Diagnostics) error {
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		e := &Error{Path: path, Msg: "invalid Terraform configuration: " + d.Summary}
		if d.Detail != "" {
			e.Msg += ": " + d.Detail
		}
		if d.Subject != nil {
			e.Path = d.Subject.Filename
			e.Line, e.Column = d.Subject.Start.Line, d.Subject.Start.Column
		}
		return e
	}
	return &Error{Path: path, Msg: "invalid Terraform configuration"}
}

// loadModule parses the Terraform files of a directory, or the one file
// when only is set, with the variable files Terraform reads by itself,
// which count only when the module is the root.
func loadModule(dir, only string) (*hclModule, error) {
	mod := &hclModule{dir: dir}
	var names []string
	if only != "" {
		names = []string{only}
	} else {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, &Error{Path: dir, Msg: withoutPath(err).Error()}
		}
		for _, e := range entries {
			if !e.IsDir() && isTerraformFile(e.Name()) {
				names = append(names, filepath.Join(dir, e.Name()))
			} else if !e.IsDir() && isTFVars(e.Name()) {
				f, err := parseHCLFile(filepath.Join(dir, e.Name()))
				if err != nil {
					return nil, err
				}
				mod.tfvars = append(mod.tfvars, f)
			}
		}
		if len(names) > maxFiles {
			return nil, &Error{Path: dir, Msg: fmt.Sprintf("%d Terraform files, more than the limit of %d", len(names), maxFiles)}
		}
	}
	slices.Sort(names)
	files, err := parseHCLFiles(names)
	if err != nil {
		return nil, err
	}
	for i, name := range names {
		if err := mod.addFile(name, files[i]); err != nil {
			return nil, err
		}
	}
	return mod, nil
}

// parseHCLFiles parses files on every core, and reports the error of the
// first file in order that has one, so that the message does not depend on
// which goroutine finished first.
func parseHCLFiles(names []string) ([]*hcl.File, error) {
	files := make([]*hcl.File, len(names))
	errs := make([]error, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				files[i], errs[i] = parseHCLFile(names[i])
			}
		}()
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// addFile takes the top-level blocks of one parsed file.
func (mod *hclModule) addFile(name string, f *hcl.File) error {
	mod.files = append(mod.files, f)
	content, _, diags := f.Body.PartialContent(topSchema)
	if diags.HasErrors() {
		return hclError(name, diags)
	}
	for _, b := range content.Blocks {
		switch b.Type {
		case "resource", "module", "variable", "locals":
			mod.blocks = append(mod.blocks, &topBlock{kind: b.Type, labels: b.Labels, body: b.Body, file: name, line: b.DefRange.Start.Line})
		}
		if b.Type != "module" {
			continue
		}
		if src, ok := literalString(b.Body, "source"); ok && isLocalSource(src) {
			mod.callers = append(mod.callers, filepath.Clean(filepath.Join(mod.dir, src)))
		}
	}
	return nil
}

// errNotFollowed is what loading a local module answers when the module
// cannot be reached, as from standard input.
var errNotFollowed = errors.New("not followed")

// parseTerraformSource reads Terraform configuration given as data, such
// as on standard input: one file, whose local modules cannot be found.
func parseTerraformSource(path string, data []byte) (*Stack, error) {
	f, err := parseHCL(path, data)
	if err != nil {
		return nil, err
	}
	mod := &hclModule{dir: "."}
	if err := mod.addFile(path, f); err != nil {
		return nil, err
	}
	st := &Stack{Path: path, Format: TerraformSource}
	load := func(string) (*hclModule, error) { return nil, errNotFollowed }
	if err := st.readTerraformModule(mod, moduleCall{count: 1}, load); err != nil {
		return nil, err
	}
	return st, nil
}

// isTFVars reports whether Terraform loads a file's variable values by
// itself: terraform.tfvars(.json) and *.auto.tfvars(.json).
func isTFVars(name string) bool {
	return name == "terraform.tfvars" || name == "terraform.tfvars.json" ||
		strings.HasSuffix(name, ".auto.tfvars") || strings.HasSuffix(name, ".auto.tfvars.json")
}

// isLocalSource reports whether a module source is a local path, which
// Terraform requires to start with ./ or ../.
func isLocalSource(src string) bool {
	return strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../") ||
		strings.HasPrefix(src, ".\\") || strings.HasPrefix(src, "..\\")
}

// literalString returns an attribute's value when it is a string known
// without any context.
func literalString(body hcl.Body, name string) (string, bool) {
	attrs, _ := body.JustAttributes()
	a, ok := attrs[name]
	if !ok {
		return "", false
	}
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() || !v.IsWhollyKnown() || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}
