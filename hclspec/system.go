package hclspec

import (
	"fmt"
	"math"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// System is one system of the installed base: what it provides (joining
// the roadmap's stack), who owns it, when its vendor stops supporting it,
// what it costs to run and the risks of running it.
type System struct {
	ID       string
	Title    string
	Owner    string // department id; "" when none
	Vendor   string
	Provides []string
	// EndOfSupport is the first period the system is no longer supported
	// (the period after the one holding end_of_support), which may be
	// before 0 or at or after the horizon; EndOfSupportSet is false when
	// end_of_support is not given. EndOfSupportText is the date as written.
	EndOfSupport     int
	EndOfSupportSet  bool
	EndOfSupportText string
	RunCostPerYear   float64
	Risk             Risk
	DeclRange        hcl.Range
	Ranges           Ranges
}

var systemSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "title"},
		{Name: "owner"},
		{Name: "vendor"},
		{Name: "provides"},
		{Name: "end_of_support"},
	},
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "run_cost"},
		{Type: "risk"},
	},
}

var runCostSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "per_year"},
	},
}

func (d *decoder) decodeSystemBlock(block *hcl.Block) (*System, []reference, hcl.Diagnostics) {
	s := &System{ID: block.Labels[0], Provides: []string{}, DeclRange: block.DefRange, Ranges: Ranges{}}
	content, diags := block.Body.Content(systemSchema)
	r := newAttrReader(d.scope, systemSchema, content.Attributes, s.Ranges, "")
	var refs []reference
	if x, ok := r.str("title"); ok {
		s.Title = x
	}
	if ref, ok := r.singleReference("owner", "department"); ok {
		s.Owner = ref.ID
		refs = append(refs, ref)
	}
	if x, ok := r.str("vendor"); ok {
		s.Vendor = x
	}
	if x, ok := r.strList("provides"); ok {
		s.Provides = x
	}
	if x, ok := r.str("end_of_support"); ok {
		if _, to, err := ParseDateSpan(x); err != nil {
			r.fail("end_of_support", "Invalid date", err.Error()+".")
		} else if d.calendar != nil {
			// Supported through the period holding the date's last day;
			// unsupported from the next one (0 when that is before the
			// roadmap starts).
			s.EndOfSupportText = x
			s.EndOfSupportSet = true
			if to.After(d.calendar.Start) {
				last, _ := d.calendar.LastPeriod(x)
				s.EndOfSupport = last + 1
			}
		}
	}
	diags = append(diags, r.diags...)
	seen := map[string]hcl.Range{}
	for _, b := range content.Blocks {
		if first, dup := seen[b.Type]; dup {
			diags = append(diags, duplicateBlock(b, first))
			continue
		}
		seen[b.Type] = b.DefRange
		switch b.Type {
		case "run_cost":
			c, d2 := b.Body.Content(runCostSchema)
			diags = append(diags, d2...)
			br := newAttrReader(d.scope, runCostSchema, c.Attributes, s.Ranges, "run_cost.")
			if v, ok := br.num("per_year"); ok && br.nonNegativeMoney("per_year", v) {
				s.RunCostPerYear = v
			}
			diags = append(diags, br.diags...)
		case "risk":
			c, d2 := b.Body.Content(systemRiskSchema)
			diags = append(diags, d2...)
			br := newAttrReader(d.scope, systemRiskSchema, c.Attributes, s.Ranges, "risk.")
			if v, ok := br.num("disruption"); ok && br.probability("disruption", v) {
				s.Risk.Disruption = v
			}
			if v, ok := br.num("security"); ok && br.probability("security", v) {
				s.Risk.Security = v
			}
			if v, ok := br.num("failure"); ok && br.probability("failure", v) {
				s.Risk.Failure = v
			}
			diags = append(diags, br.diags...)
		}
	}
	return s, refs, diags
}

var systemRiskSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "disruption"},
		{Name: "security"},
		{Name: "failure"},
	},
}

// checkSystems warns about a system whose support ends before the
// roadmap starts and that no project replaces: it runs unsupported from
// the first period, and nothing in the roadmap changes that.
func checkSystems(cfg *Config) hcl.Diagnostics {
	var diags hcl.Diagnostics
	replaced := map[string]bool{}
	for _, p := range cfg.Projects {
		for _, id := range p.Replaces {
			replaced[id] = true
		}
	}
	for _, s := range cfg.Systems {
		if !s.EndOfSupportSet || s.EndOfSupport > 0 || replaced[s.ID] {
			continue
		}
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "System out of support with no replacement",
			Detail: fmt.Sprintf("System %q is supported through %s (end_of_support), so it is out of support before the roadmap starts, and no project replaces it (project { replaces = [system.%s] }).",
				s.ID, s.EndOfSupportText, s.ID),
			Subject: s.Ranges.Range("end_of_support", s.DeclRange).Ptr(),
		})
	}
	diags = append(diags, checkReplacedTwice(cfg)...)
	diags = append(diags, checkSystemRunCosts(cfg)...)
	return diags
}

// checkSystemRunCosts reports run costs too large to count: the systems'
// run costs a year summed (the audit's total, the run rate's retired
// systems), and each system's run cost over the benefit years of a project
// replacing it (the saving its finance counts). Each error points at the
// run_cost.per_year that overflows (the project's replaces when only the
// sum of several systems does), once, rather than at a project's figures.
func checkSystemRunCosts(cfg *Config) hcl.Diagnostics {
	var diags hcl.Diagnostics
	const why = "past the largest number roadmap can hold (about 1.8e308). Check for an amount with too many digits or a wrong exponent."
	reported := map[string]bool{}
	perYear := func(s *System) hcl.Range { return s.Ranges.Range("run_cost.per_year", s.DeclRange) }
	total := 0.0
	var counted []string
	for _, s := range cfg.Systems {
		total += s.RunCostPerYear
		counted = append(counted, s.ID)
		if math.IsInf(total, 0) {
			reported[s.ID] = true
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Run cost out of range",
				Detail: fmt.Sprintf("The run costs a year of systems %s add up %s",
					strings.Join(counted, ", "), why),
				Subject: perYear(s).Ptr(),
			})
			break
		}
	}
	systems := make(map[string]*System, len(cfg.Systems))
	for _, s := range cfg.Systems {
		systems[s.ID] = s
	}
	for _, p := range cfg.Projects {
		saving := 0.0
		var ids []string
		for _, id := range p.Replaces {
			s := systems[id]
			if s == nil || reported[id] {
				continue
			}
			if over := s.RunCostPerYear * p.Benefit.Years; math.IsInf(over, 0) {
				reported[id] = true
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Run cost out of range",
					Detail: fmt.Sprintf("System %q's run cost of %s a year is the saving of project %q, which replaces it, for its %s years of benefit (benefit.years): that adds up %s",
						s.ID, formatNumber(s.RunCostPerYear), p.ID, formatNumber(p.Benefit.Years), why),
					Subject: perYear(s).Ptr(),
				})
				continue
			}
			saving += s.RunCostPerYear
			ids = append(ids, s.ID)
		}
		if over := saving * p.Benefit.Years; math.IsInf(over, 0) {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Run cost out of range",
				Detail: fmt.Sprintf("Project %q replaces systems %s: their run costs a year, its saving, over its %s years of benefit (benefit.years) add up %s",
					p.ID, strings.Join(ids, ", "), formatNumber(p.Benefit.Years), why),
				Subject: p.Ranges.Range("replaces", p.DeclRange).Ptr(),
			})
		}
	}
	return diags
}

// checkReplacedTwice warns about a system that two projects replace
// when both may run (they are not options of one choice, nor cancelled,
// on hold, excluded or done): each project's
// own figures count the system's run cost as its saving, while the plan
// and the optimiser's money objectives credit it once, to the first to go
// live.
func checkReplacedTwice(cfg *Config) hcl.Diagnostics {
	var diags hcl.Diagnostics
	choiceOf := map[string]string{}
	for _, c := range cfg.Choices {
		for _, id := range c.Options {
			choiceOf[id] = c.ID
		}
	}
	// One warning per system, at its second replacer, counting the rest:
	// a warning per replacer made 900,000 of them from 300 systems that
	// 3,000 projects each replace.
	first := map[string]*Project{}
	second := map[string]*Project{}
	more := map[string]int{}
	var order []string
	for _, p := range cfg.Projects {
		if p.Excluded || p.Status == Cancelled || p.Status == OnHold || p.Status == Done {
			continue // cannot run, or retired it already: no rival (the plan warns a replacer of a retired system)
		}
		for _, id := range p.Replaces {
			q, ok := first[id]
			if !ok {
				first[id] = p
				continue
			}
			if c, ok := choiceOf[p.ID]; ok && choiceOf[q.ID] == c {
				continue
			}
			if _, ok := second[id]; ok {
				more[id]++
				continue
			}
			second[id] = p
			order = append(order, id)
		}
	}
	for _, id := range order {
		q, p := first[id], second[id]
		by := fmt.Sprintf("%q", p.ID)
		if n := more[id]; n > 0 {
			by += fmt.Sprintf(" (and by %d more)", n)
		}
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "System replaced by two projects",
			Detail: fmt.Sprintf("System %q is replaced by %q (%s) and by %s. If both run, the first to go live retires it: the plan's totals, the run rate, the audit and the optimiser's npv and risk_adjusted_npv objectives count its run cost as a saving once, credited to that project, while each project's own figures (and so its rank, and the score objective) count it as if it ran alone. If only one of them should run, make them options of a choice; if one retires it, list it in that one's replaces only.",
				id, q.ID, q.Ranges.Range("replaces."+id, q.DeclRange), by),
			Subject: p.Ranges.Range("replaces."+id, p.DeclRange).Ptr(),
		})
	}
	return diags
}
