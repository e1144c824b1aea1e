package sheetimport

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// Changes is what Merge did to a file's project blocks, each list in
// file order (Added in sheet order).
type Changes struct {
	Changed []string // projects with an attribute rewritten or removed
	Added   []string // rows with no block in the file: appended
	Removed []string // blocks no row of the sheet has: removed
}

// String is "1 project changed (a), 1 added (d), 1 removed (c)".
func (c Changes) String() string {
	part := func(ids []string, what string) string {
		if len(ids) == 0 {
			return "0 " + what
		}
		return fmt.Sprintf("%d %s (%s)", len(ids), what, strings.Join(ids, ", "))
	}
	return part(c.Changed, "changed") + ", " + part(c.Added, "added") + ", " + part(c.Removed, "removed")
}

// Managed are the attributes the sheet's columns hold: only these are
// rewritten; a project's other attributes are kept as written.
func (r *Result) Managed() []string {
	var out []string
	for _, c := range r.Columns {
		attr := c[1]
		if attr == "effort_hours" || attr == "team" {
			attr = "effort"
		}
		if attr != "id" && !slices.Contains(out, attr) {
			out = append(out, attr)
		}
	}
	return out
}

// Merge updates the project blocks of an existing file (src) in place
// from an import, keeping everything else as written: blocks that are
// not projects, comments, and the attributes no column holds. current
// holds, by project id, the attributes of the file's projects as the
// projects table shows them, read back as the sheet's rows are; an
// attribute whose cell reads the same keeps its expression (a variable,
// a date, a duration in months). A changed cell is written, an emptied
// one removed; a row with no block in the file is appended, and a block
// no row has is removed.
func Merge(src []byte, filename string, res *Result, current map[string]map[string]any) ([]byte, Changes, hcl.Diagnostics) {
	var ch Changes
	f, diags := hclwrite.ParseConfig(src, filename, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, ch, diags
	}
	rows := map[string]Project{}
	for _, p := range res.Projects {
		rows[p.ID] = p
	}
	managed := res.Managed()
	body := f.Body()
	inFile := map[string]bool{}
	for _, block := range body.Blocks() {
		if block.Type() != "project" || len(block.Labels()) != 1 {
			continue
		}
		id := block.Labels()[0]
		inFile[id] = true
		p, ok := rows[id]
		if !ok {
			body.RemoveBlock(block)
			ch.Removed = append(ch.Removed, id)
			continue
		}
		if updateProject(block.Body(), p, managed, current[id]) {
			ch.Changed = append(ch.Changed, id)
		}
	}
	for _, p := range res.Projects {
		if inFile[p.ID] {
			continue
		}
		body.AppendNewline()
		writeProject(body, p)
		ch.Added = append(ch.Added, p.ID)
	}
	out := hclwrite.Format(f.Bytes())
	if len(ch.Removed) > 0 {
		// A removed block leaves the blank line before it.
		out = blankLines().ReplaceAll(out, []byte("\n\n"))
	}
	return out, ch, nil
}

var blankLines = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\n{3,}`) })

// updateProject rewrites the managed attributes of one block whose cell
// differs from what the file says; it reports whether any did.
func updateProject(b *hclwrite.Body, p Project, managed []string, current map[string]any) bool {
	changed := false
	for _, attr := range managed {
		nv, hasNew := p.Attrs[attr]
		ov, hasOld := current[attr]
		if current != nil && hasNew == hasOld && reflect.DeepEqual(nv, ov) {
			continue
		}
		target, name := b, attr
		blockName, inner, nested := strings.Cut(attr, ".")
		var sub *hclwrite.Block
		if nested {
			name = inner
			sub = b.FirstMatchingBlock(blockName, nil)
			if sub == nil && !hasNew {
				continue
			}
			if sub == nil {
				sub = b.AppendNewBlock(blockName, nil)
			}
			target = sub.Body()
		}
		if !hasNew {
			if target.GetAttribute(name) == nil {
				continue
			}
			target.RemoveAttribute(name)
			if sub != nil && len(sub.Body().Attributes()) == 0 && len(sub.Body().Blocks()) == 0 {
				b.RemoveBlock(sub)
			}
			changed = true
			continue
		}
		setAttr(target, name, attr, nv)
		changed = true
	}
	return changed
}
