package main

import (
	"bytes"
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/report"
)

// runValidateCI is `validate --format github|sarif|junit`: the diagnostics
// in the CI format on stdout, and as usual on stderr for whoever reads the
// CI log. The exit status is 1 when there is any error.
func runValidateCI(g *globalOptions, s *Streams, o *validateOptions, diags hcl.Diagnostics, files map[string]*hcl.File) error {
	if !report.IsCIFormat(o.format) {
		return fmt.Errorf("unknown format %q: use one of %v", o.format, report.CIFormats())
	}
	opts := g.outOptions(s)
	opts.Root = o.dir
	var out bytes.Buffer
	if err := report.RenderCI(&out, o.format, diags, nil, opts); err != nil {
		return err
	}
	if _, err := s.formatOut(o.format).Write(out.Bytes()); err != nil {
		return err
	}
	if err := g.writeDiagnostics(s, diags, files); err != nil {
		return err
	}
	if diags.HasErrors() {
		return errFailed
	}
	return nil
}
