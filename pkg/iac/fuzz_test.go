package iac

import (
	"errors"
	"os"
	"testing"
)

// checkParsed fails on anything but a stack or an *Error, and on resources
// without a type or an address.
func checkParsed(t *testing.T, s *Stack, err error) {
	if err != nil {
		var ie *Error
		if !errors.As(err, &ie) {
			t.Fatalf("err = %#v, want *Error", err)
		}
		return
	}
	for _, r := range s.Resources {
		if r.Type == "" || r.Address == "" || r.Count < 0 {
			t.Fatalf("resource without type or address: %+v", r)
		}
	}
}

func FuzzTerraformSource(f *testing.F) {
	for _, name := range []string{"hcl/root/main.tf", "hcl/broken.tf", "hcl/root/modules/bucket/main.tf"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("variable \"n\" { default = 3 }\nresource \"a_b\" \"c\" { count = var.n * 2 }\n"))
	f.Add([]byte("locals { a = local.b\n b = local.a }\nresource x \"y\" { v = local.a }\n"))
	f.Add([]byte("resource \"a\" \"b\" { for_each = {for k in [1,2]: k => k} \n dynamic \"d\" { for_each = [1] \n content {} } }\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("fuzz.tf", data, TerraformSource)
		checkParsed(t, s, err)
	})
}

func FuzzARM(f *testing.F) {
	data, err := os.ReadFile("testdata/arm/template.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`{"$schema":"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#","resources":{"a":{"type":"X/y","copy":{"count":"[parameters('n')]"}}},"parameters":{"n":{"defaultValue":2}}}`))
	f.Add([]byte(`{"$schema":"deploymentTemplate.json","resources":[{"type":"Microsoft.Resources/deployments","properties":{"template":{"resources":[{"type":"a/b","resources":[{"type":"c"}]}]}}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("fuzz.json", data, ARM)
		checkParsed(t, s, err)
	})
}
