// Package model holds srm's shared-responsibility model: providers, the
// parties that can own a security item, the items themselves, services and
// their variants, and the cells that say who owns each item for each
// service. It loads the model from TOML, validates it strictly and answers
// queries against it.
package model

import "time"

// Owner values that are not party ids.
const (
	OwnerShared        = "shared"
	OwnerNotApplicable = "n/a"
)

// Party kinds.
const (
	KindProvider   = "provider"
	KindCustomer   = "customer"
	KindThirdParty = "third-party"
)

// Model is a loaded, merged and validated model. Slices keep the order in
// which entries were first defined, which is the order srm lists them in.
type Model struct {
	Providers     []*Provider
	Parties       []*Party
	Categories    []*Category
	ServiceModels []*ServiceModel
	Items         []*Item
	Services      []*Service
	Variants      []*Variant
	Tables        []*Table
	Cells         []*Cell

	index *index
	pos   map[string]int   // section and key -> position, while merging
	refs  map[any]entryRef // entry -> where it was defined, for messages
}

// Provider is a cloud provider such as AWS.
type Provider struct {
	ID           string   `toml:"id"`
	Name         string   `toml:"name"`
	ShortName    string   `toml:"short_name"`
	Aliases      []string `toml:"aliases"`
	Party        string   `toml:"party"`
	DefaultTable string   `toml:"default_table"`
	DocHosts     []string `toml:"doc_hosts"`
	Origin       string   `toml:"-"`
}

// Party is someone who can own a cell: a provider, the customer, or a third
// party that an overlay adds, such as an internal platform team.
type Party struct {
	ID          string `toml:"id"`
	Name        string `toml:"name"`
	Kind        string `toml:"kind"`
	Provider    string `toml:"provider"`
	Description string `toml:"description"`
	Origin      string `toml:"-"`
}

// Category groups items, such as "encryption" or "resilience".
type Category struct {
	ID          string `toml:"id"`
	Name        string `toml:"name"`
	Description string `toml:"description"`
	Origin      string `toml:"-"`
}

// ServiceModel is a kind of service, such as IaaS or serverless.
type ServiceModel struct {
	ID          string `toml:"id"`
	Name        string `toml:"name"`
	ShortName   string `toml:"short_name"`
	Description string `toml:"description"`
	Origin      string `toml:"-"`
}

// Item is a security item: one row of the model.
type Item struct {
	ID          string   `toml:"id"`
	Name        string   `toml:"name"`
	Category    string   `toml:"category"`
	Aliases     []string `toml:"aliases"`
	Description string   `toml:"description"`
	Origin      string   `toml:"-"`
}

// Service is a cloud service of one provider: one column of the model.
type Service struct {
	ID                string   `toml:"id"`
	Provider          string   `toml:"provider"`
	Name              string   `toml:"name"`
	ShortName         string   `toml:"short_name"`
	Model             string   `toml:"model"`
	Aliases           []string `toml:"aliases"`
	Description       string   `toml:"description"`
	DefaultDeployment string   `toml:"default_deployment"`
	Docs              string   `toml:"docs"`
	Origin            string   `toml:"-"`
}

// Variant is a way of deploying a service that changes some of its cells,
// such as Lambda with a container image. A variant inherits every cell of
// its service and overrides only the ones that differ.
type Variant struct {
	ID          string   `toml:"id"`
	Service     string   `toml:"service"`
	Name        string   `toml:"name"`
	Aliases     []string `toml:"aliases"`
	Description string   `toml:"description"`
	Origin      string   `toml:"-"`
}

// Table is a named selection of services and items, such as the classic
// EC2 / RDS / Lambda comparison.
type Table struct {
	ID       string   `toml:"id"`
	Provider string   `toml:"provider"`
	Title    string   `toml:"title"`
	Services []string `toml:"services"`
	Items    []string `toml:"items"`
	Origin   string   `toml:"-"`
}

// Cell says who owns one item for one service (or one variant of it).
type Cell struct {
	Service      string              `toml:"service"`
	Variant      string              `toml:"variant"`
	Item         string              `toml:"item"`
	Owner        string              `toml:"owner"`
	Label        string              `toml:"label"`
	Summary      string              `toml:"summary"`
	ProviderDoes []string            `toml:"provider_does"`
	CustomerDoes []string            `toml:"customer_does"`
	PartyDoes    map[string][]string `toml:"party_does"`
	Caveats      []string            `toml:"caveats"`
	Sources      []Source            `toml:"sources"`
	Origin       string              `toml:"-"`
}

// CellKey identifies a cell: a service, optionally one of its variants, and
// an item.
type CellKey struct {
	Service, Variant, Item string
}

// String renders the key as "service/item" or "service:variant/item".
func (k CellKey) String() string {
	s := k.Service
	if k.Variant != "" {
		s += ":" + k.Variant
	}
	return s + "/" + k.Item
}

func (c *Cell) key() CellKey { return CellKey{c.Service, c.Variant, c.Item} }

// Source is a page of the provider's documentation that backs a cell.
type Source struct {
	URL     string    `toml:"url"`
	Title   string    `toml:"title"`
	Checked time.Time `toml:"checked"`
}
