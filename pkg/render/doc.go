package render

// A Doc is what a view shows to people, as a few kinds of blocks. Two back
// ends write it: the terminal one (wrapping, width fitting, colour and
// sanitising) and the markdown one (escaping). A view builds the Doc from
// model text as it is; the back ends make it safe.
type Doc struct {
	Blocks []Block
}

// Block is one part of a Doc.
type Block interface{ isBlock() }

// Line is a run of text in several styles.
type Line []Span

// Span is a piece of text with one style.
type Span struct {
	Text  string
	Style SpanStyle
	// Tone colours owner-related text on a terminal: ToneProvider,
	// ToneCustomer, ToneShared, ToneNotApplicable or ToneOther.
	Tone string
	// URL makes the span a link: "text <url>" on a terminal, [text](url)
	// in markdown. A span whose text is the URL shows it once.
	URL string
}

// SpanStyle is how a span stands out.
type SpanStyle int

// Span styles.
const (
	Plain SpanStyle = iota
	Strong
	Faint
	Code // an id: plain on a terminal, `code` in markdown
)

// Tones, for colouring by the kind of owner.
const (
	ToneProvider      = "provider"
	ToneCustomer      = "customer"
	ToneShared        = "shared"
	ToneNotApplicable = "n/a"
	ToneOther         = "other"
)

// T is plain text.
func T(s string) Span { return Span{Text: s} }

// B is strong text.
func B(s string) Span { return Span{Text: s, Style: Strong} }

// D is faint, secondary text.
func D(s string) Span { return Span{Text: s, Style: Faint} }

// C is an id.
func C(s string) Span { return Span{Text: s, Style: Code} }

// Link is a link to url with title as its text.
func Link(title, url string) Span {
	if title == "" {
		title = url
	}
	return Span{Text: title, URL: url}
}

// Toned colours a span by owner kind.
func Toned(s Span, tone string) Span {
	s.Tone = tone
	return s
}

// L makes a Line of spans.
func L(spans ...Span) Line { return Line(spans) }

// Title is the first line of a document: bold on a terminal, a heading in
// markdown.
type Title struct{ Line Line }

// Section is a heading with the blocks under it, which a terminal indents.
type Section struct {
	Heading Line
	Blocks  []Block
}

// Para is a paragraph, wrapped to the width.
type Para struct{ Line Line }

// Fields are "name: value" lines with the values lined up.
type Fields []Field

// Field is one name and its value.
type Field struct {
	Name  string
	Value Line
}

// List is a bulleted or numbered list.
type List struct {
	Items    []ListItem
	Numbered bool
	// Spaced puts a blank line between items, for items with blocks under
	// them.
	Spaced bool
	// Bare drops the marker: each item is a line of its own, with its
	// blocks indented under it.
	Bare bool
}

// ListItem is a list entry, with blocks under it such as fields or notes.
type ListItem struct {
	Line   Line
	Blocks []Block
	// Mark replaces the list's marker for this item, such as "[x]" for a
	// checked box.
	Mark string
}

// Table is a grid: a bordered table on a terminal, a pipe table in
// markdown.
type Table struct {
	Header []string
	Rows   [][]Line
}

// Pre is lines written as they are, one per line: not wrapped, spacing
// kept. Text is still sanitised.
type Pre []string

func (Pre) isBlock()     {}
func (Title) isBlock()   {}
func (Section) isBlock() {}
func (Para) isBlock()    {}
func (Fields) isBlock()  {}
func (List) isBlock()    {}
func (Table) isBlock()   {}

// Add appends blocks.
func (d *Doc) Add(blocks ...Block) { d.Blocks = append(d.Blocks, blocks...) }

// Bullets is a plain bulleted list of lines.
func Bullets(lines ...Line) List {
	l := List{}
	for _, line := range lines {
		l.Items = append(l.Items, ListItem{Line: line})
	}
	return l
}

// TextLines makes a Line of plain text for each string.
func TextLines(ss []string) []Line {
	out := make([]Line, len(ss))
	for i, s := range ss {
		out[i] = L(T(s))
	}
	return out
}

// text is a Line's text without styles, for measuring and for CSV.
func (l Line) text() string {
	n := 0
	for _, s := range l {
		n += len(s.Text)
	}
	b := make([]byte, 0, n)
	for _, s := range l {
		b = append(b, s.Text...)
	}
	return string(b)
}
