package cmd

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"srm/pkg/iac"
	"srm/pkg/iostreams"
	"srm/pkg/model"
	"srm/pkg/render"
)

// ReviewOptions are the inputs of `srm review`.
type ReviewOptions struct {
	*Factory

	Files    []string // Terraform plans or state, CloudFormation or SAM templates; "-" for stdin
	Services []string // --services
	FormatIn string   // --format-in
	Acks     string   // --acks FILE
	InitAcks bool     // --init-acks
}

// NewCmdReview builds `srm review`. runF replaces reviewRun in tests.
func NewCmdReview(f *Factory, runF func(*ReviewOptions) error) *cobra.Command {
	opts := &ReviewOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "review [<file>...] [--services <a,b>] [--acks <file> | --init-acks]",
		Short: "List what the customer owns across a stack, from a service list, a Terraform plan or a CloudFormation template",
		Long: `List the customer's and the shared responsibilities across a stack,
deduplicated and grouped by category, each with the services it applies to
and what the customer must do. What the provider owns for every service of
the stack is summed up in one line.

The stack comes from --services, from files, or both. Files may be
Terraform plans ('terraform show -json PLAN') or state ('terraform show
-json'), or CloudFormation or SAM templates in JSON or YAML; srm tells which
from the content (--format-in forces it), and "-" reads stdin. Resources a
plan deletes do not count. Resource types srm does not know are listed on
stderr and in -o json, never dropped silently.

As a CI gate, --acks FILE checks an acknowledgement file saying who covers
each responsibility and where the evidence is: srm prints the review and
exits 1 when any customer or shared responsibility has no acknowledgement.
--init-acks prints a starter file for the stack.`,
		Example: `  $ srm review --services ec2,rds,s3
  $ terraform show -json plan.out > plan.json && srm review plan.json
  $ srm review template.yaml -o markdown > REVIEW.md
  $ srm review plan.json --init-acks > srm-acks.toml
  $ srm review plan.json --acks srm-acks.toml`,
		GroupID:           "ask",
		ValidArgsFunction: completeReviewFiles,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if len(opts.Files) == 0 && len(opts.Services) == 0 {
				return usageErrorf(cmd, "give files to review, --services, or both")
			}
			if opts.InitAcks && opts.Acks != "" {
				return usageErrorf(cmd, "--init-acks and --acks do not go together")
			}
			if _, err := iac.ParseFormat(opts.FormatIn); err != nil {
				return usageErrorf(cmd, "--format-in: %s", err)
			}
			if runF != nil {
				return runF(opts)
			}
			return reviewRun(opts)
		},
	}
	fl := cmd.Flags()
	listFlag(fl, &opts.Services, "services", "comma-separated `services` in the stack, beside any files")
	fl.StringVar(&opts.FormatIn, "format-in", "auto", "read files as `format`: auto, terraform-plan, terraform-state or cloudformation")
	fl.StringVar(&opts.Acks, "acks", "", "exit 1 unless this acknowledgement `file` covers every customer or shared responsibility")
	fl.BoolVar(&opts.InitAcks, "init-acks", false, "print a starter acknowledgement file for the stack")
	registerFlagCompletion(cmd, "services", completeList(completeServices(f)))
	registerFlagCompletion(cmd, "format-in", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var out []cobra.Completion
		for _, fm := range iac.Formats {
			out = append(out, string(fm))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.MarkFlagFilename("acks", "toml")
	return cmd
}

func reviewRun(o *ReviewOptions) error {
	m, err := o.Model()
	if err != nil {
		return err
	}
	prov, err := o.provider(m)
	if err != nil {
		return err
	}
	format, _ := iac.ParseFormat(o.FormatIn)
	st := newStackBuilder()
	for _, path := range o.Files {
		data, err := readInput(o.IO.In, path)
		name := path
		if path == "-" {
			name = "stdin"
		}
		if err != nil {
			return &iac.Error{Path: name, Msg: err.Error()}
		}
		stack, err := iac.Parse(name, data, format)
		if err != nil {
			return err
		}
		st.add(m, stack, len(o.Files) > 1)
	}
	for _, name := range o.Services {
		t, err := m.ResolveTarget(prov.ID, name)
		if err != nil {
			return err
		}
		st.target(t)
	}
	review := m.Review(st.finish())
	if o.InitAcks {
		return render.StarterAcks(o.IO.Out, m, review)
	}
	report := render.ReviewReport{Provider: prov, Review: review, Inputs: st.inputs, Unknown: st.unknown, Ignored: st.ignored}
	var missing []model.ReviewEntry
	if o.Acks != "" {
		f, err := readModelFile(o.Acks)
		if err != nil {
			return &model.LoadError{Problems: []model.Problem{{File: o.Acks, Message: err.Error()}}}
		}
		acks, err := m.ParseAcks(f, prov.ID)
		if err != nil {
			return err
		}
		missing = review.Acknowledge(acks)
		report.Acks = true
	}
	if len(st.unknown) > 0 {
		var parts []string
		for _, tc := range st.unknown {
			parts = append(parts, fmt.Sprintf("%s (%d)", tc.Type, len(tc.Resources)))
		}
		fmt.Fprintf(o.IO.ErrOut, "srm: %d resource %s srm does not know, not reviewed: %s\n",
			len(st.unknown), plural(len(st.unknown), "type"), render.Sanitize(strings.Join(parts, ", ")))
	}
	if err := render.Review(o.IO.Out, o.Global.format, o.tableOptions(), m, report); err != nil {
		return err
	}
	if len(missing) > 0 {
		// The review is the answer a failed gate still owes: print it.
		if err := iostreams.Release(o.IO.Out); err != nil {
			return err
		}
		var keys []string
		for _, e := range missing {
			keys = append(keys, e.Target.Target.ID()+"/"+e.Cell.Item)
		}
		return &checkFailedError{msg: fmt.Sprintf("%d %s no acknowledgement in %s: %s",
			len(missing), plural2(len(missing), "responsibility has", "responsibilities have"), o.Acks, strings.Join(keys, ", "))}
	}
	return nil
}

func plural2(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// readInput reads a file, or stdin for "-", refusing anything larger than
// an input can be before reading it all.
func readInput(stdin io.Reader, path string) ([]byte, error) {
	r := stdin
	if path != "-" {
		fh, err := os.Open(path)
		if err != nil {
			return nil, withoutPath(err)
		}
		defer fh.Close()
		if fi, err := fh.Stat(); err == nil && fi.IsDir() {
			return nil, fmt.Errorf("is a directory")
		}
		r = fh
	}
	data, err := io.ReadAll(io.LimitReader(r, iac.MaxInputBytes+1))
	if err != nil {
		return nil, withoutPath(err)
	}
	if len(data) > iac.MaxInputBytes {
		return nil, fmt.Errorf("larger than the limit of %d bytes", iac.MaxInputBytes)
	}
	return data, nil
}

// stackBuilder collects the deployments of a stack from its inputs.
type stackBuilder struct {
	targets []model.StackTarget
	byID    map[string]int
	inputs  []render.ReviewInput
	unknown []render.TypeCount
	ignored []render.TypeCount
	// supporting resources wait until every input is read, to join the
	// deployment of their service that the stack has.
	supporting []model.StackTarget
}

func newStackBuilder() *stackBuilder { return &stackBuilder{byID: map[string]int{}} }

func (b *stackBuilder) target(t model.Target) int {
	if i, ok := b.byID[t.ID()]; ok {
		return i
	}
	b.byID[t.ID()] = len(b.targets)
	b.targets = append(b.targets, model.StackTarget{Target: t})
	return len(b.targets) - 1
}

func (b *stackBuilder) add(m *model.Model, s *iac.Stack, prefix bool) {
	b.inputs = append(b.inputs, render.ReviewInput{Path: s.Path, Format: string(s.Format), Resources: len(s.Resources), Deleted: s.Deleted})
	for _, r := range s.Resources {
		addr := r.Address
		if prefix {
			addr = filepath.Base(s.Path) + ":" + addr
		}
		mp := m.MapResource(r.Type, r.Attributes)
		switch {
		case !mp.Known():
			b.unknown = addType(b.unknown, r.Type, "", addr)
		case mp.Ignored():
			b.ignored = addType(b.ignored, r.Type, mp.Type.Reason, addr)
		case mp.Supporting():
			b.supporting = append(b.supporting, model.StackTarget{Target: mp.Target, Resources: []string{addr}})
		default:
			i := b.target(mp.Target)
			b.targets[i].Resources = append(b.targets[i].Resources, addr)
		}
	}
}

// finish attaches each supporting resource to a deployment of its service
// in the stack, or to the service's default deployment when there is none.
func (b *stackBuilder) finish() []model.StackTarget {
	for _, s := range b.supporting {
		i := slices.IndexFunc(b.targets, func(t model.StackTarget) bool { return t.Target.Service == s.Target.Service })
		if i < 0 {
			i = b.target(s.Target)
		}
		b.targets[i].Resources = append(b.targets[i].Resources, s.Resources...)
	}
	b.supporting = nil
	return b.targets
}

func addType(list []render.TypeCount, typ, reason, addr string) []render.TypeCount {
	i := slices.IndexFunc(list, func(tc render.TypeCount) bool { return tc.Type == typ })
	if i < 0 {
		return append(list, render.TypeCount{Type: typ, Reason: reason, Resources: []string{addr}})
	}
	list[i].Resources = append(list[i].Resources, addr)
	return list
}
