package cmd

import (
	"github.com/spf13/cobra"

	"srm/pkg/render"
)

// CompareOptions are the inputs of `srm compare`.
type CompareOptions struct {
	*Factory

	Service string // a service, optionally qualified ("azure/vm") or with a variant
}

// NewCmdCompare builds `srm compare`.
func NewCmdCompare(f *Factory) *cobra.Command {
	opts := &CompareOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "compare <service>",
		Short: "Put a service beside its equivalents on other clouds",
		Long: `Put a service beside its equivalents on every cloud in the model - EC2,
Azure Virtual Machines and Compute Engine, say - with who owns each item,
then list where the clouds draw the line differently: an item one provider
owns and another leaves to the customer, or one that applies on one cloud
and not on another.

The service may be qualified with its provider ("azure/vm", "gcp/gke") and
may name a variant ("lambda:container-image"); the other services appear in
their default deployment. A service in several groups, such as Cloud Run
(functions and serverless containers), gets one comparison per group.`,
		Example: `  $ srm compare ec2
  $ srm compare azure/functions:premium
  $ srm compare gcp/gke -o markdown
  $ srm compare s3 -o json`,
		GroupID: "ask",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErrorf(cmd, "give one service to compare, such as 'srm compare ec2'")
			}
			return nil
		},
		ValidArgsFunction: completeComparable(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Service = args[0]
			return compareRun(opts)
		},
	}
	return writes(cmd, (*render.CompareView)(nil))
}

func compareRun(o *CompareOptions) error {
	m, err := o.Model()
	if err != nil {
		return err
	}
	prov, err := o.provider(m)
	if err != nil {
		return err
	}
	t, err := m.ResolveTarget(prov.ID, o.Service)
	if err != nil {
		return err
	}
	comparisons, err := m.Compare(prov, t)
	if err != nil {
		return err
	}
	return o.write(render.NewCompareView(m, prov, t, comparisons))
}
