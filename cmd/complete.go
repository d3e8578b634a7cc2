package cmd

import (
	"strings"

	"github.com/spf13/cobra"

	"srm/pkg/model"
	"srm/pkg/render"
)

// Completion functions never print: cobra's __complete output is the
// candidates, one per line, then the directive.

type completeFunc = func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective)

func registerFlagCompletion(cmd *cobra.Command, flag string, fn completeFunc) {
	if err := cmd.RegisterFlagCompletionFunc(flag, fn); err != nil {
		panic(err) // a programming error: the flag does not exist on cmd
	}
}

// registerGlobalCompletions completes the root's persistent flags.
func registerGlobalCompletions(f *Factory, root *cobra.Command) {
	registerFlagCompletion(root, "output", func(cmd *cobra.Command, _ []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var out []cobra.Completion
		for _, fm := range supportedFormats(cmd) {
			out = append(out, string(fm))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
	registerFlagCompletion(root, "provider", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		m, err := f.Model()
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []cobra.Completion
		for _, p := range m.Providers {
			out = append(out, cobra.CompletionWithDesc(p.ID, p.Name))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
}

// completionModel loads the model for completion, ignoring errors: a
// broken overlay simply completes nothing.
func completionModel(f *Factory) (*model.Model, *model.Provider, bool) {
	m, err := f.Model()
	if err != nil {
		return nil, nil, false
	}
	p, err := f.provider(m)
	if err != nil {
		return nil, nil, false
	}
	return m, p, true
}

// serviceCompletions offers the selected provider's services and their
// variants by id, then every other provider's qualified with it, such as
// "azure/vm".
func serviceCompletions(m *model.Model, p *model.Provider) []cobra.Completion {
	return servicesMatching(m, p, func(*model.Service) bool { return true })
}

func servicesMatching(m *model.Model, p *model.Provider, keep func(*model.Service) bool) []cobra.Completion {
	var out []cobra.Completion
	add := func(prefix string, s *model.Service) {
		if !keep(s) {
			return
		}
		out = append(out, cobra.CompletionWithDesc(prefix+s.ID, s.Name))
		for _, v := range m.VariantsOf(s.ID) {
			out = append(out, cobra.CompletionWithDesc(prefix+s.ID+":"+v.ID, v.Name))
		}
	}
	for _, s := range m.ServicesOf(p.ID) {
		add("", s)
	}
	for _, other := range m.Providers {
		if other.ID == p.ID {
			continue
		}
		for _, s := range m.ServicesOf(other.ID) {
			add(other.ID+"/", s)
		}
	}
	return out
}

// completeComparable completes `srm compare`: services that have
// equivalents on other clouds.
func completeComparable(f *Factory) completeFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		m, p, ok := completionModel(f)
		if !ok || len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return servicesMatching(m, p, func(s *model.Service) bool { return len(m.EquivalencesOf(s.ID)) > 0 }), cobra.ShellCompDirectiveNoFileComp
	}
}

func itemCompletions(m *model.Model, items []*model.Item) []cobra.Completion {
	var out []cobra.Completion
	for _, it := range items {
		out = append(out, cobra.CompletionWithDesc(it.ID, it.Name))
	}
	return out
}

func completeServices(f *Factory) completeFunc {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		m, p, ok := completionModel(f)
		if !ok {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return serviceCompletions(m, p), cobra.ShellCompDirectiveNoFileComp
	}
}

func completeItems(f *Factory) completeFunc {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		m, _, ok := completionModel(f)
		if !ok {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return itemCompletions(m, m.Items), cobra.ShellCompDirectiveNoFileComp
	}
}

// itemsOfService completes the items that apply to a service, or every
// item when the service is unknown.
func itemsOfService(f *Factory, service string) ([]cobra.Completion, cobra.ShellCompDirective) {
	m, p, ok := completionModel(f)
	if !ok {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	items := m.Items
	if t, err := m.ResolveTarget(p.ID, service); err == nil {
		items = m.ItemsOfTargets([]model.Target{t})
	}
	return itemCompletions(m, items), cobra.ShellCompDirectiveNoFileComp
}

func completeItemsOfFlagService(f *Factory) completeFunc {
	return func(cmd *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		service, _ := cmd.Flags().GetString("service")
		if service == "" && len(args) > 0 {
			service = args[0]
		}
		return itemsOfService(f, service)
	}
}

func completeVariantsOfFlagService(f *Factory) completeFunc {
	return func(cmd *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		m, p, ok := completionModel(f)
		if !ok {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		service, _ := cmd.Flags().GetString("service")
		if service == "" && len(args) > 0 {
			service = args[0]
		}
		svc, err := m.ResolveService(p.ID, service)
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []cobra.Completion
		for _, v := range m.VariantsOf(svc.ID) {
			out = append(out, cobra.CompletionWithDesc(v.ID, v.Name))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

func completeOwners(f *Factory) completeFunc {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		m, p, ok := completionModel(f)
		if !ok {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []cobra.Completion
		for _, id := range m.Owners(p.ID) {
			out = append(out, cobra.CompletionWithDesc(id, render.OwnerName(m, id)))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeServiceThenItem completes `srm who`'s arguments: a service
// first, then an item that applies to it.
func completeServiceThenItem(f *Factory) completeFunc {
	services := completeServices(f)
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		flagService, _ := cmd.Flags().GetString("service")
		flagItem, _ := cmd.Flags().GetString("item")
		switch {
		case flagService == "" && len(args) == 0:
			return services(cmd, args, toComplete)
		case flagItem == "" && len(args) == 1 && flagService == "":
			return itemsOfService(f, args[0])
		case flagItem == "" && len(args) == 0:
			return itemsOfService(f, flagService)
		}
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeList completes the last entry of a comma-separated list, keeping
// the entries before it.
func completeList(fn completeFunc) completeFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		prefix := ""
		if i := strings.LastIndexByte(toComplete, ','); i >= 0 {
			prefix = toComplete[:i+1]
		}
		comps, dir := fn(cmd, args, toComplete[len(prefix):])
		if prefix == "" {
			return comps, dir
		}
		out := make([]cobra.Completion, len(comps))
		for i, c := range comps {
			out[i] = prefix + c
		}
		return out, dir | cobra.ShellCompDirectiveNoSpace
	}
}

// completeTOMLFiles completes model file arguments.
func completeTOMLFiles(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return []cobra.Completion{"toml"}, cobra.ShellCompDirectiveFilterFileExt
}

// completeVariantsOfListedServices completes --variant for `srm table`: the
// variants of the services in --services, or of every service.
func completeVariantsOfListedServices(f *Factory) completeFunc {
	return func(cmd *cobra.Command, _ []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		m, p, ok := completionModel(f)
		if !ok {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		names := listOf(cmd.Flags(), "services")
		var services []*model.Service
		for _, n := range names {
			if s, err := m.ResolveService(p.ID, n); err == nil {
				services = append(services, s)
			}
		}
		if len(names) == 0 {
			services = m.ServicesOf(p.ID)
		}
		seen := map[string]bool{}
		var out []cobra.Completion
		for _, s := range services {
			for _, v := range m.VariantsOf(s.ID) {
				if !seen[v.ID] {
					seen[v.ID] = true
					out = append(out, cobra.CompletionWithDesc(v.ID, v.Name))
				}
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeShiftEnds completes an end of a shift: service models, then
// services and their variants.
func completeShiftEnds(f *Factory) completeFunc {
	services := completeServices(f)
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		m, _, ok := completionModel(f)
		if !ok {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []cobra.Completion
		for _, sm := range m.ServiceModels {
			out = append(out, cobra.CompletionWithDesc(sm.ID, sm.Name))
		}
		comps, dir := services(cmd, args, toComplete)
		return append(out, comps...), dir
	}
}

// completeReviewFiles completes the inputs of srm review.
func completeReviewFiles(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return []cobra.Completion{"json", "yaml", "yml", "template"}, cobra.ShellCompDirectiveFilterFileExt
}
