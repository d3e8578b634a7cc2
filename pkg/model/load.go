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
	m := &Model{}
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
			m.merge(d)
		}
	}
	if len(all) > 0 {
		return nil, &LoadError{Problems: all}
	}
	if ps := m.validate(); len(ps) > 0 {
		return nil, &LoadError{Problems: ps}
	}
	return m, nil
}

type sourcedDoc struct {
	file File
	doc  *document
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
// the embedded model.
func (m *Model) merge(d sourcedDoc) {
	if m.pos == nil {
		m.pos = map[string]int{}
		m.refs = map[any]entryRef{}
	}
	m.eachSection(d.doc, func(name string, src []entry, dst reflect.Value) {
		for i, e := range src {
			e.setOrigin(d.file.Path)
			m.refs[e] = entryRef{d.file, name, i}
			k := name + "\x00" + e.entryKey()
			if at, ok := m.pos[k]; ok {
				dst.Index(at).Set(reflect.ValueOf(e))
				continue
			}
			m.pos[k] = dst.Len()
			dst.Set(reflect.Append(dst, reflect.ValueOf(e)))
		}
	})
	m.index = nil
}
