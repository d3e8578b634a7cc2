package render

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"srm/data"
	"srm/pkg/model"
)

func TestSanitize(t *testing.T) {
	tests := map[string]string{
		"plain text":          "plain text",
		"Élan — ok · ✓":       "Élan — ok · ✓",
		"clear\x1b[2J":        `clear\x1b[2J`,
		"title\x1b]0;x\a":     `title\x1b]0;x\x07`,
		"over\rwrite":         `over\x0dwrite`,
		"tab\there":           `tab\x09here`,
		"line\nbreak":         `line\x0abreak`,
		"del\x7f":             `del\x7f`,
		"c1\u009b31m":         `c1\x9b31m`,
		"bidi\u202eevil":      `bidi\u202eevil`,
		"isolate\u2066x":      `isolate\u2066x`,
		"zero\u200bwidth":     `zero\u200bwidth`,
		"line\u2028separator": `line\u2028separator`,
	}
	for in, want := range tests {
		if got := Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"", "ok", "\x1b[2J", "\u202e", "\xff\xfe", "a\r\nb", "\\x1b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		for _, r := range out {
			if r != utf8.RuneError && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Zl, r) || unicode.Is(unicode.Zp, r)) {
				t.Fatalf("Sanitize(%q) = %q keeps %U", s, out, r)
			}
		}
		if again := Sanitize(out); again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, out, again)
		}
	})
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"text": Text, "JSON": JSON, "md": Markdown, "markdown": Markdown, "csv": CSV} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseFormat("yaml"); err == nil || !strings.Contains(err.Error(), "valid: text, json, markdown, csv, html, svg") {
		t.Errorf("ParseFormat(yaml) err = %v", err)
	}
}

// loadWith loads the embedded model with an overlay.
// loadWith loads the compiled embedded model, as srm does, with an
// overlay over it when one is given.
func loadWith(t testing.TB, overlay string) *model.Model {
	t.Helper()
	var layers []model.Layer
	if overlay != "" {
		layers = append(layers, model.Layer{Files: []model.File{{Path: "overlay.toml", Data: []byte(overlay)}}})
	}
	m, err := model.LoadCompiled(data.Model, layers...)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

const trickyCell = `
[[cells]]
service = "ec2"
item = "iam"
owner = "customer"
label = "=HYPERLINK(\"x\")|Customer"
summary = "-1+1 | pipes"
sources = [{ url = "https://docs.aws.amazon.com/x" }]
`

func matrixOf(t testing.TB, m *model.Model, services ...string) *model.Matrix {
	t.Helper()
	p := m.Provider("aws")
	var targets []model.Target
	for _, s := range services {
		tg, err := m.ResolveTarget("aws", s)
		if err != nil {
			t.Fatal(err)
		}
		targets = append(targets, tg)
	}
	return m.Matrix(p, "", targets, m.ItemsOfTargets(targets))
}

func TestCSVNeutralisesFormulas(t *testing.T) {
	m := loadWith(t, trickyCell)
	var b bytes.Buffer
	if err := Write(&b, NewMatrixView(m, matrixOf(t, m, "ec2")), Options{Format: CSV}); err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range records {
		if r[3] == "iam" && r[6] != `'=HYPERLINK("x")|Customer` {
			t.Errorf("label = %q, want it neutralised", r[6])
		}
	}
}

func TestMarkdownEscapesPipes(t *testing.T) {
	m := loadWith(t, trickyCell)
	var b bytes.Buffer
	if err := Write(&b, NewMatrixView(m, matrixOf(t, m, "ec2", "rds")), Options{Format: Markdown}); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		unescaped := strings.Count(line, "|") - strings.Count(line, `\|`)
		if unescaped != 4 {
			t.Errorf("row has %d column separators, want 4: %s", unescaped, line)
		}
	}
}

// TestAcrossClouds checks that a grid spanning providers names each
// column's provider and no single provider in its legend, and that a
// single provider's grid uses that provider's own row names.
func TestAcrossClouds(t *testing.T) {
	m := loadWith(t, "")
	mx := matrixOf(t, m, "aws/ec2", "azure/vm", "gcp/gce")
	var text, page, svg bytes.Buffer
	if err := Write(&text, NewMatrixView(m, mx), Options{Format: Text}); err != nil {
		t.Fatal(err)
	}
	if err := MatrixHTML(&page, m, mx); err != nil {
		t.Fatal(err)
	}
	d := NewDiagram(m.Provider("aws"), "", mx.Targets, mx.Items)
	if err := d.SVG(&svg, m); err != nil {
		t.Fatal(err)
	}
	for what, want := range map[string][]string{
		text.String(): {"EC2 · AWS", "Azure VM · Azure", "Compute Engine · Google Cloud", "│ Network controls   "},
		page.String(): {"Several clouds", ">Provider<", "Compute Engine · Google Cloud"},
		svg.String():  {"Several clouds", ">Provider<", "the line between the provider and the customer"},
	} {
		for _, w := range want {
			if !strings.Contains(what, w) {
				t.Errorf("output lacks %q:\n%.400s", w, what)
			}
		}
		if strings.Contains(what, "AWS (provider)") {
			t.Errorf("a grid across clouds names AWS as the provider:\n%.400s", what)
		}
	}
	// Rows across clouds are named in no one provider's terms; a diagram's
	// boxes, one service each, keep their provider's.
	if strings.Contains(text.String(), "SG/NACL") {
		t.Errorf("a grid across clouds names its rows in AWS's terms:\n%s", text.String())
	}
	if !strings.Contains(svg.String(), "Network controls (NSG/firewall)") {
		t.Errorf("the diagram's Azure boxes do not use Azure's names")
	}
	text.Reset()
	if err := Write(&text, NewMatrixView(m, matrixOf(t, m, "azure/vm", "azure/functions")), Options{Format: Text}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "Network controls (NSG/firewall)") || strings.Contains(text.String(), "· Azure") {
		t.Errorf("an Azure-only table:\n%s", text.String())
	}
}
