package model

import (
	"strings"
	"testing"
)

func TestTOMLDepthExceeded(t *testing.T) {
	nested := func(d int) string { return "x = " + strings.Repeat("[", d) + strings.Repeat("]", d) + "\n" }
	tests := []struct {
		name, text string
		max, want  int
	}{
		{"at the limit", nested(4), 4, 0},
		{"past the limit", nested(5), 4, 1},
		{"on a later line", "a = 1\n\n" + nested(5), 4, 3},
		{"inline tables", "x = {a={b={c={d={}}}}}\n", 4, 1},
		{"table headers", "[[cells]]\n[cells.x]\n[[a.b]]\n", 2, 0},
		{"brackets in strings", `x = "[[[[[[" ` + "\n" + `y = '{{{{{'` + "\n", 2, 0},
		{"escaped quotes", `x = "\"[[[[[[\"" ` + "\n", 2, 0},
		{"comments", "# [[[[[[[[\nx = [] # {{{{{{{\n", 2, 0},
		{"multi-line strings", "x = \"\"\"\n[[[[[[\n\"\"\"\ny = '''\n{{{{{{'''\nz = [[[]]]\n", 2, 6},
		{"unbalanced closers", "x = ]]]]]\ny = [[[\n", 2, 2},
	}
	for _, tc := range tests {
		if got := tomlDepthExceeded([]byte(tc.text), tc.max); got != tc.want {
			t.Errorf("%s: line %d, want %d", tc.name, got, tc.want)
		}
	}
}

func TestDeepTOMLIsAProblem(t *testing.T) {
	deep := "x = " + strings.Repeat("[", 1_000_000) + "\n"
	_, ps := decode(File{Path: "deep.toml", Data: []byte(deep)})
	if len(ps) != 1 || !strings.Contains(ps[0].Message, "nest more than") || ps[0].Line != 1 {
		t.Errorf("problems = %v", ps)
	}
	m := mustLoad(t)
	if _, err := m.ParseAcks(File{Path: "acks.toml", Data: []byte(deep)}, "acme"); err == nil || !strings.Contains(err.Error(), "nest more than") {
		t.Errorf("acks: err = %v", err)
	}
}

func TestDottedKeyTooLong(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"a.b.c = 1\n", 0},
		{"x = [1.5, 2.5, 3.5, 4.5]\n", 0},
		{"\n" + "a" + strings.Repeat(".a", 40) + " = 1\n", 2},
		{"s = \"" + strings.Repeat(".", 100) + "\"\n", 0},
		{"[t" + strings.Repeat(".t", 40) + "]\n", 1},
		{"# " + strings.Repeat(".", 100) + "\n", 0},
	} {
		if got := tomlDottedKeyTooLong([]byte(tc.text), 32); got != tc.want {
			t.Errorf("%.40q: line %d, want %d", tc.text, got, tc.want)
		}
	}
}
