package model

import (
	"io/fs"
	"path"
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
	check := func(d sourcedDoc, section string, i int, key, what string) {
		ref := entryRef{d.file, section, i}
		k := section + "\x00" + key
		if first, ok := seen[k]; ok {
			where := first.file.Path
			if l := newLineIndex(first.file.Data).entry(first.section, first.index); l > 0 {
				where += ":" + strconv.Itoa(l)
			}
			out = append(out, ref.problem("", "duplicate %s (first defined at %s)", what, where))
			return
		}
		seen[k] = ref
	}
	for _, d := range docs {
		for i, e := range d.doc.Providers {
			check(d, "providers", i, e.ID, "provider id "+strconv.Quote(e.ID))
		}
		for i, e := range d.doc.Parties {
			check(d, "parties", i, e.ID, "party id "+strconv.Quote(e.ID))
		}
		for i, e := range d.doc.Categories {
			check(d, "categories", i, e.ID, "category id "+strconv.Quote(e.ID))
		}
		for i, e := range d.doc.ServiceModels {
			check(d, "service_models", i, e.ID, "service model id "+strconv.Quote(e.ID))
		}
		for i, e := range d.doc.Items {
			check(d, "items", i, e.ID, "item id "+strconv.Quote(e.ID))
		}
		for i, e := range d.doc.Services {
			check(d, "services", i, e.ID, "service id "+strconv.Quote(e.ID))
		}
		for i, e := range d.doc.Variants {
			check(d, "variants", i, e.Service+":"+e.ID, "variant "+strconv.Quote(e.Service+":"+e.ID))
		}
		for i, e := range d.doc.Tables {
			check(d, "tables", i, e.ID, "table id "+strconv.Quote(e.ID))
		}
		for i, c := range d.doc.Cells {
			check(d, "cells", i, c.key().String(), "cell "+strconv.Quote(c.key().String()))
		}
	}
	return out
}

// merge folds one document into the model. An entry whose id already
// exists replaces the earlier one in place, so overlays keep the order of
// the embedded model.
func (m *Model) merge(d sourcedDoc) {
	if m.pos == nil {
		m.pos = map[string]int{}
		m.refs = map[any]entryRef{}
	}
	at := func(e any, section string, i int) {
		m.refs[e] = entryRef{d.file, section, i}
	}
	origin := d.file.Path
	for i, e := range d.doc.Providers {
		e.Origin = origin
		at(e, "providers", i)
		m.Providers = upsert(m, m.Providers, e, "providers", e.ID)
	}
	for i, e := range d.doc.Parties {
		e.Origin = origin
		at(e, "parties", i)
		m.Parties = upsert(m, m.Parties, e, "parties", e.ID)
	}
	for i, e := range d.doc.Categories {
		e.Origin = origin
		at(e, "categories", i)
		m.Categories = upsert(m, m.Categories, e, "categories", e.ID)
	}
	for i, e := range d.doc.ServiceModels {
		e.Origin = origin
		at(e, "service_models", i)
		m.ServiceModels = upsert(m, m.ServiceModels, e, "service_models", e.ID)
	}
	for i, e := range d.doc.Items {
		e.Origin = origin
		at(e, "items", i)
		m.Items = upsert(m, m.Items, e, "items", e.ID)
	}
	for i, e := range d.doc.Services {
		e.Origin = origin
		at(e, "services", i)
		m.Services = upsert(m, m.Services, e, "services", e.ID)
	}
	for i, e := range d.doc.Variants {
		e.Origin = origin
		at(e, "variants", i)
		m.Variants = upsert(m, m.Variants, e, "variants", e.Service+":"+e.ID)
	}
	for i, e := range d.doc.Tables {
		e.Origin = origin
		at(e, "tables", i)
		m.Tables = upsert(m, m.Tables, e, "tables", e.ID)
	}
	for i, e := range d.doc.Cells {
		e.Origin = origin
		at(e, "cells", i)
		m.Cells = upsert(m, m.Cells, e, "cells", e.key().String())
	}
	m.index = nil
}

// upsert replaces the entry with the same key or appends a new one.
func upsert[T any](m *Model, list []T, e T, section, key string) []T {
	k := section + "\x00" + key
	if i, ok := m.pos[k]; ok {
		list[i] = e
		return list
	}
	m.pos[k] = len(list)
	return append(list, e)
}
