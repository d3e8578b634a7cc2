package render

// VersionView is srm version: the build srm was made from.
type VersionView struct {
	Header
	Version    string `json:"version" doc:"Module version, or \"(devel)\" for a build from a checkout."`
	Commit     string `json:"commit" doc:"The VCS revision it was built from, when known."`
	CommitTime string `json:"commit_time" doc:"That revision's time, RFC 3339."`
	Modified   bool   `json:"modified" doc:"Whether the checkout had uncommitted changes."`
	Go         string `json:"go" doc:"The Go version that built it."`
}

// Line is the one-line version both srm version and srm --version print:
// "srm v1.2.0 (commit 1a2b3c4d5e6f, 2026-11-27T10:00:00Z) go1.26.8".
func (v *VersionView) Line() string {
	s := "srm " + v.Version
	if v.Commit != "" {
		commit := v.Commit
		if len(commit) > 12 {
			commit = commit[:12]
		}
		s += " (commit " + commit
		if v.Modified {
			s += ", modified"
		}
		if v.CommitTime != "" {
			s += ", " + v.CommitTime
		}
		s += ")"
	}
	return s + " " + v.Go
}

// Doc is the one line.
func (v *VersionView) Doc() *Doc { return &Doc{Blocks: []Block{Pre{v.Line()}}} }
