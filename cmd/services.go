package cmd

import (
	"github.com/spf13/cobra"

	"srm/pkg/render"
)

// ServicesOptions are the inputs of `srm services`.
type ServicesOptions struct {
	*Factory
}

// NewCmdServices builds `srm services`.
func NewCmdServices(f *Factory) *cobra.Command {
	opts := &ServicesOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "services",
		Short: "List the services of the provider, with their variants",
		Example: `  $ srm services
  $ srm services -o json | jq -r '.services[].id'`,
		GroupID: "list",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return servicesRun(opts)
		},
	}
	return writes(cmd, (*render.ServicesView)(nil))
}

func servicesRun(o *ServicesOptions) error {
	m, err := o.Model()
	if err != nil {
		return err
	}
	prov, err := o.provider(m)
	if err != nil {
		return err
	}
	return o.write(render.NewServicesView(m, prov, m.ServicesOf(prov.ID)))
}
