// Package data embeds srm's model: the TOML files in this directory are the
// single source of truth for every answer srm gives. compiled.go holds the
// same model merged and validated ahead of time, so srm starts without
// decoding TOML; TestCompiledModelIsCurrent fails when it falls behind.
package data

//go:generate go run ./internal/compile

import "embed"

// FS holds every *.toml file of the embedded model.
//
//go:embed *.toml
var FS embed.FS
