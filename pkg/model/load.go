package model

import (
	"io/fs"
	"path"
	"reflect"
	"slices"
	"strconv"
)

// File is one model file: the path srm shows in messages, and its bytes.
type File struct {
	Path string
	Data []byte
}

// Layer is a set of files loaded together. Ids must be unique within a
// layer; a later layer overrides entries of earlier layers by id, and a
// cell by its service, variant and item.
type Layer struct {
	Files []File
}

// FilesFromFS reads every *.toml file at the root of fsys, sorted by name,
// naming each "embedded:NAME" in messages.
func FilesFromFS(fsys fs.FS) ([]File, error) {
	names, err := fs.Glob(fsys, "*.toml")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	files := make([]File, 0, len(names))
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: "embedded:" + path.Base(name), Data: data})
	}
	return files, nil
}

// Load decodes, merges and validates the layers, first to last. It returns
// a *LoadError listing every problem when any file is unreadable as a model.
func Load(layers ...Layer) (*Model, error) {
	return (&loader{m: &Model{}}).load(layers)
}

// loader holds what loading needs and a loaded model does not: where each
// key sits while files merge, and which entries came compiled.
type loader struct {
	m   *Model
	pos map[string]int // section and key -> position
	// compiled marks the entries of a compiled model, validated already.
	compiled map[any]bool
}

// LoadCompiled starts from a model that was merged, validated and compiled
// into Go ahead of time (see package gosource), with the origin of every
// entry set, then loads the layers over it. With no layers it takes the
// compiled entries as they are and indexes them only when first asked,
// which is what makes srm start fast; with layers, it validates the whole
// merged model as Load does. The compiled entries are never changed.
func LoadCompiled(base *Document, layers ...Layer) (*Model, error) {
	m := &Model{}
	if len(layers) == 0 {
		m.setSections(base)
		return m, nil
	}
	l := &loader{m: m}
	l.merge(sourcedDoc{doc: base}, false)
	l.compiled = make(map[any]bool, len(m.refs))
	m.eachEntry(func(e any) { l.compiled[e] = true })
	return l.load(layers)
}

func (l *loader) load(layers []Layer) (*Model, error) {
	m := l.m
	var all []Problem
	for _, layer := range layers {
		var docs []sourcedDoc
		for _, f := range layer.Files {
			doc, ps := decode(f)
			all = append(all, ps...)
			if doc != nil {
				docs = append(docs, sourcedDoc{f, doc})
			}
		}
		all = append(all, checkLayerDuplicates(docs)...)
		for _, d := range docs {
			l.merge(d, true)
		}
	}
	if len(all) > 0 {
		return nil, &LoadError{Problems: all}
	}
	if ps := (&validator{m: m, compiled: l.compiled}).validate(); len(ps) > 0 {
		return nil, &LoadError{Problems: ps}
	}
	return m, nil
}

type sourcedDoc struct {
	file File
	doc  *Document
}

// entryRef locates an entry for messages: its file, section and position.
type entryRef struct {
	file    File
	section string
	index   int
}

func (r entryRef) problem(field, format string, args ...any) Problem {
	ps := &problems{file: r.file.Path, lines: newLineIndex(r.file.Data)}
	ps.addEntry(r.section, r.index, field, format, args...)
	return ps.list[0]
}

// checkLayerDuplicates reports ids defined twice within one layer, where
// the second definition would silently replace the first.
func checkLayerDuplicates(docs []sourcedDoc) []Problem {
	var out []Problem
	seen := map[string]entryRef{}
	var scratch Model
	for _, d := range docs {
		scratch.eachSection(d.doc, func(name string, src []entry, _ reflect.Value) {
			for i, e := range src {
				ref := entryRef{d.file, name, i}
				k := name + "\x00" + e.entryKey()
				first, dup := seen[k]
				if !dup {
					seen[k] = ref
					continue
				}
				where := first.file.Path
				if l := newLineIndex(first.file.Data).entry(first.section, first.index); l > 0 {
					where += ":" + strconv.Itoa(l)
				}
				out = append(out, ref.problem("", "duplicate %s %s (first defined at %s)", sectionWhat[name], strconv.Quote(e.entryKey()), where))
			}
		})
	}
	return out
}

// merge folds one document into the model. An entry whose key already
// exists replaces the earlier one in place, so overlays keep the order of
// the embedded model. track records where each entry came from, for the
// messages of a validation to come.
func (l *loader) merge(d sourcedDoc, track bool) {
	m := l.m
	if l.pos == nil {
		l.pos = map[string]int{}
		m.refs = map[any]entryRef{}
	}
	m.eachSection(d.doc, func(name string, src []entry, dst reflect.Value) {
		for i, e := range src {
			if d.file.Path != "" { // a compiled model's entries know their files
				setOrigin(e, d.file.Path)
			}
			if track {
				m.refs[e] = entryRef{d.file, name, i}
			}
			k := name + "\x00" + e.entryKey()
			if at, ok := l.pos[k]; ok {
				dst.Index(at).Set(reflect.ValueOf(e))
				continue
			}
			l.pos[k] = dst.Len()
			dst.Set(reflect.Append(dst, reflect.ValueOf(e)))
		}
	})
	m.index = nil
}

// Sections returns the model's entries as one document, section by
// section, as package gosource compiles them.
func (m *Model) Sections() *Document {
	d := m.Document
	return &d
}

func (m *Model) setSections(d *Document) { m.Document = *d }
