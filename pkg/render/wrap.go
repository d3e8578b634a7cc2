package render

import (
	"strings"
	"unicode/utf8"
)

// paragraphWidth is the width prose wraps to: the terminal's, capped for
// reading comfort, or a fixed width when output is not a terminal, so
// piped output never depends on the terminal.
func paragraphWidth(termWidth int) int {
	const readable = 80
	if termWidth <= 0 || termWidth > readable {
		return readable
	}
	return max(termWidth, 40)
}

// wrap breaks text into lines of at most width runes, each starting with
// indent. Words longer than a line stay whole.
func wrap(text string, width int, indent string) string {
	return hang(text, width, indent, indent)
}

// hang wraps text like wrap, with a different indent on the first line,
// as for a bullet.
func hang(text string, width int, first, rest string) string {
	var b strings.Builder
	indent := first
	line, empty := indent, true
	for _, w := range strings.Fields(text) {
		if !empty && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > width {
			b.WriteString(line)
			b.WriteByte('\n')
			indent = rest
			line, empty = indent, true
		}
		if !empty {
			line += " "
		}
		line += w
		empty = false
	}
	if !empty {
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}
