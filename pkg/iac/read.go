package iac

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Options say how Read reads its inputs.
type Options struct {
	// Format forces the kind of every file; Auto tells it from the file.
	Format Format
	// Recursive reviews every directory under a directory: each Terraform
	// root module (a directory with .tf files that no other directory
	// calls as a local module) and every template.
	Recursive bool
	// PassOver passes over a JSON or YAML file given by name that is not
	// infrastructure code, as a directory review does, instead of failing:
	// for hooks that hand srm every changed file.
	PassOver bool
	// Attributes lists, for a resource type, the top-level attributes a
	// plan or state must keep; nil keeps every attribute of every type.
	// The rest are dropped as they are read, which keeps a big plan's
	// memory near the size of the file.
	Attributes func(resourceType string) []string
}

// Result is what Read found under one path.
type Result struct {
	Stacks []*Stack
	// Passed lists files in a directory that srm read but did not take as
	// infrastructure code: JSON or YAML of another kind, or that does not
	// parse. Files of other kinds, such as README.md, are not listed.
	Passed []PassedFile
}

// PassedFile is a file a directory review looked at and left, with why.
type PassedFile struct {
	Path string
	Why  string
}

// MaxWalkEntries bounds how many files and directories a directory review
// looks at, so that pointing srm at a huge tree ends quickly.
const MaxWalkEntries = 200_000

// Read reads what a path holds. A file is read as its kind says; a
// directory is a Terraform root module when it holds .tf files, and any
// templates, plans or state files in it are read too. Local modules and
// nested stacks are followed.
func Read(path string, opts Options) (*Result, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, &Error{Path: path, Msg: withoutPath(err).Error()}
	}
	r := &reader{opts: opts, modules: map[string]*hclModule{}}
	if !fi.IsDir() {
		st, err := r.file(path, true)
		var e *Error
		if err != nil && opts.PassOver && !isTerraformFile(path) && errors.As(err, &e) {
			return &Result{Passed: []PassedFile{{Path: path, Why: e.Msg}}}, nil
		}
		if err != nil {
			return nil, err
		}
		return &Result{Stacks: []*Stack{st}}, nil
	}
	if err := r.dir(path); err != nil {
		return nil, err
	}
	if len(r.result.Stacks) == 0 {
		msg := "no infrastructure code here: srm reads Terraform configuration (.tf, .tf.json), Terraform plan or state JSON, CloudFormation or SAM templates (JSON or YAML) and ARM templates (JSON)"
		if !opts.Recursive && r.subdirs {
			msg += "; use -r to review the directories under it"
		}
		return nil, &Error{Path: path, Msg: msg}
	}
	return &r.result, nil
}

type reader struct {
	opts    Options
	modules map[string]*hclModule // parsed Terraform directories, by path
	result  Result
	files   int
	subdirs bool
}

// file reads one file given by path. explicit is false for files found in
// a directory, where JSON and YAML of other kinds are passed over.
func (r *reader) file(path string, explicit bool) (*Stack, error) {
	r.files++
	if r.files > maxFiles {
		return nil, &Error{Path: path, Msg: fmt.Sprintf("more than %d files of infrastructure code", maxFiles)}
	}
	if strings.HasSuffix(path, ".bicep") {
		return nil, &Error{Path: path, Msg: bicepHint(path)}
	}
	if isTerraformFile(path) || r.opts.Format == TerraformSource {
		return r.terraform(filepath.Dir(path), path)
	}
	data, err := readLimited(path, MaxInputBytes)
	if err != nil {
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	st, err := parse(path, data, r.opts)
	if err != nil {
		return nil, err
	}
	if err := r.followNested(st, nil); err != nil {
		return nil, err
	}
	return st, nil
}

func bicepHint(path string) string {
	return fmt.Sprintf("srm does not read Bicep (there is no Bicep parser for Go): run 'az bicep build --file %s' and review the JSON template it writes", path)
}

// terraform reads a Terraform root module: a directory, or one file of it.
func (r *reader) terraform(dir, only string) (*Stack, error) {
	path := dir
	if only != "" {
		path = only
	}
	root := r.modules[dir]
	if root == nil || only != "" {
		var err error
		if root, err = loadModule(dir, only); err != nil {
			return nil, err
		}
	}
	st := &Stack{Path: path, Format: TerraformSource}
	load := func(d string) (*hclModule, error) {
		if m := r.modules[d]; m != nil {
			return m, nil
		}
		fi, err := os.Stat(d)
		if err != nil || !fi.IsDir() {
			return nil, &Error{Path: d, Msg: "local module not found"}
		}
		m, err := loadModule(d, "")
		if err != nil {
			return nil, err
		}
		r.modules[d] = m
		return m, nil
	}
	call := moduleCall{count: 1, chain: []string{realPath(dir)}}
	if err := st.readTerraformModule(root, call, load); err != nil {
		return nil, err
	}
	return st, nil
}

// dir reads a directory, or with Recursive the tree under it.
func (r *reader) dir(root string) error {
	var tfDirs, others []string
	entries := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == root {
				return err
			}
			return nil // an unreadable entry below the root is passed over
		}
		entries++
		if entries > MaxWalkEntries {
			return fmt.Errorf("more than %d files and directories", MaxWalkEntries)
		}
		if d.IsDir() {
			if path == root {
				return nil
			}
			name := d.Name()
			if strings.HasPrefix(name, ".") || name == "node_modules" {
				return fs.SkipDir // hidden folders, .terraform among them
			}
			if !r.opts.Recursive {
				r.subdirs = true
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		switch name := d.Name(); {
		case isTerraformFile(name):
			if dir := filepath.Dir(path); !slices.Contains(tfDirs, dir) {
				tfDirs = append(tfDirs, dir)
			}
		case isTemplateName(name) && !strings.HasPrefix(name, "."):
			others = append(others, path)
		}
		return nil
	})
	if err != nil {
		return &Error{Path: root, Msg: withoutPath(err).Error()}
	}
	if err := r.terraformRoots(tfDirs); err != nil {
		return err
	}
	return r.templates(others)
}

// terraformRoots reads every directory with .tf files that no other one
// calls as a local module.
func (r *reader) terraformRoots(dirs []string) error {
	called := map[string]bool{}
	for _, d := range dirs {
		m, err := loadModule(d, "")
		if err != nil {
			return err
		}
		r.modules[d] = m
		for _, c := range m.callers {
			called[c] = true
		}
	}
	for _, d := range dirs {
		if called[d] {
			continue
		}
		st, err := r.terraform(d, "")
		if err != nil {
			return err
		}
		r.result.Stacks = append(r.result.Stacks, st)
	}
	return nil
}

// isTemplateName reports whether a file may hold a template, plan or
// state that srm reads.
func isTemplateName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json", ".yaml", ".yml", ".template", ".bicep":
		return !strings.HasSuffix(name, ".tfvars.json")
	}
	return false
}

// templates reads the JSON and YAML files of a directory review, leaving
// out those that other templates include as nested stacks and Bicep files
// whose compiled template sits beside them.
func (r *reader) templates(paths []string) error {
	slices.Sort(paths)
	var stacks []*Stack
	children := map[string]bool{}
	for _, p := range paths {
		if strings.HasSuffix(p, ".bicep") {
			if json := strings.TrimSuffix(p, ".bicep") + ".json"; slices.Contains(paths, json) {
				continue // reviewed through the template az bicep build wrote
			}
			r.result.Stacks = append(r.result.Stacks, &Stack{Path: p, Format: ARM, NotReviewed: []Skipped{{
				Kind: KindBicep, Name: filepath.Base(p), Source: p, Where: p, Why: bicepHint(p),
			}}})
			continue
		}
		r.files++
		if r.files > maxFiles {
			return &Error{Path: p, Msg: fmt.Sprintf("more than %d files of infrastructure code", maxFiles)}
		}
		data, err := readLimited(p, MaxInputBytes)
		if err != nil {
			r.result.Passed = append(r.result.Passed, PassedFile{Path: p, Why: err.Error()})
			continue
		}
		st, err := parse(p, data, r.opts)
		if err != nil {
			var e *Error
			why := err.Error()
			if errors.As(err, &e) {
				why = e.Msg
			}
			r.result.Passed = append(r.result.Passed, PassedFile{Path: p, Why: why})
			continue
		}
		for _, ref := range st.nested {
			if local, ok := localNested(p, ref); ok {
				children[local] = true
			}
		}
		stacks = append(stacks, st)
	}
	for _, st := range stacks {
		if children[filepath.Clean(st.Path)] {
			continue
		}
		if err := r.followNested(st, nil); err != nil {
			return err
		}
		r.result.Stacks = append(r.result.Stacks, st)
	}
	return nil
}

// readLimited reads a file, refusing one larger than limit before reading
// it all.
func readLimited(path string, limit int64) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, withoutPath(err)
	}
	defer fh.Close()
	fi, err := fh.Stat()
	if err == nil && fi.IsDir() {
		return nil, errors.New("is a directory")
	}
	if err == nil && fi.Mode().IsRegular() && fi.Size() > limit {
		return nil, fmt.Errorf("file is larger than the limit of %d bytes", limit)
	}
	// A regular file is read into a buffer of its size: growing one by
	// doubling would hold two copies of a big plan at once.
	var buf bytes.Buffer
	if err == nil && fi.Mode().IsRegular() {
		buf.Grow(int(fi.Size()) + bytes.MinRead)
	}
	_, err = buf.ReadFrom(io.LimitReader(fh, limit+1))
	data := buf.Bytes()
	if err != nil {
		return nil, withoutPath(err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("file is larger than the limit of %d bytes", limit)
	}
	return data, nil
}

func withoutPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// realPath is a directory's path with symbolic links resolved, so that a
// module reached by two routes is known as one; the cleaned path when it
// cannot be resolved.
func realPath(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return filepath.Clean(dir)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}
