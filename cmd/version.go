package cmd

import (
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"

	"srm/pkg/render"
)

// versionView reads how srm was built. The build information is read
// only here, so that other commands do not pay for it.
func versionView(provider string) *render.VersionView {
	v := &render.VersionView{Header: render.NewHeader(provider), Version: "(devel)", Go: runtime.Version()}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	if mv := info.Main.Version; mv != "" {
		v.Version = mv
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Commit = s.Value
		case "vcs.time":
			v.CommitTime = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

// NewCmdVersion builds `srm version`.
func NewCmdVersion(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Show srm's version and the commit it was built from",
		Example: `  $ srm version
  $ srm version -o json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return f.write(versionView(f.Global.Provider))
		},
	}
	return writes(cmd, (*render.VersionView)(nil))
}
