// Package review turns what a stack declares into the deployments srm
// reviews: each resource is mapped to a service (and variant), ignored
// with the reason, or listed as not reviewed, and supporting resources
// join the deployments they configure.
package review

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"srm/pkg/iac"
	"srm/pkg/model"
)

// Input is one input review read.
type Input struct {
	Path      string
	Format    string
	Resources int
	Deleted   int
}

// TypeCount is a resource type and the resources of it.
type TypeCount struct {
	Type      string
	Reason    string
	Resources []string
}

// NotReviewed is something in a stack srm did not review: a resource type
// it does not know, a registry module, a nested stack at a URL, a linked
// template or a Bicep file, with where it was found and why.
type NotReviewed struct {
	Kind      string // KindResourceType or one of the iac.Kind* values
	Name      string // the resource type, or the module or stack address
	Source    string // the module source, template URL or file, if any
	Where     string
	Why       string
	Resources []string // for a resource type: the resources of it
	// Known marks a resource type the model knows but cannot review,
	// such as a retired product or a template passed as a string.
	Known bool
	// Ack is the acknowledgement that accepts it, if any.
	Ack *model.SkipAck
}

// KindResourceType marks a NotReviewed entry for a resource type srm does
// not know.
const KindResourceType = "resource type"

// Stack is the deployments a stack has and everything that did not become
// one.
type Stack struct {
	Targets     []model.StackTarget
	Inputs      []Input
	Ignored     []TypeCount // known types with no responsibility of their own
	NotReviewed []NotReviewed
}

// Unknown returns the resource types srm does not know, as TypeCounts.
func (s *Stack) Unknown() []TypeCount { return s.resourceTypes(false) }

// Unreviewable returns the resource types the model knows but cannot
// review, as TypeCounts.
func (s *Stack) Unreviewable() []TypeCount { return s.resourceTypes(true) }

func (s *Stack) resourceTypes(known bool) []TypeCount {
	var out []TypeCount
	for _, nr := range s.NotReviewed {
		if nr.Kind == KindResourceType && nr.Known == known {
			out = append(out, TypeCount{Type: nr.Name, Resources: nr.Resources})
		}
	}
	return out
}

// Builder collects a stack's deployments from its inputs.
type Builder struct {
	m     *model.Model
	stack Stack
	byID  map[string]int
	// pending resources wait until every input is read: supporting ones to
	// join a deployment of their service, hosting ones to learn what hangs
	// off them.
	supporting []pending
	hosting    []pending
}

type pending struct {
	target model.Target
	typ    *model.ResourceType
	res    model.StackResource
}

// NewBuilder starts an empty stack.
func NewBuilder(m *model.Model) *Builder {
	return &Builder{m: m, byID: map[string]int{}}
}

// AddTarget adds a deployment named by the user, with no resources.
func (b *Builder) AddTarget(t model.Target) { b.target(t) }

func (b *Builder) target(t model.Target) int {
	if i, ok := b.byID[t.ID()]; ok {
		return i
	}
	b.byID[t.ID()] = len(b.stack.Targets)
	b.stack.Targets = append(b.stack.Targets, model.StackTarget{Target: t})
	return len(b.stack.Targets) - 1
}

// AddStack maps every resource of an input. prefix, when not empty, goes
// before each address, to tell apart the resources of several inputs.
func (b *Builder) AddStack(s *iac.Stack, prefix string) {
	total := 0
	for _, r := range s.Resources {
		total += r.Instances()
	}
	b.stack.Inputs = append(b.stack.Inputs, Input{Path: s.Path, Format: string(s.Format), Resources: total, Deleted: s.Deleted})
	for _, r := range s.Resources {
		res := model.StackResource{Address: prefix + r.Address, Count: r.Count, Note: r.Note, File: r.File, Line: r.Line}
		if res.File == "" {
			res.File = s.Path
		}
		mp := b.m.MapResource(r.Type, r.Attributes)
		switch {
		case !mp.Known():
			b.notReviewedType(r.Type, "srm does not know this resource type", res, false)
		case mp.NotReviewed():
			b.notReviewedType(r.Type, mp.Reason(), res, true)
		case mp.Ignored():
			b.stack.Ignored = addType(b.stack.Ignored, r.Type, mp.Reason(), res.Label())
		case mp.Supporting():
			b.supporting = append(b.supporting, pending{mp.Target, mp.Type, res})
		case len(mp.Type.Hosts) > 0:
			b.hosting = append(b.hosting, pending{mp.Target, mp.Type, res})
		default:
			if len(mp.Alternatives) > 0 {
				res.Note = mp.Condition
			}
			for _, t := range append([]model.Target{mp.Target}, mp.Alternatives...) {
				i := b.target(t)
				b.stack.Targets[i].Resources = append(b.stack.Targets[i].Resources, res)
			}
		}
	}
	for _, sk := range s.NotReviewed {
		b.stack.NotReviewed = append(b.stack.NotReviewed, NotReviewed{
			Kind: sk.Kind, Name: prefix + sk.Name, Source: sk.Source, Where: sk.Where, Why: sk.Why,
		})
	}
}

func (b *Builder) notReviewedType(typ, why string, res model.StackResource, known bool) {
	i := slices.IndexFunc(b.stack.NotReviewed, func(nr NotReviewed) bool {
		return nr.Kind == KindResourceType && nr.Name == typ && nr.Why == why
	})
	if i < 0 {
		// Where is the first resource of the type, for formats that point
		// at a line, such as SARIF.
		where := res.File
		if where != "" && res.Line > 0 {
			where += ":" + strconv.Itoa(res.Line)
		}
		b.stack.NotReviewed = append(b.stack.NotReviewed, NotReviewed{Kind: KindResourceType, Name: typ, Why: why, Known: known, Where: where})
		i = len(b.stack.NotReviewed) - 1
	}
	b.stack.NotReviewed[i].Resources = append(b.stack.NotReviewed[i].Resources, res.Label())
}

// Finish places the pending resources and returns the stack: a supporting
// resource joins a deployment of its service, or is ignored when the stack
// has none; a hosting resource, such as a storage account, joins the
// deployments of the services that hang off it, or stands for its own
// service when none does.
func (b *Builder) Finish() *Stack {
	hosts := func(svc string) int {
		return slices.IndexFunc(b.stack.Targets, func(t model.StackTarget) bool { return t.Target.Service.ID == svc })
	}
	for _, p := range b.hosting {
		placed := false
		for _, svc := range p.typ.Hosts {
			if i := hosts(svc); i >= 0 {
				b.stack.Targets[i].Resources = append(b.stack.Targets[i].Resources, p.res)
				placed = true
			}
		}
		if !placed {
			i := b.target(p.target)
			b.stack.Targets[i].Resources = append(b.stack.Targets[i].Resources, p.res)
		}
	}
	for _, p := range b.supporting {
		i := hosts(p.target.Service.ID)
		if i < 0 {
			reason := "configures " + p.target.Service.ShortName + ", which the stack does not have"
			b.stack.Ignored = addType(b.stack.Ignored, p.typ.Type, reason, p.res.Label())
			continue
		}
		b.stack.Targets[i].Resources = append(b.stack.Targets[i].Resources, p.res)
	}
	b.supporting, b.hosting = nil, nil
	return &b.stack
}

// Prefix is what goes before the addresses of one of several inputs: the
// input's base name, or its path relative to the directory given.
func Prefix(root, path string) string {
	if rel, err := filepath.Rel(root, path); err == nil && !strings.HasPrefix(rel, "..") && rel != "." {
		return rel + ":"
	}
	return filepath.Base(path) + ":"
}

func addType(list []TypeCount, typ, reason, addr string) []TypeCount {
	i := slices.IndexFunc(list, func(tc TypeCount) bool { return tc.Type == typ && tc.Reason == reason })
	if i < 0 {
		return append(list, TypeCount{Type: typ, Reason: reason, Resources: []string{addr}})
	}
	list[i].Resources = append(list[i].Resources, addr)
	return list
}

// Accept marks each thing not reviewed that an entry of the
// acknowledgement file accepts, and returns those none accepts.
func (s *Stack) Accept(acks *model.Acks, today model.Date) []NotReviewed {
	var out []NotReviewed
	for i := range s.NotReviewed {
		nr := &s.NotReviewed[i]
		nr.Ack = nil
		for _, a := range acks.NotReviewed {
			if !a.Expired(today) && a.Accepts(nr.Kind, nr.Name, nr.Source) {
				nr.Ack = a
				a.MarkUsed()
				break
			}
		}
		if nr.Ack == nil {
			out = append(out, *nr)
		}
	}
	return out
}
