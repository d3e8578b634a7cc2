package cmd

import (
	"errors"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
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

// listValue is a comma-separated flag that may be repeated, as pflag's
// StringSlice, without the CSV writer pflag builds for every such flag
// when the command tree is made: srm builds its tree on every run.
type listValue struct {
	list    *[]string
	changed bool
}

func (v *listValue) Set(s string) error {
	var parts []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		// An empty list is most often an unset CI variable: answering for
		// the default instead would hide it.
		return errEmptyList
	}
	if !v.changed {
		*v.list = nil // the first use replaces the default
	}
	*v.list = append(*v.list, parts...)
	v.changed = true
	return nil
}

var errEmptyList = errors.New("empty list")

func (v *listValue) String() string { return strings.Join(*v.list, ",") }
func (v *listValue) Type() string   { return "strings" }

// listOf returns the values of a list flag.
func listOf(fs *pflag.FlagSet, name string) []string {
	if f := fs.Lookup(name); f != nil {
		if v, ok := f.Value.(*listValue); ok {
			return *v.list
		}
	}
	return nil
}

// listFlag defines a comma-separated list flag.
func listFlag(fs *pflag.FlagSet, p *[]string, name, usage string) {
	fs.Var(&listValue{list: p}, name, usage)
}
