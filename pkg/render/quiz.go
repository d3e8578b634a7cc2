package render

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"srm/pkg/model"
)

type questionJSON struct {
	N           int          `json:"n"`
	Question    string       `json:"question"`
	Service     string       `json:"service"`
	Variant     string       `json:"variant"`
	Item        string       `json:"item"`
	Answer      string       `json:"answer"`
	Label       string       `json:"label"`
	Explanation string       `json:"explanation"`
	Sources     []sourceJSON `json:"sources"`
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

// QuizSet writes a quiz's questions with their answers, for -o json and
// the other machine formats.
func QuizSet(w io.Writer, f Format, p *model.Provider, seed uint64, qs []model.Question) error {
	rows := make([]questionJSON, len(qs))
	for i, q := range qs {
		rows[i] = questionJSON{
			N: i + 1, Question: QuestionText(q), Service: q.Target.Service.ID, Variant: q.Target.VariantID(), Item: q.Item.ID,
			Answer: q.Cell.Owner, Label: q.Cell.Label, Explanation: q.Cell.Summary, Sources: sourcesJSON(q.Cell.Sources),
		}
	}
	if f == CSV {
		var out [][]string
		for _, r := range rows {
			out = append(out, []string{fmt.Sprint(r.N), r.Question, r.Service, r.Variant, r.Item, r.Answer, r.Label})
		}
		return writeCSV(w, []string{"n", "question", "service", "variant", "item", "answer", "label"}, out)
	}
	if f == Markdown {
		var b strings.Builder
		for _, r := range rows {
			fmt.Fprintf(&b, "%d. %s\n   - **Answer:** %s (%s). %s\n", r.N, markdownSafe(r.Question), markdownSafe(r.Answer), markdownSafe(r.Label), markdownSafe(r.Explanation))
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
	return writeJSON(w, struct {
		SchemaVersion int            `json:"schema_version"`
		Provider      string         `json:"provider"`
		Seed          uint64         `json:"seed"`
		Questions     []questionJSON `json:"questions"`
	}{SchemaVersion, p.ID, seed, append([]questionJSON{}, rows...)})
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
