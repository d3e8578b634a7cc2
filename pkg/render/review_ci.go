package render

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"srm/pkg/model"
)

// The formats CI systems read: SARIF for code scanning, JUnit XML for test
// reports. A review writes both; other views have no findings to report.

// SARIFView is a view with SARIF 2.1.0 findings.
type SARIFView interface {
	View
	SARIF() any
}

// JUnitView is a view with JUnit XML test results.
type JUnitView interface {
	View
	JUnit() any
}

const (
	sarifSchema     = "https://json.schemastore.org/sarif-2.1.0.json"
	srmURI          = "https://github.com/srm-tool/srm"
	notReviewedRule = "not-reviewed"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string         `json:"id"`
	Name             string         `json:"name"`
	ShortDescription sarifText      `json:"shortDescription"`
	FullDescription  sarifText      `json:"fullDescription"`
	Help             sarifText      `json:"help"`
	HelpURI          string         `json:"helpUri,omitempty"`
	Properties       map[string]any `json:"properties,omitempty"`
}

type sarifText struct {
	Text string `json:"text"`
}

// MarshalJSON sanitises text: code scanning shows it to people, so no
// control, bidi or zero-width character may reach it raw.
func (t sarifText) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Text string `json:"text"`
	}{Sanitize(t.Text)})
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations,omitempty"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine int `json:"startLine"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification"`
}

func newSuppression(owner, why string) []sarifSuppression {
	return []sarifSuppression{{Kind: "external", Justification: Sanitize(ackJustification(owner, why))}}
}

// SARIF is the review as code-scanning findings: one rule per item, one
// result per customer or shared responsibility of each service (with a
// suppression when an acknowledgement covers it), and one per thing srm
// did not review.
func (v *ReviewView) SARIF() any {
	m, r := v.m, v.r
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: "srm", InformationURI: srmURI, Rules: []sarifRule{}}}, Results: []sarifResult{}}
	ruleIndex := map[string]int{}
	rule := func(id string, make func() sarifRule) int {
		if i, ok := ruleIndex[id]; ok {
			return i
		}
		ruleIndex[id] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, make())
		return ruleIndex[id]
	}
	for _, resp := range r.Review.Responsibilities {
		it := resp.Item
		idx := rule(it.ID, func() sarifRule {
			return sarifRule{
				ID: Sanitize(it.ID), Name: ruleName(Sanitize(it.Name)),
				ShortDescription: sarifText{it.Name}, FullDescription: sarifText{it.Description},
				Help: sarifText{strings.Join(duties(resp.Entries), "\n")}, HelpURI: Sanitize(firstSource(resp.Entries)),
				Properties: map[string]any{"category": Sanitize(it.Category)},
			}
		})
		for _, e := range resp.Entries {
			t := e.Target.Target
			msg := fmt.Sprintf("%s on %s is %s's: %s", it.Name, TargetName(t), strings.ToLower(OwnerName(m, e.Cell.Owner)), e.Cell.Label)
			if len(e.Cell.CustomerDoes) > 0 {
				msg += ". The customer " + lowerFirst(strings.Join(e.Cell.CustomerDoes, "; ")) + "."
			}
			res := sarifResult{
				RuleID: Sanitize(it.ID), RuleIndex: idx, Level: "warning", Message: sarifText{msg},
				PartialFingerprints: map[string]string{"srm/v1": Sanitize(it.ID + "/" + t.ID())},
			}
			res.Locations = resourceLocations(e.Target.Resources, &res.Message)
			if e.Ack != nil {
				res.Suppressions = newSuppression(e.Ack.Owner, e.Ack.Evidence)
			}
			run.Results = append(run.Results, res)
		}
	}
	for _, nr := range r.Stack.NotReviewed {
		idx := rule(notReviewedRule, func() sarifRule {
			return sarifRule{
				ID: notReviewedRule, Name: "NotReviewed",
				ShortDescription: sarifText{"Not reviewed"},
				FullDescription:  sarifText{"Something in the stack srm could not review: a resource type it does not know or cannot review, a registry module, a nested stack at a URL, a linked template or a Bicep file."},
				Help:             sarifText{"Review it another way, then accept it with a [[not_reviewed]] entry in the acknowledgement file, naming who owns it and why."},
			}
		})
		res := sarifResult{
			RuleID: notReviewedRule, RuleIndex: idx, Level: "warning", Message: sarifText{notReviewedLine(nr)},
			PartialFingerprints: map[string]string{"srm/v1": Sanitize(notReviewedRule + "/" + nr.Kind + "/" + nr.Name)},
		}
		if file, line := splitWhere(nr.Where); file != "" {
			res.Locations = []sarifLocation{location(file, line)}
		}
		if nr.Ack != nil {
			res.Suppressions = newSuppression(nr.Ack.Owner, nr.Ack.Reason)
		}
		run.Results = append(run.Results, res)
	}
	return &sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}}
}

// resourceLocations points a result at the first resource with a file,
// with its line where the input has lines; the resource addresses join the
// message, since a plan's resources all sit in one file.
func resourceLocations(resources []model.StackResource, msg *sarifText) []sarifLocation {
	var addrs []string
	for _, res := range resources {
		addrs = append(addrs, res.Address)
	}
	if len(addrs) > 0 {
		msg.Text += " Resources: " + shortList(addrs, 5) + "."
	}
	for _, res := range resources {
		if res.File != "" && res.File != "-" {
			return []sarifLocation{location(res.File, res.Line)}
		}
	}
	return nil
}

func location(file string, line int) sarifLocation {
	loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: Sanitize(repoPath(file))}}}
	if line > 0 {
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: line}
	}
	return loc
}

// repoPath makes a path relative to the working directory, where a CI job
// runs srm from the repository root, with forward slashes, as code
// scanning wants.
func repoPath(file string) string {
	if filepath.IsAbs(file) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, file); err == nil && !strings.HasPrefix(rel, "..") {
				file = rel
			}
		}
	}
	return filepath.ToSlash(filepath.Clean(file))
}

// splitWhere splits "infra/main.tf:18" into the file and the line.
func splitWhere(where string) (string, int) {
	if i := strings.LastIndexByte(where, ':'); i > 0 {
		if n, err := strconv.Atoi(where[i+1:]); err == nil {
			return where[:i], n
		}
	}
	return where, 0
}

func ackJustification(owner, why string) string {
	if why == "" {
		return "covered by " + owner
	}
	return "covered by " + owner + ": " + why
}

func firstSource(entries []model.ReviewEntry) string {
	for _, e := range entries {
		if len(e.Cell.Sources) > 0 {
			return e.Cell.Sources[0].URL
		}
	}
	return ""
}

// ruleName is an item's name as SARIF's PascalCase rule name.
func ruleName(name string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !isWordRune(r) }) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// JUnit is the review as test results: one suite per service, one case per
// responsibility, failed while no acknowledgement covers it with the
// customer's duties as the failure; then a suite for what was not
// reviewed.
func (v *ReviewView) JUnit() any {
	m, r := v.m, v.r
	out := &junitSuites{Name: "srm review"}
	suites := map[string]*junitSuite{}
	var order []string
	for _, resp := range r.Review.Responsibilities {
		for _, e := range resp.Entries {
			t := e.Target.Target
			s := suites[t.ID()]
			if s == nil {
				s = &junitSuite{Name: Sanitize(columnName(m, t, len(stackProviders(m, r.Review)) > 1))}
				suites[t.ID()] = s
				order = append(order, t.ID())
			}
			c := junitCase{Name: Sanitize(resp.Item.Name + " (" + e.Cell.Label + ")"), ClassName: Sanitize("srm." + t.ID() + "." + resp.Item.ID)}
			if e.Ack == nil {
				c.Failure = &junitFailure{
					Message: Sanitize("no acknowledgement covers " + resp.Item.Name + " on " + TargetName(t)),
					Type:    "unacknowledged",
					Text:    sanitizedLines(e.Cell.CustomerDoes),
				}
				s.Failures++
			} else {
				c.SystemOut = Sanitize(ackJustification(e.Ack.Owner, e.Ack.Evidence))
			}
			s.Tests++
			s.Cases = append(s.Cases, c)
		}
	}
	if len(r.Stack.NotReviewed) > 0 {
		s := &junitSuite{Name: "Not reviewed"}
		suites[notReviewedRule] = s
		order = append(order, notReviewedRule)
		for _, nr := range r.Stack.NotReviewed {
			c := junitCase{Name: Sanitize(nr.Kind + " " + nr.Name), ClassName: "srm." + notReviewedRule}
			if nr.Ack == nil {
				c.Failure = &junitFailure{Message: "not reviewed and not accepted", Type: notReviewedRule, Text: Sanitize(notReviewedLine(nr))}
				s.Failures++
			} else {
				c.SystemOut = Sanitize(ackJustification(nr.Ack.Owner, nr.Ack.Reason))
			}
			s.Tests++
			s.Cases = append(s.Cases, c)
		}
	}
	for _, id := range order {
		s := suites[id]
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Suites = append(out.Suites, *s)
	}
	return out
}

func writeJUnit(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// sanitizedLines joins lines with newlines after making each safe, so
// that the newlines themselves survive.
func sanitizedLines(lines []string) string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = Sanitize(l)
	}
	return strings.Join(out, "\n")
}
