package render

import (
	"io"
	"strconv"
	"strings"
	"unicode"
)

// writeMarkdownDoc writes a Doc as GitHub-flavoured markdown. Every piece
// of text is escaped, so model text cannot open a link, a heading or an
// HTML tag of its own.
func writeMarkdownDoc(w io.Writer, d *Doc) error {
	var b strings.Builder
	mdBlocks(&b, d.Blocks, "", 2)
	_, err := io.WriteString(w, b.String())
	return err
}

// mdBlocks writes blocks apart by blank lines, each line starting with
// indent (for blocks inside a list item); level is the heading level of
// sections at this depth.
func mdBlocks(b *strings.Builder, blocks []Block, indent string, level int) {
	for i, bl := range blocks {
		if i > 0 {
			b.WriteString("\n")
		}
		mdBlock(b, bl, indent, level)
	}
}

func mdBlock(b *strings.Builder, bl Block, indent string, level int) {
	switch bl := bl.(type) {
	case Title:
		b.WriteString(indent + strings.Repeat("#", level) + " " + mdLine(bl.Line) + "\n")
	case Section:
		b.WriteString(indent + strings.Repeat("#", min(level+1, 6)) + " " + mdLine(bl.Heading) + "\n\n")
		mdBlocks(b, bl.Blocks, indent, level+1)
	case Para:
		b.WriteString(indent + mdLine(bl.Line) + "\n")
	case Pre:
		for _, line := range bl {
			b.WriteString(indent + "- " + mdEscape(line) + "\n")
		}
	case Fields:
		for _, f := range bl {
			b.WriteString(indent + "- **" + mdEscape(f.Name) + ":** " + mdLine(f.Value) + "\n")
		}
	case List:
		for i, it := range bl.Items {
			if i > 0 && bl.Spaced {
				b.WriteString("\n")
			}
			mark := "- "
			if bl.Numbered {
				mark = strconv.Itoa(i+1) + ". "
			}
			if it.Mark != "" {
				mark = "- " + it.Mark + " "
			}
			// A bare list is still a list in markdown: it has no other
			// way to keep an item's blocks under it.
			// Blocks under the item start at its content: after "- " or
			// "1. ", a task box being part of the content.
			content := len(mark)
			if it.Mark != "" {
				content = 2
			}
			b.WriteString(indent + mark + mdLine(it.Line) + "\n")
			if len(it.Blocks) > 0 {
				// A nested list follows its item directly; anything else
				// is a paragraph of the item, after a blank line.
				if _, list := it.Blocks[0].(List); !list {
					b.WriteString("\n")
				}
				mdBlocks(b, it.Blocks, indent+strings.Repeat(" ", content), level+1)
			}
		}
	case Table:
		g := grid{header: make([]string, len(bl.Header))}
		for i, h := range bl.Header {
			g.header[i] = markdownSafe(h)
		}
		for _, r := range bl.Rows {
			cells := make([]string, len(r))
			for i, line := range r {
				cells[i] = mdLine(line)
			}
			g.addRow(cells, nil)
		}
		var sb strings.Builder
		_ = writeMarkdown(&sb, g)
		for _, line := range strings.SplitAfter(sb.String(), "\n") {
			if line != "" {
				b.WriteString(indent + line)
			}
		}
	}
}

// mdLine writes a line's spans with their markdown styles.
func mdLine(l Line) string {
	var b strings.Builder
	for _, s := range l {
		text := mdEscape(s.Text)
		lead, trail := "", ""
		if t := strings.TrimLeft(text, " "); t != text {
			lead, text = text[:len(text)-len(t)], t
		}
		if t := strings.TrimRight(text, " "); t != text {
			trail, text = text[len(t):], t
		}
		if text != "" {
			switch {
			case s.URL != "":
				text = "[" + text + "](" + mdURL(s.URL) + ")"
			case s.Style == Strong:
				text = "**" + text + "**"
			case s.Style == Faint:
				text = "*" + text + "*"
			case s.Style == Code:
				text = "`" + strings.ReplaceAll(Sanitize(strings.TrimSpace(s.Text)), "`", "'") + "`"
			}
		}
		b.WriteString(lead + text + trail)
	}
	return b.String()
}

// mdEscape escapes the characters that would start markdown or HTML
// syntax inside a line of text. An underscore inside a word ("aws_lb")
// and a # after the start cannot, and stay as they are for readability.
func mdEscape(s string) string {
	s = Sanitize(s)
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		switch r {
		case '\\', '`', '*', '[', ']', '<', '>', '|':
			b.WriteByte('\\')
		case '_':
			inWord := i > 0 && i < len(rs)-1 && isWordRune(rs[i-1]) && isWordRune(rs[i+1])
			if !inWord {
				b.WriteByte('\\')
			}
		case '#':
			if i == 0 {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// mdURL keeps a link's address from closing the link early.
func mdURL(u string) string {
	u = Sanitize(u)
	r := strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E")
	return r.Replace(u)
}
