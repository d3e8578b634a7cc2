package render

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
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
// when set, colour a cell once the text has been fitted to the width.
type grid struct {
	header []string
	rows   [][]string
	styles [][]func(string) string // parallel to rows; nil entries leave a cell plain
}

func (g *grid) addRow(cells []string, styles []func(string) string) {
	g.rows = append(g.rows, cells)
	g.styles = append(g.styles, styles)
}

// writeBox renders a grid as a bordered text table, wrapped to width when
// width > 0.
func writeBox(w io.Writer, g grid, border Border, width int) error {
	symbols := tw.NewSymbols(tw.StyleLight)
	if border == BorderASCII {
		symbols = tw.NewSymbols(tw.StyleASCII)
	}
	opts := []tablewriter.Option{
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: symbols})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
		tablewriter.WithEastAsian(tw.Off),
		tablewriter.WithTrimSpace(tw.Off),
	}
	if width > 0 {
		opts = append(opts, tablewriter.WithMaxWidth(width-2), tablewriter.WithRowAutoWrap(tw.WrapNormal))
		g = g.fitted(width)
	}
	return renderGrid(tablewriter.NewTable(w, opts...), g.styled())
}

// fitted breaks words too long for a column of a table that must fit in
// width, so that the table can wrap every cell.
func (g grid) fitted(width int) grid {
	n := max(len(g.header), 1)
	perCol := max((width-2-(n+1)-2*n)/n, 6)
	out := grid{header: make([]string, len(g.header)), styles: g.styles}
	for i, h := range g.header {
		out.header[i] = breakLongWords(h, perCol)
	}
	for _, r := range g.rows {
		row := make([]string, len(r))
		for i, c := range r {
			row[i] = breakLongWords(c, perCol)
		}
		out.rows = append(out.rows, row)
	}
	return out
}

// styled applies each cell's style.
func (g grid) styled() grid {
	out := grid{header: g.header}
	for i, r := range g.rows {
		row := make([]string, len(r))
		for j, c := range r {
			row[j] = c
			if i < len(g.styles) && j < len(g.styles[i]) && g.styles[i][j] != nil {
				row[j] = g.styles[i][j](c)
			}
		}
		out.rows = append(out.rows, row)
	}
	return out
}

// breakLongWords splits words longer than n runes: after a slash or
// hyphen where there is one, otherwise every n runes.
func breakLongWords(s string, n int) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		if utf8.RuneCountInString(w) <= n {
			continue
		}
		var parts []string
		r := []rune(w)
		for len(r) > n {
			cut := n
			for k := n - 1; k > n/2; k-- {
				if r[k] == '/' || r[k] == '-' {
					cut = k + 1
					break
				}
			}
			parts = append(parts, string(r[:cut]))
			r = r[cut:]
		}
		w = string(r)
		words[i] = strings.Join(append(parts, w), " ")
	}
	return strings.Join(words, " ")
}

// writeMarkdown renders a grid as a GitHub-flavoured markdown table. Cells
// must already be escaped with markdownSafe.
func writeMarkdown(w io.Writer, g grid) error {
	t := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewMarkdown()),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
		tablewriter.WithEastAsian(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
	)
	return renderGrid(t, g)
}

func renderGrid(t *tablewriter.Table, g grid) error {
	t.Header(g.header)
	for _, r := range g.rows {
		// tablewriter keeps the slice it is given, so each row is its own.
		if err := t.Append(append([]string(nil), r...)); err != nil {
			return err
		}
	}
	return t.Render()
}
