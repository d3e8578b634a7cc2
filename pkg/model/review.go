package model

import "strconv"

// StackTarget is one deployment found in a stack, with the resources that
// stand for it (empty when the user listed the service by name).
type StackTarget struct {
	Target    Target
	Resources []StackResource
}

// StackResource is a resource of a stack: its address, how many instances
// its declaration makes and where it is declared.
type StackResource struct {
	Address string
	Count   int    // instances; 0 and 1 both mean one
	Note    string // such as "count known only at plan time"
	File    string // the file that declares it, where known
	Line    int    // its line in File, where the input has lines
}

// Label is the address with its count or note, as people read it:
// "aws_instance.web (×3)".
func (r StackResource) Label() string {
	switch {
	case r.Note != "":
		return r.Address + " (" + r.Note + ")"
	case r.Count > 1:
		return r.Address + " (×" + strconv.Itoa(r.Count) + ")"
	}
	return r.Address
}

// Addresses lists the addresses of a deployment's resources.
func (st StackTarget) Addresses() []string {
	out := make([]string, len(st.Resources))
	for i, r := range st.Resources {
		out[i] = r.Address
	}
	return out
}

// Review is what a stack leaves to the customer: every responsibility
// that is the customer's or shared on at least one of its deployments.
type Review struct {
	Targets          []StackTarget
	Responsibilities []*Responsibility
	// ProviderOwned are the items the provider owns on every deployment of
	// the stack where they apply (n/a cells do not count against them),
	// summarised rather than listed.
	ProviderOwned []*Item
	// AppSide are the cells whose duty lies in the applications that use
	// a deployment, not in the deployment (a managed database's runtime
	// patching): said once, not listed as the deployment's duties, and
	// needing no acknowledgement.
	AppSide []ReviewEntry
}

// Responsibility is one item the customer owns or shares somewhere in the
// stack, with each deployment where it does.
type Responsibility struct {
	Item    *Item
	Entries []ReviewEntry
}

// ReviewEntry is one deployment's cell for a responsibility.
type ReviewEntry struct {
	Target StackTarget
	Cell   *Cell
	// Ack is the acknowledgement that covers it, if any.
	Ack *Ack
}

// Review gathers the customer's and the shared responsibilities of a stack,
// deduplicated by item and ordered by category, then by item.
func (m *Model) Review(targets []StackTarget) *Review {
	r := &Review{Targets: targets}
	byItem := map[string]*Responsibility{}
	for _, cat := range m.Categories {
		for _, it := range m.Items {
			if it.Category != cat.ID {
				continue
			}
			providerOnly, seen := true, false
			for _, st := range targets {
				c := m.Cell(st.Target.Service.ID, st.Target.VariantID(), it.ID)
				if c == nil {
					continue
				}
				switch m.Role(c.Owner) {
				case KindProvider:
					seen = true
					continue
				case OwnerNotApplicable:
					continue
				}
				providerOnly = false
				if c.AppSide {
					r.AppSide = append(r.AppSide, ReviewEntry{Target: st, Cell: c})
					continue
				}
				resp := byItem[it.ID]
				if resp == nil {
					resp = &Responsibility{Item: it}
					byItem[it.ID] = resp
					r.Responsibilities = append(r.Responsibilities, resp)
				}
				resp.Entries = append(resp.Entries, ReviewEntry{Target: st, Cell: c})
			}
			if seen && providerOnly {
				r.ProviderOwned = append(r.ProviderOwned, it)
			}
		}
	}
	return r
}

// Acknowledge marks each entry that an acknowledgement covers and returns
// the entries that none covers.
func (r *Review) Acknowledge(acks *Acks, today Date) []ReviewEntry {
	var missing []ReviewEntry
	for _, resp := range r.Responsibilities {
		for i := range resp.Entries {
			e := &resp.Entries[i]
			e.Ack = nil
			for _, a := range acks.Acks {
				if !a.Expired(today) && a.covers(resp.Item.ID, e.Target.Target) {
					e.Ack = a
					a.used = true
					break
				}
			}
			if e.Ack == nil {
				missing = append(missing, *e)
			}
		}
	}
	// App-side duties need no acknowledgement, but one written for them
	// still covers something in the stack: it is not stale.
	for i := range r.AppSide {
		e := &r.AppSide[i]
		e.Ack = nil
		for _, a := range acks.Acks {
			if !a.Expired(today) && a.covers(e.Cell.Item, e.Target.Target) {
				e.Ack, a.used = a, true
				break
			}
		}
	}
	return missing
}

// Without drops the entries whose key is in seen, and the responsibilities
// left with none: what a baseline review already asked about. A key is
// "item service" or "item service:variant", as EntryKey makes it.
func (r *Review) Without(seen map[string]bool) {
	var kept []*Responsibility
	for _, resp := range r.Responsibilities {
		var entries []ReviewEntry
		for _, e := range resp.Entries {
			if !seen[EntryKey(resp.Item.ID, e.Target.Target.ID())] {
				entries = append(entries, e)
			}
		}
		if len(entries) > 0 {
			resp.Entries = entries
			kept = append(kept, resp)
		}
	}
	r.Responsibilities = kept
}

// EntryKey names one responsibility of one deployment.
func EntryKey(item, target string) string { return item + " " + target }
