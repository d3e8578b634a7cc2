package render

import (
	"io"
	"strings"
)

// Border is the line style of text tables.
type Border string

// Border styles: Unicode box drawing, or plain ASCII for logs and old
// consoles.
const (
	BorderUnicode Border = "unicode"
	BorderASCII   Border = "ascii"
)

// grid is a table of strings that have already been sanitised. Styles,
// when set, colour a cell's lines once the text has been fitted to the
// width, so that colour codes never count towards it.
type grid struct {
	header []string
	rows   [][]string
	styles [][]func(string) string // parallel to rows; nil entries leave a cell plain
}

func (g *grid) addRow(cells []string, styles []func(string) string) {
	g.rows = append(g.rows, cells)
	g.styles = append(g.styles, styles)
}

func (g grid) style(row, col int) func(string) string {
	if row < len(g.styles) && col < len(g.styles[row]) {
		return g.styles[row][col]
	}
	return nil
}

// box holds the characters that draw a table: corners and joints of the
// top, middle and bottom rules, and the two lines.
type box struct {
	h, v             string
	topL, topM, topR string
	midL, midM, midR string
	botL, botM, botR string
}

var (
	unicodeBox = box{"─", "│", "┌", "┬", "┐", "├", "┼", "┤", "└", "┴", "┘"}
	asciiBox   = box{"-", "|", "+", "+", "+", "+", "+", "+", "+", "+", "+"}
)

// minColumn is the narrowest a column is squeezed to; words longer than
// that are broken.
const minColumn = 6

// writeBox renders a grid as a bordered text table. When width > 0 the
// table fits in width-2 columns where it can: the widest columns give way
// first, and cells wrap at spaces.
func writeBox(w io.Writer, g grid, border Border, width int) error {
	chars := unicodeBox
	if border == BorderASCII {
		chars = asciiBox
	}
	widths := naturalWidths(g)
	if width > 0 {
		shrink(widths, columnWords(g), width-2-(3*len(widths)+1))
	}
	var b strings.Builder
	rule := func(l, m, r string) {
		b.WriteString(l)
		for i, cw := range widths {
			if i > 0 {
				b.WriteString(m)
			}
			b.WriteString(strings.Repeat(chars.h, cw+2))
		}
		b.WriteString(r + "\n")
	}
	line := func(cells []string, style func(col int) func(string) string) {
		wrapped := make([][]string, len(widths))
		height := 1
		for i := range widths {
			cell := ""
			if i < len(cells) {
				cell = cells[i]
			}
			wrapped[i] = wrapCell(cell, widths[i])
			height = max(height, len(wrapped[i]))
		}
		for l := 0; l < height; l++ {
			b.WriteString(chars.v)
			for i, cw := range widths {
				text := ""
				if l < len(wrapped[i]) {
					text = wrapped[i][l]
				}
				pad := strings.Repeat(" ", max(cw-displayWidth(text), 0))
				if st := style(i); st != nil && text != "" {
					text = st(text)
				}
				b.WriteString(" " + text + pad + " " + chars.v)
			}
			b.WriteString("\n")
		}
	}
	rule(chars.topL, chars.topM, chars.topR)
	line(g.header, func(int) func(string) string { return nil })
	rule(chars.midL, chars.midM, chars.midR)
	for r, cells := range g.rows {
		line(cells, func(col int) func(string) string { return g.style(r, col) })
	}
	rule(chars.botL, chars.botM, chars.botR)
	_, err := io.WriteString(w, b.String())
	return err
}

// naturalWidths is each column's width with no wrapping.
func naturalWidths(g grid) []int {
	widths := make([]int, len(g.header))
	measure := func(cells []string) {
		for i, c := range cells {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			for _, l := range strings.Split(c, "\n") {
				widths[i] = max(widths[i], displayWidth(l))
			}
		}
	}
	measure(g.header)
	for _, r := range g.rows {
		measure(r)
	}
	return widths
}

// columnWord is a word of a column and whether it has a natural place to
// break, after a slash or hyphen.
type columnWord struct {
	width     int
	breakable bool
}

// columnWords lists each column's words, the widths below which its
// cells would have to break them.
func columnWords(g grid) [][]columnWord {
	words := make([][]columnWord, len(naturalWidths(g)))
	measure := func(cells []string) {
		for i, c := range cells {
			for _, word := range strings.Fields(c) {
				inner := strings.Trim(word, "/-")
				words[i] = append(words[i], columnWord{displayWidth(word), strings.ContainsAny(inner, "/-")})
			}
		}
	}
	measure(g.header)
	for _, r := range g.rows {
		measure(r)
	}
	return words
}

// breakCost is what narrowing a column to width costs: each word that
// would no longer fit, a word that breaks at its slash or hyphen costing
// less than one cut anywhere.
func breakCost(words []columnWord, width int) float64 {
	cost := 0.0
	for _, w := range words {
		if w.width > width {
			if w.breakable {
				cost += 0.5
			} else {
				cost++
			}
		}
	}
	return cost
}

// shrink narrows columns until they fit in room. First it narrows them
// down to each column's longest word, widest column first, breaking no
// word; then, if that is not enough, it narrows the column where the fewest
// words break, down to minColumn. A table that cannot fit at minColumn
// stays wider than room.
func shrink(widths []int, words [][]columnWord, room int) {
	total := 0
	for _, w := range widths {
		total += w
	}
	longest := make([]int, len(widths))
	for i, ws := range words {
		for _, w := range ws {
			longest[i] = max(longest[i], w.width)
		}
	}
	for total > room {
		widest := -1
		for i, w := range widths {
			if w > max(longest[i], minColumn) && (widest < 0 || w > widths[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			break
		}
		widths[widest]--
		total--
	}
	for total > room {
		pick, pickCost := -1, 0.0
		for i, w := range widths {
			if w <= minColumn {
				continue
			}
			c := breakCost(words[i], w-1)
			if pick < 0 || c < pickCost || (c == pickCost && w > widths[pick]) {
				pick, pickCost = i, c
			}
		}
		if pick < 0 {
			break
		}
		widths[pick]--
		total--
	}
}

// wrapCell breaks a cell into lines of at most width columns, at spaces
// where it can, and inside a word (after a slash or hyphen if there is
// one) when the word alone is too long.
func wrapCell(s string, width int) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			for displayWidth(word) > width {
				head, tail := breakWord(word, width)
				if line != "" {
					lines = append(lines, line)
					line = ""
				}
				lines = append(lines, head)
				word = tail
			}
			switch {
			case line == "":
				line = word
			case displayWidth(line)+1+displayWidth(word) <= width:
				line += " " + word
			default:
				lines = append(lines, line)
				line = word
			}
		}
		lines = append(lines, line)
	}
	return lines
}

// breakWord cuts a word to fit width: after the last slash or hyphen of
// the fitting part, or at width when it has none.
func breakWord(word string, width int) (string, string) {
	r := []rune(word)
	fit, used := 0, 0
	for fit < len(r) && used+runeWidth(r[fit]) <= width {
		used += runeWidth(r[fit])
		fit++
	}
	fit = max(fit, 1)
	for k := fit - 1; k > 0; k-- {
		if r[k] == '/' || r[k] == '-' {
			return string(r[:k+1]), string(r[k+1:])
		}
	}
	return string(r[:fit]), string(r[fit:])
}

// writeMarkdown renders a grid as a GitHub-flavoured markdown table, its
// columns padded so that the source lines up too. Cells must already be
// escaped with markdownSafe.
func writeMarkdown(w io.Writer, g grid) error {
	widths := naturalWidths(g)
	for i := range widths {
		widths[i] = max(widths[i], 3)
	}
	var b strings.Builder
	row := func(cells []string) {
		b.WriteString("|")
		for i, cw := range widths {
			cell := ""
			if i < len(cells) {
				cell = strings.ReplaceAll(cells[i], "\n", " ")
			}
			b.WriteString(" " + cell + strings.Repeat(" ", max(cw-displayWidth(cell), 0)) + " |")
		}
		b.WriteString("\n")
	}
	row(g.header)
	b.WriteString("|")
	for _, cw := range widths {
		b.WriteString(":" + strings.Repeat("-", cw+1) + "|")
	}
	b.WriteString("\n")
	for _, r := range g.rows {
		row(r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
