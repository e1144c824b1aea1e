package hclspec

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
)

// LoadOptions carries every input a load takes besides the directory, so the
// package itself reads no flags and no environment.
type LoadOptions struct {
	Vars     []string // "name=value" from --var, in command-line order
	VarFiles []string // paths from --var-file, in command-line order
	Env      []string // os.Environ()-style; only ROADMAP_VAR_* entries are used
}

// Loader parses roadmap directories and keeps every file it parsed, so
// diagnostics can be printed with source snippets.
type Loader struct {
	parser *hclparse.Parser
}

// NewLoader returns a Loader with an empty file cache.
func NewLoader() *Loader {
	return &Loader{parser: hclparse.NewParser()}
}

// Files returns every file parsed so far, keyed by file name.
func (l *Loader) Files() map[string]*hcl.File {
	return l.parser.Files()
}

// LoadDir loads, decodes and validates the roadmap in dir. It always returns
// as much of the Config as it could decode; diags holds every problem found.
func (l *Loader) LoadDir(dir string, opts LoadOptions) (*Config, hcl.Diagnostics) {
	panic("TODO: implemented by the language work")
}
