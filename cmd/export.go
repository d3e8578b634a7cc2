package cmd

import (
	"github.com/spf13/cobra"

	"srm/pkg/render"
)

// ExportOptions are the inputs of `srm export oscal` and `srm export crm`.
type ExportOptions struct {
	*Factory
	stackFlags

	Framework string // --framework
	Control   string // --control
}

// nativeFormat is the annotation of a command that writes one format of
// its own, which -o may name but need not.
const nativeFormat = "native_format"

// NewCmdExport builds `srm export`, whose subcommands write a stack's
// control ownership in compliance formats.
func NewCmdExport(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "export <oscal|crm>",
		Short: "Write a stack's control ownership as OSCAL or a customer responsibility matrix",
		Long: `Write who owns each compliance control across a stack in a format that
compliance tools read: an OSCAL component definition (srm export oscal), or
a customer responsibility matrix in CSV (srm export crm). Both take the
inputs of srm controls.`,
		GroupID: "ask",
		// A mistyped format arrives here with the format's flags: take
		// both, so that the error names the format rather than a flag.
		Args:                       cobra.ArbitraryArgs,
		FParseErrWhitelist:         cobra.FParseErrWhitelist{UnknownFlags: true},
		SuggestionsMinimumDistance: 2,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf(cmd, "name a format: srm export oscal or srm export crm")
			}
			if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
				return usageErrorf(cmd, "unknown export format %q (did you mean %q?)", args[0], s[0])
			}
			return usageErrorf(cmd, "unknown export format %q (valid: oscal, crm)", args[0])
		},
	}
	cmd.AddCommand(
		newCmdExportFormat(f, render.OSCAL, "oscal", "Write an OSCAL component definition of a stack's control ownership",
			`Write an OSCAL 1.1.3 component definition (JSON): one component per service
and variant of the stack, each with the controls of the framework that
apply to it. Every implemented requirement says who owns the control in
the framework's words, what the provider provides and what the customer
is responsible for (responsible roles: the provider's party and the
customer), and links the provider's pages behind it. UUIDs are derived
from the stack, so the same stack gives the same document.`,
			`  $ srm export oscal --services ec2,rds,lambda > component-definition.json
  $ srm export oscal ./infra --framework ccm`),
		newCmdExportFormat(f, render.CRM, "crm", "Write a customer responsibility matrix (CSV) of a stack's controls",
			`Write a customer responsibility matrix as CSV, in the shape of FedRAMP's:
one record per control that applies to the stack, with its id and title,
its origination across the stack (inherited, shared or customer
responsibility), the customer's responsibility in words, each service with
its own origination, and the provider pages behind it.`,
			`  $ srm export crm --services ec2,rds,lambda > crm.csv
  $ srm export crm plan.json --control AC-2`),
	)
	return cmd
}

func newCmdExportFormat(f *Factory, format render.Format, name, short, long, example string) *cobra.Command {
	opts := &ExportOptions{Factory: f}
	cmd := &cobra.Command{
		Use:               name + " [<path>...] [--services <a,b>] [--framework <framework>] [--control <id>]",
		Short:             short,
		Long:              long,
		Example:           example,
		ValidArgsFunction: completeReviewFiles,
		Annotations:       map[string]string{nativeFormat: string(format)},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.stackFlags.parse(cmd, args, "export"); err != nil {
				return err
			}
			v, err := buildControlsView(opts.Factory, &opts.stackFlags, opts.Framework, opts.Control, false)
			if err != nil {
				return err
			}
			return opts.write(v)
		},
	}
	opts.stackFlags.register(cmd, f)
	addFrameworkFlags(cmd, f, &opts.Framework, &opts.Control)
	return cmd
}
