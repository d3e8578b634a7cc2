package cmd

import (
	"fmt"
	"github.com/spf13/cobra"
	"slices"

	"srm/pkg/model"
	"srm/pkg/render"
)

// KnowledgeOptions are the inputs of `srm traps` and `srm faq`.
type KnowledgeOptions struct {
	*Factory

	Service string // --service: only entries about this service
	Item    string // --item: only entries about this item
}

// NewCmdTraps builds `srm traps`.
func NewCmdTraps(f *Factory) *cobra.Command {
	opts := &KnowledgeOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "traps [--service <service>] [--item <item>]",
		Short: "List the classic mistakes about who owns what, and the truth",
		Example: `  $ srm traps
  $ srm traps --service s3
  $ srm traps --item iam -o markdown`,
		GroupID: "learn",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return trapsRun(opts)
		},
	}
	addKnowledgeFlags(f, cmd, opts)
	return writes(cmd, (*render.TrapsView)(nil))
}

// NewCmdFAQ builds `srm faq`.
func NewCmdFAQ(f *Factory) *cobra.Command {
	opts := &KnowledgeOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "faq [--service <service>] [--item <item>]",
		Short: "Answer the questions people ask most about the model",
		Example: `  $ srm faq
  $ srm faq --service kms
  $ srm faq -o json | jq -r '.faqs[].question'`,
		GroupID: "learn",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return faqRun(opts)
		},
	}
	addKnowledgeFlags(f, cmd, opts)
	return writes(cmd, (*render.FAQsView)(nil))
}

func addKnowledgeFlags(f *Factory, cmd *cobra.Command, opts *KnowledgeOptions) {
	cmd.Flags().StringVar(&opts.Service, "service", "", "only entries about this `service`")
	cmd.Flags().StringVar(&opts.Item, "item", "", "only entries about this `item`")
	registerFlagCompletion(cmd, "service", completeServices(f))
	registerFlagCompletion(cmd, "item", completeItems(f))
}

// filters resolves --service and --item to ids ("" when not given).
func (o *KnowledgeOptions) filters(m *model.Model, prov *model.Provider) (service, item string, err error) {
	if o.Service != "" {
		s, err := m.ResolveService(prov.ID, o.Service)
		if err != nil {
			return "", "", err
		}
		service = s.ID
	}
	if o.Item != "" {
		it, err := m.ResolveItem(o.Item)
		if err != nil {
			return "", "", err
		}
		item = it.ID
	}
	return service, item, nil
}

func trapsRun(o *KnowledgeOptions) error {
	m, err := o.Model()
	if err != nil {
		return err
	}
	prov, err := o.provider(m)
	if err != nil {
		return err
	}
	service, item, err := o.filters(m, prov)
	if err != nil {
		return err
	}
	var traps []*model.Trap
	for _, t := range m.TrapsAbout(prov.ID, "") {
		if service != "" && len(t.Services) > 0 && !slices.Contains(t.Services, service) {
			continue
		}
		if item != "" && !slices.Contains(t.Items, item) {
			continue
		}
		traps = append(traps, t)
	}
	if len(traps) == 0 {
		o.nothingFound("traps", prov)
	}
	return o.write(render.NewTrapsView(prov, traps))
}

// nothingFound says on stderr that a listing is empty, so an empty answer
// is not mistaken for a failure; the output, such as JSON's [], still
// follows on stdout.
func (o *KnowledgeOptions) nothingFound(what string, prov *model.Provider) {
	scope := ""
	if o.Service != "" || o.Item != "" {
		scope = " matching --service and --item"
	}
	fmt.Fprintf(o.IO.ErrOut, "srm: the model has no %s %s%s\n", prov.ShortName, what, scope)
}

func faqRun(o *KnowledgeOptions) error {
	m, err := o.Model()
	if err != nil {
		return err
	}
	prov, err := o.provider(m)
	if err != nil {
		return err
	}
	service, item, err := o.filters(m, prov)
	if err != nil {
		return err
	}
	faqs := m.FAQsAbout(prov.ID, service, item)
	if len(faqs) == 0 {
		o.nothingFound("FAQs", prov)
	}
	return o.write(render.NewFAQsView(prov, faqs))
}
