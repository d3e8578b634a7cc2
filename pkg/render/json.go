package render

import (
	"encoding/json"
	"io"

	"srm/pkg/model"
)

// The JSON documents srm prints. Field names are snake_case and are only
// ever added: scripts rely on them. Lists are never null.

type sourceJSON struct {
	URL     string `json:"url"`
	Title   string `json:"title"`
	Checked string `json:"checked"` // YYYY-MM-DD, or "" when unknown
}

type alternativeJSON struct {
	Variant string `json:"variant"`
	Owner   string `json:"owner"`
	Label   string `json:"label"`
}

type trapRefJSON struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Truth string `json:"truth"`
}

type cellJSON struct {
	Service      string              `json:"service"`
	Variant      string              `json:"variant"`
	Item         string              `json:"item"`
	Owner        string              `json:"owner"`
	Label        string              `json:"label"`
	Summary      string              `json:"summary"`
	ProviderDoes []string            `json:"provider_does"`
	CustomerDoes []string            `json:"customer_does"`
	PartyDoes    map[string][]string `json:"party_does"`
	Caveats      []string            `json:"caveats"`
	Sources      []sourceJSON        `json:"sources"`
	Origin       string              `json:"origin"`
}

type columnJSON struct {
	Service   string `json:"service"`
	Variant   string `json:"variant"`
	Name      string `json:"name"`
	ShortName string `json:"short_name"`
	Model     string `json:"model"`
	Provider  string `json:"provider"` // the service's provider, for tables across clouds
}

type rowJSON struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Category string `json:"category"`
}

type variantJSON struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Aliases     []string `json:"aliases"`
	Description string   `json:"description"`
}

type serviceJSON struct {
	ID                string        `json:"id"`
	Provider          string        `json:"provider"`
	Name              string        `json:"name"`
	ShortName         string        `json:"short_name"`
	Model             string        `json:"model"`
	Aliases           []string      `json:"aliases"`
	Description       string        `json:"description"`
	DefaultDeployment string        `json:"default_deployment"`
	DefaultVariant    string        `json:"default_variant"`
	Variants          []variantJSON `json:"variants"`
	Items             int           `json:"items"`
}

type itemJSON struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Category    string   `json:"category"`
	Aliases     []string `json:"aliases"`
	Description string   `json:"description"`
	Services    []string `json:"services"`
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
