package cmd

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"srm/data"
	"srm/pkg/iostreams"
	"srm/pkg/model"
	"srm/pkg/render"
)

// GlobalOptions are the root command's persistent flags.
type GlobalOptions struct {
	Output   string   // -o/--output, as typed
	Provider string   // --provider
	Models   []string // --model, in the order given
	NoColor  bool     // --no-color
	ASCII    bool     // --ascii

	format render.Format // Output, parsed
}

// Factory hands commands what they share: streams, global options and the
// model, loaded lazily and at most once.
type Factory struct {
	IO     *iostreams.IOStreams
	Global *GlobalOptions
	Model  func() (*model.Model, error)
}

func newFactory(ios *iostreams.IOStreams) *Factory {
	f := &Factory{IO: ios, Global: &GlobalOptions{}}
	f.Model = sync.OnceValues(func() (*model.Model, error) {
		overlays, err := f.overlays()
		if err != nil {
			return nil, err
		}
		return loadModel(overlays...)
	})
	return f
}

// overlay is a model file the user layers over the embedded model, and
// where srm found it.
type overlay struct {
	path string
	from string // "config", "SRM_MODEL" or "--model"
}

// overlays lists the user's model files, lowest precedence first: *.toml
// in the config directory, then SRM_MODEL, then --model.
func (f *Factory) overlays() ([]overlay, error) {
	var out []overlay
	if dir := configDir(os.Getenv); dir != "" {
		names, err := filepath.Glob(filepath.Join(dir, "*.toml"))
		if err != nil {
			return nil, err
		}
		slices.Sort(names)
		for _, n := range names {
			out = append(out, overlay{n, "config"})
		}
	}
	for _, p := range filepath.SplitList(os.Getenv("SRM_MODEL")) {
		if p != "" {
			out = append(out, overlay{p, "SRM_MODEL"})
		}
	}
	for _, p := range f.Global.Models {
		out = append(out, overlay{p, "--model"})
	}
	return out, nil
}

// configDir is where srm looks for the user's overlays: $XDG_CONFIG_HOME/srm,
// else the operating system's user configuration directory. It returns ""
// when there is none, such as when HOME is unset.
func configDir(getenv func(string) string) string {
	if x := getenv("XDG_CONFIG_HOME"); x != "" {
		return filepath.Join(x, "srm")
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "srm")
}

// loadModel is the one place that loads the model: the embedded model,
// compiled ahead of time so that srm starts without decoding TOML, then
// each overlay in order, each its own layer so that later files win.
func loadModel(overlays ...overlay) (*model.Model, error) {
	var layers []model.Layer
	for _, o := range overlays {
		f, err := readModelFile(o.path)
		if err != nil {
			return nil, &model.LoadError{Problems: []model.Problem{{File: o.path, Message: err.Error()}}}
		}
		layers = append(layers, model.Layer{Files: []model.File{f}})
	}
	return model.LoadCompiled(data.Model, layers...)
}

// readModelFile reads a user's model file, refusing anything larger than a
// model file can be before reading it all.
func readModelFile(path string) (model.File, error) {
	fh, err := os.Open(path)
	if err != nil {
		return model.File{}, withoutPath(err)
	}
	defer fh.Close()
	if fi, err := fh.Stat(); err == nil && fi.IsDir() {
		return model.File{}, errors.New("is a directory, not a model file")
	}
	data, err := io.ReadAll(io.LimitReader(fh, model.MaxFileBytes+1))
	if err != nil {
		return model.File{}, withoutPath(err)
	}
	if len(data) > model.MaxFileBytes {
		return model.File{}, fmt.Errorf("file is larger than the limit of %d bytes", model.MaxFileBytes)
	}
	return model.File{Path: path, Data: data}, nil
}

// provider resolves --provider against the model.
func (f *Factory) provider(m *model.Model) (*model.Provider, error) {
	return m.ResolveProvider(f.Global.Provider)
}

// write writes a command's view to stdout in the chosen format.
func (f *Factory) write(v render.View) error {
	return render.Write(f.IO.Out, v, f.writeOptions())
}

// writeOptions are the output settings for the current streams.
func (f *Factory) writeOptions() render.Options {
	o := f.tableOptions()
	return render.Options{Format: f.Global.format, Color: o.Style.Color, Border: o.Border, Width: o.Width}
}

// tableOptions are the text-table settings for the current streams.
func (f *Factory) tableOptions() render.TableOptions {
	width := f.IO.TerminalWidth()
	if width > 0 && width < minTableWidth {
		width = minTableWidth
	}
	return render.TableOptions{
		Style:  f.style(),
		Border: f.border(),
		Width:  width,
	}
}

// minTableWidth is the narrowest srm wraps tables to: below it, words
// would be cut into pieces too short to read, so a tiny terminal or
// COLUMNS=1 gets a table that scrolls instead.
const minTableWidth = 40

func (f *Factory) style() render.Style {
	return render.Style{Color: f.IO.ColorEnabled()}
}

// withoutPath drops the path from an os error, since the message that
// reports it names the file already.
func withoutPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (f *Factory) border() render.Border {
	if f.Global.ASCII {
		return render.BorderASCII
	}
	return render.BorderUnicode
}
