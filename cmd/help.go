package cmd

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/spf13/cobra"

	"srm/pkg/render"
)

// Help topics are commands with no run function: `srm help exit-codes`
// prints their long text, and `srm --help` lists them.
var helpTopics = []struct{ name, short, long string }{
	{"exit-codes", "What srm's exit codes mean", `srm's exit codes mean one thing each, so scripts can rely on them:

  0  answered
  1  a check failed: srm who --expect OWNER found another owner (stdout
     stays empty), or srm review --acks found responsibilities that no
     acknowledgement covers (the review is still printed; stderr names them)
  2  usage error: unknown flag or command, missing or extra argument, or a
     bad flag value such as -o yaml
  3  a name the model does not know or cannot decide between: an unknown or
     ambiguous service, item, provider or variant, an item that does not
     apply to the service, or a service srm compare has no equivalents for;
     stderr suggests the closest names
  4  an input file cannot be read, parsed or validated: a model overlay, a
     plan or template for review, an --acks file; stderr names the file,
     the line (and column) where known, and the key
  70 an internal error: a bug in srm, please report it
  74 the output cannot be written: a full disk, a closed stream, or a
     directory srm man cannot create
  130, 143  interrupted by Ctrl-C (SIGINT) or stopped by SIGTERM

On every error (2 and up) stdout stays empty and stderr has one line
starting "srm: ". A code of 2 or more means srm could not answer.`},
	{"environment", "Environment variables and files srm reads", `SRM_MODEL       a list of model files, separated by ':' (';' on Windows),
                loaded over the embedded model and the config directory
XDG_CONFIG_HOME srm loads every *.toml in $XDG_CONFIG_HOME/srm, or in the
                system's user config directory (~/.config/srm on Linux),
                over the embedded model
NO_COLOR        any non-empty value turns colour off
TERM            "dumb" turns colour off
FORCE_COLOR     any non-empty value other than 0 turns colour on even when
CLICOLOR_FORCE  stdout is not a terminal (NO_COLOR and --no-color still win)
COLUMNS         the width text tables wrap to; by default the terminal's
                width, and no wrapping when stdout is not a terminal

Model files apply in this order, later ones winning for the same id or
cell: the embedded model, the config directory (by file name), SRM_MODEL
(in order), then --model (in order). 'srm validate' with no files checks
the ones in effect, and 'srm who' names the file an answer came from.`},
}

const modelTopic = `srm's answers come from TOML model files: the embedded ones in data/, then
any overlays (see 'srm help environment'). A model file may hold any of
these sections, each an array of tables; every key is checked, and an
unknown or misspelt key is an error.

  [[providers]]       id, name, short_name, aliases, party, default_table,
                      doc_hosts, archetypes
  [[parties]]         id, name, kind (provider, customer or third-party),
                      provider, description
  [[categories]]      id, name, description
  [[service_models]]  id, name, short_name, description, analogy
  [[items]]           id, name, category, aliases, description,
                      provider_names
  [[services]]        id, provider, name, short_name, model, aliases,
                      description, default_deployment, default_variant, docs
  [[variants]]        id, service, name, aliases, description
  [[tables]]          id, provider, title, services, items
  [[cells]]           service, variant, item, owner, label, summary,
                      provider_does, customer_does, party_does, caveats,
                      sources ({url, title, checked}), app_side
  [[defaults]]        provider, item, owner, label, summary and the rest of
                      a cell: the provider's answer for every one of its
                      services
  [[traps]], [[faqs]], [[controls]], [[resources]], [[equivalences]],
  [[overviews]]       knowledge, review mappings and cross-cloud data
  [[frameworks]]      id, name, short_name, aliases, version, ownership
                      (fedramp or ccm), description, catalog, sources
  [[framework_controls]]
                      framework, id (as the framework writes it, SI-2),
                      title, family
  [[mappings]]        framework, item, controls, rationale: the controls an
                      item contributes to and why (srm controls)

Entries merge by id: a later file replaces an entry with the same id (a
cell: the same service, variant and item) and adds new ones. A variant
inherits every cell of its service and overrides only those it lists, and
a service inherits its provider's default cells in the same way. An owner
is a party id, "shared" or "n/a".

A small overlay that gives OS patching on EC2 to an internal team:

  [[parties]]
  id = "platform"
  name = "Platform team"
  kind = "third-party"
  description = "Our internal platform team."

  [[cells]]
  service = "ec2"
  item = "guest-os-patching"
  owner = "platform"
  label = "Platform team"
  summary = "Instances run the golden AMI that the platform team patches."
  party_does = { platform = ["Patches the golden AMI every month"] }
  sources = [{ url = "https://wiki.example.com/golden-ami", title = "Golden AMI" }]

Check a file with 'srm validate FILE' (--strict for the rules of srm's
own data). data/srm-model.schema.json is the JSON Schema of the format.`

func addHelpTopics(root *cobra.Command) {
	root.AddCommand(&cobra.Command{Use: "model", Short: "The model file format, with an example", Long: modelTopic})
	// The JSON topic is written from the views when it is asked for, so
	// that it never drifts from what the commands print, and costs
	// nothing at start-up.
	root.AddCommand(&cobra.Command{Use: "json", Short: "The JSON that -o json prints", Annotations: map[string]string{"topic": "json"}})
	for _, t := range helpTopics {
		root.AddCommand(&cobra.Command{Use: t.name, Short: t.short, Long: t.long})
	}
}

// newHelpCmd replaces cobra's help command, which prints "Unknown help
// topic" and succeeds; srm treats an unknown topic as a usage error.
func newHelpCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [command | topic]",
		Short: "Help about any command or topic",
		Long:  "Help prints the help of any command or topic, such as 'srm help who' or 'srm help exit-codes'.",
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			parent, _, err := root.Find(args)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []cobra.Completion
			for _, sub := range parent.Commands() {
				if sub.IsAvailableCommand() || sub.IsAdditionalHelpTopicCommand() {
					out = append(out, cobra.CompletionWithDesc(sub.Name(), sub.Short))
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := root.Find(args)
			if err != nil || len(rest) > 0 {
				msg := "unknown help topic " + strconv.Quote(strings.Join(args, " "))
				if s := root.SuggestionsFor(args[len(args)-1]); len(s) > 0 {
					msg += " (did you mean " + strconv.Quote(s[0]) + "?)"
				}
				return usageErrorf(c, "%s", msg)
			}
			return target.Help()
		},
	}
}

// fixCompletionCmd makes `srm completion SHELL` reject an unknown shell,
// which cobra's default command answers with help and success.
func fixCompletionCmd(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		var shells []string
		for _, sub := range c.Commands() {
			shells = append(shells, sub.Name())
		}
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageErrorf(cmd, "unknown shell %q (valid: %s)", args[0], strings.Join(shells, ", "))
			}
			return cmd.Help()
		}
		for _, sub := range c.Commands() {
			if sub.Name() == "bash" {
				fixBashCompletion(sub)
			}
		}
	}
}

// fixBashCompletion makes the bash script keep commas as they are. Bash's
// printf %q escapes a comma, so "s3\,lambda" no longer matched the "s3,la"
// the user typed, and lists such as --services s3,l<TAB> completed
// nothing. A comma needs no escaping on a command line.
func fixBashCompletion(bash *cobra.Command) {
	noDesc := bash.Flags().Lookup("no-descriptions")
	bash.RunE = func(cmd *cobra.Command, args []string) error {
		var b strings.Builder
		if err := cmd.Root().GenBashCompletionV2(&b, noDesc == nil || noDesc.Value.String() != "true"); err != nil {
			return err
		}
		_, err := io.WriteString(cmd.OutOrStdout(), unescapeCommas(b.String()))
		return err
	}
}

// unescapeCommas rewrites each place where cobra's bash script escapes a
// completion with printf %q so that commas come back unescaped.
func unescapeCommas(script string) string {
	const undo = "\n        %s=${%s//\\\\,/,}"
	r := strings.NewReplacer(
		`printf -v comp "%q" "${compline%%$tab*}" &>/dev/null || comp=$(printf "%q" "${compline%%$tab*}")`,
		`printf -v comp "%q" "${compline%%$tab*}" &>/dev/null || comp=$(printf "%q" "${compline%%$tab*}")`+fmt.Sprintf(undo, "comp", "comp"),
		`COMPREPLY[0]=$(printf "%q" "${COMPREPLY[0]%%$tab*}")`,
		`COMPREPLY[0]=$(printf "%q" "${COMPREPLY[0]%%$tab*}")`+fmt.Sprintf(undo, "COMPREPLY[0]", "COMPREPLY[0]"),
		`COMPREPLY[0]=$(printf "%q" "${COMPREPLY[0]}")`,
		`COMPREPLY[0]=$(printf "%q" "${COMPREPLY[0]}")`+fmt.Sprintf(undo, "COMPREPLY[0]", "COMPREPLY[0]"),
	)
	return r.Replace(script)
}

// writeHelp leads with the examples: the one-line summary, then how the
// command is used in practice, then the details, then the flags. It is Go
// rather than a cobra template because text/template would keep every
// exported method in the binary, which costs start-up time and memory.
func writeHelp(c *cobra.Command, _ []string) {
	w := c.OutOrStdout()
	if c.Annotations["topic"] == "json" && c.Long == "" {
		c.Long = jsonContract(c.Root(), "  ")
	}
	fmt.Fprint(w, strings.TrimRightFunc(c.Short, unicode.IsSpace))
	if c.HasExample() {
		fmt.Fprintf(w, "\n\nExamples:\n%s", c.Example)
	}
	if c.Long != "" {
		fmt.Fprintf(w, "\n\n%s", strings.TrimRightFunc(c.Long, unicode.IsSpace))
	}
	if v := viewOf(c); v != nil {
		fmt.Fprintf(w, "\n\nOutput formats (-o): %s.", render.JoinFormats(render.FormatsOf(v)))
	}
	if c.Runnable() || c.HasSubCommands() {
		fmt.Fprint(w, "\n\n")
		writeUsage(w, c)
	}
}

// writeUsage is cobra's usage, without the examples, which the help
// already shows first.
func writeUsage(w io.Writer, c *cobra.Command) {
	fmt.Fprint(w, "Usage:")
	if c.Runnable() && c.HasParent() { // the root runs only for --version

		fmt.Fprintf(w, "\n  %s", c.UseLine())
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(w, "\n  %s [command]", c.CommandPath())
	}
	if len(c.Aliases) > 0 {
		fmt.Fprintf(w, "\n\nAliases:\n  %s", c.NameAndAliases())
	}
	listed := func(sub *cobra.Command) bool { return sub.IsAvailableCommand() || sub.Name() == "help" }
	list := func(title string, keep func(*cobra.Command) bool) {
		fmt.Fprintf(w, "\n\n%s", title)
		for _, sub := range c.Commands() {
			if keep(sub) {
				fmt.Fprintf(w, "\n  %-*s %s", sub.NamePadding(), sub.Name(), sub.Short)
			}
		}
	}
	if c.HasAvailableSubCommands() {
		if len(c.Groups()) == 0 {
			list("Available Commands:", listed)
		} else {
			for _, g := range c.Groups() {
				list(g.Title, func(sub *cobra.Command) bool { return sub.GroupID == g.ID && listed(sub) })
			}
			if !c.AllChildCommandsHaveGroup() {
				list("Additional Commands:", func(sub *cobra.Command) bool { return sub.GroupID == "" && listed(sub) })
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		fmt.Fprintf(w, "\n\nFlags:\n%s", strings.TrimRightFunc(c.LocalFlags().FlagUsages(), unicode.IsSpace))
	}
	if c.HasAvailableInheritedFlags() {
		fmt.Fprintf(w, "\n\nGlobal Flags:\n%s", strings.TrimRightFunc(c.InheritedFlags().FlagUsages(), unicode.IsSpace))
	}
	if c.HasHelpSubCommands() {
		list("Help topics:", (*cobra.Command).IsAdditionalHelpTopicCommand)
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(w, "\n\nUse \"%s <command> --help\" for more about a command, and \"%s help <topic>\" for a topic.", c.CommandPath(), c.CommandPath())
	}
	fmt.Fprintln(w)
}

// jsonContract describes the JSON of every command that writes a view:
// each field with its type and meaning, from the views' struct tags.
func jsonContract(root *cobra.Command, indent string) string {
	var b strings.Builder
	b.WriteString(`-o json prints one JSON object per command, indented, with snake_case keys.
Every object starts with "schema_version" (currently 1) and "provider".
Fields are only ever added: none is renamed, removed or given a new
meaning. Lists are [] when empty, never null.
`)
	for _, c := range root.Commands() {
		v := viewOf(c)
		if v == nil || !slices.Contains(render.FormatsOf(v), render.JSON) {
			continue
		}
		fmt.Fprintf(&b, "\n%s -o json:\n", c.CommandPath())
		render.WriteJSONDoc(&b, v, indent)
	}
	return b.String()
}

// readmeJSONContract is the README's list of every command's JSON fields,
// between the markers readmeJSONStart and readmeJSONEnd.
func readmeJSONContract(root *cobra.Command) string {
	var b strings.Builder
	for _, c := range root.Commands() {
		v := viewOf(c)
		if v == nil || !slices.Contains(render.FormatsOf(v), render.JSON) {
			continue
		}
		fmt.Fprintf(&b, "- `%s -o json`: %s\n", c.CommandPath(), render.JSONSummary(v))
	}
	return b.String()
}

const (
	readmeJSONStart = "<!-- json-contract: generated by TestREADMEJSONContractIsCurrent; do not edit -->\n"
	readmeJSONEnd   = "<!-- end of json-contract -->\n"
)
