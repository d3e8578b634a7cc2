// Command barecobra is the reference srm's start-up is measured against:
// a cobra binary with one subcommand and two string flags, doing nothing
// but printing them.
package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

func main() {
	var service, item string
	root := &cobra.Command{Use: "barecobra", SilenceUsage: true}
	who := &cobra.Command{
		Use: "who",
		RunE: func(*cobra.Command, []string) error {
			fmt.Println(service, item)
			return nil
		},
	}
	who.Flags().StringVar(&service, "service", "", "service")
	who.Flags().StringVar(&item, "item", "", "item")
	root.AddCommand(who)
	if err := root.Execute(); err != nil {
		os.Exit(1)
	}
}
