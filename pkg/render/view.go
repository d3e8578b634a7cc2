package render

import (
	"fmt"
	"io"
	"reflect"
	"strings"
)

// A View is what one command shows. It is the JSON document itself:
// exported fields with json tags are the contract scripts read, and every
// view starts with a Header. What else a view can be written as follows
// from the interfaces it implements, so a command's formats are never
// listed by hand.
type View interface {
	header() *Header
}

// Header opens every JSON document srm prints.
type Header struct {
	SchemaVersion int    `json:"schema_version" doc:"Version of srm's JSON output; fields are only ever added, so it stays 1."`
	Provider      string `json:"provider" doc:"The provider whose names the command used (--provider, aws by default)."`
}

func (h *Header) header() *Header { return h }

// NewHeader starts a view's JSON for a provider.
func NewHeader(provider string) Header {
	return Header{SchemaVersion: SchemaVersion, Provider: provider}
}

// DocView is a view people read: text on a terminal, or markdown.
type DocView interface {
	View
	Doc() *Doc
}

// CSVView is a view with a CSV form: a header and records.
type CSVView interface {
	View
	CSV() (header []string, records [][]string)
}

// HTMLView is a view with an HTML page.
type HTMLView interface {
	View
	HTML(w io.Writer) error
}

// SVGView is a view with an SVG picture.
type SVGView interface {
	View
	SVG(w io.Writer) error
}

// Options say how a view is written.
type Options struct {
	Format Format
	Color  bool
	Border Border
	Width  int // the terminal's width; 0 when the output is not a terminal
}

// Write writes a view in a format. A format the view cannot produce is an
// UnsupportedFormatError; nothing falls back to text.
func Write(w io.Writer, v View, opt Options) error {
	for _, f := range formatters {
		if f.format == opt.Format && f.supports(v) {
			return f.write(w, v, opt)
		}
	}
	return &UnsupportedFormatError{Format: opt.Format, Supported: FormatsOf(v)}
}

// FormatsOf lists the formats a view can be written in, in help order. A
// nil pointer of the view's type is enough: the answer depends on the type.
func FormatsOf(v View) []Format {
	var out []Format
	for _, f := range formatters {
		if f.supports(v) {
			out = append(out, f.format)
		}
	}
	return out
}

// UnsupportedFormatError says that a view cannot be written in a format.
type UnsupportedFormatError struct {
	Format    Format
	Supported []Format
}

// ErrorClass marks a format the command does not write as a usage error.
func (e *UnsupportedFormatError) ErrorClass() string { return "usage" }

func (e *UnsupportedFormatError) Error() string {
	return fmt.Sprintf("-o %s is not available here (it writes %s)", e.Format, JoinFormats(e.Supported))
}

// JoinFormats names formats for a message: "text, json or csv".
func JoinFormats(fs []Format) string {
	names := formatNames(fs)
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// ViewName names a view type for documentation: "AnswerView".
func ViewName(v View) string {
	t := reflect.TypeOf(v)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Name()
}
