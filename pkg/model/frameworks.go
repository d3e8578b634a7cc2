package model

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// Framework is a catalog of compliance controls, such as NIST SP 800-53,
// that srm's items are mapped to. srm's mapping is its own reading of the
// controls, not an authorization: each mapping says why.
type Framework struct {
	ID          string   `toml:"id" required:"true" doc:"Lower-case id, such as \"nist-800-53\"."`
	Name        string   `toml:"name" required:"true" doc:"Full name, such as \"NIST SP 800-53 Rev. 5\"."`
	ShortName   string   `toml:"short_name" required:"true" doc:"Short name, such as \"NIST 800-53\"."`
	Aliases     []string `toml:"aliases" doc:"Other names people type for the framework."`
	Version     string   `toml:"version" required:"true" doc:"The release of the framework whose control ids and titles the mappings use, such as \"5.1.1\"."`
	Description string   `toml:"description" doc:"One sentence on what the framework is."`
	// Ownership names the words ownership takes in the framework: FedRAMP's
	// for NIST SP 800-53, the CSA's for its Cloud Controls Matrix.
	Ownership string `toml:"ownership" required:"true" enum:"fedramp,ccm" doc:"The words ownership takes: \"fedramp\" (inherited, shared, customer responsibility, not applicable) or \"ccm\" (CSP-owned, CSC-owned, shared CSP and CSC, third-party, N/A)."`
	// Catalog is where the framework's machine-readable catalog lives, the
	// source an OSCAL control implementation names.
	Catalog string   `toml:"catalog" doc:"URL of the framework's machine-readable catalog (OSCAL, where there is one)."`
	Sources []Source `toml:"sources" required:"true" doc:"Pages that publish the framework."`
	Origin  string   `toml:"-"`
}

// Framework ownership styles.
const (
	OwnershipFedRAMP = "fedramp"
	OwnershipCCM     = "ccm"
)

// FrameworkControl is one control of a framework that items map to.
type FrameworkControl struct {
	Framework string `toml:"framework" required:"true" doc:"Id of the framework."`
	// Code is the control's id as the framework writes it; srm's own ids
	// are lower-case words, and these are not.
	Code   string `toml:"id" required:"true" pattern:"^[A-Z&]+-[0-9]+(\\([0-9]+\\))?$" doc:"The control's id as the framework writes it, such as \"SI-2\" or \"SC-28(1)\"."`
	Title  string `toml:"title" doc:"The control's title in the framework's release named by its version; may be left out where the framework's licence does not allow copying titles."`
	Family string `toml:"family" doc:"The control's family or domain, such as \"System and Information Integrity\"."`
	Origin string `toml:"-"`
}

// ControlMapping says which controls of a framework an item contributes to, and
// why. An item no control fits has an empty list and a rationale saying so,
// so that every item has a decision.
type ControlMapping struct {
	Framework string   `toml:"framework" required:"true" doc:"Id of the framework."`
	Item      string   `toml:"item" required:"true" doc:"Id of the item."`
	Controls  []string `toml:"controls" doc:"Ids of the framework's controls the item contributes to; empty when none fits."`
	Rationale string   `toml:"rationale" required:"true" doc:"One sentence on why the item belongs to these controls, or why to none."`
	Origin    string   `toml:"-"`
}

func (f *Framework) entryKey() string        { return f.ID }
func (c *FrameworkControl) entryKey() string { return c.Framework + "/" + strings.ToUpper(c.Code) }
func (mp *ControlMapping) entryKey() string  { return mp.Framework + "/" + mp.Item }

// Name shows the control as the framework does, with its title: "SI-2 Flaw
// Remediation".
func (c *FrameworkControl) Name() string {
	if c.Title == "" {
		return c.Code
	}
	return c.Code + " " + c.Title
}

// OSCALID is the control's id in an OSCAL catalog: "si-2", "sc-28.1".
func (c *FrameworkControl) OSCALID() string {
	id := strings.ToLower(c.Code)
	id = strings.ReplaceAll(id, "(", ".")
	return strings.ReplaceAll(id, ")", "")
}

// Ownership words: what each role is called in a framework's terms.
const (
	FedRAMPInherited     = "inherited"
	FedRAMPShared        = "shared"
	FedRAMPCustomer      = "customer responsibility"
	FedRAMPNotApplicable = "not applicable"

	CCMProvider      = "CSP-owned"
	CCMCustomer      = "CSC-owned"
	CCMShared        = "Shared CSP and CSC"
	CCMThirdParty    = "3rd-party outsourced"
	CCMNotApplicable = "N/A"
)

// OwnershipWord says a role in the framework's words. A third party, such
// as a platform team an overlay adds, is the customer's own delegate under
// FedRAMP, where the customer answers for it, and "3rd-party outsourced" under CCM.
func (f *Framework) OwnershipWord(role string) string {
	ccm := f.Ownership == OwnershipCCM
	switch role {
	case KindProvider:
		return pick(ccm, CCMProvider, FedRAMPInherited)
	case KindCustomer:
		return pick(ccm, CCMCustomer, FedRAMPCustomer)
	case OwnerShared:
		return pick(ccm, CCMShared, FedRAMPShared)
	case OwnerNotApplicable, "":
		return pick(ccm, CCMNotApplicable, FedRAMPNotApplicable)
	}
	return pick(ccm, CCMThirdParty, FedRAMPCustomer)
}

func pick(cond bool, yes, no string) string {
	if cond {
		return yes
	}
	return no
}

// OwnershipWords lists every word of the framework, in the order provider,
// shared, customer, third party, not applicable, without repeats.
func (f *Framework) OwnershipWords() []string {
	var out []string
	for _, r := range []string{KindProvider, OwnerShared, KindCustomer, KindThirdParty, OwnerNotApplicable} {
		if w := f.OwnershipWord(r); !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// controlNumberOrder sorts "AC-2" before "AC-10" and "AC-2" before
// "AC-2(1)": by family, then by each number in turn.
func controlNumberOrder(a, b string) int {
	fa, ra, _ := strings.Cut(strings.ToUpper(a), "-")
	fb, rb, _ := strings.Cut(strings.ToUpper(b), "-")
	if c := strings.Compare(fa, fb); c != 0 {
		return c
	}
	na, nb := controlNumbers(ra), controlNumbers(rb)
	for i := 0; i < len(na) && i < len(nb); i++ {
		if c := cmp.Compare(na[i], nb[i]); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(na), len(nb))
}

func controlNumbers(s string) []int {
	var out []int
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' }) {
		n, _ := strconv.Atoi(part)
		out = append(out, n)
	}
	return out
}
