package cmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"srm/pkg/model"
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
	sel, err := selectMatrix(m, prov, o.Services, o.Items, o.Variant)
	if err != nil {
		return err
	}
	mx := m.Matrix(prov, sel.title, sel.targets, sel.items)
	return o.write(render.NewMatrixView(m, mx))
}

// selection is what a table or diagram shows.
type selection struct {
	title   string
	targets []model.Target
	items   []*model.Item
}

// selectMatrix resolves --services, --items and --variant. With no
// services it takes the provider's default table; with no items, the
// default table's items or every item that applies to the services.
func selectMatrix(m *model.Model, prov *model.Provider, services, items []string, variant string) (selection, error) {
	var sel selection
	def := m.Table(prov.DefaultTable)
	names := services
	if len(names) == 0 {
		if def == nil {
			for _, s := range m.ServicesOf(prov.ID) {
				names = append(names, s.ID)
			}
		} else {
			names, sel.title = def.Services, def.Title
		}
	}
	for _, name := range names {
		t, err := m.ResolveTarget(prov.ID, name)
		if err != nil {
			return sel, err
		}
		sel.targets = append(sel.targets, t)
	}
	if variant != "" {
		var err error
		if sel.targets, err = applyVariant(m, sel.targets, variant); err != nil {
			return sel, err
		}
	}
	switch {
	case len(items) > 0:
		for _, name := range items {
			it, err := m.ResolveItem(name)
			if err != nil {
				return sel, err
			}
			sel.items = append(sel.items, it)
		}
	case len(services) == 0 && def != nil:
		for _, id := range def.Items {
			sel.items = append(sel.items, m.Item(id))
		}
	default:
		sel.items = m.ItemsOfTargets(sel.targets)
	}
	return sel, nil
}

// applyVariant deploys every target that has a variant of the given name
// that way. It is an error when none has one.
func applyVariant(m *model.Model, targets []model.Target, name string) ([]model.Target, error) {
	var firstErr error
	applied := false
	for i, t := range targets {
		if t.Variant != nil {
			continue
		}
		v, err := m.ResolveVariant(t.Service.ID, name)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		targets[i].Variant = v
		applied = true
	}
	if !applied {
		if firstErr == nil {
			return nil, &usageError{msg: fmt.Sprintf("--variant %q: every service already names its variant", name)}
		}
		return nil, firstErr
	}
	return targets, nil
}
