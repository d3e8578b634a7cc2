package data_test

import (
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"srm/data"
	"srm/pkg/model"
)

// embedded is the model loaded from the shipped TOML, once for every test:
// the tests only read it.
var embedded = sync.OnceValues(func() (*embeddedModel, error) {
	files, err := model.FilesFromFS(data.FS)
	if err != nil {
		return nil, err
	}
	m, err := model.Load(model.Layer{Files: files})
	if err != nil {
		return nil, err
	}
	return &embeddedModel{m, files}, nil
})

type embeddedModel struct {
	m     *model.Model
	files []model.File
}

func loadEmbedded(t *testing.T) (*model.Model, []model.File) {
	t.Helper()
	e, err := embedded()
	if err != nil {
		t.Fatalf("the embedded model does not load: %v", err)
	}
	return e.m, e.files
}

// TestEmbeddedModelLoads loads every shipped file, one subtest per file:
// each must decode strictly on its own, and all together must validate.
func TestEmbeddedModelLoads(t *testing.T) {
	m, files := loadEmbedded(t)
	if len(files) == 0 {
		t.Fatal("no embedded model files")
	}
	for _, f := range files {
		t.Run(f.Path, func(t *testing.T) {
			if ps := model.DecodeProblems(f); len(ps) > 0 {
				t.Fatalf("%d problems, first: %s", len(ps), ps[0])
			}
			services, cells := 0, 0
			for _, s := range m.Services {
				if s.Origin == f.Path {
					services++
				}
			}
			for _, c := range m.Cells {
				if c.Origin == f.Path {
					cells++
				}
			}
			if services > 0 && cells == 0 {
				t.Errorf("the file defines services but no cells")
			}
		})
	}
}

// TestCellsFollowTheRules applies the rules for shipped data: sources on
// the provider's own documentation with titles and checked dates, labels
// that agree with owners, and a summary for every cell.
func TestCellsFollowTheRules(t *testing.T) {
	m, _ := loadEmbedded(t)
	for _, p := range m.Lint() {
		t.Error(p)
	}
}

// TestEachService checks every shipped service on its own: a cell for each
// item of its provider's classic table (an explicit "n/a" where one does not
// apply), a description and documentation link, and variants that override
// only what differs.
func TestEachService(t *testing.T) {
	m, _ := loadEmbedded(t)
	for _, svc := range m.Services {
		t.Run(svc.ID, func(t *testing.T) {
			prov := m.Provider(svc.Provider)
			table := m.Table(prov.DefaultTable)
			for _, item := range table.Items {
				if m.Cell(svc.ID, "", item) == nil {
					t.Errorf("no cell for %s", item)
				}
			}
			if svc.Description == "" {
				t.Error("no description")
			}
			if u, err := url.Parse(svc.Docs); err != nil || !slices.Contains(prov.DocHosts, u.Host) {
				t.Errorf("docs %q is not on %s's documentation", svc.Docs, prov.ShortName)
			}
			for _, c := range m.Cells {
				if c.Service != svc.ID || c.Variant == "" {
					continue
				}
				base := m.Cell(svc.ID, "", c.Item)
				if base != nil && base.Owner == c.Owner && base.Label == c.Label && base.Summary == c.Summary {
					t.Errorf("variant %s repeats the service's own cell for %s", c.Variant, c.Item)
				}
			}
			for _, v := range m.VariantsOf(svc.ID) {
				if v.Description == "" {
					t.Errorf("variant %s has no description", v.ID)
				}
			}
		})
	}
}

// TestServicesCoverTheNotesItems checks the items the note names for S3 and
// DynamoDB beyond the classic fifteen.
func TestServicesCoverTheNotesItems(t *testing.T) {
	m, _ := loadEmbedded(t)
	for svc, items := range map[string][]string{
		"s3":       {"bucket-policies", "object-acls", "block-public-access", "data-classification"},
		"dynamodb": {"table-design"},
	} {
		for _, item := range items {
			if m.Cell(svc, "", item) == nil {
				t.Errorf("%s has no cell for %s", svc, item)
			}
		}
	}
}

// TestCanonicalTableMatchesTheNote compares the model with the note's
// comparison table, kept in testdata/note-table.tsv, cell for cell.
func TestCanonicalTableMatchesTheNote(t *testing.T) {
	m, _ := loadEmbedded(t)
	rows := readNoteTable(t)
	table := m.Table("aws-canonical")
	header := rows[0][1:]
	if len(rows)-1 != len(table.Items) {
		t.Fatalf("the note has %d rows, the table %d items", len(rows)-1, len(table.Items))
	}
	for j, id := range table.Services {
		if got := m.Service(id).ShortName; got != header[j] {
			t.Errorf("column %d is %q, the note's is %q", j, got, header[j])
		}
	}
	for i, row := range rows[1:] {
		item := m.Item(table.Items[i])
		if item.Name != row[0] {
			t.Errorf("row %d is %q, the note's is %q", i, item.Name, row[0])
		}
		for j, svc := range table.Services {
			c := m.Cell(svc, "", item.ID)
			if c == nil || c.Label != row[j+1] {
				t.Errorf("%s/%s: label %v, the note's is %q", svc, item.ID, c, row[j+1])
			}
		}
	}
}

// TestNoteTableIsFaithful checks testdata/note-table.tsv against the note
// itself, where the shared reference material is checked out beside the
// project.
func TestNoteTableIsFaithful(t *testing.T) {
	note, err := os.ReadFile("../../shared/reference/aws-shared-responsibility-model-note.txt")
	if os.IsNotExist(err) {
		t.Skip("../shared/reference is not checked out")
	}
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(note), "\n")
	for _, row := range readNoteTable(t)[1:] {
		want := strings.Join(row, " ")
		if !slices.Contains(lines, want) {
			t.Errorf("the note has no table line %q", want)
		}
	}
}

func readNoteTable(t *testing.T) [][]string {
	t.Helper()
	raw, err := os.ReadFile("testdata/note-table.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		rows = append(rows, strings.Split(line, "\t"))
	}
	return rows
}
