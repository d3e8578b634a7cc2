package cmd

import (
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
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
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	root.DisableAutoGenTag = true
	escapeForMarkdown(root)
	return doc.GenManTree(root, &doc.GenManHeader{
		Title:   "SRM",
		Section: "1",
		Source:  "srm",
		Manual:  "srm manual",
		Date:    &manDate,
	}, dir)
}

// escapeForMarkdown protects the <placeholders> of usage lines and long
// help from the markdown step of man page generation, which would take
// them for HTML tags and drop them. It changes the tree it is given, which
// `srm man` builds for itself.
func escapeForMarkdown(c *cobra.Command) {
	r := strings.NewReplacer("<", `\<`, ">", `\>`)
	c.Use = r.Replace(c.Use)
	lines := strings.Split(c.Long, "\n")
	for i, l := range lines {
		// Indented lines are code blocks, which markdown leaves alone.
		if !strings.HasPrefix(l, "\t") && !strings.HasPrefix(l, "    ") {
			lines[i] = r.Replace(l)
		}
	}
	c.Long = strings.Join(lines, "\n")
	for _, sub := range c.Commands() {
		escapeForMarkdown(sub)
	}
}
