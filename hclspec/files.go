package hclspec

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/internal/symlink"
)

// Which files make up a roadmap. The loader and `roadmap fmt` both start
// from HCLFiles and both read a file only when CheckSourceFile allows it,
// so fmt --check checks exactly the files validate loads.

// VarFileSuffix marks variable files: they sit beside the roadmap but are
// loaded only when named with --var-file (or, for AutoVarFileSuffix,
// automatically).
const VarFileSuffix = ".vars.hcl"

// HCLFiles lists the .hcl files directly in dir, variable files
// included, in lexical order: every entry named *.hcl that is not hidden
// and not a directory. Symbolic links, pipes and devices are listed too,
// so that CheckSourceFile can refuse them by name rather than have them
// silently ignored.
func HCLFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && IsHCLName(e.Name()) {
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(files)
	return files, nil
}

// RoadmapFiles lists the configuration files of dir: HCLFiles without
// the *.vars.hcl variable files.
func RoadmapFiles(dir string) ([]string, error) {
	all, err := HCLFiles(dir)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, f := range all {
		if !IsVarFileName(f) {
			files = append(files, f)
		}
	}
	return files, nil
}

// IsHCLName reports whether a file name is one of a roadmap's (or a
// variable file's): *.hcl and not hidden.
func IsHCLName(name string) bool {
	base := filepath.Base(name)
	return strings.HasSuffix(base, ".hcl") && !strings.HasPrefix(base, ".")
}

// AutoVarFileSuffix marks the variable files loaded without --var-file,
// like Terraform's *.auto.tfvars: every one directly in the roadmap
// directory, in lexical order, before those named with --var-file.
const AutoVarFileSuffix = ".auto" + VarFileSuffix

// IsAutoVarFileName reports whether name is an automatically loaded
// variable file's (*.auto.vars.hcl).
func IsAutoVarFileName(name string) bool {
	return strings.HasSuffix(filepath.Base(name), AutoVarFileSuffix)
}

// IsVarFileName reports whether name is a variable file's (*.vars.hcl).
func IsVarFileName(name string) bool {
	return strings.HasSuffix(filepath.Base(name), VarFileSuffix)
}

func isRoadmapFile(name string) bool {
	return IsHCLName(name) && !IsVarFileName(name)
}

// CheckSourceFile says whether the file at path, one of the entries
// HCLFiles listed, may be read as part of its directory's roadmap: a
// regular file, or a symbolic link that the link rule (internal/symlink:
// a target inside the link's directory, reached through no hidden name)
// lets through to a regular, non-hidden .hcl file. So a link such as
// settings.hcl -> .env or config.hcl -> .git/config is refused before
// anything is read, and no line of the file behind it reaches a
// diagnostic.
func CheckSourceFile(path string) *hcl.Diagnostic {
	fi, err := os.Lstat(path)
	if err != nil {
		return readError(path, err)
	}
	if fi.Mode()&os.ModeSymlink == 0 {
		if !fi.Mode().IsRegular() {
			return notRegular(path)
		}
		return nil
	}
	target, err := symlink.Resolve(path)
	if err != nil {
		return linkRefused(path, err)
	}
	if !IsHCLName(target) {
		return &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Symbolic link to a file that is not .hcl",
			Detail:   fmt.Sprintf("%s is a symbolic link to %s. A link in a roadmap is followed only to a .hcl file, so that no other file's lines can end up in a diagnostic. Link to a .hcl file, or remove the link.", path, target),
			Subject:  fileStart(path).Ptr(),
		}
	}
	if fi, err := os.Stat(target); err != nil || !fi.Mode().IsRegular() {
		return notRegular(path)
	}
	return nil
}

// linkRefused turns the link rule's refusal into a diagnostic.
func linkRefused(path string, err error) *hcl.Diagnostic {
	d := &hcl.Diagnostic{Severity: hcl.DiagError, Subject: fileStart(path).Ptr()}
	e, ok := err.(*symlink.Error)
	switch {
	case !ok:
		d.Summary, d.Detail = "Cannot read file", err.Error()
	case e.Reason == symlink.Broken:
		d.Summary = "Broken symbolic link"
		d.Detail = fmt.Sprintf("%s is a symbolic link that cannot be followed: %v. Remove it or point it at a file in the roadmap directory.", path, e.Err)
	case e.Reason == symlink.Outside:
		d.Summary = "Symbolic link outside the roadmap"
		d.Detail = fmt.Sprintf("%s is a symbolic link to %s, outside the roadmap directory %s. roadmap reads only files inside the roadmap; copy the file in instead of linking to it.", path, e.Target, e.Dir)
	default:
		d.Summary = "Symbolic link to a hidden file"
		d.Detail = fmt.Sprintf("%s is a symbolic link to %s, a hidden file or one in a hidden directory. Hidden files (.env, .git/config) hold settings and secrets, not roadmap files, so roadmap never reads one through a link.", path, e.Target)
	}
	return d
}
