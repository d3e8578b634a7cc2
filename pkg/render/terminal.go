package render

import (
	"io"
	"strconv"
	"strings"
)

// terminal writes a Doc as text: prose wrapped to the paragraph width,
// sections indented under their headings, tables fitted to the terminal,
// colour when the stream takes it, and every string sanitised.
type terminal struct {
	b      strings.Builder
	opt    Options
	prose  int // the width prose wraps to
	indent int
}

func writeTerminal(w io.Writer, d *Doc, opt Options) error {
	t := &terminal{opt: opt, prose: paragraphWidth(opt.Width)}
	t.blocks(d.Blocks, true)
	_, err := io.WriteString(w, t.b.String())
	return err
}

// blocks writes blocks one after another. At the top level they are
// apart by a blank line, except that fields follow a title directly;
// inside a section or a list item they follow each other.
func (t *terminal) blocks(blocks []Block, spaced bool) {
	for i, bl := range blocks {
		if i > 0 && spaced {
			_, afterTitle := blocks[i-1].(Title)
			_, fields := bl.(Fields)
			if !(afterTitle && fields) {
				t.b.WriteString("\n")
			}
		}
		t.block(bl)
	}
}

func (t *terminal) block(bl Block) {
	pad := strings.Repeat(" ", t.indent)
	switch bl := bl.(type) {
	case Title:
		t.b.WriteString(t.wrapLine(emphasise(bl.Line), pad, pad))
	case Para:
		t.b.WriteString(t.wrapLine(bl.Line, pad, pad))
	case Pre:
		for _, line := range bl {
			t.b.WriteString(pad + Sanitize(line) + "\n")
		}
	case Section:
		t.b.WriteString(t.wrapLine(emphasise(bl.Heading), pad, pad))
		t.indent += 2
		t.blocks(bl.Blocks, false)
		t.indent -= 2
	case Fields:
		width := 0
		for _, f := range bl {
			width = max(width, displayWidth(Sanitize(f.Name))+1)
		}
		for _, f := range bl {
			name := Sanitize(f.Name) + ":"
			first := pad + name + strings.Repeat(" ", width-displayWidth(name)+2)
			t.b.WriteString(t.wrapLine(f.Value, first, strings.Repeat(" ", displayWidth(first))))
		}
	case List:
		for i, it := range bl.Items {
			if i > 0 && bl.Spaced {
				t.b.WriteString("\n")
			}
			mark := "- "
			switch {
			case bl.Numbered:
				mark = strconv.Itoa(i+1) + ". "
			case bl.Bare:
				mark = ""
			}
			if it.Mark != "" {
				mark = it.Mark + " "
			}
			hang := strings.Repeat(" ", t.indent+max(len(mark), 2))
			t.b.WriteString(t.wrapLine(it.Line, pad+mark, hang))
			if len(it.Blocks) > 0 {
				saved := t.indent
				t.indent += max(len(mark), 2)
				t.blocks(it.Blocks, false)
				t.indent = saved
			}
		}
	case Table:
		g := grid{header: make([]string, len(bl.Header))}
		for i, h := range bl.Header {
			g.header[i] = Sanitize(h)
		}
		for _, r := range bl.Rows {
			cells := make([]string, len(r))
			styles := make([]func(string) string, len(r))
			for i, line := range r {
				cells[i] = Sanitize(line.text())
				if len(line) > 0 {
					span := line[0]
					styles[i] = func(s string) string { return t.style(span, s) }
				}
			}
			g.addRow(cells, styles)
		}
		var sb strings.Builder
		_ = writeBox(&sb, g, t.opt.Border, t.opt.Width)
		t.b.WriteString(sb.String())
	}
}

// emphasise makes a heading's plain spans strong.
func emphasise(l Line) Line {
	out := make(Line, len(l))
	for i, s := range l {
		if s.Style == Plain {
			s.Style = Strong
		}
		out[i] = s
	}
	return out
}

// word is one word of a line, with the span it came from.
type word struct {
	text string
	span Span
	glue bool // no space before it: it continues the previous word
}

// words splits a line into words for wrapping. Spans join without a
// space unless their text has one, so "(" + an owner + ")" stays one word.
// A link shows its address in angle brackets after its text, unless the
// text is the address.
func words(l Line) []word {
	var out []word
	spaceBefore := true
	for _, s := range l {
		text := Sanitize(s.Text)
		if s.URL != "" && s.Text != s.URL {
			text += " <" + Sanitize(s.URL) + ">"
		}
		if text == "" {
			continue
		}
		// Two or more leading spaces are a deliberate gap, kept as it is.
		gap := len(text) - len(strings.TrimLeft(text, " "))
		for i, f := range strings.Fields(text) {
			if i == 0 && gap > 1 {
				f = strings.Repeat(" ", gap-1) + f
			}
			out = append(out, word{text: f, span: s, glue: i == 0 && text[0] != ' ' && !spaceBefore})
		}
		spaceBefore = text[len(text)-1] == ' '
	}
	return out
}

// wrapLine wraps a line to the prose width: first starts the first line,
// rest every following one. A word longer than a line stays whole.
func (t *terminal) wrapLine(l Line, first, rest string) string {
	var b strings.Builder
	line, lineWidth, empty := first, displayWidth(first), true
	for _, w := range words(l) {
		ww := displayWidth(w.text)
		sep := " "
		if w.glue || empty {
			sep = ""
		}
		if !empty && !w.glue && lineWidth+1+ww > t.prose {
			b.WriteString(strings.TrimRight(line, " "))
			b.WriteByte('\n')
			line, lineWidth, sep = rest, displayWidth(rest), ""
		}
		line += sep + t.style(w.span, w.text)
		lineWidth += len(sep) + ww
		empty = false
	}
	b.WriteString(strings.TrimRight(line, " "))
	b.WriteByte('\n')
	return b.String()
}

// style colours one word; colour codes never span a line break or a
// table border, since each word carries its own.
func (t *terminal) style(s Span, text string) string {
	st := Style{Color: t.opt.Color}
	switch s.Style {
	case Strong:
		text = st.Bold(text)
	case Faint:
		text = st.Dim(text)
	}
	if s.Tone != "" {
		text = st.wrap(toneColor(s.Tone), text)
	}
	return text
}

func toneColor(tone string) string {
	switch tone {
	case ToneProvider:
		return ansiBlue
	case ToneCustomer:
		return ansiYellow
	case ToneShared:
		return ansiMagenta
	case ToneNotApplicable:
		return ansiGrey
	}
	return ansiCyan
}
