// Package cmd is srm's command tree: it turns command lines into calls on
// the model and the renderers, and nothing more.
//
// The rules every command follows:
//   - the answer goes to stdout, everything else to stderr, prefixed "srm: ";
//   - when a command fails, stdout stays empty and stderr gets one line;
//   - commands return typed errors, and exitCode alone maps them to exit
//     codes (0 answered, 1 check failed, 2 usage, 3 unknown name, 4 bad
//     input file, 74 output not written, 70 a bug);
//   - cobra's own error and usage printing is off.
package cmd

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"srm/pkg/iostreams"
	"srm/pkg/render"
)

// Main runs srm on the process's arguments and streams, and returns the
// exit code.
func Main() int {
	defer exitOnSignal()()
	return Run(os.Args[1:], iostreams.System())
}

// Run runs srm with the given arguments on the given streams. A command's
// stdout is buffered and written only when it succeeds, so a failing
// command never leaves a partial answer behind.
func Run(args []string, ios *iostreams.IOStreams) (code int) {
	out := ios.Out
	// A panic is a bug in srm: it gets exit 70 and one line, like every
	// other failure, rather than a stack trace on the user's terminal.
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(ios.ErrOut, "srm: internal error: %s (a bug in srm, please report it)\n", render.Sanitize(fmt.Sprint(r)))
			code = exitInternal
		}
	}()
	held := iostreams.NewHeldWriter(out)
	ios.Out = held
	defer func() { ios.Out = out }()

	f := newFactory(ios)
	root := NewRootCmd(f)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err != nil {
		held.Discard()
		fmt.Fprintf(ios.ErrOut, "srm: %s\n", render.Sanitize(errorMessage(err, cmd)))
		return exitCode(err)
	}
	if err := held.Release(); err != nil {
		err = &outputError{err: err}
		fmt.Fprintf(ios.ErrOut, "srm: %s\n", render.Sanitize(err.Error()))
		return exitCode(err)
	}
	return exitOK
}

const rootLong = `srm answers one question fast and right: for a cloud service, who owns a
security item - the provider, the customer, both (shared), or nobody (n/a)?
Every answer says what each party does, the caveats, and the provider's own
documentation as its source.

Names are matched case-insensitively against ids, display names and
aliases: "Amazon EC2", "guest OS" and "security groups" all work.

Exit codes:
  0  answered
  1  a check failed (who --expect, review --acks)
  2  usage error: unknown flag or command, missing or extra argument, bad flag value
  3  unknown or ambiguous name (service, item, provider or variant)
  4  an input file (a model overlay, plan, template or acks file) cannot be
     read, parsed or validated
  74 the output cannot be written (full disk, closed stream)
  70 a bug in srm
On every error (2 and up) stdout stays empty and stderr has one line
starting "srm: ".`

// NewRootCmd builds the whole command tree afresh, so each run and each
// test gets its own state.
func NewRootCmd(f *Factory) *cobra.Command {
	g := f.Global
	root := &cobra.Command{
		Use:   "srm <command>",
		Short: "Who owns each security item of a cloud service: the provider, the customer, both or nobody",
		Long:  rootLong,
		Example: `  $ srm who ec2 guest-os-patching
  $ srm who --service "Amazon RDS" --item backups -o json
  $ srm table
  $ srm table --services ec2,s3,dynamodb -o markdown`,
		SilenceErrors: true,
		SilenceUsage:  true,
		// srm --version is handled here rather than by cobra, whose version
		// output can only be reshaped with a text/template.
		RunE: func(cmd *cobra.Command, _ []string) error {
			if v, _ := cmd.Flags().GetBool("version"); v {
				_, err := fmt.Fprintln(f.IO.Out, versionView(f.Global.Provider).Line())
				return err
			}
			return cmd.Help()
		},
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return preRun(f, cmd)
		},
	}
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	root.SetHelpFunc(writeHelp)
	root.SetUsageFunc(func(c *cobra.Command) error {
		writeUsage(c.OutOrStderr(), c)
		return nil
	})
	root.Flags().Bool("version", false, "print srm's version")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &usageError{msg: flagErrorMessage(err), cmd: c}
	})

	pf := root.PersistentFlags()
	pf.StringVarP(&g.Output, "output", "o", "text", "output `format`: "+render.JoinFormats(render.Formats)+"; each command's help lists those it writes")
	pf.StringVar(&g.Provider, "provider", "aws", "cloud provider whose services plain names refer to")
	pf.StringArrayVar(&g.Models, "model", nil, "load a TOML model `file` over the embedded model (repeatable; later files win)")
	pf.BoolVar(&g.NoColor, "no-color", false, "never colour the output")
	pf.BoolVar(&g.ASCII, "ascii", false, "draw table borders with plain ASCII, for logs and old consoles")
	_ = root.MarkPersistentFlagFilename("model", "toml")

	root.AddGroup(
		&cobra.Group{ID: "ask", Title: "Ask the model:"},
		&cobra.Group{ID: "learn", Title: "Understand and practise:"},
		&cobra.Group{ID: "list", Title: "List what the model holds:"},
		&cobra.Group{ID: "model", Title: "Work with model files:"},
	)
	root.AddCommand(
		NewCmdWho(f),
		NewCmdTable(f),
		NewCmdCompare(f),
		NewCmdShift(f),
		NewCmdSearch(f),
		NewCmdReview(f),
		NewCmdControls(f),
		NewCmdExport(f),
		NewCmdExplain(f),
		NewCmdAlways(f),
		NewCmdTraps(f),
		NewCmdFAQ(f),
		NewCmdQuiz(f),
		NewCmdDiagram(f),
		NewCmdServices(f),
		NewCmdItems(f),
		NewCmdSources(f),
		NewCmdValidate(f),
		NewCmdVersion(f),
		NewCmdMan(f),
	)
	addHelpTopics(root)
	root.SetHelpCommand(newHelpCmd(root))
	fixCompletionCmd(root)
	registerGlobalCompletions(f, root)
	root.CompletionOptions.SetDefaultShellCompDirective(cobra.ShellCompDirectiveNoFileComp)
	markRunErrors(root)
	return root
}

// preRun checks the global flags before any command runs.
func preRun(f *Factory, cmd *cobra.Command) error {
	output := f.Global.Output
	if native := cmd.Annotations[nativeFormat]; native != "" && !cmd.Flags().Changed("output") {
		output = native
	}
	format, err := render.ParseFormat(output)
	if err != nil {
		return &usageError{msg: err.Error(), cmd: cmd}
	}
	if supported := supportedFormats(cmd); !slices.Contains(supported, format) {
		return &usageError{msg: fmt.Sprintf("%s does not write -o %s (it writes %s)", cmd.CommandPath(), format, render.JoinFormats(supported)), cmd: cmd}
	}
	f.Global.format = format
	if f.Global.NoColor {
		f.IO.SetColorEnabled(false)
	}
	return nil
}

// markRunErrors wraps the run functions of every command so that exitCode
// can tell srm's own errors from cobra's command-line errors.
func markRunErrors(c *cobra.Command) {
	wrap := func(fn func(*cobra.Command, []string) error) func(*cobra.Command, []string) error {
		if fn == nil {
			return nil
		}
		return func(cmd *cobra.Command, args []string) error {
			if err := fn(cmd, args); err != nil {
				return &runError{err: err}
			}
			return nil
		}
	}
	c.RunE = wrap(c.RunE)
	c.PreRunE = wrap(c.PreRunE)
	c.PersistentPreRunE = wrap(c.PersistentPreRunE)
	for _, sub := range c.Commands() {
		markRunErrors(sub)
	}
}

// views holds a zero value of every view a command writes, by name: a
// command's output formats follow from its view's type.
var (
	viewsMu sync.Mutex
	views   = map[string]render.View{}
)

// writes records that a command writes a view, given as a nil pointer of
// the view's type.
func writes(cmd *cobra.Command, v render.View) *cobra.Command {
	name := render.ViewName(v)
	viewsMu.Lock()
	views[name] = v
	viewsMu.Unlock()
	if cmd.Annotations == nil {
		cmd.Annotations = map[string]string{}
	}
	cmd.Annotations["view"] = name
	return cmd
}

// viewOf is the view a command writes, or nil for one that writes none.
func viewOf(cmd *cobra.Command) render.View {
	viewsMu.Lock()
	defer viewsMu.Unlock()
	return views[cmd.Annotations["view"]]
}

// supportedFormats are the formats a command writes: its view's, or text
// alone for a command with no view.
func supportedFormats(cmd *cobra.Command) []render.Format {
	if native := cmd.Annotations[nativeFormat]; native != "" {
		return []render.Format{render.Format(native)}
	}
	if v := viewOf(cmd); v != nil {
		return render.FormatsOf(v)
	}
	return []render.Format{render.Text}
}

// flagErrorMessage says what a flag takes when its value does not parse,
// instead of Go's strconv message.
func flagErrorMessage(err error) string {
	var bad *pflag.InvalidValueError
	if !errors.As(err, &bad) {
		return err.Error()
	}
	f := bad.GetFlag()
	if errors.Is(err, errEmptyList) {
		return fmt.Sprintf("--%s is empty: give at least one name, separated by commas", f.Name)
	}
	takes := "a " + f.Value.Type()
	switch f.Value.Type() {
	case "int", "int64", "uint", "uint64", "uint32":
		takes = "a whole number"
		if strings.HasPrefix(f.Value.Type(), "uint") {
			takes = "a whole number, 0 or more"
		}
	case "bool":
		takes = "true or false"
	case "float64":
		takes = "a number"
	case "duration":
		takes = "a duration such as 30s"
	}
	return fmt.Sprintf("--%s takes %s, not %q", f.Name, takes, bad.GetValue())
}
