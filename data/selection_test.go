package data_test

import (
	"errors"
	"strings"
	"testing"

	"srm/pkg/model"
)

// TestSelectTable checks how a table's services, items and variant are
// chosen: the provider's default table with no flags, every applying item
// with services only, and a --variant that must fit some service.
func TestSelectTable(t *testing.T) {
	m, _ := loadEmbedded(t)
	aws := m.Provider("aws")
	for _, tt := range []struct {
		services, items []string
		variant         string
		wantTargets     []string
		wantItems       int // 0: don't check
		wantTitle       bool
		wantClass       string
	}{
		{wantTargets: []string{"ec2", "rds", "lambda"}, wantItems: 15, wantTitle: true},
		{services: []string{"ec2"}, items: []string{"iam", "data"}, wantTargets: []string{"ec2"}, wantItems: 2},
		{services: []string{"lambda", "ec2"}, variant: "container-image", wantTargets: []string{"lambda:container-image", "ec2"}},
		{services: []string{"lambda:auto-update"}, variant: "container-image", wantClass: model.ClassUsage},
		{services: []string{"nope"}, wantClass: model.ClassName},
	} {
		sel, err := m.SelectTable(aws, tt.services, tt.items, tt.variant)
		if tt.wantClass != "" {
			var c interface{ ErrorClass() string }
			if !errors.As(err, &c) || c.ErrorClass() != tt.wantClass {
				t.Errorf("%v: err %v, want class %s", tt.services, err, tt.wantClass)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v: %v", tt.services, err)
			continue
		}
		var ids []string
		for _, tg := range sel.Targets {
			ids = append(ids, tg.ID())
		}
		if len(ids) != len(tt.wantTargets) {
			t.Errorf("%v: targets %v, want %v", tt.services, ids, tt.wantTargets)
			continue
		}
		for i := range ids {
			if ids[i] != tt.wantTargets[i] {
				t.Errorf("%v: targets %v, want %v", tt.services, ids, tt.wantTargets)
			}
		}
		if tt.wantItems > 0 && len(sel.Items) != tt.wantItems {
			t.Errorf("%v: %d items, want %d", tt.services, len(sel.Items), tt.wantItems)
		}
		if (sel.Title != "") != tt.wantTitle {
			t.Errorf("%v: title %q", tt.services, sel.Title)
		}
	}
}

// TestQuizScope checks that a named service brings its variants, and
// that no names mean every deployment and every item.
func TestQuizScope(t *testing.T) {
	m, _ := loadEmbedded(t)
	aws := m.Provider("aws")
	targets, items, err := m.QuizScope(aws, []string{"lambda"}, []string{"iam"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if want := 1 + len(m.VariantsOf("lambda")); len(targets) != want || len(items) != 1 {
		t.Errorf("lambda: %d targets, %d items; want %d and 1", len(targets), len(items), want)
	}
	targets, items, err = m.QuizScope(aws, nil, nil, true)
	if err != nil || len(targets) != len(m.Deployments("aws")) || len(items) != len(m.Items) {
		t.Errorf("--all: %d targets, %d items, %v", len(targets), len(items), err)
	}
	// With no names, the exam's scope: EC2, RDS, Lambda, S3 and DynamoDB
	// as deployed by default, with no question whose answer is n/a.
	targets, items, _ = m.QuizScope(aws, nil, nil, false)
	var ids []string
	for _, tg := range targets {
		ids = append(ids, tg.ID())
	}
	if strings.Join(ids, ",") != "ec2,rds,lambda,s3,dynamodb" {
		t.Errorf("default scope %v", ids)
	}
	for _, q := range m.Quiz(targets, items, 1000, 7, false) {
		if q.Cell.Owner == model.OwnerNotApplicable {
			t.Errorf("%s/%s: an n/a question in the exam's scope", q.Target.ID(), q.Item.ID)
		}
	}
}
