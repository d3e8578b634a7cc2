package model

// MaxTOMLDepth bounds how deeply arrays and inline tables may nest in a
// model or acknowledgement file. srm's own files nest four levels at most;
// the TOML decoder recurses once per level, so a file of a million "["
// would exhaust the stack, and deep inline tables take minutes.
const MaxTOMLDepth = 32

// MaxDottedKeyParts bounds the parts of one dotted key (a.b.c = 1): each
// part is a table level too, and a key of 20,000 parts took the decoder
// half a minute.
const MaxDottedKeyParts = 32

// tomlDottedKeyTooLong scans TOML text for a dotted key of more than max
// parts, skipping strings and comments, and returns its line, or 0. Dots
// are counted from the start of a key (a new line, or after "," or "{")
// to the "=" that ends it, so the dots of numbers never count.
func tomlDottedKeyTooLong(data []byte, max int) int {
	dots, line, inKey := 0, 1, true
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '\n':
			line++
			dots, inKey = 0, true
		case '#':
			for i < len(data) && data[i] != '\n' {
				i++
			}
			i--
		case '"', '\'':
			for i++; i < len(data) && data[i] != c && data[i] != '\n'; i++ {
				if c == '"' && data[i] == '\\' {
					i++
				}
			}
		case ',', '{', '[':
			dots, inKey = 0, true
		case '=':
			dots, inKey = 0, false
		case '.':
			if inKey {
				if dots++; dots >= max {
					return line
				}
			}
		}
	}
	return 0
}

// tomlDepthExceeded scans TOML text for arrays and inline tables nested
// more than max levels deep, skipping strings and comments, and returns
// the line where the limit is passed, or 0. It only has to be right for
// files the decoder would accept; for others it may stop early or late.
func tomlDepthExceeded(data []byte, max int) int {
	depth, line := 0, 1
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '\n':
			line++
		case '#':
			for i < len(data) && data[i] != '\n' {
				i++
			}
			i-- // let the newline count
		case '"', '\'':
			quote := data[i : i+1]
			if i+2 < len(data) && data[i+1] == c && data[i+2] == c {
				// A multi-line string runs to the next three quotes.
				i += 3
				for i < len(data) && !(data[i] == c && i+2 < len(data) && data[i+1] == c && data[i+2] == c) {
					if data[i] == '\n' {
						line++
					}
					if c == '"' && data[i] == '\\' {
						i++
					}
					i++
				}
				i += 2
				continue
			}
			for i++; i < len(data) && data[i] != quote[0] && data[i] != '\n'; i++ {
				if c == '"' && data[i] == '\\' {
					i++
				}
			}
		case '[', '{':
			depth++
			if depth > max {
				return line
			}
		case ']', '}':
			depth = max0(depth - 1)
		}
	}
	return 0
}

func max0(n int) int {
	if n < 0 {
		return 0
	}
	return n
}
