// Package render turns model answers into text, markdown, CSV and JSON.
// It is the one place where strings from the model or the user reach the
// terminal, so every human format is sanitised here.
package render

import (
	"fmt"
	"strings"
)

// Format is an output format.
type Format string

// The output formats srm supports.
const (
	Text     Format = "text"
	JSON     Format = "json"
	Markdown Format = "markdown"
	CSV      Format = "csv"
	HTML     Format = "html"
	SVG      Format = "svg"
)

// Formats lists every format, in the order help shows them. Not every
// command writes every format: HTML is for tables and the diagram, SVG for
// the diagram.
var Formats = []Format{Text, JSON, Markdown, CSV, HTML, SVG}

// ParseFormat accepts a format name, case-insensitively; "md" is markdown.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "text", "txt", "":
		return Text, nil
	case "json":
		return JSON, nil
	case "markdown", "md":
		return Markdown, nil
	case "csv":
		return CSV, nil
	case "html", "htm":
		return HTML, nil
	case "svg":
		return SVG, nil
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown output format %q (valid: %s)", s, strings.Join(names, ", "))
}

// SchemaVersion is the version of srm's JSON output. Fields are only ever
// added, so it stays 1.
const SchemaVersion = 1
