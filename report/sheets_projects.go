package report

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// ProjectsTable is the --table that lists the roadmap's projects as
// written in its files, one row per project with a column per attribute:
// the sheet `roadmap import csv` reads back into the same projects. It
// needs the roadmap's sources, so only plan prints it.
const ProjectsTable = "projects"

// RenderProjectsCSV writes cfg's projects as CSV, in declaration order.
func RenderProjectsCSV(w io.Writer, cfg *hclspec.Config) error {
	if cfg == nil {
		return fmt.Errorf("no roadmap to export")
	}
	return writeSheetCSV(w, projectsSheet(cfg))
}

// projectColumns are the attributes of the projects table, as named by
// `roadmap import`.
var projectColumns = []string{
	"id", "title", "mandatory", "goals", "endorsed_by", "opposed_by", "depends_on", "requires", "provides",
	"vendor", "duration", "effort", "funding",
	"cost.one_time", "cost.per_year", "benefit.per_year", "benefit.ramp_periods", "benefit.years",
	"risk.failure", "risk.disruption", "risk.security", "risk.disruption_cost", "risk.security_cost",
	"earliest_start", "deadline", "replaces",
}

func projectsSheet(cfg *hclspec.Config) sheet {
	s := sheet{name: ProjectsTable, title: "Projects"}
	for _, c := range projectColumns {
		s.columns = append(s.columns, sheetColumn{c, kindText})
	}
	num := func(v float64) sheetCell { return textCell(plainNumber(v)) }
	for _, p := range cfg.Projects {
		ranged := map[string]string{}
		for _, e := range p.Estimates {
			ranged[e.Attr] = e.Dist.String()
		}
		estimateOr := func(attr string, v float64) sheetCell {
			if r, ok := ranged[attr]; ok {
				return textCell(r)
			}
			return num(v)
		}
		pairs := func(m map[string]float64, prefix string) sheetCell {
			var parts []string
			for _, k := range slices.Sorted(maps.Keys(m)) {
				v := plainNumber(m[k])
				if r, ok := ranged[prefix+k]; ok {
					v = r
				}
				parts = append(parts, k+"="+v)
			}
			return textCell(strings.Join(parts, "; "))
		}
		list := func(ids []string) sheetCell { return userCell(strings.Join(ids, "; ")) }
		vendor := sheetCell{}
		if p.Vendor.ID != "" {
			vendor = textCell(string(p.Vendor.Kind) + "." + p.Vendor.ID)
		}
		period := func(i int) sheetCell {
			if i < 0 {
				return sheetCell{}
			}
			return textCell(cfg.Calendar.Label(i))
		}
		s.rows = append(s.rows, []sheetCell{
			textCell(p.ID), userCell(p.Title), textCell(strconv.FormatBool(p.Mandatory)),
			pairs(p.Goals, "goals."), list(p.EndorsedBy), list(p.OpposedBy), list(p.DependsOn),
			list(p.Requires), list(p.Provides), vendor,
			estimateOr("duration", float64(p.Duration)), pairs(p.Effort, "effort."), textCell(p.Funding),
			estimateOr("cost.one_time", p.Cost.OneTime), estimateOr("cost.per_year", p.Cost.PerYear),
			estimateOr("benefit.per_year", p.Benefit.PerYear), num(float64(p.Benefit.RampPeriods)), num(p.Benefit.Years),
			num(p.Risk.Failure), num(p.Risk.Disruption), num(p.Risk.Security),
			num(p.Risk.DisruptionCost), num(p.Risk.SecurityCost),
			period(p.EarliestStart), period(p.Deadline), list(p.Replaces),
		})
	}
	return s
}
