package render

import (
	"fmt"
	"io"
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

type validationJSON struct {
	SchemaVersion int                 `json:"schema_version"`
	Strict        bool                `json:"strict"`
	Files         []validatedFileJSON `json:"files"`
	Problems      []string            `json:"problems"`
}

type validatedFileJSON struct {
	Path    string `json:"path"`
	From    string `json:"from"`
	Entries int    `json:"entries"`
}

// Validation writes the report of a successful validation.
func Validation(w io.Writer, f Format, r ValidationReport) error {
	switch f {
	case JSON:
		out := validationJSON{SchemaVersion: SchemaVersion, Strict: r.Strict, Files: []validatedFileJSON{}, Problems: []string{}}
		for _, v := range r.Files {
			out.Files = append(out.Files, validatedFileJSON{Path: v.Path, From: v.From, Entries: v.Entries})
		}
		return writeJSON(w, out)
	case CSV:
		var rows [][]string
		for _, v := range r.Files {
			rows = append(rows, []string{v.Path, v.From, fmt.Sprint(v.Entries), "ok"})
		}
		return writeCSV(w, []string{"path", "from", "entries", "result"}, rows)
	}
	for _, v := range r.Files {
		if _, err := fmt.Fprintf(w, "ok  %s (%s, %d %s)\n", Sanitize(v.Path), Sanitize(v.From), v.Entries, pluralWord(v.Entries, "entry", "entries")); err != nil {
			return err
		}
	}
	return nil
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
