package model

import (
	"errors"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Document is the shape of one model file. Every section is optional, so an
// overlay can add a single party or override a single cell.
type Document struct {
	Providers     []*Provider     `toml:"providers"`
	Parties       []*Party        `toml:"parties"`
	Categories    []*Category     `toml:"categories"`
	ServiceModels []*ServiceModel `toml:"service_models"`
	Items         []*Item         `toml:"items"`
	Services      []*Service      `toml:"services"`
	Variants      []*Variant      `toml:"variants"`
	Tables        []*Table        `toml:"tables"`
	Cells         []*Cell         `toml:"cells"`
	Traps         []*Trap         `toml:"traps"`
	FAQs          []*FAQ          `toml:"faqs"`
	Controls      []*Control      `toml:"controls"`
	Resources     []*ResourceType `toml:"resources"`
	Equivalences  []*Equivalence  `toml:"equivalences"`
	Overviews     []*Overview     `toml:"overviews"`
}

// MaxFileBytes caps the size of one model file, so a stray large file
// cannot make srm read and parse for minutes.
const MaxFileBytes = 4 << 20

var (
	// Compiled on first use, as every package-level regexp would be
	// compiled on every run of srm.
	lineInError = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`line (\d+)`) })
	keyInError  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\(last key "([^"]+)"\)`) })
)

// errorKey returns the key a decoding error is about, for the errors that
// are about a value rather than the syntax, such as a date with a time.
func errorKey(err error) string {
	var pe toml.ParseError
	if errors.As(err, &pe) || strings.Contains(err.Error(), "incompatible types") {
		return ""
	}
	if m := keyInError().FindStringSubmatch(err.Error()); m != nil {
		return m[1]
	}
	return ""
}

// decode parses one file strictly: syntax errors, type mismatches, unknown
// keys and keys spelled with the wrong case are all problems.
func decode(f File) (*Document, []Problem) {
	ps := &problems{file: f.Path}
	if len(f.Data) > MaxFileBytes {
		ps.add(0, "", "file is %d bytes, more than the limit of %d", len(f.Data), MaxFileBytes)
		return nil, ps.list
	}
	if !utf8.Valid(f.Data) {
		ps.add(0, "", "file is not valid UTF-8")
		return nil, ps.list
	}
	ps.lines = newLineIndex(f.Data)
	var doc Document
	md, err := toml.Decode(string(f.Data), &doc)
	if err != nil {
		ps.add(errorLine(err), errorKey(err), "%s", tomlMessage(err))
		return nil, ps.list
	}
	checkKeys(md, ps, documentType)
	if len(ps.list) > 0 {
		return nil, ps.list
	}
	return &doc, nil
}

func errorLine(err error) int {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return pe.Position.Line
	}
	if m := lineInError().FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}

// tomlMessage turns a decoder error into one line without the library's
// "toml: line N (last key ...)" prefix, which Problem already carries.
func tomlMessage(err error) string {
	var pe toml.ParseError
	msg := err.Error()
	if errors.As(err, &pe) {
		msg = pe.Message
	}
	if i := strings.Index(msg, "): "); strings.HasPrefix(msg, "toml: line") && i > 0 {
		msg = msg[i+3:]
	}
	msg = strings.TrimPrefix(msg, "toml: ")
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	if errorKey(err) != "" {
		return msg
	}
	return "invalid TOML: " + msg
}

// checkKeys walks every key the file defines against the document's struct
// tags. BurntSushi/toml matches keys case-insensitively and ignores keys it
// has no field for, so both are caught here.
func checkKeys(md toml.MetaData, ps *problems, root reflect.Type) {
	seen := map[string]bool{}
	for _, key := range md.Keys() {
		path := key.String()
		if seen[path] {
			continue
		}
		seen[path] = true
		if msg := checkKeyPath(root, key); msg != "" {
			ps.add(ps.lines.key(key[len(key)-1]), path, "%s", msg)
		}
	}
}

var documentType = reflect.TypeFor[Document]()

func checkKeyPath(root reflect.Type, key toml.Key) string {
	t := root
	for i := 0; i < len(key); i++ {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Map:
			// The component is a map key, such as a party id under party_does.
			t = t.Elem()
			continue
		case reflect.Struct:
		default:
			return "unexpected key: this value has no keys"
		}
		name := key[i]
		field, ok := fieldByTag(t, name)
		if !ok {
			known := tagNames(t)
			if alt := caseFold(known, name); alt != "" {
				return "key must be spelled " + strconv.Quote(alt)
			}
			msg := "unknown key " + strconv.Quote(name)
			if s := closest(name, known); s != "" {
				msg += " (did you mean " + strconv.Quote(s) + "?)"
			}
			return msg
		}
		t = field.Type
	}
	return ""
}

func fieldByTag(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if tag := strings.Split(f.Tag.Get("toml"), ",")[0]; tag == name && tag != "-" {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func tagNames(t reflect.Type) []string {
	var names []string
	for i := 0; i < t.NumField(); i++ {
		if tag := strings.Split(t.Field(i).Tag.Get("toml"), ",")[0]; tag != "" && tag != "-" {
			names = append(names, tag)
		}
	}
	return names
}

func caseFold(known []string, name string) string {
	for _, k := range known {
		if strings.EqualFold(k, name) {
			return k
		}
	}
	return ""
}

// DecodeProblems decodes one file on its own and returns its syntax and
// key problems, without validating references to other files.
func DecodeProblems(f File) []Problem {
	_, ps := decode(f)
	return ps
}
