package data_test

import (
	"slices"
	"testing"

	"srm/pkg/model"
)

// TestShiftsMatchTheNote checks srm's shift between every pair of the
// note's three services against the note's table: an item changes owner
// exactly when the owners its labels imply differ, in the direction the
// destination label implies.
func TestShiftsMatchTheNote(t *testing.T) {
	m, _ := loadEmbedded(t)
	rows := readNoteTable(t)
	services := []string{"ec2", "rds", "lambda"}
	table := m.Table("aws-canonical")
	for a := range services {
		for b := range services {
			if a == b {
				continue
			}
			from, to := model.Target{Service: m.Service(services[a])}, model.Target{Service: m.Service(services[b])}
			s := m.Shift(from, to)
			var want []string
			for i, row := range rows[1:] {
				oa, ob := m.OwnerFromLabel("aws", row[a+1]), m.OwnerFromLabel("aws", row[b+1])
				if oa != ob {
					want = append(want, table.Items[i]+"→"+ob)
				}
			}
			var got []string
			for _, c := range s.Changes {
				if slices.Contains(table.Items, c.Item.ID) {
					got = append(got, c.Item.ID+"→"+c.To.Owner)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s → %s:\n got %v\nwant %v", services[a], services[b], got, want)
			}
		}
	}
}

// TestSearchFindsTheRightCell checks how search ranks real questions.
func TestSearchFindsTheRightCell(t *testing.T) {
	m, _ := loadEmbedded(t)
	tests := []struct{ query, want string }{
		{"who patches the OS on EC2", "cell ec2/guest-os-patching"},
		{"Who patches the guest operating system on RDS?", "cell rds/guest-os-patching"},
		{"lambda runtime patching", "cell lambda/runtime-patching"},
		{"container image lambda runtime", "cell lambda:container-image/runtime-patching"},
		{"S3 block public access", "cell s3/block-public-access"},
		{"who rotates AWS managed keys in KMS", "cell kms:aws-managed/key-rotation"},
		{"security groups RDS", "cell rds/network-controls"},
		{"Block Public Access", "item block-public-access"},
		{"Artifact agreements BAA", "faq artifact-reports-agreements"},
	}
	for _, tt := range tests {
		hits := m.Search("aws", tt.query)
		if len(hits) == 0 {
			t.Errorf("%q: no results", tt.query)
			continue
		}
		if got := hitKey(hits[0]); got != tt.want {
			t.Errorf("%q: first result %s, want %s", tt.query, got, tt.want)
		}
	}
}

func hitKey(h model.Hit) string {
	switch h.Kind {
	case model.HitCell:
		return "cell " + h.Target.ID() + "/" + h.Item.ID
	case model.HitService:
		return "service " + h.Target.ID()
	case model.HitItem:
		return "item " + h.Item.ID
	case model.HitTrap:
		return "trap " + h.Trap.ID
	case model.HitFAQ:
		return "faq " + h.FAQ.ID
	}
	return h.Kind
}
