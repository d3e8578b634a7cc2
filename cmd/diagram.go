package cmd

import (
	"github.com/spf13/cobra"

	"srm/pkg/render"
)

// DiagramOptions are the inputs of `srm diagram`.
type DiagramOptions struct {
	*Factory

	Services []string // --services; empty for the provider's default table
	Items    []string // --items; empty for the default table's items
}

// NewCmdDiagram builds `srm diagram`.
func NewCmdDiagram(f *Factory) *cobra.Command {
	opts := &DiagramOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "diagram [--services <a,b>] [--items <x,y>] -o {svg | html | text | json}",
		Short: "Draw the layered picture: the provider's part at the bottom, the customer's on top",
		Long: `Draw the shared responsibility model as its best-known picture: for each
service, the layers from the physical facility up to the data, each
coloured by owner and patterned so it reads in greyscale, the line between
provider and customer drawn across, and the items that cut across the
stack (IAM, network controls, encryption, backups, availability) below.

-o svg writes a self-contained image for a README or a slide; -o html a
self-contained page with the picture and every cell's details; -o text the
same layers as a table, top layer first.`,
		Example: `  $ srm diagram --services ec2,rds,lambda -o svg > srm.svg
  $ srm diagram -o html > srm.html
  $ srm diagram --services lambda,lambda:container-image`,
		GroupID: "learn",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return diagramRun(opts)
		},
	}
	listFlag(cmd.Flags(), &opts.Services, "services", "comma-separated `services` to draw side by side")
	listFlag(cmd.Flags(), &opts.Items, "items", "comma-separated `items` to draw")
	registerFlagCompletion(cmd, "services", completeList(completeServices(f)))
	registerFlagCompletion(cmd, "items", completeList(completeItems(f)))
	return writes(cmd, (*render.DiagramView)(nil))
}

func diagramRun(o *DiagramOptions) error {
	m, err := o.Model()
	if err != nil {
		return err
	}
	prov, err := o.provider(m)
	if err != nil {
		return err
	}
	sel, err := m.SelectTable(prov, o.Services, o.Items, "")
	if err != nil {
		return err
	}
	return o.write(render.NewDiagramView(m, render.NewDiagram(prov, sel.Title, sel.Targets, sel.Items)))
}
