package data_test

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"srm/data"
	"srm/pkg/model"
)

// TestShippedFilesMatchTheJSONSchema checks every shipped TOML file against
// the published JSON Schema, so the schema editors use accepts what srm
// ships.
func TestShippedFilesMatchTheJSONSchema(t *testing.T) {
	schema := loadSchema(t)
	files, err := model.FilesFromFS(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		t.Run(f.Path, func(t *testing.T) {
			var doc map[string]any
			if _, err := toml.Decode(string(f.Data), &doc); err != nil {
				t.Fatal(err)
			}
			if errs := validateSchema(schema, jsonValue(doc), ""); len(errs) > 0 {
				t.Errorf("%d schema errors, first: %s", len(errs), errs[0])
			}
		})
	}
}

// TestJSONSchemaRejectsBadFiles makes sure the schema is not vacuous.
func TestJSONSchemaRejectsBadFiles(t *testing.T) {
	schema := loadSchema(t)
	for name, text := range map[string]string{
		"unknown section":  "[[servcies]]\nid = \"x\"\n",
		"unknown key":      "[[items]]\nid = \"x\"\nname = \"X\"\ncategory = \"c\"\ndescription = \"d\"\nnotes = \"n\"\n",
		"missing required": "[[items]]\nid = \"x\"\n",
		"bad id":           "[[categories]]\nid = \"Bad Id\"\nname = \"C\"\n",
		"bad owner":        "[[cells]]\nservice = \"ec2\"\nitem = \"iam\"\nowner = \"Not Applicable\"\nlabel = \"L\"\nsources = [{ url = \"https://x.example\" }]\n",
		"bad kind":         "[[parties]]\nid = \"p\"\nname = \"P\"\nkind = \"team\"\n",
		"no sources":       "[[cells]]\nservice = \"ec2\"\nitem = \"iam\"\nowner = \"customer\"\nlabel = \"L\"\nsources = []\n",
		"wrong type":       "[[items]]\nid = \"x\"\nname = \"X\"\ncategory = \"c\"\ndescription = \"d\"\naliases = \"a\"\n",
		"not a boolean":    "[[resources]]\ntype = \"x\"\nignore = \"yes\"\n",
	} {
		var doc map[string]any
		if _, err := toml.Decode(text, &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if errs := validateSchema(schema, jsonValue(doc), ""); len(errs) == 0 {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}

func loadSchema(t *testing.T) map[string]any {
	t.Helper()
	raw, err := os.ReadFile("srm-model.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatal(err)
	}
	return schema
}

// jsonValue turns decoded TOML into the values JSON would have: tables
// become objects, arrays of tables arrays, dates strings.
func jsonValue(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			out[k] = jsonValue(e)
		}
		return out
	case []map[string]any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = jsonValue(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = jsonValue(e)
		}
		return out
	case time.Time:
		return x.Format("2006-01-02")
	case int64:
		return float64(x)
	}
	return v
}

// validateSchema is a small JSON Schema validator for the keywords srm's
// schema uses: type, properties, required, additionalProperties,
// propertyNames, items, minItems, maxItems, minLength, maxLength, pattern,
// enum and format "date".
func validateSchema(s map[string]any, v any, path string) []string {
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, path+": "+fmt.Sprintf(format, args...)) }
	switch s["type"] {
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			fail("want an object, got %T", v)
			return errs
		}
		props, _ := s["properties"].(map[string]any)
		for _, r := range asSlice(s["required"]) {
			if _, ok := obj[r.(string)]; !ok {
				fail("missing required %q", r)
			}
		}
		for k, e := range obj {
			if ps, ok := props[k].(map[string]any); ok {
				errs = append(errs, validateSchema(ps, e, path+"."+k)...)
				continue
			}
			switch ap := s["additionalProperties"].(type) {
			case bool:
				if !ap {
					fail("unknown key %q", k)
				}
			case map[string]any:
				errs = append(errs, validateSchema(ap, e, path+"."+k)...)
			}
			if pn, ok := s["propertyNames"].(map[string]any); ok {
				errs = append(errs, validateSchema(mergeType(pn, "string"), k, path+"."+k)...)
			}
		}
	case "array":
		arr, ok := v.([]any)
		if !ok {
			fail("want an array, got %T", v)
			return errs
		}
		if n, ok := s["minItems"].(float64); ok && float64(len(arr)) < n {
			fail("fewer than %v items", n)
		}
		if n, ok := s["maxItems"].(float64); ok && float64(len(arr)) > n {
			fail("more than %v items", n)
		}
		if is, ok := s["items"].(map[string]any); ok {
			for i, e := range arr {
				errs = append(errs, validateSchema(is, e, fmt.Sprintf("%s[%d]", path, i))...)
			}
		}
	case "string":
		str, ok := v.(string)
		if !ok {
			fail("want a string, got %T", v)
			return errs
		}
		if n, ok := s["minLength"].(float64); ok && float64(len([]rune(str))) < n {
			fail("shorter than %v", n)
		}
		if n, ok := s["maxLength"].(float64); ok && float64(len([]rune(str))) > n {
			fail("longer than %v", n)
		}
		if p, ok := s["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(str) {
			fail("%q does not match %s", str, p)
		}
		if e := asSlice(s["enum"]); e != nil && !slices.Contains(e, any(str)) {
			fail("%q is not one of %v", str, e)
		}
		if s["format"] == "date" {
			if _, err := time.Parse("2006-01-02", str); err != nil {
				fail("%q is not a date", str)
			}
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			fail("want a boolean, got %T", v)
		}
	default:
		fail("unsupported schema type %v", s["type"])
	}
	return errs
}

func asSlice(v any) []any {
	s, _ := v.([]any)
	return s
}

func mergeType(s map[string]any, typ string) map[string]any {
	out := map[string]any{"type": typ}
	for k, v := range s {
		out[k] = v
	}
	return out
}
