// Package examples embeds the example roadmaps of this directory, which
// `roadmap init` writes out: starter/ (one of each block, commented) and
// it-department/ (a complete roadmap).
package examples

import (
	"embed"
	"io/fs"
)

//go:embed starter/*.hcl it-department/*.hcl it-department/README.md
var roadmaps embed.FS

// Starter is the commented starter roadmap, one of each block.
func Starter() fs.FS { return sub("starter") }

// ITDepartment is the complete example of an IT department's year.
func ITDepartment() fs.FS { return sub("it-department") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(roadmaps, dir)
	if err != nil {
		// fs.Sub fails only for an invalid path, and dir is a constant.
		panic(err)
	}
	return f
}
