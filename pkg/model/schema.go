package model

import (
	"encoding/json"
	"reflect"
	"strings"
)

// SchemaID is the $id of the JSON Schema of model files.
const SchemaID = "urn:srm:model:1"

// JSONSchema describes the model file format as a JSON Schema (draft
// 2020-12), built from the same struct tags the loader uses, so editors
// can check overlays while people type. Keys that refer to other entries
// are checked for shape only; `srm validate` checks that they resolve.
func JSONSchema() ([]byte, error) {
	root := map[string]any{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  SchemaID,
		"title":                "srm model file",
		"description":          "A TOML file of srm's shared-responsibility model: providers, parties, items, services, variants and the cells that say who owns each item.",
		"type":                 "object",
		"additionalProperties": false,
		"properties":           map[string]any{},
	}
	props := root["properties"].(map[string]any)
	t := documentType
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		props[tomlName(f)] = map[string]any{
			"type":  "array",
			"items": structSchema(f.Type.Elem().Elem()),
		}
	}
	return json.MarshalIndent(root, "", "  ")
}

var (
	idPatternText    = `^[a-z0-9]+(-[a-z0-9]+)*$`
	ownerPatternText = `^([a-z0-9]+(-[a-z0-9]+)*|n/a)$`
	references       = map[string]bool{"provider": true, "party": true, "default_table": true, "category": true, "model": true, "service": true, "variant": true, "item": true, "default_variant": true, "framework": true}
)

func structSchema(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name := tomlName(f)
		if name == "" || name == "-" {
			continue
		}
		s := fieldSchema(name, f.Type)
		if e := f.Tag.Get("enum"); e != "" {
			s["enum"] = strings.Split(e, ",")
		}
		if p := f.Tag.Get("pattern"); p != "" {
			s["pattern"] = p // a field whose values are not srm's ids
		}
		if d := f.Tag.Get("doc"); d != "" {
			s["description"] = d
		}
		props[name] = s
		if f.Tag.Get("required") == "true" {
			required = append(required, name)
		}
	}
	out := map[string]any{"type": "object", "additionalProperties": false, "properties": props}
	if len(required) > 0 {
		out["required"] = required
	}
	return out
}

func fieldSchema(name string, t reflect.Type) map[string]any {
	switch {
	case t == reflect.TypeFor[Date]():
		return map[string]any{"type": "string", "format": "date"}
	case t.Kind() == reflect.Bool:
		return map[string]any{"type": "boolean"}
	case t.Kind() == reflect.String:
		s := map[string]any{"type": "string", "minLength": 1, "maxLength": MaxTextLen}
		switch {
		case name == "id" || references[name]:
			s["pattern"] = idPatternText
		case name == "owner":
			s["pattern"] = ownerPatternText
		case name == "url" || name == "docs":
			s["format"] = "uri"
			s["pattern"] = "^https?://"
		}
		return s
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
		return map[string]any{"type": "array", "minItems": 1, "maxItems": MaxListLen, "items": structSchema(t.Elem())}
	case t.Kind() == reflect.Slice:
		items := fieldSchema(strings.TrimSuffix(name, "s"), t.Elem())
		if name == "services" || name == "items" {
			items["pattern"] = idPatternText
		}
		return map[string]any{"type": "array", "maxItems": MaxListLen, "items": items}
	case t.Kind() == reflect.Map:
		return map[string]any{
			"type":                 "object",
			"propertyNames":        map[string]any{"pattern": idPatternText},
			"additionalProperties": fieldSchema("", t.Elem()),
		}
	}
	return map[string]any{}
}

func tomlName(f reflect.StructField) string {
	return strings.Split(f.Tag.Get("toml"), ",")[0]
}
