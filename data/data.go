// Package data embeds srm's model: the TOML files in this directory are the
// single source of truth for every answer srm gives. compiled.go holds the
// same model merged and validated ahead of time, so srm starts without
// decoding TOML; TestCompiledModelIsCurrent fails when it falls behind.
package data

// `go generate ./...` regenerates everything derived: the compiled model
// first, then every golden file, man page, completion script, schema and
// generated document, which the tests rewrite when SRM_UPDATE is set.
//go:generate go run ./internal/compile
//go:generate env SRM_UPDATE=1 go test -C .. ./...

import "embed"

// FS holds every *.toml file of the embedded model.
//
//go:embed *.toml
var FS embed.FS
