package render

import (
	"io"

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

// grid is a table of strings that have already been sanitised and styled.
type grid struct {
	header []string
	rows   [][]string
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
		opts = append(opts, tablewriter.WithMaxWidth(width), tablewriter.WithRowAutoWrap(tw.WrapNormal))
	}
	return renderGrid(tablewriter.NewTable(w, opts...), g)
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
