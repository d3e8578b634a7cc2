package cmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"srm/pkg/model"
	"srm/pkg/render"
)

// WhoOptions are the inputs of `srm who`.
type WhoOptions struct {
	*Factory

	Service string // --service or the first argument
	Item    string // --item or the second argument
	Variant string // --variant
	Quiet   bool   // -q/--quiet: print only the owner id
	Expect  string // --expect: fail with exit 1 unless this is the owner
}

// NewCmdWho builds `srm who`.
func NewCmdWho(f *Factory) *cobra.Command {
	opts := &WhoOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "who {<service> <item> | --service <service> --item <item>}",
		Short: "Show who owns a security item for a service",
		Long: `Show who owns a security item for a service: the owner, the label a table
shows, what each party does, the caveats, the compliance controls the item
maps to (see srm controls) and the sources.

The service and item may be given as arguments (service first) or as
flags. A service may name a variant as "service:variant", as in
"lambda:container-image", or with --variant.`,
		Example: `  $ srm who ec2 guest-os-patching
  $ srm who --service "Amazon RDS" --item backups
  $ srm who s3 "Block Public Access" -o json
  $ srm who -q lambda runtime --expect aws`,
		GroupID:           "ask",
		ValidArgsFunction: completeServiceThenItem(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.takeArgs(cmd, args); err != nil {
				return err
			}
			return whoRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Service, "service", "", "service id, name or alias")
	fl.StringVar(&opts.Item, "item", "", "item id, name or alias")
	fl.StringVar(&opts.Variant, "variant", "", "answer for this variant of the service")
	fl.BoolVarP(&opts.Quiet, "quiet", "q", false, "print only the owner id")
	fl.StringVar(&opts.Expect, "expect", "", "exit 1 unless the owner is `owner` (such as aws, customer, shared or n/a)")
	registerFlagCompletion(cmd, "service", completeServices(f))
	registerFlagCompletion(cmd, "item", completeItemsOfFlagService(f))
	registerFlagCompletion(cmd, "variant", completeVariantsOfFlagService(f))
	registerFlagCompletion(cmd, "expect", completeOwners(f))
	return writes(cmd, (*render.AnswerView)(nil))
}

// takeArgs fills the service and item from arguments where the flags did
// not give them.
func (o *WhoOptions) takeArgs(cmd *cobra.Command, args []string) error {
	rest := args
	if o.Service == "" && len(rest) > 0 {
		o.Service, rest = rest[0], rest[1:]
	}
	if o.Item == "" && len(rest) > 0 {
		o.Item, rest = rest[0], rest[1:]
	}
	switch {
	case len(rest) > 0:
		return usageErrorf(cmd, "unexpected argument %q: give a service and an item", rest[0])
	case o.Service == "" && o.Item == "":
		return usageErrorf(cmd, "missing service and item")
	case o.Service == "":
		return usageErrorf(cmd, "missing service")
	case o.Item == "":
		return usageErrorf(cmd, "missing item")
	case o.Quiet && o.Global.format != render.Text:
		return usageErrorf(cmd, "-q prints the owner id alone: leave out -o %s, or leave out -q", o.Global.format)
	}
	return nil
}

func whoRun(o *WhoOptions) error {
	m, err := o.Model()
	if err != nil {
		return err
	}
	prov, err := o.provider(m)
	if err != nil {
		return err
	}
	expect := ""
	if o.Expect != "" {
		if expect = m.ResolveOwner(prov.ID, o.Expect); expect == "" {
			return &usageError{msg: fmt.Sprintf("--expect: unknown owner %q (valid: %s)", o.Expect, joinQuoted(m.Owners(prov.ID)))}
		}
	}
	target, err := resolveTarget(m, prov.ID, o.Service, o.Variant)
	if err != nil {
		return err
	}
	item, err := m.ResolveItem(o.Item)
	if err != nil {
		return err
	}
	answer, err := m.Answer(target, item)
	if err != nil {
		return err
	}
	if expect != "" && answer.Cell.Owner != expect {
		return &checkFailedError{msg: fmt.Sprintf("owner of %s/%s is %q, not %q", target.ID(), item.ID, answer.Cell.Owner, expect)}
	}
	if o.Quiet {
		_, err := fmt.Fprintln(o.IO.Out, answer.Cell.Owner)
		return err
	}
	return o.write(render.NewAnswerView(m, answer))
}

// resolveTarget resolves a service name, which may carry a variant as
// "service:variant", and an optional --variant.
func resolveTarget(m *model.Model, provider, name, variant string) (model.Target, error) {
	t, err := m.ResolveTarget(provider, name)
	if err != nil {
		return t, err
	}
	if variant != "" {
		if t.Variant != nil {
			return t, &usageError{msg: fmt.Sprintf("the variant is given twice: in %q and with --variant", name)}
		}
		v, err := m.ResolveVariant(t.Service.ID, variant)
		if err != nil {
			return t, err
		}
		t.Variant = v
	}
	return t, nil
}
