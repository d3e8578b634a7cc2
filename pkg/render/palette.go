package render

import "srm/pkg/model"

// swatch is how the picture and the page paint an owner: a fill, the text
// colour that reads on it, and a pattern so the owner shows in greyscale
// and to people who do not see the colours.
type swatch struct {
	Role    string // "provider", "customer", "shared", "n/a" or "party"
	Fill    string
	Text    string
	Pattern string // "" (solid), "hatch", "cross" or "dots"
	Legend  string // what the legend calls it
}

var swatches = map[string]swatch{
	model.KindProvider:       {model.KindProvider, "#1f4e9b", "#ffffff", "", "Provider"},
	model.KindCustomer:       {model.KindCustomer, "#f2b233", "#1a1a1a", "hatch", "Customer"},
	model.OwnerShared:        {model.OwnerShared, "#7e57c2", "#ffffff", "cross", "Shared"},
	model.OwnerNotApplicable: {model.OwnerNotApplicable, "#d9dde3", "#1a1a1a", "dots", "Not applicable"},
	"party":                  {"party", "#2a9d8f", "#ffffff", "hatch", "Other party"},
}

// swatchOf returns the swatch for an owner id.
func swatchOf(m *model.Model, owner string) swatch {
	if s, ok := swatches[m.Role(owner)]; ok {
		return s
	}
	return swatches["party"]
}
