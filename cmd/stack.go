package cmd

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"srm/pkg/iac"
	"srm/pkg/model"
	"srm/pkg/render"
	"srm/pkg/review"
)

// stackFlags are the inputs of every command that reads a stack (review,
// controls, export): files and directories, --services, --format-in, -r
// and --pass-over-others.
type stackFlags struct {
	Files    []string // Terraform, plans or state, CloudFormation, SAM or ARM templates; "-" for stdin
	Services []string // --services
	FormatIn string   // --format-in
	// PassOver passes over named files that are not infrastructure code.
	PassOver bool
	// Recursive reads every root module and template under a directory (-r).
	Recursive bool
}

func (s *stackFlags) register(cmd *cobra.Command, f *Factory) {
	fl := cmd.Flags()
	listFlag(fl, &s.Services, "services", "comma-separated `services` in the stack, beside any files")
	fl.StringVar(&s.FormatIn, "format-in", "auto", "read files as `format`: auto, terraform, terraform-plan, terraform-state, cloudformation or arm")
	fl.BoolVar(&s.PassOver, "pass-over-others", false, "pass over JSON and YAML files that are not infrastructure code instead of failing, as a directory review does (for hooks given every changed file)")
	fl.BoolVarP(&s.Recursive, "recursive", "r", false, "read every Terraform root module and template under a directory")
	registerFlagCompletion(cmd, "services", completeList(completeServices(f)))
	registerFlagCompletion(cmd, "format-in", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var out []cobra.Completion
		for _, fm := range iac.Formats {
			out = append(out, string(fm))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
}

// parse takes the paths and checks that there is a stack to read: "give
// files to <verb>, --services, or both".
func (s *stackFlags) parse(cmd *cobra.Command, args []string, verb string) error {
	s.Files = args
	if len(s.Files) == 0 && len(s.Services) == 0 {
		return usageErrorf(cmd, "give files to %s, --services, or both", verb)
	}
	if _, err := iac.ParseFormat(s.FormatIn); err != nil {
		return usageErrorf(cmd, "--format-in: %s", err)
	}
	return nil
}

// read reads the stack: every file and directory, then the services
// named. With changesOnly every input must be a Terraform plan, and only
// what it creates, replaces or updates counts.
func (s *stackFlags) read(f *Factory, m *model.Model, prov *model.Provider, changesOnly bool) (*review.Stack, error) {
	// "--services fargate aurora s3" makes aurora and s3 files: say so.
	for _, path := range s.Files {
		if _, err := os.Stat(path); err != nil && path != "-" {
			if _, nerr := m.ResolveTarget(prov.ID, path); nerr == nil {
				return nil, usageErrorf(nil, "%s: no such file, but a service of that name: list services with commas, as in --services %s", path, strings.Join(append(slices.Clone(s.Services), s.Files...), ","))
			}
		}
	}
	format, _ := iac.ParseFormat(s.FormatIn)
	// While inputs are read, the heap is mostly the files themselves, kept
	// whole for error positions; decoding them makes garbage that the
	// default GC target would let grow as large again. A tighter target
	// keeps a big plan's peak memory near its size, for a few more cycles
	// over a heap with little to scan.
	gc := debug.SetGCPercent(25)
	inputs, err := s.readInputs(f, m, format)
	debug.SetGCPercent(gc)
	if err != nil {
		return nil, err
	}
	if changesOnly {
		for _, in := range inputs {
			if in.stack.Format != iac.TerraformPlan {
				return nil, usageErrorf(nil, "--changes-only: %s is not a Terraform plan, so it says nothing of what changes", in.stack.Path)
			}
			in.stack.ChangesOnly()
		}
	}
	b := review.NewBuilder(m)
	for _, in := range inputs {
		b.AddStack(in.stack, in.prefix)
	}
	for _, name := range s.Services {
		t, err := m.ResolveTarget(prov.ID, name)
		if err != nil {
			return nil, err
		}
		b.AddTarget(t)
	}
	return b.Finish(), nil
}

// stackInput is one stack read and what goes before its addresses.
type stackInput struct {
	stack  *iac.Stack
	prefix string
}

// readInputs reads every path given: files, directories and "-" for
// stdin. When there are several stacks, each address starts with where it
// came from.
func (s *stackFlags) readInputs(f *Factory, m *model.Model, format iac.Format) ([]stackInput, error) {
	var out []stackInput
	var passed []iac.PassedFile
	for _, path := range s.Files {
		if path == "-" {
			data, err := readInput(f.IO.In, path)
			if err != nil {
				return nil, &iac.Error{Path: "stdin", Msg: err.Error()}
			}
			st, err := iac.ParseOptions("stdin", data, iac.Options{Format: format, Attributes: m.AttributesOf})
			if err != nil {
				return nil, err
			}
			out = append(out, stackInput{stack: st, prefix: "stdin:"})
			continue
		}
		res, err := iac.Read(path, iac.Options{Format: format, Recursive: s.Recursive, PassOver: s.PassOver, Attributes: m.AttributesOf})
		if err != nil {
			return nil, err
		}
		passed = append(passed, res.Passed...)
		for _, st := range res.Stacks {
			out = append(out, stackInput{stack: st, prefix: review.Prefix(path, st.Path)})
		}
	}
	if len(out) == 1 {
		out[0].prefix = ""
	}
	if len(passed) > 0 {
		var names []string
		for _, p := range passed {
			names = append(names, p.Path)
		}
		fmt.Fprintf(f.IO.ErrOut, "srm: passed over %d %s that %s no infrastructure code srm reads: %s\n",
			len(passed), render.Plural(len(passed), "file", "files"), render.Plural(len(passed), "holds", "hold"), render.Sanitize(shortJoin(names, 5)))
	}
	return out, nil
}

// noteNotReviewed says on stderr what srm could not read in the stack, so
// that a reader of stdout alone is not misled by a short answer.
func noteNotReviewed(w io.Writer, stack *review.Stack) {
	if len(stack.NotReviewed) == 0 {
		return
	}
	var parts []string
	for _, nr := range stack.NotReviewed {
		part := nr.Name
		if len(nr.Resources) > 0 {
			part += fmt.Sprintf(" (%d)", len(nr.Resources))
		}
		parts = append(parts, part)
	}
	fmt.Fprintf(w, "srm: not reviewed: %s\n", render.Sanitize(shortJoin(parts, 8)))
}

// readInput reads a file, or stdin for "-", refusing anything larger than
// an input can be before reading it all.
func readInput(stdin io.Reader, path string) ([]byte, error) {
	r := stdin
	if path != "-" {
		fh, err := os.Open(path)
		if err != nil {
			return nil, withoutPath(err)
		}
		defer fh.Close()
		r = fh
	}
	data, err := io.ReadAll(io.LimitReader(r, iac.MaxInputBytes+1))
	if err != nil {
		return nil, withoutPath(err)
	}
	if len(data) > iac.MaxInputBytes {
		return nil, fmt.Errorf("larger than the limit of %d bytes", iac.MaxInputBytes)
	}
	return data, nil
}
