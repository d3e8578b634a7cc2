// Command compile turns the model's TOML files into Go, so that srm starts
// without decoding TOML: go generate ./data runs it in data/.
package main

import (
	"fmt"
	"os"

	"srm/pkg/model"
	"srm/pkg/model/gosource"
)

func main() {
	files, err := model.FilesFromFS(os.DirFS("."))
	if err != nil {
		fmt.Fprintln(os.Stderr, "compile:", err)
		os.Exit(1)
	}
	src, err := gosource.Compile("data", files)
	if err != nil {
		fmt.Fprintln(os.Stderr, "compile:", err)
		os.Exit(1)
	}
	if err := os.WriteFile("compiled.go", src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "compile:", err)
		os.Exit(1)
	}
}
