package main

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// What an --out file (plan --out, show --out) may not be. Both writers
// also go through atomicfile's rule for links, hard links and
// permissions.

// checkOutName refuses an --out file named *.hcl: nothing plan or show
// writes is HCL, and a .hcl file in a roadmap's directory joins the
// roadmap (plan --out rm/roadmap.hcl would replace its source with JSON).
// It runs with the flags, before anything is read.
func checkOutName(out string) error {
	if strings.HasSuffix(out, ".hcl") {
		return fmt.Errorf("--out %s: a file named .hcl is read as part of a roadmap, and what is written there is not HCL; choose another name (plan.json, for instance)", out)
	}
	return nil
}

// checkOutIsNoInput refuses an --out file that is one of the command's
// inputs, however it is named: through a symbolic or hard link, or
// another spelling of the path (os.SameFile). A file that does not
// exist yet cannot be one of them.
func checkOutIsNoInput(out string, inputs []string) error {
	if out == "" {
		return nil
	}
	outInfo, err := os.Stat(out)
	if err != nil {
		return nil // a new file; the write reports any other problem
	}
	for _, in := range inputs {
		if fi, err := os.Stat(in); err == nil && os.SameFile(fi, outInfo) {
			return fmt.Errorf("--out %s would overwrite %s, a file this command reads; write the output elsewhere", out, in)
		}
	}
	return nil
}

// roadmapInputs are the files a roadmap is read from: every file the
// loader read (roadmap and variable files), each --var-file given, and
// every .hcl file of its directory, loaded or not.
func roadmapInputs(dir string, varFiles []string, loaded map[string]*hcl.File) []string {
	inputs := slices.Sorted(maps.Keys(loaded))
	inputs = append(inputs, varFiles...)
	if inDir, err := hclspec.HCLFiles(dir); err == nil {
		inputs = append(inputs, inDir...)
	}
	return inputs
}
