// Package data embeds srm's model: the TOML files in this directory are the
// single source of truth for every answer srm gives.
package data

import "embed"

// FS holds every *.toml file of the embedded model.
//
//go:embed *.toml
var FS embed.FS
