package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode"

	"srm/data"
	"srm/pkg/model"
	reviewpkg "srm/pkg/review"
)

// hostileModel is the embedded model with one service, one item, one cell
// and the first trap and FAQ carrying the given text. It bypasses loading,
// which rejects control characters, so that the renderers' own escaping is
// what the fuzzer tests. The compiled entries are copied, never changed.
func hostileModel(t *testing.T, name, label, text string) *model.Model {
	m, err := model.LoadCompiled(data.Model)
	if err != nil {
		t.Fatal(err)
	}
	// AWS's part of the model is enough, and keeps each run quick.
	m.Services = slices.DeleteFunc(slices.Clone(m.Services), func(s *model.Service) bool { return s.Provider != "aws" })
	m.Items = slices.Clone(m.Items)
	m.Cells = slices.DeleteFunc(slices.Clone(m.Cells), func(c *model.Cell) bool { return m.Service(c.Service) == nil })
	m.Traps = slices.Clone(m.Traps)
	m.FAQs = slices.Clone(m.FAQs)
	for i, s := range m.Services {
		if s.ID == "ec2" {
			c := *s
			c.Name, c.ShortName, c.Description = name, name, text
			m.Services[i] = &c
		}
	}
	for i, it := range m.Items {
		if it.ID == "iam" {
			c := *it
			c.Name, c.Description = name, text
			m.Items[i] = &c
		}
	}
	for i, cell := range m.Cells {
		if cell.Service == "ec2" && cell.Variant == "" && cell.Item == "iam" {
			c := *cell
			c.Label, c.Summary = label, text
			c.CustomerDoes = []string{text, label}
			c.Caveats = []string{text}
			c.Sources = []model.Source{{URL: "https://docs.aws.amazon.com/" + text, Title: name}}
			m.Cells[i] = &c
		}
	}
	trap, faq := *m.Traps[0], *m.FAQs[0]
	trap.Title, trap.Belief, trap.Truth = name, label, text
	faq.Question, faq.Answer = name, text
	m.Traps[0], m.FAQs[0] = &trap, &faq
	return m
}

// FuzzRenderers puts hostile text in a model and renders it with every
// renderer in every format, checking each format's safety rules.
func FuzzRenderers(f *testing.F) {
	for _, s := range [][3]string{
		{"EC2", "Customer", "a summary"},
		{"=cmd|' /C calc'!A0", "+1", "-2"},
		{"@SUM(1)", "\tlead", "\rlead"},
		{"a|b", "x\ny", "`code` *bold* [link](javascript:x)"},
		{"\x1b[2J\x1b]0;pwned\a", "\u202eevil", "\u200bzero\u2066iso"},
		{"<script>alert(1)</script>", "\"quoted\" & 'single'", "]]><!--"},
		{"\xff\xfe", "\u0085\u009b31m", "\x7f"},
		{"", "", ""},
		{"漢字テキスト", "émoji ✓ 👩‍💻", strings.Repeat("long ", 200)},
		{strings.Repeat("x", 300), strings.Repeat("a/b-", 50), strings.Repeat("word ", 60)},
	} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, name, label, text string) {
		// Longer text finds nothing new and slows every run down; the
		// model refuses strings over 2,000 characters anyway.
		name, label, text = cut(name, 400), cut(label, 400), cut(text, 2000)
		m := hostileModel(t, name, label, text)
		p := m.Provider("aws")
		target := model.Target{Service: m.Service("ec2")}
		item := m.Item("iam")
		answer, err := m.Answer(target, item)
		if err != nil {
			t.Fatal(err)
		}
		targets := []model.Target{target, {Service: m.Service("rds")}}
		mx := m.Matrix(p, name, targets, m.ItemsOfTargets(targets))
		uses := m.SourceUses(func(c *model.Cell) bool { return c.Service == "ec2" })
		hits := m.Search("aws", "iam")
		review := m.Review([]model.StackTarget{{Target: target, Resources: []model.StackResource{{Address: name}, {Address: label, Note: text, Count: 3}}}, {Target: targets[1]}})
		notReviewed := []reviewpkg.NotReviewed{
			{Kind: reviewpkg.KindResourceType, Name: name, Why: text, Resources: []string{label}},
			{Kind: name, Name: label, Source: text, Where: name, Why: label},
		}
		report := ReviewReport{
			Provider: p, Review: review, Acks: true,
			Stack: &reviewpkg.Stack{
				Inputs:      []reviewpkg.Input{{Path: name, Format: label, Resources: 2}},
				Ignored:     []reviewpkg.TypeCount{{Type: label, Reason: text, Resources: []string{name}}},
				NotReviewed: notReviewed,
			},
		}
		lambda := model.Target{Service: m.Service("lambda")}
		ends := []ShiftEnd{{Target: target}, {Target: lambda}}
		shift := m.Shift(target, lambda)
		views := map[string]View{
			"review":     NewReviewView(m, report),
			"explain":    NewExplainView(m, m.Explain(target, nil)),
			"shift":      NewShiftView(m, p, ends[0], ends[1], shift, []*model.Item{item}),
			"quiz":       NewQuizView(p, 1, m.Quiz(targets, []*model.Item{item}, 2, 1, true)),
			"staircase":  NewStaircaseView(m, p, ends, []*model.Shift{shift}, []*model.Item{item}),
			"answer":     NewAnswerView(m, answer),
			"matrix":     NewMatrixView(m, mx),
			"sources":    NewSourcesView(p, uses),
			"search":     NewSearchView(m, p, name, hits),
			"services":   NewServicesView(m, p, m.ServicesOf("aws")),
			"items":      NewItemsView(m, p, m.Items[:12]),
			"traps":      NewTrapsView(p, m.Traps[:1]),
			"faqs":       NewFAQsView(p, m.FAQs[:1]),
			"always":     NewAlwaysView(m, m.Invariants("aws")),
			"validation": NewValidationView("aws", ValidationReport{Files: []ValidatedFile{{Path: name, From: label, Entries: 1}}}),
		}
		for what, v := range views {
			for _, f := range FormatsOf(v) {
				var b bytes.Buffer
				if err := Write(&b, v, Options{Format: f, Color: true, Width: 80}); err != nil {
					t.Fatalf("%s -o %s: %v", what, f, err)
				}
				checkOutput(t, what, f, b.String())
			}
		}
		for _, q := range m.Quiz(targets, []*model.Item{item}, 2, 1, true) {
			st := Style{Color: true}
			checkOutput(t, "quiz prompt", Text, QuizPrompt(st, 1, 2, q, []string{name, label}))
			checkOutput(t, "quiz feedback", Text, QuizFeedback(st, m, q, "customer", text, 80))
			checkOutput(t, "quiz feedback", Text, QuizFeedback(st, m, q, "", text, 80))
		}
		var b bytes.Buffer
		if err := StarterAcks(&b, m, review, notReviewed); err != nil {
			t.Fatal(err)
		}
		if _, err := m.ParseAcks(model.File{Path: "acks.toml", Data: b.Bytes()}, "aws"); err != nil && !strings.Contains(err.Error(), "acks") {
			t.Fatalf("the starter acknowledgements do not parse: %v\n%s", err, b.String())
		}
		b.Reset()
		if err := MatrixHTML(&b, m, mx); err != nil {
			t.Fatal(err)
		}
		checkOutput(t, "matrix", HTML, b.String())
		d := NewDiagram(p, name, targets, m.ItemsOfTargets(targets))
		b.Reset()
		if err := d.SVG(&b, m); err != nil {
			t.Fatal(err)
		}
		checkOutput(t, "diagram", SVG, b.String())
		b.Reset()
		if err := DiagramHTML(&b, m, d); err != nil {
			t.Fatal(err)
		}
		checkOutput(t, "diagram", HTML, b.String())
	})
}

// checkOutput applies the rules of a format to a renderer's output.
func checkOutput(t *testing.T, what string, f Format, out string) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf("%s -o %s: "+format+"\n%s", append([]any{what, f}, append(args, out)...)...)
	}
	if f == JSON {
		if !json.Valid([]byte(out)) {
			fail("invalid JSON")
		}
		return
	}
	colour := f == Text
	for i, r := range out {
		if r == '\x1b' && colour && strings.HasPrefix(out[i:], "\x1b[") && isOwnColour(out[i:]) {
			continue
		}
		if rawControl(r) {
			fail("raw %U", r)
		}
	}
	switch f {
	case CSV:
		records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			fail("invalid CSV: %v", err)
		}
		for _, rec := range records {
			for _, field := range rec {
				if field != "" && strings.ContainsRune("=+-@\t\r", rune(field[0])) {
					fail("CSV field %q would run as a formula", field)
				}
			}
		}
	case Markdown:
		pipes := -1
		for _, line := range strings.Split(out, "\n") {
			if !strings.HasPrefix(line, "|") {
				pipes = -1
				continue
			}
			n := strings.Count(line, "|") - strings.Count(line, `\|`)
			if pipes >= 0 && n != pipes {
				fail("markdown row %q has %d cell separators, the table %d", line, n, pipes)
			}
			pipes = n
		}
	case SVG:
		dec := xml.NewDecoder(strings.NewReader(out))
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				fail("SVG is not well-formed XML: %v", err)
			}
		}
	case HTML:
		if strings.Count(out, "<script") > strings.Count(out, "<script>\n// srm") {
			fail("a <script> tag that srm did not write")
		}
	}
}

// rawControl reports a character that must never reach a terminal or a
// document raw: C0 controls other than newline and tab, DEL, C1 controls,
// and invisible format characters such as bidi overrides.
func rawControl(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		return true
	}
	return unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
}

// isOwnColour reports whether s starts with one of the SGR sequences srm
// writes for colour.
func isOwnColour(s string) bool {
	end := strings.IndexByte(s, 'm')
	if end < 0 || end > 12 {
		return false
	}
	for _, c := range s[2:end] {
		if !(c >= '0' && c <= '9' || c == ';') {
			return false
		}
	}
	return true
}

func cut(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
