package cmd

import (
	"fmt"
	"github.com/spf13/cobra"

	"srm/pkg/model"
	"srm/pkg/render"
)

// SourcesOptions are the inputs of `srm sources`.
type SourcesOptions struct {
	*Factory

	Service       string // --service: only pages its cells cite
	Item          string // --item: only pages cells of this item cite
	CheckedBefore string // --checked-before: only pages last checked before this date, or never
}

// NewCmdSources builds `srm sources`.
func NewCmdSources(f *Factory) *cobra.Command {
	opts := &SourcesOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "sources [--service <service>] [--item <item>] [--checked-before <date>]",
		Short: "List every documentation page the model cites, with the cells that rely on it",
		Long: `List every documentation page the model cites, with the date it was last
checked and the cells that rely on it, so a reviewer can re-check them.
Without --service or --item, the pages that publish the compliance
frameworks' controls (srm controls) are listed too, each naming its
framework.

In text and markdown a page cited by more than three cells shows the count;
-o csv has one record per page and cell (and per page and framework), and
-o json lists every cell.`,
		Example: `  $ srm sources --service s3
  $ srm sources --checked-before 2026-06-01
  $ srm sources -o csv > sources.csv`,
		GroupID: "list",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return sourcesRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Service, "service", "", "only pages that this `service`'s cells cite")
	cmd.Flags().StringVar(&opts.Item, "item", "", "only pages that cells of this `item` cite")
	cmd.Flags().StringVar(&opts.CheckedBefore, "checked-before", "", "only pages last checked before this `date` (YYYY-MM-DD), or never")
	registerFlagCompletion(cmd, "service", completeServices(f))
	registerFlagCompletion(cmd, "item", completeItems(f))
	return writes(cmd, (*render.SourcesView)(nil))
}

func sourcesRun(o *SourcesOptions) error {
	var before model.Date
	if o.CheckedBefore != "" {
		d, err := model.ParseDate(o.CheckedBefore)
		if err != nil {
			return &usageError{msg: "--checked-before: " + err.Error()}
		}
		before = d
	}
	m, err := o.Model()
	if err != nil {
		return err
	}
	prov, err := o.provider(m)
	if err != nil {
		return err
	}
	keep := func(c *model.Cell) bool { return m.ProviderOf(c) == prov.ID }
	if o.Service != "" {
		t, err := m.ResolveTarget(prov.ID, o.Service)
		if err != nil {
			return err
		}
		inner := keep
		keep = func(c *model.Cell) bool {
			if c.ProviderDefault() { // cited for the service when it inherits the default
				return inner(c) && m.Cell(t.Service.ID, t.VariantID(), c.Item).ProviderDefault()
			}
			return inner(c) && c.Service == t.Service.ID && (t.Variant == nil || c.Variant == "" || c.Variant == t.Variant.ID)
		}
	}
	if o.Item != "" {
		it, err := m.ResolveItem(o.Item)
		if err != nil {
			return err
		}
		inner := keep
		keep = func(c *model.Cell) bool { return inner(c) && c.Item == it.ID }
	}
	uses := m.SourceUses(keep)
	if o.Service == "" && o.Item == "" {
		// The whole model's pages include those behind the control mappings.
		uses = m.SourceUsesWithFrameworks(keep)
	}
	if !before.IsZero() {
		var stale []*model.SourceUse
		for _, u := range uses {
			if u.Checked.IsZero() || u.Checked.Before(before) {
				stale = append(stale, u)
			}
		}
		uses = stale
	}
	if len(uses) == 0 && o.Global.format != render.JSON {
		// An empty table says less than a sentence; JSON keeps its empty list.
		fmt.Fprintln(o.IO.ErrOut, "srm: no source matches")
		return nil
	}
	return o.write(render.NewSourcesView(prov, uses))
}
