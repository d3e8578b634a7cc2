package cmd

import (
	"github.com/spf13/cobra"

	"srm/pkg/render"
)

// TableOptions are the inputs of `srm table`.
type TableOptions struct {
	*Factory

	Services []string // --services; empty for the provider's default table
	Items    []string // --items; empty for the default table's or all applicable items
	Variant  string   // --variant: show each service that has this variant as deployed that way
}

// NewCmdTable builds `srm table`.
func NewCmdTable(f *Factory) *cobra.Command {
	opts := &TableOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "table [--services <service>,...] [--items <item>,...]",
		Short: "Compare who owns each item across services",
		Long: `Compare who owns each item across services, one column per service.

With no flags it prints the provider's classic comparison: for AWS, EC2
(IaaS), RDS (PaaS) and Lambda (serverless) across fifteen items. --services
picks the columns (a service may name a variant, as in
"lambda:container-image"); --variant applies a variant to every listed
service that has one of that name. --items picks the rows, otherwise every
item that applies to at least one of the services is shown. "—" marks an
item that does not apply to a service at all.

CSV output has one record per cell; JSON has the columns, rows and cells;
HTML is one self-contained page with every cell's details on hover.`,
		Example: `  $ srm table
  $ srm table --services ec2,s3,dynamodb
  $ srm table --items guest-os-patching,encryption-at-rest -o markdown
  $ srm table --services lambda --variant container-image
  $ srm table -o csv > srm.csv
  $ srm table -o html > srm.html`,
		GroupID: "ask",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return tableRun(opts)
		},
	}
	listFlag(cmd.Flags(), &opts.Services, "services", "comma-separated `services` to compare")
	listFlag(cmd.Flags(), &opts.Items, "items", "comma-separated `items` to show")
	cmd.Flags().StringVar(&opts.Variant, "variant", "", "show services that have this `variant` as deployed that way")
	registerFlagCompletion(cmd, "services", completeList(completeServices(f)))
	registerFlagCompletion(cmd, "items", completeList(completeItems(f)))
	registerFlagCompletion(cmd, "variant", completeVariantsOfListedServices(f))
	return writes(cmd, (*render.MatrixView)(nil))
}

func tableRun(o *TableOptions) error {
	m, err := o.Model()
	if err != nil {
		return err
	}
	prov, err := o.provider(m)
	if err != nil {
		return err
	}
	sel, err := m.SelectTable(prov, o.Services, o.Items, o.Variant)
	if err != nil {
		return err
	}
	mx := m.Matrix(prov, sel.Title, sel.Targets, sel.Items)
	return o.write(render.NewMatrixView(m, mx))
}
