package data_test

import (
	"errors"
	"net/url"
	"slices"
	"strings"
	"testing"

	"srm/pkg/model"
)

// TestEachProviderIsComplete checks what every provider needs for every
// command to work with --provider: a default table of its own services,
// archetypes for the service models, and its own overview matrix, sourced
// on its own documentation.
func TestEachProviderIsComplete(t *testing.T) {
	m, _ := loadEmbedded(t)
	for _, p := range m.Providers {
		t.Run(p.ID, func(t *testing.T) {
			if len(m.ServicesOf(p.ID)) < 9 {
				t.Errorf("%d services, want at least 9", len(m.ServicesOf(p.ID)))
			}
			tbl := m.Table(p.DefaultTable)
			if tbl == nil {
				t.Fatalf("no default table %q", p.DefaultTable)
			}
			for _, id := range tbl.Services {
				if s := m.Service(id); s == nil || s.Provider != p.ID {
					t.Errorf("default table lists %q, not a %s service", id, p.ID)
				}
			}
			for _, sm := range []string{"iaas", "paas", "serverless"} {
				if s := m.Archetype(p.ID, sm); s == nil || s.Provider != p.ID {
					t.Errorf("no %s archetype", sm)
				}
			}
			var overviews []*model.Overview
			for _, o := range m.Overviews {
				if o.Provider == p.ID {
					overviews = append(overviews, o)
				}
			}
			if p.ID == "aws" {
				return // AWS's framing is the note's table, not a matrix of areas
			}
			if len(overviews) != 1 {
				t.Fatalf("%d overview matrices, want 1", len(overviews))
			}
			for _, src := range overviews[0].Sources {
				u, err := url.Parse(src.URL)
				if err != nil || !slices.Contains(p.DocHosts, u.Host) || src.Checked.IsZero() {
					t.Errorf("overview source %s is not a checked page of %v", src.URL, p.DocHosts)
				}
			}
			if m.FramingOf(p.ID, "iaas") == nil || m.FramingOf(p.ID, "paas") == nil {
				t.Error("the overview has no IaaS or PaaS column")
			}
		})
	}
}

// TestEquivalencesSpanProviders checks that every group compares clouds,
// and that every Azure and Google Cloud service can be compared.
func TestEquivalencesSpanProviders(t *testing.T) {
	m, _ := loadEmbedded(t)
	for _, e := range m.Equivalences {
		providers := map[string]bool{}
		for _, id := range e.Services {
			providers[m.Service(id).Provider] = true
		}
		if len(providers) < 2 {
			t.Errorf("group %q has services of one provider only", e.ID)
		}
	}
	for _, s := range m.Services {
		if s.Provider != "aws" && len(m.EquivalencesOf(s.ID)) == 0 {
			t.Errorf("%s/%s is in no group of equivalent services", s.Provider, s.ID)
		}
	}
}

// TestAzureMatrixIsMicrosofts checks the Azure overview against the
// matrix on Microsoft's page, row by row.
func TestAzureMatrixIsMicrosofts(t *testing.T) {
	m, _ := loadEmbedded(t)
	want := map[string][4]string{
		"Customer data":               {"customer", "customer", "customer", "customer"},
		"Configurations and settings": {"customer", "customer", "customer", "customer"},
		"Identities and users":        {"customer", "customer", "customer", "customer"},
		"Client devices":              {"customer", "customer", "customer", "shared"},
		"Applications":                {"customer", "customer", "shared", "shared"},
		"Network controls":            {"customer", "customer", "shared", "provider"},
		"Operating system":            {"customer", "customer", "provider", "provider"},
		"Physical hosts":              {"customer", "provider", "provider", "provider"},
		"Physical network":            {"customer", "provider", "provider", "provider"},
		"Physical datacenter":         {"customer", "provider", "provider", "provider"},
	}
	fr := m.FramingOf("azure", "iaas")
	if fr == nil {
		t.Fatal("no Azure overview")
	}
	o := fr.Overview
	if !slices.Equal(o.Columns, []string{"on-premises", "iaas", "paas", "saas"}) || len(o.Rows) != len(want) {
		t.Fatalf("columns %v, %d rows", o.Columns, len(o.Rows))
	}
	for _, r := range o.Rows {
		if w, ok := want[r.Area]; !ok || !slices.Equal(r.Owners, w[:]) {
			t.Errorf("%s: %v, Microsoft's page says %v", r.Area, r.Owners, w)
		}
	}
}

// TestAzureAndGoogleFacts pins answers the providers' pages state plainly.
func TestAzureAndGoogleFacts(t *testing.T) {
	m, _ := loadEmbedded(t)
	tests := []struct{ target, item, owner string }{
		{"azure/vm", "guest-os-patching", "customer"},
		{"azure/vm", "hypervisor", "azure"},
		{"azure/sql-database", "db-engine-patching", "azure"},
		{"azure/sql-managed-instance", "db-engine-patching", "azure"},
		{"azure/aks", "guest-os-patching", "azure"},
		{"azure/aks:security-patch", "guest-os-patching", "azure"},
		{"azure/aks:none", "guest-os-patching", "customer"},
		{"azure/aks", "backup-scheduling", "customer"},
		{"azure/functions", "application-code", "customer"},
		{"azure/blob-storage", "data", "customer"},
		{"gcp/gce", "guest-os-patching", "customer"},
		{"gcp/gce", "hardware", "gcp"},
		{"gcp/cloud-sql", "db-engine-patching", "gcp"},
		{"gcp/gke", "guest-os-patching", "shared"},
		{"gcp/gke:autopilot", "guest-os-patching", "gcp"},
		{"gcp/bigquery", "guest-os-patching", "gcp"},
		{"gcp/cloud-storage", "iam", "customer"},
		{"gcp/cloud-functions", "runtime-patching", "gcp"},
	}
	for _, tc := range tests {
		tg, err := m.ResolveTarget("aws", tc.target)
		if err != nil {
			t.Fatalf("%s: %v", tc.target, err)
		}
		c := m.Cell(tg.Service.ID, tg.VariantID(), tc.item)
		if c == nil || c.Owner != tc.owner {
			t.Errorf("%s / %s: owner %v, want %s", tc.target, tc.item, c, tc.owner)
		}
	}
}

// TestNamesUsersType resolves the names people type for the services the
// breadth round added, and checks that a name the model does not hold is
// never answered with a service that merely shares its letters.
func TestNamesUsersType(t *testing.T) {
	m, _ := loadEmbedded(t)
	for name, want := range map[string]string{
		"alb": "elb", "ALB": "elb", "nlb": "elb:nlb", "elb": "elb", "application load balancer": "elb",
		"secrets": "secrets-manager", "param store": "parameter-store", "event bus": "eventbridge",
		"ecr": "ecr", "efs": "efs", "azure/key vault": "key-vault", "gcp/pubsub": "pubsub",
		"gcp/secret manager": "secret-manager", "azure/front door": "front-door",
	} {
		provider := "aws"
		if p, rest, ok := strings.Cut(name, "/"); ok {
			provider, name = p, rest
		}
		got, err := m.ResolveTarget(provider, name)
		if err != nil {
			t.Errorf("%s/%s: %v", provider, name, err)
			continue
		}
		if got.ID() != want {
			t.Errorf("%s/%s = %s, want %s", provider, name, got.ID(), want)
		}
	}
	for _, name := range []string{"ecq", "ekz", "sqz"} {
		_, err := m.ResolveService("aws", name)
		var ne *model.NameError
		if !errors.As(err, &ne) || len(ne.Candidates) > 0 {
			t.Errorf("%q: %v, want no suggestion for a name that only shares letters", name, err)
		}
	}
}
