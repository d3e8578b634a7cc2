package render

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sanitize makes a string safe to print on a terminal: control characters
// (C0, DEL, C1), bidi and other invisible format characters, and line and
// paragraph separators are replaced by a visible escape such as \x1b or
// \u202e. The result contains only printable text, so Sanitize is
// idempotent.
func Sanitize(s string) string {
	if isSafe(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == unicode.ReplacementChar:
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isSafe(s string) bool {
	if !utf8.ValidString(s) {
		return false // invalid bytes are written as U+FFFD
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || unsafeRune(r) {
			return false
		}
	}
	return true
}

func unsafeRune(r rune) bool {
	return r >= 0x80 && (unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Zl, r) || unicode.Is(unicode.Zp, r) || unicode.IsControl(r))
}

// csvSafe neutralises a CSV cell that a spreadsheet would run as a formula,
// by prefixing a single quote.
func csvSafe(s string) string {
	s = Sanitize(s)
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// markdownSafe escapes a table cell for markdown: pipes would start a new
// column and newlines a new row.
func markdownSafe(s string) string {
	s = Sanitize(s)
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, "|", `\|`)
	return s
}
