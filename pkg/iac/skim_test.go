package iac

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"
)

// FuzzSkim checks the skimmer against encoding/json: on any valid JSON
// object it finds the same members, and each value it steps over is
// itself valid JSON.
func FuzzSkim(f *testing.F) {
	for _, s := range []string{
		`{}`, `{"a":1}`, `{"a":"x\"}","b":[1,{"c":"]"}],"d":null}`,
		`{"resource_changes":[{"type":"t","address":"a","change":{"actions":["create"],"after":{"k":true}}}]}`,
		" {\n \"a\" : [ ] , \"b\" : { } , \"c\":-1.5e3 } ",
		`{"a":"\\","b":"\u00e9"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !json.Valid(data) || bytes.TrimSpace(data)[0] != '{' {
			return
		}
		var want []string
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.Token()
		for dec.More() {
			k, _ := dec.Token()
			want = append(want, k.(string))
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				t.Fatal(err)
			}
		}
		var got []string
		sk := &skimmer{data: data}
		err := sk.each(func(key string) error {
			got = append(got, key)
			v, err := sk.value()
			if err == nil && !json.Valid(v) {
				t.Fatalf("value of %q is not valid JSON: %q", key, v)
			}
			return err
		})
		if err != nil {
			t.Fatalf("skim: %v on %q", err, data)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("keys %q, want %q", got, want)
		}
	})
}
