package render

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"testing"

	"srm/pkg/model"
)

// canonicalDiagram is the picture of the provider's default table.
func canonicalDiagram(t testing.TB, m *model.Model) *Diagram {
	t.Helper()
	p := m.Provider("aws")
	table := m.Table(p.DefaultTable)
	var targets []model.Target
	for _, id := range table.Services {
		targets = append(targets, model.Target{Service: m.Service(id)})
	}
	var items []*model.Item
	for _, id := range table.Items {
		items = append(items, m.Item(id))
	}
	return NewDiagram(p, table.Title, targets, items)
}

// xmlElements parses a document strictly and returns its start elements.
func xmlElements(t *testing.T, doc []byte) []xml.StartElement {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	dec.Strict = true
	var out []xml.StartElement
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			out = append(out, se.Copy())
		}
	}
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func TestDiagramSVGStructure(t *testing.T) {
	m := loadWith(t, "")
	d := canonicalDiagram(t, m)
	var b bytes.Buffer
	if err := d.SVG(&b, m); err != nil {
		t.Fatal(err)
	}
	els := xmlElements(t, b.Bytes())
	if els[0].Name.Local != "svg" || attr(els[0], "role") != "img" || attr(els[0], "aria-labelledby") != "srm-title srm-desc" {
		t.Errorf("root = %+v", els[0])
	}
	counts := map[string]int{}
	cells := 0
	for i, se := range els {
		counts[se.Name.Local]++
		if se.Name.Local != "g" || attr(se, "class") != "cell" {
			continue
		}
		cells++
		svc, item, owner := attr(se, "data-service"), attr(se, "data-item"), attr(se, "data-owner")
		c := m.Cell(svc, attr(se, "data-variant"), item)
		if c == nil || c.Owner != owner {
			t.Errorf("%s/%s: data-owner %q, model says %v", svc, item, owner, c)
			continue
		}
		// The cell's first rect is filled with its owner's pattern, the
		// second with its owner's colour.
		sw := swatchOf(m, owner)
		var rects []xml.StartElement
		for _, e := range els[i+1:] {
			if e.Name.Local == "g" {
				break
			}
			if e.Name.Local == "rect" {
				rects = append(rects, e)
			}
		}
		if len(rects) != 2 || attr(rects[0], "fill") != "url(#"+patternID("srm", sw.Role)+")" || attr(rects[1], "fill") != sw.Fill {
			t.Errorf("%s/%s (%s): rects %+v", svc, item, owner, rects)
		}
	}
	if want := len(d.Targets) * (len(d.Layers) + len(d.Across)); cells != want {
		t.Errorf("%d cells, want %d", cells, want)
	}
	for _, el := range []string{"title", "desc", "pattern", "polyline"} {
		if counts[el] == 0 {
			t.Errorf("no <%s>", el)
		}
	}
	if !strings.Contains(b.String(), `class="legend"`) {
		t.Error("no legend")
	}
	if strings.Contains(b.String(), "href=\"http") || strings.Contains(b.String(), "@import") {
		t.Error("the SVG refers to something outside itself")
	}
}

func TestTableHTMLStructure(t *testing.T) {
	m := loadWith(t, "")
	d := canonicalDiagram(t, m)
	items := append(append([]*model.Item{}, d.Layers...), d.Across...)
	mx := m.Matrix(d.Provider, d.Title, d.Targets, items)
	var b bytes.Buffer
	if err := MatrixHTML(&b, m, mx); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if !strings.HasPrefix(page, "<!DOCTYPE html>") {
		t.Error("no doctype")
	}
	els := xmlElements(t, b.Bytes())
	cells, links := 0, 0
	for _, se := range els {
		switch {
		case se.Name.Local == "td" && strings.Contains(attr(se, "class"), "cell"):
			cells++
			owner := attr(se, "data-owner")
			if want := ownerClass(m, owner); !strings.Contains(attr(se, "class"), want) {
				t.Errorf("%s/%s: class %q lacks %q", attr(se, "data-service"), attr(se, "data-item"), attr(se, "class"), want)
			}
		case se.Name.Local == "a":
			links++
		case se.Name.Local == "link" || se.Name.Local == "script" || (se.Name.Local == "img" && attr(se, "src") != ""):
			t.Errorf("external asset: %+v", se)
		}
	}
	if want := len(mx.Targets) * len(mx.Items); cells != want {
		t.Errorf("%d cells, want %d", cells, want)
	}
	if links < cells {
		t.Errorf("%d source links for %d cells", links, cells)
	}
	for _, want := range []string{"@media print", ":hover .more", "Customer does"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestDiagramHTMLEmbedsThePicture(t *testing.T) {
	m := loadWith(t, "")
	var b bytes.Buffer
	if err := DiagramHTML(&b, m, canonicalDiagram(t, m)); err != nil {
		t.Fatal(err)
	}
	els := xmlElements(t, b.Bytes())
	n := map[string]int{}
	for _, se := range els {
		n[se.Name.Local]++
	}
	if n["svg"] != 1 || n["table"] != 1 {
		t.Errorf("elements %v", n)
	}
}

func TestDiagramEscapesText(t *testing.T) {
	m := loadWith(t, `
[[cells]]
service = "ec2"
item = "data"
owner = "customer"
label = "<script>alert(1)</script> & \"quotes\""
sources = [{ url = "https://docs.aws.amazon.com/x?a=1&b=2" }]
`)
	d := canonicalDiagram(t, m)
	var svg, page bytes.Buffer
	if err := d.SVG(&svg, m); err != nil {
		t.Fatal(err)
	}
	if err := DiagramHTML(&page, m, d); err != nil {
		t.Fatal(err)
	}
	for _, doc := range []*bytes.Buffer{&svg, &page} {
		xmlElements(t, doc.Bytes())
		if strings.Contains(doc.String(), "<script>") {
			t.Error("markup from the data reached the output")
		}
	}
	if !strings.Contains(page.String(), `href="https://docs.aws.amazon.com/x?a=1&amp;b=2"`) {
		t.Error("URL not escaped in href")
	}
}

// The line between provider and customer stays within the columns: it
// does not poke out to the left of the first or the right of the last.
func TestDiagramBoundaryStaysWithinTheColumns(t *testing.T) {
	m := loadWith(t, "")
	var b strings.Builder
	if err := canonicalDiagram(t, m).SVG(&b, m); err != nil {
		t.Fatal(err)
	}
	left, right := -1, -1
	var points string
	for _, se := range xmlElements(t, []byte(b.String())) {
		switch {
		case se.Name.Local == "rect" && attr(se, "rx") == "4":
			x, w := atoi(t, attr(se, "x")), atoi(t, attr(se, "width"))
			if left < 0 || x < left {
				left = x
			}
			right = max(right, x+w)
		case se.Name.Local == "polyline":
			points = attr(se, "points")
		}
	}
	if points == "" || left < 0 {
		t.Fatalf("no boundary or no cells")
	}
	for _, p := range strings.Fields(points) {
		x := atoi(t, strings.SplitN(p, ",", 2)[0])
		if x < left || x > right {
			t.Errorf("boundary point %s lies outside the columns %d..%d", p, left, right)
		}
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return n
}
