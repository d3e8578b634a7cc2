package model

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Ack says that a team has covered one of its responsibilities: who covers
// it, and where the evidence is.
type Ack struct {
	Item     string   `toml:"item" required:"true" doc:"Id (or name) of the item acknowledged."`
	Services []string `toml:"services" doc:"The services (or service:variant) it covers; empty for every service in the stack."`
	Owner    string   `toml:"owner" required:"true" doc:"Who covers it, such as a team."`
	Evidence string   `toml:"evidence" required:"true" doc:"Where the evidence is, such as a runbook, dashboard or policy."`
	Note     string   `toml:"note" doc:"Anything a reviewer should know."`
	// Expires ends the acknowledgement: after this date it covers nothing.
	Expires    Date   `toml:"expires" doc:"The last day the acknowledgement holds, such as 2027-03-31; after it, it covers nothing and the gate says so."`
	ApprovedBy string `toml:"approved_by" doc:"Who approved the acknowledgement."`

	used bool // it covered something in the stack reviewed

	// Resolved by ParseAcks.
	itemID  string
	targets []Target
	File    string `toml:"-"`
	Line    int    `toml:"-"`
}

// SkipAck accepts something a review could not read — a resource type srm
// does not know, or a module, nested stack or template it does not fetch:
// who owns it and why that is fine.
type SkipAck struct {
	Type     string `toml:"type" doc:"A resource type srm does not know, such as \"aws_lb\"; a trailing * matches any type with that prefix."`
	Source   string `toml:"source" doc:"A module source, nested stack or template location, such as \"terraform-aws-modules/vpc/aws\"."`
	Owner    string `toml:"owner" required:"true" doc:"Who owns it, such as a team."`
	Reason   string `toml:"reason" required:"true" doc:"Why it is fine that srm does not review it."`
	Evidence string `toml:"evidence" doc:"Where the evidence is, if anywhere."`
	// Expires ends the acceptance: after this date it accepts nothing.
	Expires    Date   `toml:"expires" doc:"The last day the entry holds, such as 2027-03-31."`
	ApprovedBy string `toml:"approved_by" doc:"Who approved the entry."`

	used bool // it accepted something in the stack reviewed

	File string `toml:"-"`
	Line int    `toml:"-"`
}

// Accepts reports whether the entry accepts a resource type (kind
// "resource type") or a source of any other kind.
func (a *SkipAck) Accepts(kind, name, source string) bool {
	if a.Type != "" {
		if kind != "resource type" {
			return false
		}
		if p, ok := strings.CutSuffix(a.Type, "*"); ok {
			return strings.HasPrefix(name, p)
		}
		return a.Type == name
	}
	return a.Source != "" && a.Source == source
}

// Acks is what an acknowledgement file holds.
type Acks struct {
	Acks        []*Ack
	NotReviewed []*SkipAck
}

type ackDocument struct {
	Acks        []*Ack     `toml:"acks"`
	NotReviewed []*SkipAck `toml:"not_reviewed"`
}

var ackDocumentType = reflect.TypeFor[ackDocument]()

// ParseAcks reads an acknowledgement file with the same strictness as a
// model file: unknown keys, unknown items or services and empty owners or
// evidence are problems that name the line. It returns a *LoadError.
func (m *Model) ParseAcks(f File, provider string) (*Acks, error) {
	ps := &problems{file: f.Path}
	if len(f.Data) > MaxFileBytes {
		ps.add(0, "", "file is %d bytes, more than the limit of %d", len(f.Data), MaxFileBytes)
		return nil, &LoadError{Problems: ps.list}
	}
	ps.lines = newLineIndex(f.Data)
	if line := tomlDepthExceeded(f.Data, MaxTOMLDepth); line > 0 {
		ps.add(line, "", "arrays and tables nest more than %d levels deep", MaxTOMLDepth)
		return nil, &LoadError{Problems: ps.list}
	}
	if line := tomlDottedKeyTooLong(f.Data, MaxDottedKeyParts); line > 0 {
		ps.add(line, "", "a dotted key has more than %d parts", MaxDottedKeyParts)
		return nil, &LoadError{Problems: ps.list}
	}
	var doc ackDocument
	md, err := toml.Decode(string(f.Data), &doc)
	if err != nil {
		ps.add(errorLine(err), "", "%s", tomlMessage(err))
		return nil, &LoadError{Problems: ps.list}
	}
	checkKeys(md, ps, ackDocumentType)
	if len(doc.Acks)+len(doc.NotReviewed) > MaxEntities {
		ps.add(0, "", "%d acknowledgements, more than the limit of %d", len(doc.Acks)+len(doc.NotReviewed), MaxEntities)
		return nil, &LoadError{Problems: ps.list}
	}
	for i, a := range doc.Acks {
		a.File, a.Line = f.Path, ps.lines.entry("acks", i)
		if strings.TrimSpace(a.Owner) == "" {
			ps.addEntry("acks", i, "owner", "empty: say who covers this responsibility")
		}
		if strings.TrimSpace(a.Evidence) == "" {
			ps.addEntry("acks", i, "evidence", "empty: say where the evidence is")
		}
		if a.Item == "" {
			ps.addEntry("acks", i, "item", "missing required key")
		} else if it, err := m.ResolveItem(a.Item); err != nil {
			ps.addEntry("acks", i, "item", "%s", err)
		} else {
			a.itemID = it.ID
		}
		for j, name := range a.Services {
			t, err := m.ResolveTarget(provider, name)
			if err != nil {
				ps.addEntry("acks", i, "services["+strconv.Itoa(j)+"]", "%s", err)
				continue
			}
			a.targets = append(a.targets, t)
		}
		checkAckText(ps, "acks", i, a)
	}
	for i, a := range doc.NotReviewed {
		a.File, a.Line = f.Path, ps.lines.entry("not_reviewed", i)
		if (a.Type == "") == (a.Source == "") {
			ps.addEntry("not_reviewed", i, "type", "give exactly one of type (a resource type) or source (a module, stack or template)")
		}
		if strings.TrimSpace(a.Owner) == "" {
			ps.addEntry("not_reviewed", i, "owner", "empty: say who owns it")
		}
		if strings.TrimSpace(a.Reason) == "" {
			ps.addEntry("not_reviewed", i, "reason", "empty: say why it is fine that srm does not review it")
		}
		checkAckText(ps, "not_reviewed", i, a)
	}
	if len(ps.list) > 0 {
		return nil, &LoadError{Problems: ps.list}
	}
	return &Acks{Acks: doc.Acks, NotReviewed: doc.NotReviewed}, nil
}

// checkAckText applies the model's limits on text to one entry of an
// acknowledgement file.
func checkAckText(ps *problems, section string, i int, e any) {
	walkStrings(reflect.ValueOf(e), "", func(field, s string) {
		if len(s) > MaxTextLen*4 || utf8.RuneCountInString(s) > MaxTextLen {
			ps.addEntry(section, i, field, "text is longer than %d characters", MaxTextLen)
			return
		}
		for _, r := range s {
			if isUnsafeText(r) {
				ps.addEntry(section, i, field, "text contains the control or format character %U", r)
				return
			}
		}
	}, func(field string, n int) {
		if n > MaxListLen {
			ps.addEntry(section, i, field, "list has %d entries, more than the limit of %d", n, MaxListLen)
		}
	})
}

// covers reports whether the acknowledgement covers an item of a target:
// a service listed without a variant covers all its variants.
func (a *Ack) covers(item string, t Target) bool {
	if a.itemID != item {
		return false
	}
	if len(a.targets) == 0 {
		return true
	}
	return slices.ContainsFunc(a.targets, func(x Target) bool {
		return x.Service.ID == t.Service.ID && (x.Variant == nil || x.Variant == t.Variant)
	})
}

// Expired reports whether the acknowledgement's date has passed.
func (a *Ack) Expired(today Date) bool { return !a.Expires.IsZero() && a.Expires.Before(today) }

// Expired reports whether the entry's date has passed.
func (a *SkipAck) Expired(today Date) bool { return !a.Expires.IsZero() && a.Expires.Before(today) }

// MarkUsed records that the entry accepted something in the stack.
func (a *SkipAck) MarkUsed() { a.used = true }

// AckRef names an entry of an acknowledgement file in messages and JSON.
type AckRef struct {
	File    string
	Line    int
	Entry   string // "db-users on rds", or a type or source not reviewed
	Expires Date
}

func (r AckRef) String() string {
	s := r.File
	if r.Line > 0 {
		s += ":" + strconv.Itoa(r.Line)
	}
	return s + " (" + r.Entry + ")"
}

func (a *Ack) ref() AckRef {
	entry := a.itemID
	if len(a.Services) > 0 {
		entry += " on " + strings.Join(a.Services, ", ")
	}
	return AckRef{File: a.File, Line: a.Line, Entry: entry, Expires: a.Expires}
}

func (a *SkipAck) ref() AckRef {
	entry := a.Type
	if entry == "" {
		entry = a.Source
	}
	return AckRef{File: a.File, Line: a.Line, Entry: entry, Expires: a.Expires}
}

// Expired lists the entries whose date has passed before today.
func (acks *Acks) Expired(today Date) []AckRef {
	var out []AckRef
	for _, a := range acks.Acks {
		if a.Expired(today) {
			out = append(out, a.ref())
		}
	}
	for _, a := range acks.NotReviewed {
		if a.Expired(today) {
			out = append(out, a.ref())
		}
	}
	return out
}

// Stale lists the entries still in date that covered nothing in the stack
// last acknowledged: a service or module that left the stack, or a typo.
func (acks *Acks) Stale(today Date) []AckRef {
	var out []AckRef
	for _, a := range acks.Acks {
		if !a.used && !a.Expired(today) {
			out = append(out, a.ref())
		}
	}
	for _, a := range acks.NotReviewed {
		if !a.used && !a.Expired(today) {
			out = append(out, a.ref())
		}
	}
	return out
}

// Today is the current date in UTC, for expiry.
func Today() Date {
	t := time.Now().UTC()
	return Date{t.Year(), t.Month(), t.Day()}
}
