// Package manpage writes section-1 man pages in roff from a cobra command
// tree. srm writes its own rather than going through markdown, which keeps
// a markdown parser out of the binary and <placeholders> intact.
package manpage

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Header is what every page of a tree carries in its title line.
type Header struct {
	Source string // such as "srm"
	Manual string // such as "srm manual"
	Date   time.Time
}

// WriteTree writes a page for root and for each available command below
// it into dir, named like srm-who.1.
func WriteTree(root *cobra.Command, h Header, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var err error
	walk(root, func(c *cobra.Command) {
		if err != nil {
			return
		}
		var b bytes.Buffer
		Write(&b, c, h)
		err = os.WriteFile(filepath.Join(dir, PageName(c)), b.Bytes(), 0o644)
	})
	return err
}

// PageName is the file name of a command's page, such as srm-who.1.
func PageName(c *cobra.Command) string {
	return strings.ReplaceAll(c.CommandPath(), " ", "-") + ".1"
}

func walk(c *cobra.Command, fn func(*cobra.Command)) {
	fn(c)
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() || sub.IsAdditionalHelpTopicCommand() {
			walk(sub, fn)
		}
	}
}

// Write writes one command's page.
func Write(w io.Writer, c *cobra.Command, h Header) {
	name := strings.ReplaceAll(c.CommandPath(), " ", "-")
	fmt.Fprint(w, ".nh\n") // hyphenating ids and flags would garble them
	fmt.Fprintf(w, ".TH %s 1 %s %s %s\n", quoteArg(strings.ToUpper(name)),
		quoteArg(h.Date.Format("January 2006")), quoteArg(h.Source), quoteArg(h.Manual))
	fmt.Fprintf(w, ".SH NAME\n%s \\- %s\n", escape(name), escape(c.Short))

	fmt.Fprintf(w, ".SH SYNOPSIS\n.B %s\n", escape(c.UseLine()))

	long := c.Long
	if long == "" {
		long = c.Short
	}
	fmt.Fprint(w, ".SH DESCRIPTION\n")
	writeText(w, long)

	writeFlags(w, "OPTIONS", c.NonInheritedFlags())
	writeFlags(w, "OPTIONS INHERITED FROM PARENT COMMANDS", c.InheritedFlags())

	if c.Example != "" {
		fmt.Fprint(w, ".SH EXAMPLES\n")
		writeVerbatim(w, strings.Split(strings.Trim(c.Example, "\n"), "\n"))
	}

	if see := seeAlso(c); len(see) > 0 {
		fmt.Fprintf(w, ".SH SEE ALSO\n%s\n", strings.Join(see, ",\n"))
	}
}

// writeText writes help text: blank lines part paragraphs, and indented
// lines are kept as they are, as examples and tables are written.
func writeText(w io.Writer, text string) {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	for i := 0; i < len(lines); {
		switch l := lines[i]; {
		case strings.TrimSpace(l) == "":
			fmt.Fprint(w, ".PP\n")
			i++
		case isIndented(l):
			j := i
			for j < len(lines) && (isIndented(lines[j]) || strings.TrimSpace(lines[j]) == "" && j+1 < len(lines) && isIndented(lines[j+1])) {
				j++
			}
			writeVerbatim(w, lines[i:j])
			i = j
		default:
			fmt.Fprintln(w, escapeLine(l))
			i++
		}
	}
}

func isIndented(l string) bool {
	return strings.HasPrefix(l, "\t") || strings.HasPrefix(l, "  ")
}

func writeVerbatim(w io.Writer, lines []string) {
	fmt.Fprint(w, ".PP\n.RS 4\n.nf\n")
	for _, l := range lines {
		fmt.Fprintln(w, escapeLine(strings.ReplaceAll(l, "\t", "    ")))
	}
	fmt.Fprint(w, ".fi\n.RE\n")
}

func writeFlags(w io.Writer, title string, fs *pflag.FlagSet) {
	var flags []*pflag.Flag
	fs.VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			flags = append(flags, f)
		}
	})
	if len(flags) == 0 {
		return
	}
	fmt.Fprintf(w, ".SH %s\n", title)
	for _, f := range flags {
		varname, usage := pflag.UnquoteUsage(f)
		name := `\fB\-\-` + escape(f.Name) + `\fR`
		if f.Shorthand != "" {
			name = `\fB\-` + escape(f.Shorthand) + `\fR, ` + name
		}
		if varname != "" {
			name += ` \fI` + escape(varname) + `\fR`
		}
		fmt.Fprintf(w, ".TP\n%s\n%s", name, escapeLine(usage))
		if def := f.DefValue; def != "" && def != "false" && def != "[]" && def != "0" {
			fmt.Fprintf(w, " (default %s)", escape(def))
		}
		fmt.Fprintln(w)
	}
}

func seeAlso(c *cobra.Command) []string {
	var see []string
	ref := func(x *cobra.Command) string {
		return `\fB` + escape(strings.ReplaceAll(x.CommandPath(), " ", "-")) + `\fR(1)`
	}
	if c.HasParent() {
		see = append(see, ref(c.Parent()))
	}
	subs := slices.Clone(c.Commands())
	slices.SortFunc(subs, func(a, b *cobra.Command) int { return strings.Compare(a.Name(), b.Name()) })
	for _, sub := range subs {
		if sub.IsAvailableCommand() || sub.IsAdditionalHelpTopicCommand() {
			see = append(see, ref(sub))
		}
	}
	return see
}

// escape makes text safe inside a roff line: backslashes, hyphens and
// every non-ASCII character are written as roff escapes, so the page reads
// the same whatever encoding troff assumes.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\e`)
		case r == '-':
			b.WriteString(`\-`)
		case r > unicode.MaxASCII:
			fmt.Fprintf(&b, `\[u%04X]`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// escapeLine escapes a whole output line, which must not start with a
// control character (a dot or an apostrophe).
func escapeLine(s string) string {
	s = escape(s)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

func quoteArg(s string) string {
	return `"` + strings.ReplaceAll(escape(s), `"`, `\(dq`) + `"`
}
