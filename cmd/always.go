package cmd

import (
	"github.com/spf13/cobra"

	"srm/pkg/render"
)

// AlwaysOptions are the inputs of `srm always`.
type AlwaysOptions struct {
	*Factory
}

// NewCmdAlways builds `srm always`.
func NewCmdAlways(f *Factory) *cobra.Command {
	opts := &AlwaysOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "always",
		Short: "Show what never moves: the items every service leaves to the same side",
		Long: `Show the invariants of the provider's model, computed from the cells: the
items that every service and variant leaves to the provider, to the
customer, or shares. An overlay that changes a cell changes the answer.

Then the controls the provider's own model names: inherited from the
provider, shared (each party does its own part), or customer-specific.`,
		Example: `  $ srm always
  $ srm always -o json | jq '.always.customer'`,
		GroupID: "learn",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return alwaysRun(opts)
		},
	}
	return writes(cmd, (*render.AlwaysView)(nil))
}

func alwaysRun(o *AlwaysOptions) error {
	m, err := o.Model()
	if err != nil {
		return err
	}
	prov, err := o.provider(m)
	if err != nil {
		return err
	}
	return o.write(render.NewAlwaysView(m, m.Invariants(prov.ID)))
}
