package hclspec

import (
	"fmt"
	"os"

	"github.com/hashicorp/hcl/v2"
)

// SourceLimits bound a roadmap directory's files, checked from their
// sizes before any is read.
type SourceLimits struct {
	FileBytes int64 // each file
	DirBytes  int64 // the files together
	Files     int   // how many files
}

// DefaultSourceLimits are the limits every load applies: MaxFileBytes,
// MaxDirBytes and MaxFiles.
func DefaultSourceLimits() SourceLimits {
	return SourceLimits{FileBytes: MaxFileBytes, DirBytes: MaxDirBytes, Files: MaxFiles}
}

// SourceSize is one file of a roadmap directory: its name, as
// diagnostics show it, and its size in bytes.
type SourceSize struct {
	Name string
	Size int64
}

// CheckSourceSizes refuses, from their sizes alone, the files of a
// roadmap directory (roadmap files and *.auto.vars.hcl) that loading
// would refuse once read: more than lim.Files of them, each one over
// lim.FileBytes, and more than lim.DirBytes together. dir names the
// directory in messages. The working tree's files (sizes from the file
// system) and a directory at a git revision (sizes from git's listing)
// go through it, so both are refused the same way before a byte is read.
func CheckSourceSizes(dir string, files []SourceSize, lim SourceLimits) hcl.Diagnostics {
	if len(files) > lim.Files {
		return hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Too many files",
			Detail:   fmt.Sprintf("%s holds more than %d .hcl files, the most roadmap loads from one directory. Put projects together in fewer files.", dir, lim.Files),
			Subject:  fileStart(files[lim.Files].Name).Ptr(),
		}}
	}
	var diags hcl.Diagnostics
	var total int64
	for _, f := range files {
		if f.Size > lim.FileBytes {
			diags = append(diags, fileOverLimit(f.Name, f.Size, lim.FileBytes))
		}
		if total <= lim.DirBytes {
			total += f.Size
			if total > lim.DirBytes {
				diags = append(diags, dirOverLimit(dir, f.Name, lim.DirBytes))
			}
		}
	}
	return diags
}

// statSizes are the sizes of the files at paths as the file system says
// (symbolic links followed; 0 for what is not a regular file, which
// CheckSourceFile refuses by name). It stops after limit+1 files: the
// count alone refuses the directory then.
func statSizes(paths []string, limit int) []SourceSize {
	sizes := make([]SourceSize, 0, min(len(paths), limit+1))
	for _, path := range paths {
		if len(sizes) > limit {
			break
		}
		var size int64
		if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
			size = fi.Size()
		}
		sizes = append(sizes, SourceSize{Name: path, Size: size})
	}
	return sizes
}

// byteCount writes a limit as people would: "32 MiB", or bytes when it
// is not a whole number of MiB (a lowered limit in a test).
func byteCount(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
