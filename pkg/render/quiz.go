package render

import (
	"fmt"
	"strings"
	"unicode"

	"srm/pkg/model"
)

type questionJSON struct {
	N           int          `json:"n" doc:"Its number in the quiz, from 1."`
	Question    string       `json:"question" doc:"The question."`
	Service     string       `json:"service" doc:"Service id."`
	Variant     string       `json:"variant" doc:"Variant id, or \"\" for the service's default deployment."`
	Item        string       `json:"item" doc:"Item id."`
	Answer      string       `json:"answer" doc:"The answer."`
	Label       string       `json:"label" doc:"Short table text, naming the owner."`
	Explanation string       `json:"explanation" doc:"The cell's summary, explaining the answer."`
	Sources     []sourceJSON `json:"sources" doc:"Pages of the provider's documentation behind it ({url, title, checked})."`
}

// QuestionText is how a quiz asks a question.
func QuestionText(q model.Question) string {
	return fmt.Sprintf("Who owns %s for %s?", lowerFirst(q.Item.Name), TargetName(q.Target))
}

// lowerFirst lower-cases the first letter of a name in running text,
// unless the name starts with an acronym such as "IAM".
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 1 && unicode.IsUpper(r[1]) {
		return s
	}
	if len(r) > 0 {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}

// QuizView is srm quiz written out rather than asked: the questions with
// their answers. Text is the interactive quiz, so the view has no text of
// its own to give; markdown lists the questions with their answers.
type QuizView struct {
	Header
	Seed      uint64         `json:"seed" doc:"The seed that drew the questions; --seed with it draws them again."`
	Questions []questionJSON `json:"questions" doc:"The questions, in the order asked, each with its answer."`
}

// NewQuizView builds the view of a drawn quiz.
func NewQuizView(p *model.Provider, seed uint64, qs []model.Question) *QuizView {
	v := &QuizView{Header: NewHeader(p.ID), Seed: seed, Questions: []questionJSON{}}
	for i, q := range qs {
		v.Questions = append(v.Questions, questionJSON{
			N: i + 1, Question: QuestionText(q), Service: q.Target.Service.ID, Variant: q.Target.VariantID(), Item: q.Item.ID,
			Answer: q.Cell.Owner, Label: q.Cell.Label, Explanation: q.Cell.Summary, Sources: sourcesJSON(q.Cell.Sources),
		})
	}
	return v
}

// Doc numbers the questions, each with its answer under it.
func (v *QuizView) Doc() *Doc {
	l := List{Numbered: true}
	for _, q := range v.Questions {
		l.Items = append(l.Items, ListItem{Line: L(T(q.Question)), Blocks: []Block{Bullets(L(B("Answer:"), T(" "+q.Answer+" ("+q.Label+"). "+q.Explanation)))}})
	}
	return &Doc{Blocks: []Block{l}}
}

// CSV is one record per question.
func (v *QuizView) CSV() ([]string, [][]string) {
	var out [][]string
	for _, r := range v.Questions {
		out = append(out, []string{fmt.Sprint(r.N), r.Question, r.Service, r.Variant, r.Item, r.Answer, r.Label})
	}
	return []string{"n", "question", "service", "variant", "item", "answer", "label"}, out
}

// QuizPrompt is the prompt for question n of total.
func QuizPrompt(st Style, n, total int, q model.Question, choices []string) string {
	return fmt.Sprintf("%s %s\n  [%s] > ", st.Bold(fmt.Sprintf("Q%d/%d", n, total)), Sanitize(QuestionText(q)), Sanitize(strings.Join(choices, "/")))
}

// QuizFeedback says whether an answer was right, with the cell's
// explanation.
// typed is what the user typed, for when it names no owner.
func QuizFeedback(st Style, m *model.Model, q model.Question, answer, typed string, width int) string {
	c := q.Cell
	var head string
	switch {
	case answer == c.Owner:
		head = st.Owner(m, c.Owner, st.Bold("Right:")) + " " + Sanitize(c.Label)
	case answer == "":
		head = st.Bold("Not quite:") + fmt.Sprintf(" %q names no owner; the owner is ", Sanitize(typed)) + st.Owner(m, c.Owner, Sanitize(c.Owner)) + " (" + Sanitize(c.Label) + ")"
	default:
		head = st.Bold("Not quite:") + " you said " + Sanitize(answer) + "; the owner is " + st.Owner(m, c.Owner, Sanitize(c.Owner)) + " (" + Sanitize(c.Label) + ")"
	}
	return "  " + head + "\n" + wrap(Sanitize(c.Summary), paragraphWidth(width), "  ")
}

// QuizScore is the closing line of a quiz.
func QuizScore(st Style, right, asked, total int, seed uint64) string {
	pct := 0
	if asked > 0 {
		pct = right * 100 / asked
	}
	line := fmt.Sprintf("Score: %d/%d (%d%%)", right, asked, pct)
	if asked < total {
		line += fmt.Sprintf(", %d of %d questions answered", asked, total)
	}
	return st.Bold(line) + fmt.Sprintf("\nReplay these questions with --seed %d\n", seed)
}
