package cmd

import (
	"bufio"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"srm/pkg/iostreams"
	"srm/pkg/model"
	"srm/pkg/render"
)

// QuizOptions are the inputs of `srm quiz`.
type QuizOptions struct {
	*Factory

	Count    int      // --count
	Seed     uint64   // --seed; 0 picks one from the clock
	Services []string // --services: only these services (and their variants)
	Items    []string // --items: only these items
	// All widens the quiz from the exam's scope to every deployment, and
	// to items that do not apply.
	All bool
}

// NewCmdQuiz builds `srm quiz`.
func NewCmdQuiz(f *Factory) *cobra.Command {
	opts := &QuizOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "quiz [--count <n>] [--seed <s>] [--services <a,b>] [--items <x,y>]",
		Short: "Practise: answer who owns what, with the explanation after each answer",
		Long: `Practise with questions drawn from the model, such as "Who owns guest OS
patching for RDS?". Answer aws, customer, shared or n/a (or just a, c, s
or n); after each answer srm says whether it was right and why, and gives
a score at the end.

On a terminal the quiz asks one question at a time. When stdin is not a
terminal it reads one answer per line, so a script can take it:
  printf 'customer\naws\n' | srm quiz --count 2 --seed 7

By default the questions are about the exam's scope: for AWS, EC2, RDS,
Lambda, S3 and DynamoDB as they are deployed by default, and items that
apply to them. --services picks others (with their variants); --all asks
about every service and variant, n/a answers included.

--seed makes the set of questions reproducible; without it srm picks a
seed and prints it at the end. -o json prints the questions with their
answers instead of asking them.`,
		Example: `  $ srm quiz
  $ srm quiz --count 5 --services ec2,rds,lambda
  $ srm quiz --seed 42 -o json
  $ srm quiz --all --count 20`,
		GroupID: "learn",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Count < 1 {
				return usageErrorf(cmd, "--count must be at least 1")
			}
			return quizRun(opts)
		},
	}
	cmd.Flags().IntVarP(&opts.Count, "count", "n", 10, "ask `n` questions")
	cmd.Flags().Uint64Var(&opts.Seed, "seed", 0, "draw the questions from this `seed`, for a repeatable set")
	listFlag(cmd.Flags(), &opts.Services, "services", "only ask about these `services`")
	listFlag(cmd.Flags(), &opts.Items, "items", "only ask about these `items`")
	cmd.Flags().BoolVar(&opts.All, "all", false, "ask about every service and variant, and about items that do not apply")
	registerFlagCompletion(cmd, "services", completeList(completeServices(f)))
	registerFlagCompletion(cmd, "items", completeList(completeItems(f)))
	return writes(cmd, (*render.QuizView)(nil))
}

func quizRun(o *QuizOptions) error {
	m, err := o.Model()
	if err != nil {
		return err
	}
	prov, err := o.provider(m)
	if err != nil {
		return err
	}
	targets, items, err := m.QuizScope(prov, o.Services, o.Items, o.All)
	if err != nil {
		return err
	}
	seed := o.Seed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano()%1_000_000) + 1
	}
	qs := m.Quiz(targets, items, o.Count, seed, o.All)
	if len(qs) == 0 {
		return &usageError{msg: "no questions: no service given has a cell for the items given"}
	}
	if len(qs) < o.Count {
		fmt.Fprintf(o.IO.ErrOut, "srm: there are %d questions for this scope, not %d: asking all of them\n", len(qs), o.Count)
	}
	if o.Global.format != render.Text {
		return o.write(render.NewQuizView(prov, seed, qs))
	}
	return askQuiz(o, m, prov, qs, seed)
}

// askQuiz asks each question and reads the answers: one at a time on a
// terminal, re-asking when an answer names no owner, or one per line from
// a script.
// maxAnswerBytes bounds one line of answers on stdin.
const maxAnswerBytes = 64 * 1024

func askQuiz(o *QuizOptions, m *model.Model, prov *model.Provider, qs []model.Question, seed uint64) error {
	interactive := o.IO.IsStdinTTY()
	if interactive {
		// The user must see each question before answering it.
		if err := iostreams.Release(o.IO.Out); err != nil {
			return &outputError{err: err}
		}
	}
	st := o.style()
	out := o.IO.Out
	in := bufio.NewScanner(o.IO.In)
	in.Buffer(make([]byte, 4096), maxAnswerBytes)
	choices := m.Owners(prov.ID)
	right, asked := 0, 0
	for i, q := range qs {
		answer, typed := "", ""
		for {
			fmt.Fprint(out, render.QuizPrompt(st, i+1, len(qs), q, choices))
			if !in.Scan() {
				if err := in.Err(); errors.Is(err, bufio.ErrTooLong) {
					return &inputError{err: fmt.Errorf("an answer on stdin is longer than %d bytes", maxAnswerBytes)}
				} else if err != nil {
					return &inputError{err: fmt.Errorf("reading answers: %w", err)}
				}
				fmt.Fprint(out, "\n\n", render.QuizScore(st, right, asked, len(qs), seed))
				return nil
			}
			typed = in.Text()
			if !interactive {
				fmt.Fprintln(out, render.Sanitize(typed))
			}
			answer = m.ParseAnswer(prov.ID, typed)
			if answer != "" || !interactive {
				break
			}
			fmt.Fprintf(out, "  answer with one of: %s\n", joinQuoted(choices))
		}
		asked++
		if answer == q.Cell.Owner {
			right++
		}
		fmt.Fprint(out, render.QuizFeedback(st, m, q, answer, typed, o.IO.TerminalWidth()))
		fmt.Fprintln(out)
	}
	fmt.Fprint(out, render.QuizScore(st, right, asked, len(qs), seed))
	return nil
}
