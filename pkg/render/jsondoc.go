package render

import (
	"fmt"
	"reflect"
	"strings"
)

// JSONField is one field of a view's JSON, for the documentation that
// `srm help json` and the README print.
type JSONField struct {
	Path  string // "sources[].url"
	Type  string // "string", "number", "boolean", "list of objects", …
	Doc   string
	Depth int
}

// JSONFields lists every field of a view's JSON, nested fields after the
// field that holds them, from the struct tags.
func JSONFields(v View) []JSONField {
	t := reflect.TypeOf(v)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var out []JSONField
	walkJSON(t, "", 0, &out, map[reflect.Type]bool{})
	return out
}

func walkJSON(t reflect.Type, prefix string, depth int, out *[]JSONField, seen map[reflect.Type]bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if f.Anonymous && tag == "" {
			ft := f.Type
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			walkJSON(ft, prefix, depth, out, seen)
			continue
		}
		if !f.IsExported() || tag == "-" || tag == "" {
			continue
		}
		name := strings.Split(tag, ",")[0]
		typ, elem := jsonType(f.Type)
		*out = append(*out, JSONField{Path: prefix + name, Type: typ, Doc: f.Tag.Get("doc"), Depth: depth})
		if elem != nil && !seen[elem] {
			seen[elem] = true
			sub := prefix + name
			if strings.HasPrefix(typ, "list") {
				sub += "[]"
			}
			walkJSON(elem, sub+".", depth+1, out, seen)
			delete(seen, elem)
		}
	}
}

// jsonType names a Go type as JSON, and returns the struct type whose
// fields nest under it, if any.
func jsonType(t reflect.Type) (string, reflect.Type) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "string", nil
	case reflect.Bool:
		return "boolean", nil
	case reflect.Int, reflect.Int64, reflect.Uint64, reflect.Float64:
		return "number", nil
	case reflect.Struct:
		return "object", t
	case reflect.Slice:
		name, elem := jsonType(t.Elem())
		if elem != nil {
			return "list of objects", elem
		}
		return "list of " + name + "s", nil
	case reflect.Map:
		name, elem := jsonType(t.Elem())
		return "object of " + name + " by key", elem
	}
	return t.Kind().String(), nil
}

// WriteJSONDoc writes a view's fields as an indented list.
func WriteJSONDoc(b *strings.Builder, v View, indent string) {
	for _, f := range JSONFields(v) {
		name := f.Path[strings.LastIndex(f.Path, ".")+1:]
		fmt.Fprintf(b, "%s%s%s (%s): %s\n", indent, strings.Repeat("  ", f.Depth), name, f.Type, f.Doc)
	}
}

// JSONSummary names a view's fields on one line, nested fields in braces:
// "schema_version, provider, sources ({url, title, checked})".
func JSONSummary(v View) string {
	fields := JSONFields(v)
	var b strings.Builder
	depth := 0
	for i, f := range fields {
		for ; depth > f.Depth; depth-- {
			b.WriteString("})")
		}
		if i > 0 && !strings.HasSuffix(b.String(), "({") {
			b.WriteString(", ")
		}
		b.WriteString(f.Path[strings.LastIndex(f.Path, ".")+1:])
		if i+1 < len(fields) && fields[i+1].Depth > f.Depth {
			b.WriteString(" ({")
			depth++
		}
	}
	for ; depth > 0; depth-- {
		b.WriteString("})")
	}
	return b.String()
}
