package iostreams

import (
	"bytes"
	"io"
)

// HeldWriter holds a command's output until the command has succeeded, so
// that a failing command leaves stdout empty. A command that must talk to
// the user as it goes, such as an interactive quiz, releases it early.
type HeldWriter struct {
	w        io.Writer
	buf      bytes.Buffer
	released bool
}

// NewHeldWriter holds what is written until Release.
func NewHeldWriter(w io.Writer) *HeldWriter { return &HeldWriter{w: w} }

func (h *HeldWriter) Write(p []byte) (int, error) {
	if h.released {
		return h.w.Write(p)
	}
	return h.buf.Write(p)
}

// Release writes what is held and passes later writes straight through.
func (h *HeldWriter) Release() error {
	if h.released {
		return nil
	}
	h.released = true
	_, err := h.w.Write(h.buf.Bytes())
	h.buf.Reset()
	return err
}

// Discard drops what is held; later writes are still held.
func (h *HeldWriter) Discard() { h.buf.Reset() }

// Release lets output written to w reach the user at once when w holds
// it; it does nothing for other writers.
func Release(w io.Writer) error {
	if h, ok := w.(*HeldWriter); ok {
		return h.Release()
	}
	return nil
}
