package render

import (
	"fmt"
)

// ValidationReport is what `srm validate` found in files that passed.
type ValidationReport struct {
	Strict bool
	Files  []ValidatedFile
}

// ValidatedFile is one file that passed validation.
type ValidatedFile struct {
	Path    string
	From    string // where srm found it: "argument", "config", "SRM_MODEL", "--model" or "embedded"
	Entries int    // entries it defines that are in effect
}

type validatedFileJSON struct {
	Path    string `json:"path" doc:"The file, or \"embedded model\"."`
	From    string `json:"from" doc:"Where srm found it: argument, config, SRM_MODEL, --model or embedded."`
	Entries int    `json:"entries" doc:"How many entries it defines that are in effect."`
}

// ValidationView is srm validate's report on files that passed.
type ValidationView struct {
	Header
	Strict   bool                `json:"strict" doc:"Whether the shipped-data rules were checked too (--strict)."`
	Files    []validatedFileJSON `json:"files" doc:"The files that were checked."`
	Problems []string            `json:"problems" doc:"Always empty: a model with problems exits 4 and lists them on stderr."`
}

// NewValidationView builds srm validate's view.
func NewValidationView(provider string, r ValidationReport) *ValidationView {
	v := &ValidationView{Header: NewHeader(provider), Strict: r.Strict, Files: []validatedFileJSON{}, Problems: []string{}}
	for _, f := range r.Files {
		v.Files = append(v.Files, validatedFileJSON(f))
	}
	return v
}

// Doc is a line per file.
func (v *ValidationView) Doc() *Doc {
	var lines []string
	for _, f := range v.Files {
		lines = append(lines, fmt.Sprintf("ok  %s (%s, %d %s)", f.Path, f.From, f.Entries, Plural(f.Entries, "entry", "entries")))
	}
	return &Doc{Blocks: []Block{Pre(lines)}}
}

// CSV is one record per file.
func (v *ValidationView) CSV() ([]string, [][]string) {
	var rows [][]string
	for _, f := range v.Files {
		rows = append(rows, []string{f.Path, f.From, fmt.Sprint(f.Entries), "ok"})
	}
	return []string{"path", "from", "entries", "result"}, rows
}

// Plural picks the word for a count: Plural(1, "entry", "entries").
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
