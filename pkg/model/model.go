// Package model holds srm's shared-responsibility model: providers, the
// parties that can own a security item, the items themselves, services and
// their variants, and the cells that say who owns each item for each
// service. It loads the model from TOML, validates it strictly and answers
// queries against it.
package model

import (
	"strings"
	"sync"
)

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
	// Document holds every section: the merged entries of all files.
	Document

	index     *index
	indexOnce sync.Once
	// refs says where each entry of the loaded files was defined, for the
	// messages of validation and of srm validate --strict.
	refs map[any]entryRef
}

// Provider is a cloud provider such as AWS.
type Provider struct {
	ID           string   `toml:"id" required:"true" doc:"Lower-case id, such as \"aws\"."`
	Name         string   `toml:"name" required:"true" doc:"Full name, such as \"Amazon Web Services\"."`
	ShortName    string   `toml:"short_name" required:"true" doc:"Short name, such as \"AWS\"."`
	Aliases      []string `toml:"aliases" doc:"Other names people type for the provider."`
	Party        string   `toml:"party" required:"true" doc:"Id of the party of kind \"provider\" that stands for this provider in cells."`
	DefaultTable string   `toml:"default_table" doc:"Id of the table srm table prints with no flags."`
	DocHosts     []string `toml:"doc_hosts" required:"true" doc:"Hosts of the provider's own documentation, such as \"docs.aws.amazon.com\"."`
	// Archetypes maps a service model id to the service that best shows it.
	Archetypes map[string]string `toml:"archetypes" doc:"For each service model id, the service that best shows where its line sits, such as iaas = \"ec2\"."`
	// QuizServices are the services srm quiz asks about by default: an
	// exam's scope rather than every service the model holds.
	QuizServices []string `toml:"quiz_services" doc:"The services srm quiz asks about when --services is not given, such as the exam's EC2, RDS, Lambda, S3 and DynamoDB."`
	Origin       string   `toml:"-"`
}

// Party is someone who can own a cell: a provider, the customer, or a third
// party that an overlay adds, such as an internal platform team.
type Party struct {
	ID          string `toml:"id" required:"true" doc:"Lower-case id used as a cell owner, such as \"customer\"."`
	Name        string `toml:"name" required:"true" doc:"Name shown to people, such as \"Customer\"."`
	Kind        string `toml:"kind" required:"true" enum:"provider,customer,third-party" doc:"\"provider\", \"customer\" or \"third-party\"."`
	Provider    string `toml:"provider" doc:"For kind \"provider\": the provider it stands for."`
	Description string `toml:"description" doc:"One sentence on who the party is."`
	Origin      string `toml:"-"`
}

// Category groups items, such as "encryption" or "resilience".
type Category struct {
	ID          string `toml:"id" required:"true" doc:"Lower-case id, such as \"encryption\"."`
	Name        string `toml:"name" required:"true" doc:"Name shown to people."`
	Description string `toml:"description" doc:"One sentence."`
	Origin      string `toml:"-"`
}

// ServiceModel is a kind of service, such as IaaS or serverless.
type ServiceModel struct {
	ID          string `toml:"id" required:"true" doc:"Lower-case id, such as \"iaas\"."`
	Name        string `toml:"name" required:"true" doc:"Full name, such as \"Infrastructure as a service\"."`
	ShortName   string `toml:"short_name" doc:"Short name, such as \"IaaS\"."`
	Description string `toml:"description" doc:"Where the line between provider and customer sits."`
	Analogy     string `toml:"analogy" doc:"An everyday picture of where the line sits, in a few sentences."`
	Origin      string `toml:"-"`
}

// Item is a security item: one row of the model.
type Item struct {
	ID          string   `toml:"id" required:"true" doc:"Lower-case id, such as \"guest-os-patching\"."`
	Name        string   `toml:"name" required:"true" doc:"Name shown as a table row, such as \"Guest OS patching\"."`
	Category    string   `toml:"category" required:"true" doc:"Id of the item's category."`
	Aliases     []string `toml:"aliases" doc:"Other names people type for the item."`
	Description string   `toml:"description" required:"true" doc:"One sentence on what the item covers."`
	// ProviderNames rename the row in one provider's tables, where Name
	// uses another provider's terms, such as "Multi-AZ".
	ProviderNames map[string]string `toml:"provider_names" doc:"The row's name in one provider's tables, where the name uses another provider's terms, such as { azure = \"Network controls (NSG)\" }."`
	Origin        string            `toml:"-"`
}

// NameFor is the item's name in a table of one provider's services. An
// empty provider, for rows that span clouds, gives the name without the
// one provider's terms in brackets that other providers rename: "Network
// controls", not "Network controls (SG/NACL)".
func (it *Item) NameFor(provider string) string {
	if provider == "" {
		if i := strings.LastIndex(it.Name, " ("); i > 0 && len(it.ProviderNames) > 0 && strings.HasSuffix(it.Name, ")") {
			return it.Name[:i]
		}
		return it.Name
	}
	if n := it.ProviderNames[provider]; n != "" {
		return n
	}
	return it.Name
}

// Service is a cloud service of one provider: one column of the model.
type Service struct {
	ID                string   `toml:"id" required:"true" doc:"Lower-case id, such as \"ec2\"; unique across providers."`
	Provider          string   `toml:"provider" required:"true" doc:"Id of the provider that runs the service."`
	Name              string   `toml:"name" required:"true" doc:"Official full name."`
	ShortName         string   `toml:"short_name" required:"true" doc:"Short name shown as a table column, such as \"EC2\"."`
	Model             string   `toml:"model" required:"true" doc:"Id of the service model, such as \"iaas\" or \"serverless\"."`
	Aliases           []string `toml:"aliases" doc:"Other names people type for the service."`
	Description       string   `toml:"description" doc:"One sentence on what the service is."`
	DefaultDeployment string   `toml:"default_deployment" doc:"Names the deployment the service's own cells describe."`
	DefaultVariant    string   `toml:"default_variant" doc:"Id of a variant (with no cells of its own) that is the default deployment."`
	Docs              string   `toml:"docs" doc:"URL of the service's security documentation."`
	Origin            string   `toml:"-"`
}

// Variant is a way of deploying a service that changes some of its cells,
// such as Lambda with a container image. A variant inherits every cell of
// its service and overrides only the ones that differ.
type Variant struct {
	ID          string   `toml:"id" required:"true" doc:"Lower-case id, unique within the service, such as \"container-image\"."`
	Service     string   `toml:"service" required:"true" doc:"Id of the service this is a variant of."`
	Name        string   `toml:"name" required:"true" doc:"Name shown to people."`
	Aliases     []string `toml:"aliases" doc:"Other names people type for the variant."`
	Description string   `toml:"description" doc:"One sentence on how this deployment differs."`
	Origin      string   `toml:"-"`
}

// Table is a named selection of services and items, such as the classic
// EC2 / RDS / Lambda comparison.
type Table struct {
	ID       string   `toml:"id" required:"true" doc:"Lower-case id."`
	Provider string   `toml:"provider" required:"true" doc:"Id of the provider whose services the table compares."`
	Title    string   `toml:"title" doc:"Title of the comparison."`
	Services []string `toml:"services" required:"true" doc:"Service ids, one column each, in order."`
	Items    []string `toml:"items" required:"true" doc:"Item ids, one row each, in order."`
	Origin   string   `toml:"-"`
}

// Cell says who owns one item for one service (or one variant of it).
type Cell struct {
	Service      string              `toml:"service" required:"true" doc:"Id of the service."`
	Variant      string              `toml:"variant" doc:"Id of a variant of the service; omit for the service's own cell."`
	Item         string              `toml:"item" required:"true" doc:"Id of the item."`
	Owner        string              `toml:"owner" required:"true" doc:"A party id, \"shared\" or \"n/a\"."`
	Label        string              `toml:"label" required:"true" doc:"Short text a table shows, such as \"Customer (choose/enable)\"."`
	Summary      string              `toml:"summary" doc:"One sentence saying who does what; for \"n/a\", why the item does not apply."`
	ProviderDoes []string            `toml:"provider_does" doc:"What the provider does for this item."`
	CustomerDoes []string            `toml:"customer_does" doc:"What the customer does for this item."`
	PartyDoes    map[string][]string `toml:"party_does" doc:"What other parties do, keyed by party id."`
	Caveats      []string            `toml:"caveats" doc:"Refinements, defaults and exceptions."`
	Sources      []Source            `toml:"sources" required:"true" doc:"Pages of the provider's documentation that back the answer."`
	// AppSide marks a duty that the service itself does not hold: the
	// customer does it in the applications that use the service, such as
	// patching the runtimes and drivers of the applications that connect to
	// a managed database ("Customer (app side)").
	AppSide bool   `toml:"app_side" doc:"True when the customer's duty lies in the applications that use the service, not in the service itself, as for a managed database's application runtime patching; the owner must be the customer."`
	Origin  string `toml:"-"`

	// inherited is the provider-wide default the cell stands for, when the
	// service has no cell of its own for the item.
	inherited *DefaultCell
}

// ProviderDefault reports whether the cell is the provider-wide default for
// its item, inherited because the service has no cell of its own.
func (c *Cell) ProviderDefault() bool { return c.inherited != nil }

// DefaultCell is a provider's answer for one item on every one of its
// services, as the provider's own shared-responsibility page gives it, such
// as AWS securing the physical facilities. A service inherits it unless it
// has a cell of its own for the item, as a variant inherits its service's
// cells; a service overrides it only where it differs.
type DefaultCell struct {
	Provider     string              `toml:"provider" required:"true" doc:"Id of the provider whose services inherit the cell."`
	Item         string              `toml:"item" required:"true" doc:"Id of the item."`
	Owner        string              `toml:"owner" required:"true" doc:"A party id, \"shared\" or \"n/a\"."`
	Label        string              `toml:"label" required:"true" doc:"Short text a table shows, such as \"AWS\"."`
	Summary      string              `toml:"summary" doc:"One sentence saying who does what, for any service of the provider."`
	ProviderDoes []string            `toml:"provider_does" doc:"What the provider does for this item."`
	CustomerDoes []string            `toml:"customer_does" doc:"What the customer does for this item."`
	PartyDoes    map[string][]string `toml:"party_does" doc:"What other parties do, keyed by party id."`
	Caveats      []string            `toml:"caveats" doc:"Refinements, defaults and exceptions."`
	Sources      []Source            `toml:"sources" required:"true" doc:"The provider's own pages that give this answer for every service."`
	Origin       string              `toml:"-"`
}

// cellFor is the default as the cell of one service.
func (d *DefaultCell) cellFor(service string) *Cell {
	return &Cell{
		Service: service, Item: d.Item, Owner: d.Owner, Label: d.Label, Summary: d.Summary,
		ProviderDoes: d.ProviderDoes, CustomerDoes: d.CustomerDoes, PartyDoes: d.PartyDoes,
		Caveats: d.Caveats, Sources: d.Sources, Origin: d.Origin, inherited: d,
	}
}

// CellKey identifies a cell: a service, optionally one of its variants, and
// an item; or, for a provider-wide default, a provider and an item.
type CellKey struct {
	Service, Variant, Item string
	Provider               string // set for a provider-wide default only
}

// String renders the key as "service/item", "service:variant/item", or
// "provider/*/item" for a provider-wide default.
func (k CellKey) String() string {
	if k.Service == "" && k.Provider != "" {
		return k.Provider + "/*/" + k.Item
	}
	s := k.Service
	if k.Variant != "" {
		s += ":" + k.Variant
	}
	return s + "/" + k.Item
}

func (c *Cell) key() CellKey {
	if c.inherited != nil {
		return c.inherited.key()
	}
	return CellKey{Service: c.Service, Variant: c.Variant, Item: c.Item}
}

func (d *DefaultCell) key() CellKey { return CellKey{Provider: d.Provider, Item: d.Item} }

// Source is a page of the provider's documentation that backs a cell.
type Source struct {
	URL     string `toml:"url" required:"true" doc:"Absolute http(s) URL."`
	Title   string `toml:"title" doc:"Title of the page."`
	Checked Date   `toml:"checked" doc:"Date the page was last checked, such as 2026-11-27."`
}

// Trap is a common mistaken belief about who owns what, and the truth.
type Trap struct {
	ID       string   `toml:"id" required:"true" doc:"Lower-case id, such as \"ec2-os-patching\"."`
	Provider string   `toml:"provider" required:"true" doc:"Id of the provider the trap is about."`
	Title    string   `toml:"title" required:"true" doc:"A short name for the trap."`
	Belief   string   `toml:"belief" required:"true" doc:"The mistaken belief, in a sentence or two."`
	Truth    string   `toml:"truth" required:"true" doc:"What is right, and why."`
	Services []string `toml:"services" doc:"Ids of the services it concerns; empty for every service."`
	Items    []string `toml:"items" doc:"Ids of the items it concerns."`
	Sources  []Source `toml:"sources" required:"true" doc:"Pages of the provider's documentation that settle it."`
	Origin   string   `toml:"-"`
}

// FAQ is a frequently asked question and its answer.
type FAQ struct {
	ID       string   `toml:"id" required:"true" doc:"Lower-case id."`
	Provider string   `toml:"provider" required:"true" doc:"Id of the provider the question is about."`
	Question string   `toml:"question" required:"true" doc:"The question, as people ask it."`
	Answer   string   `toml:"answer" required:"true" doc:"The answer, in a few sentences."`
	Services []string `toml:"services" doc:"Ids of the services it concerns; empty for every service."`
	Items    []string `toml:"items" doc:"Ids of the items it concerns."`
	Sources  []Source `toml:"sources" required:"true" doc:"Pages of the provider's documentation that back the answer."`
	Origin   string   `toml:"-"`
}

// Control is a control as the provider's model classifies it: inherited
// from the provider, shared, or specific to the customer.
type Control struct {
	ID           string   `toml:"id" required:"true" doc:"Lower-case id, such as \"patch-management\"."`
	Provider     string   `toml:"provider" required:"true" doc:"Id of the provider whose model names the control."`
	Name         string   `toml:"name" required:"true" doc:"Name shown to people."`
	Kind         string   `toml:"kind" required:"true" enum:"inherited,shared,customer-specific" doc:"\"inherited\", \"shared\" or \"customer-specific\"."`
	Description  string   `toml:"description" doc:"One sentence on what the control covers."`
	ProviderDoes []string `toml:"provider_does" doc:"What the provider does for it."`
	CustomerDoes []string `toml:"customer_does" doc:"What the customer does for it."`
	Items        []string `toml:"items" doc:"Ids of the items where it shows in cells."`
	Sources      []Source `toml:"sources" required:"true" doc:"Pages of the provider's documentation that describe it."`
	Origin       string   `toml:"-"`
}

// Control kinds.
const (
	ControlInherited        = "inherited"
	ControlShared           = "shared"
	ControlCustomerSpecific = "customer-specific"
)

// ResourceType maps an infrastructure-as-code resource type, such as
// "aws_instance" or "AWS::EC2::Instance", to the service (and variant) it
// deploys, or marks it as carrying no responsibility of its own.
type ResourceType struct {
	Type     string `toml:"type" required:"true" doc:"The resource type as Terraform, CloudFormation or ARM names it; one * matches any text, as in \"google_*_iam_member\", and the pattern with the most literal text wins."`
	Provider string `toml:"provider" doc:"Id of the provider the type belongs to; required when the type names a service."`
	Service  string `toml:"service" doc:"Id of the service the resource deploys; omit when ignore or not_reviewed is true, or when rules pick the service and a resource no rule matches is not reviewed."`
	Variant  string `toml:"variant" doc:"Id of the variant of the service, when the type alone decides it."`
	Ignore   bool   `toml:"ignore" doc:"True for types that carry no responsibility of their own, such as IAM roles or subnets."`
	// NotReviewed marks a type srm knows but cannot review, such as a
	// template deployment whose template is a string.
	NotReviewed bool `toml:"not_reviewed" doc:"True for types srm knows but cannot review, such as a deployment of a template given as a string: review lists them as not reviewed, with the reason."`
	// TypeAttribute names the attribute that holds the resource's real
	// type, as azapi_resource holds an ARM type.
	TypeAttribute string         `toml:"type_attribute" doc:"The attribute that holds the resource's real type, such as \"type\" for azapi_resource, whose value \"Microsoft.App/containerApps@2024-03-01\" is mapped as the ARM type Microsoft.App/containerApps."`
	Supports      bool           `toml:"supports" doc:"True for types that configure a resource of the service, such as a Lambda permission: they join that resource's deployment rather than claim the service's default one."`
	Reason        string         `toml:"reason" doc:"Why an ignored type carries no responsibility of its own."`
	Rules         []ResourceRule `toml:"rules" doc:"Rules on the resource's attributes, tried in order; the first that matches decides the service and variant."`
	// Hosts are the services whose resources hang off this one, as file
	// shares, queues and tables hang off an Azure storage account.
	Hosts  []string `toml:"hosts" doc:"Services whose resources hang off this type, such as file shares off a storage account: it joins the deployments of those services that the stack has, and stands for its own service only when the stack has none of them."`
	Origin string   `toml:"-"`
}

// ResourceRule picks a service or variant from one attribute of a
// resource, such as package_type = "Image" for a Lambda function.
type ResourceRule struct {
	Attribute string `toml:"attribute" required:"true" doc:"Dotted path to the attribute; * steps into every element of a list."`
	Equals    string `toml:"equals" doc:"Matches when the attribute, or any element of it, equals this, ignoring case."`
	Matches   string `toml:"matches" doc:"Matches when the attribute, or any element of it, matches this pattern, where * stands for any text; case is ignored."`
	Missing   bool   `toml:"missing" doc:"Matches when the attribute is absent or empty."`
	Present   bool   `toml:"present" doc:"Matches when the attribute is set to anything, even a reference that only a deployment resolves."`
	Ignore    bool   `toml:"ignore" doc:"When the rule matches, the resource carries no responsibility of its own, such as a gateway of another kind that shares the type."`
	Reason    string `toml:"reason" doc:"Why a resource the rule ignores carries no responsibility of its own."`
	Service   string `toml:"service" doc:"The service when the rule matches; the type's own service when omitted."`
	Variant   string `toml:"variant" doc:"The variant when the rule matches."`
}

// Equivalence groups services of different providers that do the same
// job, such as EC2, Azure Virtual Machines and Compute Engine.
type Equivalence struct {
	ID          string   `toml:"id" required:"true" doc:"Lower-case id, such as \"virtual-machines\"."`
	Name        string   `toml:"name" required:"true" doc:"Name shown to people, such as \"Virtual machines\"."`
	Services    []string `toml:"services" required:"true" doc:"Ids of the equivalent services, one or more per provider."`
	Description string   `toml:"description" doc:"One sentence on what the services have in common."`
	Origin      string   `toml:"-"`
}

// Overview is a provider's own high-level matrix: areas of responsibility
// down, deployment models across, as the provider's documentation draws it.
type Overview struct {
	ID       string        `toml:"id" required:"true" doc:"Lower-case id."`
	Provider string        `toml:"provider" required:"true" doc:"Id of the provider whose matrix this is."`
	Title    string        `toml:"title" required:"true" doc:"Title of the matrix."`
	Columns  []string      `toml:"columns" required:"true" doc:"Ids of the service models across, or \"on-premises\"."`
	Rows     []OverviewRow `toml:"rows" required:"true" doc:"Areas of responsibility, in the provider's order."`
	Notes    []string      `toml:"notes" doc:"What the provider says alongside the matrix, in our words."`
	Sources  []Source      `toml:"sources" required:"true" doc:"The provider's page with the matrix."`
	Origin   string        `toml:"-"`
}

// OverviewRow is one area of an Overview, with its owner in each column.
type OverviewRow struct {
	Area   string   `toml:"area" required:"true" doc:"The area of responsibility, such as \"Operating system\"."`
	Owners []string `toml:"owners" required:"true" doc:"For each column, \"provider\", \"customer\", \"shared\" or \"n/a\"."`
}

// OnPremises is the column of an Overview for running everything yourself.
const OnPremises = "on-premises"
