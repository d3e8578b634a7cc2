package cmd

import (
	"github.com/spf13/cobra"

	"srm/pkg/render"
)

// ExplainOptions are the inputs of `srm explain`.
type ExplainOptions struct {
	*Factory

	Subject string // a service, "service:variant" or a service model
}

// NewCmdExplain builds `srm explain`.
func NewCmdExplain(f *Factory) *cobra.Command {
	opts := &ExplainOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "explain {<service> | <service>:<variant> | iaas | paas | serverless}",
		Short: "Explain in plain words where the line sits for a service or service model",
		Long: `Explain in short plain paragraphs where the line between provider and
customer sits for a service, a variant or a service model: who owns how
much, what the customer always keeps, what moved compared with IaaS, which
deployments move the line, the traps people fall into, and an everyday
picture of it.`,
		Example: `  $ srm explain rds
  $ srm explain serverless
  $ srm explain lambda:container-image
  $ srm explain eks -o markdown`,
		GroupID:           "learn",
		ValidArgsFunction: completeShiftEnds(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErrorf(cmd, "give one service, variant or service model to explain")
			}
			opts.Subject = args[0]
			return explainRun(opts)
		},
	}
	return writes(cmd, (*render.ExplainView)(nil))
}

func explainRun(o *ExplainOptions) error {
	m, err := o.Model()
	if err != nil {
		return err
	}
	prov, err := o.provider(m)
	if err != nil {
		return err
	}
	t, sm, err := m.ResolveShiftEnd(prov.ID, o.Subject)
	if err != nil {
		return err
	}
	return o.write(render.NewExplainView(m, m.Explain(t, sm)))
}
