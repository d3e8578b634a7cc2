package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"srm/pkg/model"
)

// StarterAcks writes an acknowledgement file for a stack with one entry per
// customer or shared responsibility, each waiting for its owner and
// evidence. srm review --acks refuses it until they are filled in.
func StarterAcks(w io.Writer, m *model.Model, r *model.Review) error {
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
	_, err := io.WriteString(w, b.String())
	return err
}
