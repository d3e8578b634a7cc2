package review

import (
	"slices"
	"strings"
	"testing"

	"srm/data"
	"srm/pkg/iac"
	"srm/pkg/model"
)

func embedded(t *testing.T) *model.Model {
	t.Helper()
	m, err := model.LoadCompiled(data.Model)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func targetIDs(s *Stack) []string {
	var out []string
	for _, st := range s.Targets {
		out = append(out, st.Target.ID())
	}
	slices.Sort(out)
	return out
}

// TestMappingRegressions pins mapping errors found on real stacks: each
// stack here once gave a wrong deployment.
func TestMappingRegressions(t *testing.T) {
	m := embedded(t)
	res := func(typ string, attrs map[string]any) iac.Resource {
		return iac.Resource{Address: typ + ".x", Type: typ, Attributes: attrs}
	}
	ifSpot := func(a, b string) map[string]any {
		return map[string]any{"CapacityProviderStrategy": []any{map[string]any{
			"CapacityProvider": map[string]any{"Fn::If": []any{"HasSpot", a, b}},
		}}}
	}
	tests := []struct {
		name      string
		resources []iac.Resource
		want      []string
		ignored   string // a type that must be ignored
	}{
		{"a Redshift subnet group alone is not a Redshift stack",
			[]iac.Resource{res("aws_redshift_subnet_group", nil), res("aws_vpc", nil)}, nil, "aws_redshift_subnet_group"},
		{"the same subnet group joins a Redshift cluster",
			[]iac.Resource{res("aws_redshift_subnet_group", nil), res("aws_redshift_cluster", nil)}, []string{"redshift"}, ""},
		{"an RDS event subscription alone does not make an RDS deployment",
			[]iac.Resource{res("AWS::RDS::DBCluster", map[string]any{"Engine": "aurora-postgresql"}), res("AWS::RDS::EventSubscription", nil)}, []string{"aurora"}, "AWS::RDS::EventSubscription"},
		{"a DB instance in a cluster is an Aurora member, whatever its engine says",
			[]iac.Resource{res("AWS::RDS::DBInstance", map[string]any{"DBClusterIdentifier": map[string]any{"Ref": "Cluster"}, "Engine": map[string]any{"Ref": "Engine"}})}, []string{"aurora"}, ""},
		{"a Terraform cluster instance is Aurora",
			[]iac.Resource{res("aws_rds_cluster_instance", map[string]any{"engine": "postgres"})}, []string{"aurora"}, ""},
		{"an ECS service whose every branch is Fargate runs on Fargate",
			[]iac.Resource{res("AWS::ECS::Service", ifSpot("FARGATE_SPOT", "FARGATE"))}, []string{"ecs-fargate"}, ""},
		{"an ECS service whose branches differ is both, never a guess",
			[]iac.Resource{res("AWS::ECS::Service", ifSpot("FARGATE", "my-ec2-provider"))}, []string{"ecs-ec2", "ecs-fargate"}, ""},
		{"Terraform helpers carry nothing",
			[]iac.Resource{res("random_pet", nil), res("null_resource", nil), res("time_sleep", nil), res("tls_self_signed_cert", nil), res("local_file", nil), res("archive_file", nil)}, nil, "tls_self_signed_cert"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := NewBuilder(m)
			b.AddStack(&iac.Stack{Path: "stack", Resources: tt.resources}, "")
			s := b.Finish()
			if got := targetIDs(s); !slices.Equal(got, tt.want) {
				t.Errorf("deployments %v, want %v", got, tt.want)
			}
			if len(s.NotReviewed) > 0 {
				t.Errorf("not reviewed: %+v", s.NotReviewed)
			}
			if tt.ignored != "" && !slices.ContainsFunc(s.Ignored, func(tc TypeCount) bool { return tc.Type == tt.ignored && tc.Reason != "" }) {
				t.Errorf("%s is not ignored with a reason: %+v", tt.ignored, s.Ignored)
			}
		})
	}
}

// TestConditionNote: a resource that a condition makes one of two
// deployments says so beside its address.
func TestConditionNote(t *testing.T) {
	b := NewBuilder(embedded(t))
	b.AddStack(&iac.Stack{Resources: []iac.Resource{{Address: "Svc", Type: "AWS::ECS::Service", Attributes: map[string]any{
		"LaunchType": map[string]any{"Fn::If": []any{"OnFargate", "FARGATE", "EC2"}},
	}}}}, "")
	s := b.Finish()
	for _, st := range s.Targets {
		if got := st.Resources[0].Label(); got != "Svc (depends on condition OnFargate)" {
			t.Errorf("%s: %q", st.Target.ID(), got)
		}
	}
}

func TestNotReviewedAndAccept(t *testing.T) {
	m := embedded(t)
	b := NewBuilder(m)
	b.AddStack(&iac.Stack{
		Resources:   []iac.Resource{{Address: "x.a", Type: "aws_imaginary_widget"}, {Address: "x.b", Type: "aws_imaginary_widget"}},
		NotReviewed: []iac.Skipped{{Kind: iac.KindModule, Name: "module.vpc", Source: "terraform-aws-modules/vpc/aws", Why: "remote"}},
	}, "app:")
	s := b.Finish()
	if len(s.NotReviewed) != 2 {
		t.Fatalf("not reviewed = %+v", s.NotReviewed)
	}
	if got := s.NotReviewed[0]; got.Kind != KindResourceType || strings.Join(got.Resources, ",") != "app:x.a,app:x.b" {
		t.Errorf("unknown type = %+v", got)
	}
	if got := s.NotReviewed[1].Name; got != "app:module.vpc" {
		t.Errorf("module = %q", got)
	}
	acks := &model.Acks{NotReviewed: []*model.SkipAck{{Type: "aws_imaginary_*", Owner: "Team", Reason: "fine"}}}
	left := s.Accept(acks, model.Today())
	if len(left) != 1 || left[0].Kind != iac.KindModule || s.NotReviewed[0].Ack == nil {
		t.Errorf("left = %+v", left)
	}
}
