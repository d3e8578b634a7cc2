package cmd

import (
	"github.com/spf13/cobra"

	"srm/pkg/model"
	"srm/pkg/render"
)

// ItemsOptions are the inputs of `srm items`.
type ItemsOptions struct {
	*Factory

	Service string // --service: only the items that apply to it
}

// NewCmdItems builds `srm items`.
func NewCmdItems(f *Factory) *cobra.Command {
	opts := &ItemsOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "items [--service <service>]",
		Short: "List the security items, or those that apply to one service",
		Example: `  $ srm items
  $ srm items --service s3
  $ srm items -o json | jq -r '.items[] | "\(.id)\t\(.name)"'`,
		GroupID: "list",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return itemsRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Service, "service", "", "list only the items that apply to this `service`")
	registerFlagCompletion(cmd, "service", completeServices(f))
	return writes(cmd, (*render.ItemsView)(nil))
}

func itemsRun(o *ItemsOptions) error {
	m, err := o.Model()
	if err != nil {
		return err
	}
	prov, err := o.provider(m)
	if err != nil {
		return err
	}
	items := m.Items
	if o.Service != "" {
		t, err := m.ResolveTarget(prov.ID, o.Service)
		if err != nil {
			return err
		}
		items = m.ItemsOfTargets([]model.Target{t})
	}
	return o.write(render.NewItemsView(m, prov, items))
}
