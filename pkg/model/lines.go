package model

import (
	"bytes"
	"strings"
)

// lineIndex finds where things are in a TOML file. BurntSushi/toml gives no
// positions for decoded keys, so srm finds array-of-tables headers and key
// assignments by scanning the text; a miss just means no line number.
type lineIndex struct {
	headers map[string][]int // section name -> line of each [[section]] header
	lines   [][]byte
}

func newLineIndex(data []byte) *lineIndex {
	li := &lineIndex{headers: map[string][]int{}, lines: bytes.Split(data, []byte("\n"))}
	for n, line := range li.lines {
		t := bytes.TrimSpace(line)
		if !bytes.HasPrefix(t, []byte("[[")) {
			continue
		}
		end := bytes.Index(t, []byte("]]"))
		if end < 0 {
			continue
		}
		name := string(bytes.TrimSpace(t[2:end]))
		li.headers[name] = append(li.headers[name], n+1)
	}
	return li
}

// entry returns the line of the index-th [[section]] header, or 0.
func (li *lineIndex) entry(section string, index int) int {
	h := li.headers[section]
	if index < 0 || index >= len(h) {
		return 0
	}
	return h[index]
}

// entryAt returns the index of the [[section]] entry that holds a line:
// the last header of the section at or before it, or -1.
func (li *lineIndex) entryAt(section string, line int) int {
	idx := -1
	for i, h := range li.headers[section] {
		if h <= line {
			idx = i
		}
	}
	return idx
}

// key returns the first line that assigns the given bare key or opens a
// table of that name, or 0.
func (li *lineIndex) key(name string) int {
	for _, open := range []string{"[[", "["} {
		for n, line := range li.lines {
			t := strings.TrimSpace(string(line))
			if rest, ok := strings.CutPrefix(t, open); ok && strings.HasPrefix(strings.TrimSpace(rest), name) {
				rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), name))
				if strings.HasPrefix(rest, "]") || strings.HasPrefix(rest, ".") {
					return n + 1
				}
			}
		}
	}
	for n, line := range li.lines {
		t := strings.TrimSpace(string(line))
		rest, ok := strings.CutPrefix(t, name)
		if !ok {
			continue
		}
		rest = strings.TrimSpace(rest)
		if strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, ".") {
			return n + 1
		}
	}
	return 0
}
