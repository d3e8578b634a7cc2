package cmd

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"srm/pkg/model"
	"srm/pkg/render"
)

// SearchOptions are the inputs of `srm search`.
type SearchOptions struct {
	*Factory

	Query string // the words to look for
	Limit int    // --limit: at most this many results
}

// NewCmdSearch builds `srm search`.
func NewCmdSearch(f *Factory) *cobra.Command {
	opts := &SearchOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "search <text>...",
		Short: "Find cells, services, items, traps, FAQs and controls that match a question",
		Long: `Search the model with a question in plain words. When the text names a
service and an item, the matching cell comes first; then services, items,
FAQs, traps and controls, and the cells and provider-wide answers whose text
holds the words: summaries, what each party does and caveats. A result found
by a field it does not show names the field and quotes it ("Customer does:
…"); JSON has it as matched_field and matched_text. Words such as "who",
"the" and "does" are ignored, and "patches" matches "patching".

Finding nothing is not an error: srm prints nothing and says so on stderr.`,
		Example: `  $ srm search who patches the OS on EC2
  $ srm search "Block Public Access"
  $ srm search key rotation -o json | jq '.results[0]'`,
		GroupID: "ask",
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Query = strings.TrimSpace(strings.Join(args, " "))
			if opts.Query == "" {
				return usageErrorf(cmd, "give the words to search for")
			}
			if opts.Limit < 1 {
				return usageErrorf(cmd, "--limit must be at least 1")
			}
			return searchRun(opts)
		},
	}
	cmd.Flags().IntVarP(&opts.Limit, "limit", "n", 10, "show at most `n` results")
	return writes(cmd, (*render.SearchView)(nil))
}

func searchRun(o *SearchOptions) error {
	m, err := o.Model()
	if err != nil {
		return err
	}
	prov, err := o.provider(m)
	if err != nil {
		return err
	}
	// A word nothing in the model uses, such as a service srm does not
	// hold, makes every match an answer about something else.
	unknown := m.UnknownWords(o.Query)
	var hits []model.Hit
	if len(unknown) == 0 {
		hits = m.Search(prov.ID, o.Query)
	}
	if len(hits) > o.Limit {
		hits = hits[:o.Limit]
	}
	if len(hits) == 0 && o.Global.format != render.JSON {
		fmt.Fprintf(o.IO.ErrOut, "srm: %s\n", nothingFound(m, prov, o.Query, unknown))
		return nil
	}
	return o.write(render.NewSearchView(m, prov, o.Query, hits))
}

// nothingFound says why a search found nothing: words the model does not
// use at all, or matches only on another provider.
func nothingFound(m *model.Model, prov *model.Provider, query string, unknown []string) string {
	if len(unknown) > 0 {
		quoted := make([]string, len(unknown))
		for i, w := range unknown {
			quoted[i] = strconv.Quote(w)
		}
		return fmt.Sprintf("nothing in the model mentions %s, so srm does not answer %q (run 'srm services' to list the services it holds)", strings.Join(quoted, " or "), query)
	}
	if w := m.UnnamedRareWord(query); w != "" {
		return fmt.Sprintf("nothing matches %q: no service or item in the model is called %q (run 'srm services' to list the services it holds)", query, w)
	}
	for _, p := range m.Providers {
		if p.ID != prov.ID && len(m.Search(p.ID, query)) > 0 {
			return fmt.Sprintf("nothing matches %q on %s; %s has matches (add --provider %s)", query, prov.ShortName, p.ShortName, p.ID)
		}
	}
	return fmt.Sprintf("nothing matches %q", query)
}
