package iac

// nestingExceeded returns the line where brackets and braces first nest
// more than limit levels deep, or 0. Parsers recurse once per level, so a
// file of a million opening brackets must be refused before one sees it.
// Brackets inside quoted strings and comments are counted too: the check
// only needs to be cheap and never to miss deep nesting.
func nestingExceeded(data []byte, limit int) int {
	depth, line := 0, 1
	for _, c := range data {
		switch c {
		case '\n':
			line++
		case '{', '[', '(':
			depth++
			if depth > limit {
				return line
			}
		case '}', ']', ')':
			if depth > 0 {
				depth--
			}
		}
	}
	return 0
}
