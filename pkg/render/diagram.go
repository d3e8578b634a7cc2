package render

import (
	"fmt"
	"io"
	"strings"

	"srm/pkg/model"
)

// Diagram is the layered picture: for each deployment, a stack of layers
// from the physical facility up to the data, and below them the items
// that cut across the stack.
type Diagram struct {
	Provider *model.Provider
	Title    string
	Targets  []model.Target
	Layers   []*model.Item // bottom first
	Across   []*model.Item // cross-cutting items, such as IAM
}

// stackCategories are the categories whose items stack on one another.
var stackCategories = map[string]bool{"physical": true, "infrastructure": true, "platform": true, "application": true, "data": true}

// NewDiagram splits items into the stacked layers and the cross-cutting
// ones, keeping their order.
func NewDiagram(p *model.Provider, title string, targets []model.Target, items []*model.Item) *Diagram {
	d := &Diagram{Provider: p, Title: title, Targets: targets}
	for _, it := range items {
		if stackCategories[it.Category] {
			d.Layers = append(d.Layers, it)
		} else {
			d.Across = append(d.Across, it)
		}
	}
	return d
}

// Layout of the picture, in pixels.
const (
	dgMargin   = 24
	dgLabelW   = 0
	dgColW     = 212
	dgColGap   = 20
	dgBoxH     = 40
	dgBoxGap   = 4
	dgTitleH   = 56
	dgHeadH    = 30
	dgSectionH = 30
)

type dgBox struct {
	x, y, w, h int
	target     model.Target
	item       *model.Item
	cell       *model.Cell
}

func (d *Diagram) width() int {
	n := max(len(d.Targets), 1)
	return 2*dgMargin + dgLabelW + n*dgColW + (n-1)*dgColGap
}

// legendEntry is one swatch of the legend, laid out.
type legendEntry struct {
	role, label string
	x, y        int
}

// legend lays the legend out in rows that fit the picture's width; text
// is measured at about 7 pixels a character.
func (d *Diagram) legend(top int) ([]legendEntry, int) {
	roles := []string{model.KindProvider, model.OwnerShared, model.KindCustomer, model.OwnerNotApplicable, "line"}
	x, y := dgMargin, top
	var out []legendEntry
	for _, role := range roles {
		label := ""
		switch role {
		case "line":
			label = "the line between " + d.providerShortName() + " and the customer"
		case model.KindProvider:
			label = providerLegend(d.Provider, spansProviders(d.Targets))
		default:
			label = swatches[role].Legend
		}
		w := 40 + 7*len(label)
		if x > dgMargin && x+w > d.width()-dgMargin {
			x, y = dgMargin, y+24
		}
		out = append(out, legendEntry{role, label, x, y})
		x += w + 12
	}
	return out, y + 24 - top
}

// boxes lays out every cell, layers bottom-up, then the cross-cutting
// items, and returns the y of the bottom of the layer stack.
func (d *Diagram) boxes(m *model.Model) ([]dgBox, int, int) {
	var out []dgBox
	top := dgMargin + dgTitleH + dgHeadH
	stackBottom := top + len(d.Layers)*(dgBoxH+dgBoxGap)
	acrossTop := stackBottom + dgSectionH
	for j, t := range d.Targets {
		x := dgMargin + dgLabelW + j*(dgColW+dgColGap)
		for i, it := range d.Layers {
			y := stackBottom - (i+1)*(dgBoxH+dgBoxGap)
			out = append(out, dgBox{x, y, dgColW, dgBoxH, t, it, m.Cell(t.Service.ID, t.VariantID(), it.ID)})
		}
		for i, it := range d.Across {
			y := acrossTop + i*(dgBoxH+dgBoxGap)
			out = append(out, dgBox{x, y, dgColW, dgBoxH, t, it, m.Cell(t.Service.ID, t.VariantID(), it.ID)})
		}
	}
	return out, stackBottom, acrossTop + len(d.Across)*(dgBoxH+dgBoxGap)
}

// boundary returns, for each column, the y of the line between the
// provider's layers at the bottom and the rest above them.
func (d *Diagram) boundary(m *model.Model, stackBottom int) []int {
	ys := make([]int, len(d.Targets))
	for j, t := range d.Targets {
		// The line goes above the highest of the provider's layers that
		// has only the provider's or not-applicable layers below it: an
		// N/A layer, such as a database engine Lambda does not have,
		// does not stop the provider's part.
		k := 0
		for i, it := range d.Layers {
			c := m.Cell(t.Service.ID, t.VariantID(), it.ID)
			if c == nil {
				break
			}
			role := m.Role(c.Owner)
			if role == model.KindProvider {
				k = i + 1
			} else if role != model.OwnerNotApplicable {
				break
			}
		}
		ys[j] = stackBottom - k*(dgBoxH+dgBoxGap) + dgBoxGap/2
	}
	return ys
}

func xmlEscape(s string) string {
	return xmlEscaper.Replace(Sanitize(s))
}

// xmlEscaper is built once: a Replacer is costly to build and safe to share.
var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")

// fit shortens text to about n characters for a box.
func fit(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// SVG writes the diagram as a self-contained SVG image.
func (d *Diagram) SVG(w io.Writer, m *model.Model) error {
	var b strings.Builder
	d.writeSVG(&b, m, "srm")
	_, err := io.WriteString(w, b.String())
	return err
}

// writeSVG writes the picture; idPrefix keeps its ids unique in a page.
func (d *Diagram) writeSVG(b *strings.Builder, m *model.Model, idPrefix string) {
	boxes, stackBottom, bottom := d.boxes(m)
	width := d.width()
	_, legendH := d.legend(bottom + 12)
	height := bottom + 12 + legendH + dgMargin
	var names []string
	for _, t := range d.Targets {
		names = append(names, TargetName(t))
	}
	title := d.Title
	if title == "" {
		title = "Who owns what: " + strings.Join(names, ", ")
	}
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-title %s-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif">`+"\n", width, height, width, height, idPrefix, idPrefix)
	fmt.Fprintf(b, `<title id="%s-title">%s</title>`+"\n", idPrefix, xmlEscape(title+" ("+d.providerName()+")"))
	fmt.Fprintf(b, `<desc id="%s-desc">%s</desc>`+"\n", idPrefix, xmlEscape(d.description(m)))
	d.writeDefs(b, idPrefix)
	fmt.Fprintf(b, `<rect x="0" y="0" width="%d" height="%d" fill="#ffffff"/>`+"\n", width, height)
	fmt.Fprintf(b, `<text x="%d" y="%d" font-size="20" font-weight="700" fill="#1a1a1a">%s</text>`+"\n", dgMargin, dgMargin+20, xmlEscape(title))
	fmt.Fprintf(b, `<text x="%d" y="%d" font-size="12" fill="#4a4a4a">%s</text>`+"\n", dgMargin, dgMargin+40, xmlEscape(d.providerName()+" · provider at the bottom, customer on top · generated by srm"))
	for j, t := range d.Targets {
		x := dgMargin + dgLabelW + j*(dgColW+dgColGap)
		fmt.Fprintf(b, `<text x="%d" y="%d" font-size="15" font-weight="700" fill="#1a1a1a" text-anchor="middle">%s</text>`+"\n", x+dgColW/2, dgMargin+dgTitleH+18, xmlEscape(TargetName(t)))
	}
	for _, bx := range boxes {
		d.writeBox(b, m, bx, idPrefix)
	}
	if len(d.Across) > 0 {
		fmt.Fprintf(b, `<text x="%d" y="%d" font-size="12" font-weight="700" fill="#4a4a4a">%s</text>`+"\n", dgMargin, stackBottom+dgSectionH-10, "Across the stack")
	}
	if len(d.Layers) > 0 && len(d.Targets) > 0 {
		ys := d.boundary(m, stackBottom)
		var pts []string
		for j, y := range ys {
			// Each step sits midway between two columns; the ends stop at
			// the outer columns' edges rather than poking past them.
			x := dgMargin + dgLabelW + j*(dgColW+dgColGap)
			left, right := x-dgColGap/2, x+dgColW+dgColGap/2
			if j == 0 {
				left = x
			}
			if j == len(ys)-1 {
				right = x + dgColW
			}
			pts = append(pts, fmt.Sprintf("%d,%d %d,%d", left, y, right, y))
		}
		fmt.Fprintf(b, `<polyline class="boundary" points="%s" fill="none" stroke="#d62828" stroke-width="3" stroke-dasharray="8 4"><title>The line between %s and the customer</title></polyline>`+"\n", strings.Join(pts, " "), xmlEscape(d.providerShortName()))
	}
	d.writeLegend(b, bottom+12, idPrefix)
	b.WriteString("</svg>\n")
}

func (d *Diagram) writeDefs(b *strings.Builder, idPrefix string) {
	b.WriteString("<defs>\n")
	for _, role := range []string{model.KindProvider, model.KindCustomer, model.OwnerShared, model.OwnerNotApplicable, "party"} {
		s := swatches[role]
		id := patternID(idPrefix, role)
		fmt.Fprintf(b, `<pattern id="%s" patternUnits="userSpaceOnUse" width="8" height="8"><rect width="8" height="8" fill="%s"/>`, id, s.Fill)
		switch s.Pattern {
		case "hatch":
			b.WriteString(`<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#000000" stroke-opacity="0.18" stroke-width="1.5"/>`)
		case "cross":
			b.WriteString(`<path d="M0,0 l8,8 M8,0 l-8,8" stroke="#ffffff" stroke-opacity="0.28" stroke-width="1.2"/>`)
		case "dots":
			b.WriteString(`<circle cx="4" cy="4" r="1.2" fill="#000000" fill-opacity="0.25"/>`)
		}
		b.WriteString("</pattern>\n")
	}
	b.WriteString("</defs>\n")
}

func patternID(prefix, role string) string {
	return prefix + "-fill-" + strings.ReplaceAll(role, "/", "")
}

func (d *Diagram) writeBox(b *strings.Builder, m *model.Model, bx dgBox, idPrefix string) {
	if bx.cell == nil {
		fmt.Fprintf(b, `<g class="cell" data-service="%s" data-variant="%s" data-item="%s" data-owner="none"><rect x="%d" y="%d" width="%d" height="%d" rx="4" fill="#ffffff" stroke="#c0c4ca" stroke-dasharray="3 3"/><text x="%d" y="%d" font-size="11" fill="#6b6b6b">%s</text></g>`+"\n",
			bx.target.Service.ID, bx.target.VariantID(), bx.item.ID, bx.x, bx.y, bx.w, bx.h, bx.x+8, bx.y+24, xmlEscape(fit(bx.item.NameFor(bx.target.Service.Provider), 32)+": —"))
		return
	}
	sw := swatchOf(m, bx.cell.Owner)
	tip := bx.item.NameFor(bx.target.Service.Provider) + ": " + bx.cell.Label
	if bx.cell.Summary != "" {
		tip += ". " + bx.cell.Summary
	}
	fmt.Fprintf(b, `<g class="cell" data-service="%s" data-variant="%s" data-item="%s" data-owner="%s" data-role="%s"><title>%s</title>`,
		bx.target.Service.ID, bx.target.VariantID(), bx.item.ID, xmlEscape(bx.cell.Owner), sw.Role, xmlEscape(tip))
	fmt.Fprintf(b, `<rect x="%d" y="%d" width="%d" height="%d" rx="4" fill="url(#%s)" stroke="#ffffff" stroke-width="1"/>`, bx.x, bx.y, bx.w, bx.h, patternID(idPrefix, sw.Role))
	fmt.Fprintf(b, `<rect x="%d" y="%d" width="%d" height="%d" rx="3" fill="%s" fill-opacity="0.85"/>`, bx.x+6, bx.y+4, bx.w-12, bx.h-8, sw.Fill)
	fmt.Fprintf(b, `<text x="%d" y="%d" font-size="11" font-weight="700" fill="%s">%s</text>`, bx.x+10, bx.y+17, sw.Text, xmlEscape(fit(bx.item.NameFor(bx.target.Service.Provider), 32)))
	fmt.Fprintf(b, `<text x="%d" y="%d" font-size="10.5" fill="%s">%s</text>`, bx.x+10, bx.y+31, sw.Text, xmlEscape(fit(bx.cell.Label, 36)))
	b.WriteString("</g>\n")
}

func (d *Diagram) writeLegend(b *strings.Builder, top int, idPrefix string) {
	entries, _ := d.legend(top)
	for _, e := range entries {
		if e.role == "line" {
			fmt.Fprintf(b, `<g class="legend" data-role="line"><line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#d62828" stroke-width="3" stroke-dasharray="8 4"/><text x="%d" y="%d" font-size="12" fill="#1a1a1a">%s</text></g>`+"\n",
				e.x, e.y+8, e.x+28, e.y+8, e.x+34, e.y+12, xmlEscape(e.label))
			continue
		}
		fmt.Fprintf(b, `<g class="legend" data-role="%s"><rect x="%d" y="%d" width="22" height="16" rx="3" fill="url(#%s)" stroke="#6b6b6b" stroke-width="0.5"/><text x="%d" y="%d" font-size="12" fill="#1a1a1a">%s</text></g>`+"\n",
			e.role, e.x, e.y, patternID(idPrefix, e.role), e.x+28, e.y+12, xmlEscape(e.label))
	}
}

// description says in words what the picture shows, for screen readers.
func (d *Diagram) description(m *model.Model) string {
	var parts []string
	for _, t := range d.Targets {
		var cells []string
		for _, it := range append(append([]*model.Item{}, d.Layers...), d.Across...) {
			if c := m.Cell(t.Service.ID, t.VariantID(), it.ID); c != nil {
				cells = append(cells, it.NameFor(t.Service.Provider)+": "+c.Label)
			}
		}
		parts = append(parts, TargetName(t)+": "+strings.Join(cells, "; "))
	}
	return "For each service, from the physical facility at the bottom up to the data, who owns each layer, then the items across the stack. " + strings.Join(parts, ". ") + "."
}

// providerName and providerShortName name the provider of the diagram, or
// every provider when its columns span clouds.
func (d *Diagram) providerName() string {
	if spansProviders(d.Targets) {
		return "Several clouds"
	}
	return d.Provider.Name
}

func (d *Diagram) providerShortName() string {
	if spansProviders(d.Targets) {
		return "the provider"
	}
	return d.Provider.ShortName
}

// providerLegend is the legend entry for the provider's colour: the
// provider's name, or just "Provider" when the columns span clouds.
func providerLegend(p *model.Provider, acrossClouds bool) string {
	if acrossClouds {
		return "Provider"
	}
	return p.ShortName + " (provider)"
}

// DiagramView is srm diagram: the layered picture of who owns what. Its
// JSON, text and CSV are the table of its items, top layer first.
type DiagramView struct {
	*MatrixView
	d *Diagram
}

// NewDiagramView builds srm diagram's view.
func NewDiagramView(m *model.Model, d *Diagram) *DiagramView {
	var rows []*model.Item
	for i := len(d.Layers) - 1; i >= 0; i-- {
		rows = append(rows, d.Layers[i])
	}
	rows = append(rows, d.Across...)
	return &DiagramView{MatrixView: NewMatrixView(m, m.Matrix(d.Provider, d.Title, d.Targets, rows)), d: d}
}

// SVG is the picture.
func (v *DiagramView) SVG(w io.Writer) error { return v.d.SVG(w, v.m) }

// HTML is the picture on a page, with the table's details under it.
func (v *DiagramView) HTML(w io.Writer) error { return DiagramHTML(w, v.m, v.d) }
