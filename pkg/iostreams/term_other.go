//go:build !(linux || darwin || freebsd || openbsd || netbsd || dragonfly)

package iostreams

import "os"

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func terminalWidth(*os.File) int { return 0 }
