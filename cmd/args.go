package cmd

import (
	"strconv"
	"strings"

	"github.com/spf13/cobra"
)

// noArgs rejects stray words on commands that take only flags, which cobra
// would otherwise ignore silently.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageErrorf(cmd, "unexpected argument %q: %s takes no arguments", args[0], cmd.CommandPath())
	}
	return nil
}

func joinQuoted(ids []string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = strconv.Quote(id)
	}
	return strings.Join(q, ", ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
