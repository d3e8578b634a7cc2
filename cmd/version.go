package cmd

import (
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// BuildInfo is what srm knows about how it was built.
type BuildInfo struct {
	Version    string `json:"version"`     // module version, or "(devel)"
	Commit     string `json:"commit"`      // VCS revision, when built from a checkout
	CommitTime string `json:"commit_time"` // its time, RFC 3339
	Modified   bool   `json:"modified"`    // the checkout had uncommitted changes
	Go         string `json:"go"`
}

func buildInfo() BuildInfo {
	bi := BuildInfo{Version: "(devel)", Go: runtime.Version()}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return bi
	}
	if v := info.Main.Version; v != "" {
		bi.Version = v
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			bi.Commit = s.Value
		case "vcs.time":
			bi.CommitTime = s.Value
		case "vcs.modified":
			bi.Modified = s.Value == "true"
		}
	}
	return bi
}

// String is the one-line version: "v1.2.0 (commit 1a2b3c4d5e6f, 2026-11-27T10:00:00Z)".
func (bi BuildInfo) String() string {
	s := bi.Version
	if bi.Commit != "" {
		commit := bi.Commit
		if len(commit) > 12 {
			commit = commit[:12]
		}
		s += " (commit " + commit
		if bi.Modified {
			s += ", modified"
		}
		if bi.CommitTime != "" {
			s += ", " + bi.CommitTime
		}
		s += ")"
	}
	return s
}

// NewCmdVersion builds `srm version`.
func NewCmdVersion(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Show srm's version and the commit it was built from",
		Example: `  $ srm version
  $ srm version -o json`,
		Args:        noArgs,
		Annotations: formats("text", "json"),
		RunE: func(cmd *cobra.Command, args []string) error {
			bi := buildInfo()
			if f.Global.format == "json" {
				out := struct {
					SchemaVersion int `json:"schema_version"`
					BuildInfo
				}{1, bi}
				enc := json.NewEncoder(f.IO.Out)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			}
			_, err := fmt.Fprintf(f.IO.Out, "srm %s %s\n", bi, bi.Go)
			return err
		},
	}
}
