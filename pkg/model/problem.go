package model

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with a model file.
type Problem struct {
	File    string // path as the user gave it, or "embedded:NAME"
	Line    int    // 1-based; 0 when the parser gives no position
	Key     string // dotted key path such as "cells[3].owner"; may be empty
	Message string
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	if p.Key != "" {
		b.WriteString(": ")
		b.WriteString(p.Key)
	}
	b.WriteString(": ")
	b.WriteString(p.Message)
	return b.String()
}

// LoadError reports every problem found while loading model files. The
// command line maps it to exit code 4.
type LoadError struct {
	Problems []Problem
}

func (e *LoadError) Error() string {
	if len(e.Problems) == 0 {
		return "invalid model"
	}
	msg := e.Problems[0].String()
	if n := len(e.Problems) - 1; n == 1 {
		msg += " (and 1 more problem)"
	} else if n > 1 {
		msg += fmt.Sprintf(" (and %d more problems)", n)
	}
	return msg
}

// problems collects problems for one file.
type problems struct {
	file  string
	lines *lineIndex
	list  []Problem
}

func (ps *problems) add(line int, key, format string, args ...any) {
	ps.list = append(ps.list, Problem{File: ps.file, Line: line, Key: key, Message: fmt.Sprintf(format, args...)})
}

// addEntry reports a problem with the index-th entry of a section such as
// [[cells]], locating its header line when the file has one.
func (ps *problems) addEntry(section string, index int, field, format string, args ...any) {
	key := fmt.Sprintf("%s[%d]", section, index)
	if field != "" {
		key += "." + field
	}
	line := 0
	if ps.lines != nil {
		line = ps.lines.entry(section, index)
	}
	ps.add(line, key, format, args...)
}
