package render

import (
	"strings"

	"srm/pkg/model"
)

// CRMView is a view that can be written as a customer responsibility
// matrix: a CSV in the shape of FedRAMP's.
type CRMView interface {
	View
	CRM() (header []string, records [][]string)
}

// CRM is one record per control: its id and title, where it originates
// across the stack (inherited, shared, customer responsibility), the
// customer's responsibility in words, each service with its own
// origination, and the provider pages behind it. A compliance team pastes
// it into its workbook, so a cell holds no line breaks: services are
// parted by " | " and links by spaces.
func (v *ControlsView) CRM() ([]string, [][]string) {
	var rows [][]string
	for i, c := range v.Controls {
		if c.Role == model.OwnerNotApplicable {
			continue
		}
		co := v.owns[i]
		var resp, services, sources []string
		for j, s := range c.Services {
			services = append(services, v.Services[j].Name+": "+s.Ownership)
			if len(s.CustomerDoes) > 0 {
				resp = append(resp, TargetName(co.Targets[j].Target.Target)+": "+strings.Join(s.CustomerDoes, "; "))
			}
		}
		for _, s := range c.Sources {
			sources = append(sources, s.URL)
		}
		rows = append(rows, []string{c.ID, c.Title, c.Ownership, strings.Join(resp, " | "), strings.Join(services, " | "), strings.Join(sources, " ")})
	}
	return []string{"Control ID", "Control Title", "Origination", "Customer Responsibility", "Services", "Sources"}, rows
}
