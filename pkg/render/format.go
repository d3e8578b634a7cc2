// Package render turns model answers into text, markdown, CSV and JSON.
// It is the one place where strings from the model or the user reach the
// terminal, so every human format is sanitised here.
package render

import (
	"fmt"
	"io"
	"slices"
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
	SARIF    Format = "sarif"
	JUnit    Format = "junit"
	OSCAL    Format = "oscal"
	CRM      Format = "crm"
)

// formatter is one output format: the names -o accepts for it, whether a
// view can be written in it, and how. Adding a format is adding an entry
// here and the method that views implement for it.
type formatter struct {
	format   Format
	aliases  []string
	supports func(View) bool
	write    func(io.Writer, View, Options) error
}

// formatters lists every format, in the order help shows them.
var formatters = []formatter{
	{Text, []string{"txt", ""}, isA[DocView], func(w io.Writer, v View, o Options) error {
		return writeTerminal(w, v.(DocView).Doc(), o)
	}},
	{JSON, nil, func(View) bool { return true }, func(w io.Writer, v View, _ Options) error {
		return writeJSON(w, v)
	}},
	{Markdown, []string{"md"}, isA[DocView], func(w io.Writer, v View, _ Options) error {
		return writeMarkdownDoc(w, v.(DocView).Doc())
	}},
	{CSV, nil, isA[CSVView], func(w io.Writer, v View, _ Options) error {
		header, records := v.(CSVView).CSV()
		return writeCSV(w, header, records)
	}},
	{HTML, []string{"htm"}, isA[HTMLView], func(w io.Writer, v View, _ Options) error {
		return v.(HTMLView).HTML(w)
	}},
	{SVG, nil, isA[SVGView], func(w io.Writer, v View, _ Options) error {
		return v.(SVGView).SVG(w)
	}},
	{SARIF, nil, isA[SARIFView], func(w io.Writer, v View, _ Options) error {
		return writeJSON(w, v.(SARIFView).SARIF())
	}},
	{JUnit, []string{"junit-xml", "xml"}, isA[JUnitView], func(w io.Writer, v View, _ Options) error {
		return writeJUnit(w, v.(JUnitView).JUnit())
	}},
	{OSCAL, nil, isA[OSCALView], func(w io.Writer, v View, _ Options) error {
		return writeJSON(w, v.(OSCALView).OSCAL())
	}},
	{CRM, nil, isA[CRMView], func(w io.Writer, v View, _ Options) error {
		header, records := v.(CRMView).CRM()
		return writeCSV(w, header, records)
	}},
}

func isA[T any](v View) bool {
	_, ok := v.(T)
	return ok
}

// Formats lists every format, in the order help shows them. Not every
// command writes every format: FormatsOf says which one does.
var Formats = func() []Format {
	out := make([]Format, len(formatters))
	for i, f := range formatters {
		out[i] = f.format
	}
	return out
}()

// ParseFormat accepts a format name or alias, case-insensitively.
func ParseFormat(s string) (Format, error) {
	s = strings.ToLower(s)
	for _, f := range formatters {
		if s == string(f.format) || slices.Contains(f.aliases, s) {
			return f.format, nil
		}
	}
	return "", fmt.Errorf("unknown output format %q (valid: %s)", s, strings.Join(formatNames(Formats), ", "))
}

func formatNames(fs []Format) []string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = string(f)
	}
	return names
}

// SchemaVersion is the version of srm's JSON output. Fields are only ever
// added, so it stays 1.
const SchemaVersion = 1
