package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
	"github.com/roadmap-as-code/roadmap/internal/atomicfile"
)

// roadmapHCL writes a PSPLIB instance as a roadmap, so that the CLI can be
// measured on it: monthly periods over the file's horizon, each renewable
// resource a team ("r1".."rK") with its capacity, each non-dummy job a
// mandatory project ("job2".."jobN-1", numbered as in the file) with its
// duration, its demand as effort and its predecessors (not the dummy
// source) as depends_on. The dummies carry no constraint and are left out,
// as in Problem.
func roadmapHCL(inst *schedule.PSPLIBInstance, name string) []byte {
	f := hclwrite.NewEmptyFile()
	body := f.Body()
	body.AppendUnstructuredTokens(hclwrite.Tokens{{Type: hclsyntax.TokenComment, Bytes: []byte("# PSPLIB instance " + name + ", written by psplibbench -emit-hcl.\n")}})
	rm := body.AppendNewBlock("roadmap", nil).Body()
	rm.SetAttributeValue("name", cty.StringVal(name))
	rm.SetAttributeValue("start", cty.StringVal("2027-01"))
	rm.SetAttributeValue("period", cty.StringVal("month"))
	rm.SetAttributeValue("horizon", cty.NumberIntVal(int64(inst.Horizon)))
	for r, c := range inst.Capacities {
		body.AppendNewline()
		team := body.AppendNewBlock("team", []string{fmt.Sprintf("r%d", r+1)}).Body()
		team.SetAttributeValue("capacity", cty.NumberIntVal(int64(c)))
	}
	n := len(inst.Jobs)
	preds := make([][]int, n)
	for j := 1; j < n-1; j++ {
		for _, s := range inst.Jobs[j].Successors {
			preds[s] = append(preds[s], j)
		}
	}
	for j := 1; j < n-1; j++ {
		job := &inst.Jobs[j]
		body.AppendNewline()
		pb := body.AppendNewBlock("project", []string{fmt.Sprintf("job%d", j+1)}).Body()
		pb.SetAttributeValue("duration", cty.NumberIntVal(int64(job.Duration)))
		effort := map[string]cty.Value{}
		for r, d := range job.Demand {
			if d > 0 {
				effort[fmt.Sprintf("r%d", r+1)] = cty.NumberIntVal(int64(d))
			}
		}
		if len(effort) > 0 {
			pb.SetAttributeValue("effort", cty.ObjectVal(effort))
		}
		if len(preds[j]) > 0 {
			var deps []hclwrite.Tokens
			for _, q := range preds[j] {
				deps = append(deps, hclwrite.TokensForTraversal(hcl.Traversal{hcl.TraverseRoot{Name: "project"}, hcl.TraverseAttr{Name: fmt.Sprintf("job%d", q+1)}}))
			}
			pb.SetAttributeRaw("depends_on", hclwrite.TokensForTuple(deps))
		}
		pb.SetAttributeValue("mandatory", cty.True)
	}
	return hclwrite.Format(f.Bytes())
}

// emitSet writes every selected instance of set as out/<name>/roadmap.hcl.
func emitSet(c config, data, set, out string, stdout io.Writer) error {
	files, err := instanceFiles(c, data, set)
	if err != nil {
		return err
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".sm")
		inst, err := readInstance(file)
		if err != nil {
			return err
		}
		dir := filepath.Join(out, name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := atomicfile.WriteFile(filepath.Join(dir, "roadmap.hcl"), roadmapHCL(inst, name), 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "%s: %d roadmap(s) written under %s\n", set, len(files), out)
	return nil
}
