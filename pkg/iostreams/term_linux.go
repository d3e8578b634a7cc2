//go:build linux

package iostreams

import "golang.org/x/sys/unix"

const ioctlReadTermios = unix.TCGETS
