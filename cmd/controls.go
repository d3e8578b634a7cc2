package cmd

import (
	"strings"

	"github.com/spf13/cobra"

	"srm/pkg/model"
	"srm/pkg/render"
)

// ControlsOptions are the inputs of `srm controls`.
type ControlsOptions struct {
	*Factory
	stackFlags

	Framework string // --framework
	Control   string // --control
}

// NewCmdControls builds `srm controls`.
func NewCmdControls(f *Factory) *cobra.Command {
	opts := &ControlsOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "controls [<path>...] [--services <a,b>] [--framework <framework>] [--control <id>]",
		Short: "Say who owns each compliance control (NIST SP 800-53, CCM) across a stack",
		Long: `Say who owns each control of a compliance framework across a stack: for
every control, the items behind it and, for each service, the ownership in
the framework's own words, with what the customer does for it.

The frameworks are NIST SP 800-53 Rev. 5 (--framework nist-800-53, the
default), in FedRAMP's words (inherited, shared, customer responsibility,
not applicable), and the CSA Cloud Controls Matrix v4.0 (--framework ccm),
in CCM's words (CSP-owned, CSC-owned, Shared CSP and CSC, 3rd-party
outsourced, N/A). A control's ownership on a service adds up the cells of
its items: one owner for every item that applies owns it; anything else is
shared. A managed database's app-side duties do not count for it.

The stack is read as srm review reads it: files and directories, or
--services, or both. Which items a control covers is srm's own reading of
the control, with the reason given for each; it is not an authorization,
and an assessor still decides.

-o oscal writes an OSCAL component definition and -o crm a customer
responsibility matrix, as srm export does.`,
		Example: `  $ srm controls --services ec2,rds,lambda
  $ srm controls --services ec2 --control SI-2
  $ srm controls ./infra --framework ccm -o csv
  $ srm controls plan.json -o oscal > component-definition.json`,
		GroupID:           "ask",
		ValidArgsFunction: completeReviewFiles,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && len(opts.Services) == 0 {
				// With no stack, show the mapping itself.
				if f := opts.Global.format; f == render.OSCAL || f == render.CRM {
					return usageErrorf(cmd, "-o %s writes a stack's controls: give files to read, --services, or both", f)
				}
				return controlsRun(opts, true)
			}
			if err := opts.stackFlags.parse(cmd, args, "read"); err != nil {
				return err
			}
			return controlsRun(opts, false)
		},
	}
	opts.stackFlags.register(cmd, f)
	addFrameworkFlags(cmd, f, &opts.Framework, &opts.Control)
	return writes(cmd, (*render.ControlsView)(nil))
}

func addFrameworkFlags(cmd *cobra.Command, f *Factory, framework, control *string) {
	addFrameworkFlag(cmd, f, framework, "nist-800-53", "the control `framework`: nist-800-53 or ccm")
	cmd.Flags().StringVar(control, "control", "", "only this control, such as SI-2 or SC-28(1)")
	registerFlagCompletion(cmd, "control", func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		m, err := f.Model()
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		fw, err := m.ResolveFramework(*framework)
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []cobra.Completion
		for _, fc := range m.FrameworkControls(fw.ID) {
			if !strings.HasPrefix(strings.ToUpper(fc.Code), strings.ToUpper(toComplete)) {
				continue
			}
			desc := fc.Family
			if fc.Title != "" {
				desc = fc.Title + " · " + fc.Family
			}
			out = append(out, cobra.CompletionWithDesc(fc.Code, desc))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
}

// addFrameworkFlag adds --framework, completed with the model's
// frameworks.
func addFrameworkFlag(cmd *cobra.Command, f *Factory, framework *string, value, usage string) {
	cmd.Flags().StringVar(framework, "framework", value, usage)
	registerFlagCompletion(cmd, "framework", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		m, err := f.Model()
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []cobra.Completion
		for _, fw := range m.Frameworks {
			out = append(out, cobra.CompletionWithDesc(fw.ID, fw.Name))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
}

func controlsRun(o *ControlsOptions, mappingOnly bool) error {
	v, err := buildControlsView(o.Factory, &o.stackFlags, o.Framework, o.Control, mappingOnly)
	if err != nil {
		return err
	}
	return o.write(v)
}

// buildControlsView reads the stack and the framework, for srm controls
// and srm export; mappingOnly reads no stack.
func buildControlsView(f *Factory, s *stackFlags, framework, control string, mappingOnly bool) (*render.ControlsView, error) {
	m, err := f.Model()
	if err != nil {
		return nil, err
	}
	prov, err := f.provider(m)
	if err != nil {
		return nil, err
	}
	fw, err := m.ResolveFramework(framework)
	if err != nil {
		return nil, err
	}
	var only *model.FrameworkControl
	if control != "" {
		if only, err = m.ResolveFrameworkControl(fw.ID, control); err != nil {
			return nil, err
		}
	}
	in := render.ControlsInput{Provider: prov, Framework: fw, Control: only, Version: versionView(prov.ID).Version, MappingOnly: mappingOnly}
	if !mappingOnly {
		stack, err := s.read(f, m, prov, false)
		if err != nil {
			return nil, err
		}
		noteNotReviewed(f.IO.ErrOut, stack)
		in.Targets, in.NotReviewed = stack.Targets, stack.NotReviewed
	}
	return render.NewControlsView(m, in), nil
}
