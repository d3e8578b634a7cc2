package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"srm/pkg/model"
	"srm/pkg/review"
)

// StarterAcks writes an acknowledgement file for a stack with one entry per
// customer or shared responsibility, each waiting for its owner and
// evidence. srm review --acks refuses it until they are filled in.
func StarterAcks(w io.Writer, m *model.Model, r *model.Review, notReviewed []review.NotReviewed) error {
	var b strings.Builder
	var names []string
	for _, t := range r.Targets {
		names = append(names, t.Target.ID())
	}
	fmt.Fprintf(&b, "# Acknowledgements for srm review --acks: %s\n", strings.Join(names, ", "))
	b.WriteString("# For each responsibility, say who covers it (owner) and where the\n")
	b.WriteString("# evidence is (evidence). Until both are filled in, srm review --acks\n")
	b.WriteString("# reports this file as invalid. Narrow services to split an item between\n")
	b.WriteString("# owners; an entry without services covers every service in the stack.\n")
	for _, resp := range r.Responsibilities {
		var svcs []string
		for _, e := range resp.Entries {
			svcs = append(svcs, strconv.Quote(e.Target.Target.ID()))
		}
		fmt.Fprintf(&b, "\n# %s: %s\n", Sanitize(resp.Item.Name), Sanitize(ownersLine(m, resp.Entries)))
		for _, d := range duties(resp.Entries) {
			fmt.Fprintf(&b, "#   - %s\n", Sanitize(d))
		}
		fmt.Fprintf(&b, "[[acks]]\nitem = %q\nservices = [%s]\nowner = \"\"\nevidence = \"\"\n", resp.Item.ID, strings.Join(svcs, ", "))
	}
	if len(notReviewed) > 0 {
		b.WriteString("\n# What srm could not review fails the gate too, until an entry says who\n")
		b.WriteString("# owns it and why that is fine (reason).\n")
	}
	for _, nr := range notReviewed {
		fmt.Fprintf(&b, "\n# %s\n", Sanitize(notReviewedLine(nr)))
		key, value := "source", nr.Source
		if nr.Kind == review.KindResourceType {
			key, value = "type", nr.Name
		}
		fmt.Fprintf(&b, "[[not_reviewed]]\n%s = %s\nowner = \"\"\nreason = \"\"\n", key, tomlQuote(value))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// tomlQuote quotes a string for a TOML basic string: Go's quoting, with
// the escapes TOML lacks spelled as \u escapes.
func tomlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case (r < 0x20 || r == 0x7f || !unicode.IsPrint(r)) && r > 0xFFFF:
			fmt.Fprintf(&b, "\\U%08X", r)
		case r < 0x20 || r == 0x7f || !unicode.IsPrint(r):
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
