//go:build darwin || freebsd || openbsd || netbsd || dragonfly

package iostreams

import "golang.org/x/sys/unix"

const ioctlReadTermios = unix.TIOCGETA
