package iac

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// moduleCall is how a module is reached: its address prefix, the values
// its caller passes for its variables, and how many instances it has.
type moduleCall struct {
	address string               // "" for the root module, else "module.a.module.b"
	inputs  map[string]cty.Value // variable values the caller passes
	count   int
	note    string // why count is a guess, if it is
	chain   []string
}

// readTerraformModule reads a module's resources into the stack and
// follows its local module calls.
func (s *Stack) readTerraformModule(mod *hclModule, call moduleCall, load func(dir string) (*hclModule, error)) error {
	if len(call.chain) > MaxModuleDepth {
		return &Error{Path: mod.dir, Msg: fmt.Sprintf("local modules nest more than %d deep", MaxModuleDepth)}
	}
	ctx := mod.evalContext(call.inputs, call.address == "")
	for _, b := range mod.blocks {
		switch b.kind {
		case "resource":
			if err := s.addTerraformResource(b, ctx, call); err != nil {
				return err
			}
		case "module":
			if err := s.callModule(mod, b, ctx, call, load); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *Stack) addTerraformResource(b *topBlock, ctx *hcl.EvalContext, call moduleCall) error {
	typ, name := b.labels[0], b.labels[1]
	if typ == "" || name == "" {
		return &Error{Path: b.file, Line: b.line, Msg: "invalid Terraform configuration: a resource block needs a type and a name"}
	}
	addr := typ + "." + name
	if call.address != "" {
		addr = call.address + "." + addr
	}
	n, note := instances(b.body, ctx)
	if call.note != "" {
		note = call.note
	}
	n *= call.count
	if n == 0 {
		return nil // count = 0 or an empty for_each: nothing is created
	}
	if len(s.Resources) >= MaxResources {
		return &Error{Path: b.file, Msg: fmt.Sprintf("more than %d resources", MaxResources)}
	}
	s.Resources = append(s.Resources, Resource{
		Address: addr, Type: typ, Attributes: bodyValues(b.body, ctx, 0),
		File: b.file, Line: b.line, Count: n, Note: note,
	})
	return nil
}

func (s *Stack) callModule(mod *hclModule, b *topBlock, ctx *hcl.EvalContext, call moduleCall, load func(dir string) (*hclModule, error)) error {
	name := b.labels[0]
	if name == "" {
		return &Error{Path: b.file, Line: b.line, Msg: "invalid Terraform configuration: a module block needs a name"}
	}
	addr := "module." + name
	if call.address != "" {
		addr = call.address + "." + addr
	}
	where := fmt.Sprintf("%s:%d", b.file, b.line)
	src, ok := literalString(b.body, "source")
	if !ok {
		s.NotReviewed = append(s.NotReviewed, Skipped{Kind: KindModule, Name: addr, Where: where, Why: "its source is not a literal string"})
		return nil
	}
	n, note := instances(b.body, ctx)
	if n == 0 {
		return nil
	}
	if !isLocalSource(src) {
		s.NotReviewed = append(s.NotReviewed, Skipped{Kind: KindModule, Name: addr, Source: src, Where: where,
			Why: "registry and remote modules are not fetched; review the plan JSON ('terraform show -json') to include them"})
		return nil
	}
	dir := filepath.Clean(filepath.Join(mod.dir, src))
	key := realPath(dir)
	if i := slices.Index(call.chain, key); i >= 0 {
		cycle := append(slices.Clone(call.chain[i:]), key)
		return &Error{Path: b.file, Line: b.line, Msg: "module cycle: " + strings.Join(cycle, " → ")}
	}
	child, err := load(dir)
	if errors.Is(err, errNotFollowed) {
		s.NotReviewed = append(s.NotReviewed, Skipped{Kind: KindModule, Name: addr, Source: src, Where: where,
			Why: "read from standard input, so the local path cannot be followed; review the directory instead"})
		return nil
	}
	if err != nil {
		return err
	}
	inputs := map[string]cty.Value{}
	attrs, _ := b.body.JustAttributes()
	for k, a := range attrs {
		switch k {
		case "source", "version", "count", "for_each", "providers", "depends_on":
			continue
		}
		if v, diags := a.Expr.Value(ctx); !diags.HasErrors() {
			inputs[k] = v
		}
	}
	next := moduleCall{address: addr, inputs: inputs, count: call.count * n, note: call.note, chain: append(slices.Clone(call.chain), key)}
	if note != "" {
		next.note = note
	}
	return s.readTerraformModule(child, next, load)
}

// instances says how many instances a resource or module block makes: a
// literal count or for_each gives the number; anything else counts one,
// with a note.
func instances(body hcl.Body, ctx *hcl.EvalContext) (int, string) {
	attrs, _ := body.JustAttributes()
	if a, ok := attrs["count"]; ok {
		v, diags := a.Expr.Value(ctx)
		if diags.HasErrors() || !v.IsWhollyKnown() || v.IsNull() || v.Type() != cty.Number {
			return 1, "count known only at plan time"
		}
		f, _ := v.AsBigFloat().Int64()
		if f < 0 || f > MaxCount {
			return 1, "count known only at plan time"
		}
		return int(f), ""
	}
	if a, ok := attrs["for_each"]; ok {
		v, diags := a.Expr.Value(ctx)
		if diags.HasErrors() || !v.IsWhollyKnown() || v.IsNull() || !v.CanIterateElements() {
			return 1, "count known only at plan time"
		}
		n := v.LengthInt()
		if n > MaxCount {
			return 1, "count known only at plan time"
		}
		return n, ""
	}
	return 1, ""
}

// evalContext holds what a module's expressions may refer to without a
// plan: var.* and local.*. Variables without a value are unknown, so that
// an expression using them is unknown rather than an error.
func (mod *hclModule) evalContext(inputs map[string]cty.Value, root bool) *hcl.EvalContext {
	vars := map[string]cty.Value{}
	for _, b := range mod.blocks {
		if b.kind != "variable" {
			continue
		}
		name := b.labels[0]
		vars[name] = cty.DynamicVal
		attrs, _ := b.body.JustAttributes()
		if a, ok := attrs["default"]; ok {
			if v, diags := a.Expr.Value(nil); !diags.HasErrors() {
				vars[name] = v
			}
		}
	}
	for _, f := range mod.tfvars {
		if !root {
			break // only the root module's variable files count
		}
		attrs, _ := f.Body.JustAttributes()
		for k, a := range attrs {
			if _, declared := vars[k]; !declared {
				continue
			}
			if v, diags := a.Expr.Value(nil); !diags.HasErrors() {
				vars[k] = v
			}
		}
	}
	for k, v := range inputs {
		if _, declared := vars[k]; declared {
			vars[k] = v
		}
	}
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{
		"var":   cty.ObjectVal(vars),
		"local": cty.DynamicVal,
	}}
	// Locals may refer to each other in any order: evaluate them until
	// nothing changes, as many rounds as there are locals at most.
	var exprs []*hcl.Attribute
	for _, b := range mod.blocks {
		if b.kind == "locals" {
			attrs, _ := b.body.JustAttributes()
			for _, a := range attrs {
				exprs = append(exprs, a)
			}
		}
	}
	slices.SortFunc(exprs, func(a, b *hcl.Attribute) int { return strings.Compare(a.Name, b.Name) })
	locals := map[string]cty.Value{}
	for _, a := range exprs {
		locals[a.Name] = cty.DynamicVal
	}
	for round := 0; round <= len(exprs); round++ {
		ctx.Variables["local"] = cty.ObjectVal(locals)
		changed := false
		for _, a := range exprs {
			v, diags := a.Expr.Value(ctx)
			if diags.HasErrors() || !v.IsWhollyKnown() {
				continue
			}
			if old := locals[a.Name]; !old.IsWhollyKnown() || !old.RawEquals(v) {
				locals[a.Name] = v
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	ctx.Variables["local"] = cty.ObjectVal(locals)
	return ctx
}

// bodyValues evaluates the attributes of a resource body and its nested
// blocks, as a plan would show them: a nested block becomes a list of
// objects under its type. Unknown values are left out.
func bodyValues(body hcl.Body, ctx *hcl.EvalContext, depth int) map[string]any {
	out := map[string]any{}
	if depth > MaxHCLDepth {
		return out
	}
	if sb, ok := body.(*hclsyntax.Body); ok {
		for name, a := range sb.Attributes {
			if v, diags := a.Expr.Value(ctx); !diags.HasErrors() {
				if x, ok := ctyToAny(v, 0); ok {
					out[name] = x
				}
			}
		}
		for _, b := range sb.Blocks {
			switch b.Type {
			case "dynamic", "lifecycle", "provisioner", "connection":
				continue // generated or not part of the resource's own values
			}
			list, _ := out[b.Type].([]any)
			out[b.Type] = append(list, bodyValues(b.Body, ctx, depth+1))
		}
		return out
	}
	// JSON syntax: nested blocks are objects, which evaluate as values.
	attrs, _ := body.JustAttributes()
	for name, a := range attrs {
		if v, diags := a.Expr.Value(ctx); !diags.HasErrors() {
			if x, ok := ctyToAny(v, 0); ok {
				out[name] = x
			}
		}
	}
	return out
}

// ctyToAny converts a known value to decoded-JSON form: strings,
// json.Number, bools, []any and map[string]any. Unknown parts are left
// out; ok is false when the whole value is unknown.
func ctyToAny(v cty.Value, depth int) (any, bool) {
	if !v.IsKnown() || depth > MaxHCLDepth {
		return nil, false
	}
	if v.IsNull() {
		return nil, true
	}
	v, _ = v.Unmark()
	t := v.Type()
	switch {
	case t == cty.String:
		return v.AsString(), true
	case t == cty.Number:
		return json.Number(v.AsBigFloat().Text('f', -1)), true
	case t == cty.Bool:
		return v.True(), true
	case t.IsListType() || t.IsSetType() || t.IsTupleType():
		out := []any{}
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			if x, ok := ctyToAny(e, depth+1); ok {
				out = append(out, x)
			}
		}
		return out, true
	case t.IsMapType() || t.IsObjectType():
		out := map[string]any{}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			if x, ok := ctyToAny(e, depth+1); ok {
				out[k.AsString()] = x
			}
		}
		return out, true
	}
	return nil, false
}
