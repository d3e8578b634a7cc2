// Command srm answers, for a cloud service, who owns each security item:
// the provider, the customer, both, or nobody.
package main

import (
	"os"

	"srm/cmd"
)

func main() {
	os.Exit(cmd.Main())
}
