package cmd

import (
	"time"

	"github.com/spf13/cobra"

	"srm/pkg/manpage"
)

// manDate is the date the committed man pages carry. A fixed date keeps
// them byte for byte reproducible; bump it when regenerating them for a
// release.
var manDate = time.Date(2026, time.November, 27, 0, 0, 0, 0, time.UTC)

// NewCmdMan builds `srm man`, which writes a man page for every command.
func NewCmdMan(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "man <directory>",
		Short: "Write srm's man pages, one per command, into a directory",
		Long: `Write srm's man pages (section 1), generated from the command tree, into a
directory. The repository keeps them in docs/man.`,
		Example: `  $ srm man docs/man
  $ man -l docs/man/srm-who.1`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErrorf(cmd, "give the directory to write the man pages into")
			}
			return nil
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveFilterDirs
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return writeManPages(cmd.Root(), args[0])
		},
	}
}

func writeManPages(root *cobra.Command, dir string) error {
	if err := manpage.WriteTree(root, manpage.Header{Source: "srm", Manual: "srm manual", Date: manDate}, dir); err != nil {
		return &outputError{err: err}
	}
	return nil
}
