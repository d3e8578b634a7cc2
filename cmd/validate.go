package cmd

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"srm/pkg/model"
	"srm/pkg/render"
)

// ValidateOptions are the inputs of `srm validate`.
type ValidateOptions struct {
	*Factory

	Files  []string // the files to check; none for the active overlays
	Strict bool     // --strict: also apply the rules for shipped data
}

// maxProblemsShown caps the problems validate lists, so that a file that
// is wrong on every line cannot flood the terminal.
const maxProblemsShown = 100

// NewCmdValidate builds `srm validate`.
func NewCmdValidate(f *Factory) *cobra.Command {
	opts := &ValidateOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "validate [<file>...]",
		Short: "Check model files with the same rules srm loads them with",
		Long: `Check model files with the same rules srm loads them with, over the
embedded model, and report every problem with its file, line and key.

With no files, validate checks the overlays in effect: *.toml in the config
directory, SRM_MODEL and --model. Files given together are layered in the
order given, so one may use a party another defines.

--strict also applies the rules srm's own data follows: every label agrees
with its owner, every cell has a summary, and every source is an https page
of the provider's documentation with a title and a checked date.

Exit code 4 when there is any problem; the problems go to stderr.`,
		Example: `  $ srm validate platform.toml
  $ srm validate --strict data/aws-ec2.toml
  $ SRM_MODEL=team.toml srm validate`,
		GroupID:           "model",
		ValidArgsFunction: completeTOMLFiles,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			return validateRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "also apply the rules for srm's shipped data")
	return writes(cmd, (*render.ValidationView)(nil))
}

// validateError reports that validate found problems; it has printed them.
type validateError struct {
	load  *model.LoadError
	files int
}

func (e *validateError) Error() string {
	n := len(e.load.Problems)
	return fmt.Sprintf("%d %s in %d %s", n, render.Plural(n, "problem", "problems"), e.files, render.Plural(e.files, "file", "files"))
}

func (e *validateError) Unwrap() error { return e.load }

func validateRun(o *ValidateOptions) error {
	var files []overlay
	if len(o.Files) == 0 {
		active, err := o.overlays()
		if err != nil {
			return err
		}
		files = active
	} else {
		for _, p := range o.Files {
			files = append(files, overlay{p, "argument"})
		}
	}
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.path
	}
	m, err := loadModel(files...)
	var problems []model.Problem
	var le *model.LoadError
	switch {
	case errors.As(err, &le):
		problems = le.Problems
	case err != nil:
		return err
	case o.Strict:
		problems = m.Lint(paths...)
	}
	if len(problems) > 0 {
		for i, p := range problems {
			if i == maxProblemsShown {
				fmt.Fprintf(o.IO.ErrOut, "srm: ... and %d more problems\n", len(problems)-i)
				break
			}
			fmt.Fprintf(o.IO.ErrOut, "srm: %s\n", render.Sanitize(p.String()))
		}
		return &validateError{load: &model.LoadError{Problems: problems}, files: max(1, len(files))}
	}
	report := render.ValidationReport{Strict: o.Strict}
	if len(files) == 0 {
		report.Files = append(report.Files, render.ValidatedFile{Path: "embedded model", From: "embedded", Entries: m.CountEntries("")})
	}
	for _, f := range files {
		report.Files = append(report.Files, render.ValidatedFile{Path: f.path, From: f.from, Entries: m.CountEntries(f.path)})
	}
	// The provider is the one --provider names, as in every other
	// command's JSON; an unknown one is the same error as elsewhere.
	prov, err := o.provider(m)
	if err != nil {
		return err
	}
	return o.write(render.NewValidationView(prov.ID, report))
}
