package cmd

import (
	"github.com/spf13/cobra"

	"srm/pkg/model"
	"srm/pkg/render"
)

// ShiftOptions are the inputs of `srm shift`.
type ShiftOptions struct {
	*Factory

	From, To string   // --from, --to
	Steps    []string // positional: two or more deployments
}

// NewCmdShift builds `srm shift`.
func NewCmdShift(f *Factory) *cobra.Command {
	opts := &ShiftOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "shift {--from <a> --to <b> | <a> <b> [<c>...]}",
		Short: "Show how ownership moves from one service, variant or service model to another",
		Long: `Show how the line between provider and customer moves from one deployment
to another: the items whose owner changes, grouped by where they go, each
with a one-line reason, then what stays put and why.

An end may be a service ("ec2"), a variant ("lambda:container-image") or a
service model ("iaas", "paas", "serverless"), which stands for the
provider's example service of that model. With three or more arguments,
shift shows the staircase: every item whose owner changes somewhere along
the way, one column per step.`,
		Example: `  $ srm shift --from ec2 --to lambda
  $ srm shift iaas serverless
  $ srm shift lambda lambda:container-image
  $ srm shift ec2 rds lambda
  $ srm shift --from rds --to aurora -o json | jq '.changes[].item'`,
		GroupID:           "ask",
		ValidArgsFunction: completeShiftEnds(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case (opts.From == "") != (opts.To == ""):
				return usageErrorf(cmd, "give both --from and --to")
			case opts.From != "" && len(args) > 0:
				return usageErrorf(cmd, "unexpected argument %q: give the ends either with --from and --to or as arguments", args[0])
			case opts.From != "":
				opts.Steps = []string{opts.From, opts.To}
			case len(args) < 2:
				return usageErrorf(cmd, "give two or more services, variants or service models to compare")
			default:
				opts.Steps = args
			}
			return shiftRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.From, "from", "", "the `service`, variant or service model to start from")
	cmd.Flags().StringVar(&opts.To, "to", "", "the `service`, variant or service model to move to")
	registerFlagCompletion(cmd, "from", completeShiftEnds(f))
	registerFlagCompletion(cmd, "to", completeShiftEnds(f))
	return writes(cmd, (*render.ShiftView)(nil))
}

func shiftRun(o *ShiftOptions) error {
	m, err := o.Model()
	if err != nil {
		return err
	}
	prov, err := o.provider(m)
	if err != nil {
		return err
	}
	ends := make([]render.ShiftEnd, len(o.Steps))
	for i, name := range o.Steps {
		t, sm, err := m.ResolveShiftEnd(prov.ID, name)
		if err != nil {
			return err
		}
		ends[i] = render.ShiftEnd{Target: t, Model: sm}
	}
	always := m.Invariants(prov.ID).Always[model.KindCustomer]
	if len(ends) == 2 {
		s := m.Shift(ends[0].Target, ends[1].Target)
		return o.write(render.NewShiftView(m, prov, ends[0], ends[1], s, always))
	}
	var steps []*model.Shift
	for i := 0; i+1 < len(ends); i++ {
		steps = append(steps, m.Shift(ends[i].Target, ends[i+1].Target))
	}
	return o.write(render.NewStaircaseView(m, prov, ends, steps, always))
}
