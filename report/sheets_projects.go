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

// ProjectsAsWritten is the projects table as text, the header first,
// each cell as the CSV has it: `roadmap import` reads it to tell the
// cells a user changed from those that still say what the files say.
func ProjectsAsWritten(cfg *hclspec.Config) [][]string {
	s := projectsSheet(cfg)
	rows := make([][]string, 0, len(s.rows)+1)
	header := make([]string, len(s.columns))
	for i, c := range s.columns {
		header[i] = c.header
	}
	rows = append(rows, header)
	for _, r := range s.rows {
		record := make([]string, len(r))
		for i, c := range r {
			record[i] = csvField(c)
		}
		rows = append(rows, record)
	}
	return rows
}

// projectColumns are the attributes of the projects table, as named by
// `roadmap import`: every attribute a project block can hold, so that a
// round trip through a spreadsheet keeps them. A cell is empty when the
// attribute is not written (its default applies), so import writes no
// defaults the files did not.
var projectColumns = []string{
	"id", "title", "mandatory", "goals", "endorsed_by", "opposed_by", "depends_on", "requires", "provides",
	"vendor", "duration", "effort", "funding",
	"cost.one_time", "cost.per_year", "benefit.per_year", "benefit.ramp_periods", "benefit.years",
	"risk.failure", "risk.disruption", "risk.security", "risk.disruption_cost", "risk.security_cost",
	"earliest_start", "deadline", "replaces",
	"together", "run_funding", "excluded", "status", "started", "finished",
	"progress.spent", "progress.percent_complete", "progress.remaining_duration",
	"progress.remaining_effort", "progress.remaining_cost",
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
		numPtr := func(v *float64) sheetCell {
			if v == nil {
				return sheetCell{}
			}
			return num(*v)
		}
		period := func(i int) sheetCell {
			if i < 0 && p.Ranges == nil { // -1: unset (Started may be before the start)
				return sheetCell{}
			}
			return textCell(cfg.Calendar.Label(i))
		}
		funding := textCell(p.Funding)
		if p.FundingSplit != nil {
			funding = pairs(p.FundingSplit, "funding.")
		}
		row := []sheetCell{
			textCell(p.ID), userCell(p.Title), textCell(strconv.FormatBool(p.Mandatory)),
			pairs(p.Goals, "goals."), list(p.EndorsedBy), list(p.OpposedBy), list(p.DependsOn),
			list(p.Requires), list(p.Provides), vendor,
			estimateOr("duration", float64(p.Duration)), pairs(p.Effort, "effort."), funding,
			estimateOr("cost.one_time", p.Cost.OneTime), estimateOr("cost.per_year", p.Cost.PerYear),
			estimateOr("benefit.per_year", p.Benefit.PerYear), num(float64(p.Benefit.RampPeriods)), num(p.Benefit.Years),
			num(p.Risk.Failure), num(p.Risk.Disruption), num(p.Risk.Security),
			num(p.Risk.DisruptionCost), num(p.Risk.SecurityCost),
			period(p.EarliestStart), period(p.Deadline), list(p.Replaces),
			list(p.Together), textCell(p.RunFunding), textCell(strconv.FormatBool(p.Excluded)),
			textCell(string(p.Status)), period(p.Started), period(p.Finished),
		}
		if pr := p.Progress; pr != nil {
			row = append(row, num(pr.Spent), numPtr(pr.PercentComplete), num(float64(pr.RemainingDuration)),
				pairs(pr.RemainingEffort, "progress.remaining_effort."), numPtr(pr.RemainingCost))
		}
		// Only what the block writes: a default stays unwritten.
		for i := range row {
			if _, written := p.Ranges[projectColumns[i]]; !written && i > 0 && p.Ranges != nil {
				row[i] = sheetCell{}
			}
		}
		s.rows = append(s.rows, row)
	}
	return s
}
