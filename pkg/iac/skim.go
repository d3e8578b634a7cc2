package iac

import (
	"encoding/json"
	"errors"
	"unicode/utf8"
)

// A skimmer walks JSON that is already known to be valid (json.Valid),
// finding where values start and end without decoding them. Reading a
// plan this way, and decoding only the few values srm keeps, is several
// times faster than encoding/json's Decoder, which copies its input
// through a buffer and allocates for every token.
type skimmer struct {
	data []byte
	pos  int
}

var errSkim = errors.New("unexpected JSON structure")

func (s *skimmer) space() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\r', '\n':
			s.pos++
		default:
			return
		}
	}
}

// peek is the next byte after white space, or 0 at the end.
func (s *skimmer) peek() byte {
	s.space()
	if s.pos < len(s.data) {
		return s.data[s.pos]
	}
	return 0
}

// consume steps over the byte c, which must come next.
func (s *skimmer) consume(c byte) error {
	if s.peek() != c {
		return errSkim
	}
	s.pos++
	return nil
}

// value steps over the next value and returns its bytes.
func (s *skimmer) value() ([]byte, error) {
	s.space()
	start := s.pos
	depth := 0
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch c {
		case '"':
			if err := s.skipString(); err != nil {
				return nil, err
			}
			if depth == 0 {
				return s.data[start:s.pos], nil
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				// The end of the object or array that holds a scalar.
				if s.pos == start {
					return nil, errSkim
				}
				return s.data[start:s.pos], nil
			}
			depth--
			if depth == 0 {
				s.pos++
				return s.data[start:s.pos], nil
			}
		case ',', ':':
			if depth == 0 {
				return s.data[start:s.pos], nil
			}
		case ' ', '\t', '\r', '\n':
			if depth == 0 {
				return s.data[start:s.pos], nil
			}
		}
		s.pos++
	}
	if depth != 0 || s.pos == start {
		return nil, errSkim
	}
	return s.data[start:s.pos], nil
}

// skipString steps over a string, escapes included.
func (s *skimmer) skipString() error {
	s.pos++ // the opening quote
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case '\\':
			s.pos += 2
			continue
		case '"':
			s.pos++
			return nil
		}
		s.pos++
	}
	return errSkim
}

// each calls fn for every member of the object that comes next, with its
// key; fn must step over the member's value.
func (s *skimmer) each(fn func(key string) error) error {
	if err := s.consume('{'); err != nil {
		return err
	}
	if s.peek() == '}' {
		s.pos++
		return nil
	}
	for {
		raw, err := s.value()
		if err != nil {
			return err
		}
		key, err := skimString(raw)
		if err != nil {
			return err
		}
		if err := s.consume(':'); err != nil {
			return err
		}
		if err := fn(key); err != nil {
			return err
		}
		switch s.peek() {
		case ',':
			s.pos++
		case '}':
			s.pos++
			return nil
		default:
			return errSkim
		}
	}
}

// elements calls fn for every element of the array that comes next; fn
// must step over the element. A null stands for an empty array.
func (s *skimmer) elements(fn func(i int) error) error {
	if s.peek() == 'n' {
		_, err := s.value()
		return err
	}
	if err := s.consume('['); err != nil {
		return err
	}
	if s.peek() == ']' {
		s.pos++
		return nil
	}
	for i := 0; ; i++ {
		if err := fn(i); err != nil {
			return err
		}
		switch s.peek() {
		case ',':
			s.pos++
		case ']':
			s.pos++
			return nil
		default:
			return errSkim
		}
	}
}

// skimString decodes a JSON string's bytes; the common case, with no
// escapes and valid UTF-8, needs no decoder.
func skimString(raw []byte) (string, error) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", errSkim
	}
	plain := true
	for _, c := range raw[1 : len(raw)-1] {
		if c == '\\' || c < 0x20 {
			plain = false
			break
		}
	}
	if plain && utf8.Valid(raw) {
		return string(raw[1 : len(raw)-1]), nil
	}
	var s string
	err := json.Unmarshal(raw, &s)
	return s, err
}
