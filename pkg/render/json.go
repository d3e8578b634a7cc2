package render

import (
	"encoding/json"
	"io"

	"srm/pkg/model"
)

// The JSON documents srm prints. Field names are snake_case and are only
// ever added: scripts rely on them. Lists are never null.

type sourceJSON struct {
	URL     string `json:"url" doc:"The page's address."`
	Title   string `json:"title" doc:"Title shown to people."`
	Checked string `json:"checked" doc:"The date the page was last read, YYYY-MM-DD, or \"\" when unknown."` // YYYY-MM-DD, or "" when unknown
}

type alternativeJSON struct {
	Variant string `json:"variant" doc:"Variant id, or \"\" for the service's default deployment."`
	Owner   string `json:"owner" doc:"Owner: a party id, \"shared\" or \"n/a\"."`
	Label   string `json:"label" doc:"Short table text, naming the owner."`
}

type trapRefJSON struct {
	ID    string `json:"id" doc:"Id."`
	Title string `json:"title" doc:"Title shown to people."`
	Truth string `json:"truth" doc:"What is true instead."`
}

type cellJSON struct {
	Service      string              `json:"service" doc:"Service id."`
	Variant      string              `json:"variant" doc:"Variant id, or \"\" for the service's default deployment."`
	Item         string              `json:"item" doc:"Item id."`
	Owner        string              `json:"owner" doc:"Owner: a party id, \"shared\" or \"n/a\"."`
	Label        string              `json:"label" doc:"Short table text, naming the owner."`
	Summary      string              `json:"summary" doc:"One sentence on who does what."`
	ProviderDoes []string            `json:"provider_does" doc:"What the provider does."`
	CustomerDoes []string            `json:"customer_does" doc:"What the customer does."`
	PartyDoes    map[string][]string `json:"party_does" doc:"What third parties do, by party id."`
	Caveats      []string            `json:"caveats" doc:"Defaults, limits and exceptions."`
	Sources      []sourceJSON        `json:"sources" doc:"Pages of the provider's documentation behind it ({url, title, checked})."`
	Origin       string              `json:"origin" doc:"The file that defined it: embedded:<file> or an overlay's path."`
}

type columnJSON struct {
	Service   string `json:"service" doc:"Service id."`
	Variant   string `json:"variant" doc:"Variant id, or \"\" for the service's default deployment."`
	Name      string `json:"name" doc:"Name shown to people."`
	ShortName string `json:"short_name" doc:"Short name, as in table headings."`
	Model     string `json:"model" doc:"Service model id: iaas, paas, serverless or saas."`
	Provider  string `json:"provider" doc:"Provider id."` // the service's provider, for tables across clouds
}

type rowJSON struct {
	ID       string `json:"id" doc:"Id."`
	Name     string `json:"name" doc:"Name shown to people."`
	Category string `json:"category" doc:"Category id."`
}

type variantJSON struct {
	ID          string   `json:"id" doc:"Id."`
	Name        string   `json:"name" doc:"Name shown to people."`
	Aliases     []string `json:"aliases" doc:"Other names srm accepts for it."`
	Description string   `json:"description" doc:"One sentence on what it is."`
}

type serviceJSON struct {
	ID                string        `json:"id" doc:"Id."`
	Provider          string        `json:"provider" doc:"Provider id."`
	Name              string        `json:"name" doc:"Name shown to people."`
	ShortName         string        `json:"short_name" doc:"Short name, as in table headings."`
	Model             string        `json:"model" doc:"Service model id: iaas, paas, serverless or saas."`
	Aliases           []string      `json:"aliases" doc:"Other names srm accepts for it."`
	Description       string        `json:"description" doc:"One sentence on what it is."`
	DefaultDeployment string        `json:"default_deployment" doc:"The deployment the service's own cells describe."`
	DefaultVariant    string        `json:"default_variant" doc:"The variant that is the default deployment, or \"\"."`
	Variants          []variantJSON `json:"variants" doc:"The service's variants."`
	Items             int           `json:"items" doc:"Item ids."`
}

type itemJSON struct {
	ID          string   `json:"id" doc:"Id."`
	Name        string   `json:"name" doc:"Name shown to people."`
	Category    string   `json:"category" doc:"Category id."`
	Aliases     []string `json:"aliases" doc:"Other names srm accepts for it."`
	Description string   `json:"description" doc:"One sentence on what it is."`
	Services    []string `json:"services" doc:"Service ids."`
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func list(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func sourcesJSON(src []model.Source) []sourceJSON {
	out := make([]sourceJSON, len(src))
	for i, s := range src {
		out[i] = sourceJSON{URL: s.URL, Title: s.Title, Checked: checkedDate(s)}
	}
	return out
}

func checkedDate(s model.Source) string {
	return s.Checked.String()
}

func partyDoes(m map[string][]string) map[string][]string {
	if m == nil {
		return map[string][]string{}
	}
	return m
}

func newCellJSON(c *model.Cell) cellJSON {
	return cellJSON{
		Service:      c.Service,
		Variant:      c.Variant,
		Item:         c.Item,
		Owner:        c.Owner,
		Label:        c.Label,
		Summary:      c.Summary,
		ProviderDoes: list(c.ProviderDoes),
		CustomerDoes: list(c.CustomerDoes),
		PartyDoes:    partyDoes(c.PartyDoes),
		Caveats:      list(c.Caveats),
		Sources:      sourcesJSON(c.Sources),
		Origin:       c.Origin,
	}
}
