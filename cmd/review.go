package cmd

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"srm/pkg/iostreams"
	"srm/pkg/model"
	"srm/pkg/render"
	"srm/pkg/review"
)

// ReviewOptions are the inputs of `srm review`.
type ReviewOptions struct {
	*Factory
	stackFlags

	Acks     string // --acks FILE
	InitAcks bool   // --init-acks
	// StrictAcks fails the gate on acknowledgements that are stale (they
	// cover nothing in the stack) or expired.
	StrictAcks bool
	// ChangesOnly reviews only what plans create, replace or update.
	ChangesOnly bool
	// Baseline is a saved review JSON: only responsibilities new since it
	// are reported.
	Baseline string
	// Framework groups the review by this framework's controls.
	Framework string
}

// NewCmdReview builds `srm review`.
func NewCmdReview(f *Factory) *cobra.Command {
	opts := &ReviewOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "review [<path>...] [-r] [--services <a,b>] [--acks <file> | --init-acks]",
		Short: "List what the customer owns across a stack: Terraform, CloudFormation, ARM, or a service list",
		Long: `List the customer's and the shared responsibilities across a stack,
deduplicated and grouped by category, each with the services it applies to
and what the customer must do. What the provider owns for every service of
the stack is summed up in one line.

The stack comes from --services, from files and directories, or both. A
directory is a Terraform root module (its .tf and .tf.json files, local
modules followed) plus any templates in it; -r reviews every root module
and template under it. Files may be Terraform configuration, plans or
state ('terraform show -json'), CloudFormation or SAM templates in JSON or
YAML (local nested stacks followed), or ARM templates; srm tells which from
the name and content (--format-in forces it), and "-" reads stdin. Values
known without a plan are used; nothing unknown is guessed. What srm cannot
review — resource types it does not know, registry modules, templates at
URLs — is listed under "Not reviewed", never dropped silently.

As a CI gate, --acks FILE checks an acknowledgement file saying who covers
each responsibility and where the evidence is, and who owns each thing not
reviewed: srm prints the review and exits 1 when anything is not covered.
An acknowledgement may carry expires = YYYY-MM-DD: after that day it covers
nothing and the gate names it as expired. Acknowledgements that cover
nothing in the stack are listed as stale on stderr; --strict-acks makes
stale or expired ones fail the gate too. --init-acks prints a starter file
for the stack.

In a pull request, --changes-only reviews only the resources a plan
creates, replaces or updates, and --baseline FILE (a saved 'srm review -o
json' of the main branch) reports only the responsibilities that are new
since it: adding an RDS instance asks about RDS and nothing else.

--framework nist-800-53 (or ccm) groups the responsibilities by the
framework's controls instead of by category, each control with who owns
it across the stack in the framework's words; srm controls shows the same
controls service by service.`,
		Example: `  $ srm review ./infra
  $ srm review -r . -o markdown > REVIEW.md
  $ srm review --services ec2,rds,s3
  $ terraform show -json plan.out > plan.json && srm review plan.json
  $ srm review ./infra --init-acks > srm-acks.toml
  $ srm review ./infra --acks srm-acks.toml
  $ srm review plan.json --changes-only --baseline main-review.json -o sarif
  $ srm review ./infra --framework nist-800-53`,
		GroupID:           "ask",
		ValidArgsFunction: completeReviewFiles,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.stackFlags.parse(cmd, args, "review"); err != nil {
				return err
			}
			if opts.InitAcks && opts.Acks != "" {
				return usageErrorf(cmd, "--init-acks and --acks do not go together")
			}
			if opts.InitAcks && f.Global.format != render.Text {
				return usageErrorf(cmd, "--init-acks writes the TOML of an acknowledgement file: leave out -o %s", f.Global.format)
			}
			if opts.StrictAcks && opts.Acks == "" {
				return usageErrorf(cmd, "--strict-acks needs --acks")
			}
			if opts.ChangesOnly && len(opts.Files) == 0 {
				return usageErrorf(cmd, "--changes-only needs a Terraform plan to read the changes from")
			}
			return reviewRun(opts)
		},
	}
	opts.stackFlags.register(cmd, f)
	fl := cmd.Flags()
	fl.StringVar(&opts.Acks, "acks", "", "exit 1 unless this acknowledgement `file` covers every customer or shared responsibility")
	fl.BoolVar(&opts.InitAcks, "init-acks", false, "print a starter acknowledgement file for the stack")
	fl.BoolVar(&opts.StrictAcks, "strict-acks", false, "also exit 1 when an acknowledgement is stale (covers nothing in the stack) or expired")
	fl.BoolVar(&opts.ChangesOnly, "changes-only", false, "review only the resources a Terraform plan creates, replaces or updates")
	fl.StringVar(&opts.Baseline, "baseline", "", "report only responsibilities that are new since this saved review JSON `file`")
	addFrameworkFlag(cmd, f, &opts.Framework, "", "group the review by this `framework`'s controls (nist-800-53 or ccm) instead of by category")
	_ = cmd.MarkFlagFilename("baseline", "json")
	_ = cmd.MarkFlagFilename("acks", "toml")
	return writes(cmd, (*render.ReviewView)(nil))
}

func reviewRun(o *ReviewOptions) error {
	m, err := o.Model()
	if err != nil {
		return err
	}
	prov, err := o.provider(m)
	if err != nil {
		return err
	}
	var fw *model.Framework
	if o.Framework != "" {
		if fw, err = m.ResolveFramework(o.Framework); err != nil {
			return err
		}
	}
	var seen map[string]bool
	if o.Baseline != "" {
		if seen, err = readBaseline(o.Baseline); err != nil {
			return err
		}
	}
	stack, err := o.stackFlags.read(o.Factory, m, prov, o.ChangesOnly)
	if err != nil {
		return err
	}
	rv := m.Review(stack.Targets)
	if seen != nil {
		rv.Without(seen)
	}
	if o.InitAcks {
		return render.StarterAcks(o.IO.Out, m, rv, stack.NotReviewed)
	}
	report := render.ReviewReport{Provider: prov, Review: rv, Stack: stack, ChangesOnly: o.ChangesOnly, Baseline: o.Baseline, Framework: fw}
	var missing []model.ReviewEntry
	var unaccepted []review.NotReviewed
	var expired, stale []model.AckRef
	if o.Acks != "" {
		f, err := readModelFile(o.Acks)
		if err != nil {
			return &model.LoadError{Problems: []model.Problem{{File: o.Acks, Message: err.Error()}}}
		}
		acks, err := m.ParseAcks(f, prov.ID)
		if err != nil {
			return err
		}
		today := model.Today()
		missing = rv.Acknowledge(acks, today)
		unaccepted = stack.Accept(acks, today)
		expired, stale = acks.Expired(today), acks.Stale(today)
		report.Acks, report.Expired, report.Stale = true, expired, stale
		for _, a := range expired {
			fmt.Fprintf(o.IO.ErrOut, "srm: acknowledgement %s expired on %s\n", render.Sanitize(a.String()), a.Expires)
		}
		for _, a := range stale {
			fmt.Fprintf(o.IO.ErrOut, "srm: acknowledgement %s covers nothing in this stack (stale?)\n", render.Sanitize(a.String()))
		}
	}
	noteNotReviewed(o.IO.ErrOut, stack)
	if err := o.write(render.NewReviewView(m, report)); err != nil {
		return err
	}
	strictFails := o.StrictAcks && len(expired)+len(stale) > 0
	if len(missing) == 0 && len(unaccepted) == 0 && !strictFails {
		return nil
	}
	// The review is the answer a failed gate still owes: print it.
	if err := iostreams.Release(o.IO.Out); err != nil {
		return &outputError{err: err}
	}
	var why []string
	if len(missing) > 0 {
		var keys, items []string
		for _, e := range missing {
			keys = append(keys, e.Target.Target.ID()+"/"+e.Cell.Item)
			if !slices.Contains(items, e.Cell.Item) {
				items = append(items, e.Cell.Item)
			}
		}
		// The review counts items; say both units, since an item of
		// several services needs each service covered.
		why = append(why, fmt.Sprintf("%d item-service %s (%d %s) %s no acknowledgement in %s: %s",
			len(missing), render.Plural(len(missing), "pair", "pairs"), len(items), render.Plural(len(items), "item", "items"),
			render.Plural(len(missing), "has", "have"), o.Acks, shortJoin(keys, 12)))
	}
	if len(unaccepted) > 0 {
		var names []string
		for _, nr := range unaccepted {
			names = append(names, nr.Name)
		}
		why = append(why, fmt.Sprintf("%d not reviewed and not accepted in %s: %s", len(unaccepted), o.Acks, shortJoin(names, 12)))
	}
	if len(expired) > 0 && (len(missing)+len(unaccepted) > 0 || o.StrictAcks) {
		why = append(why, fmt.Sprintf("%d %s expired: %s", len(expired), render.Plural(len(expired), "acknowledgement", "acknowledgements"), shortJoin(ackRefs(expired), 6)))
	}
	if o.StrictAcks && len(stale) > 0 {
		why = append(why, fmt.Sprintf("%d stale %s (--strict-acks): %s", len(stale), render.Plural(len(stale), "acknowledgement", "acknowledgements"), shortJoin(ackRefs(stale), 6)))
	}
	return &checkFailedError{msg: strings.Join(why, "; ")}
}

func ackRefs(refs []model.AckRef) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.String()
	}
	return out
}

// readBaseline reads a saved review JSON and returns the responsibilities
// it holds, as model.EntryKey names them.
func readBaseline(path string) (map[string]bool, error) {
	fail := func(msg string) error {
		return &model.LoadError{Problems: []model.Problem{{File: path, Message: msg}}}
	}
	f, err := readModelFile(path)
	if err != nil {
		return nil, fail(err.Error())
	}
	var doc struct {
		SchemaVersion    *int `json:"schema_version"`
		Responsibilities *[]struct {
			Item    string `json:"item"`
			Entries []struct {
				Service string `json:"service"`
				Variant string `json:"variant"`
			} `json:"entries"`
		} `json:"responsibilities"`
	}
	if err := json.Unmarshal(f.Data, &doc); err != nil || doc.SchemaVersion == nil || doc.Responsibilities == nil {
		return nil, fail("not the JSON of srm review -o json: expected an object with schema_version and responsibilities")
	}
	if *doc.SchemaVersion > render.SchemaVersion {
		return nil, fail(fmt.Sprintf("schema_version %d is newer than this srm reads (%d): update srm", *doc.SchemaVersion, render.SchemaVersion))
	}
	seen := map[string]bool{}
	for _, resp := range *doc.Responsibilities {
		for _, e := range resp.Entries {
			target := e.Service
			if e.Variant != "" {
				target += ":" + e.Variant
			}
			seen[model.EntryKey(resp.Item, target)] = true
		}
	}
	return seen, nil
}

// shortJoin joins at most n names and says how many more there are.
func shortJoin(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:n], ", ") + fmt.Sprintf(" and %d more", len(names)-n)
}
