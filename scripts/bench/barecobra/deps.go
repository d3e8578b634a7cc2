//go:build deps

package main

// Built with -tags deps, the reference also links srm's dependencies, so
// that their package initialisation, which every srm run pays, can be told
// apart from srm's own start-up.
import (
	_ "github.com/BurntSushi/toml"
	_ "github.com/hashicorp/hcl/v2/hclsyntax"
	_ "go.yaml.in/yaml/v3"
)
