// Package views narrows an evaluated plan to what concerns some
// stakeholders — departments, goals, teams — for their own report: the
// projects they endorse, oppose, need, contribute to or staff, with the
// totals of those projects and the reasons for each. It filters a plan
// evaluate made; it computes no figure of its own but the sums.
package views

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/agext/levenshtein"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// Kinds of stakeholder.
const (
	Department = "department"
	Goal       = "goal"
	Team       = "team"
)

// Selector names the stakeholders of a view; a project concerning any of
// them is in it.
type Selector struct {
	Departments, Goals, Teams []string
}

// Empty reports whether s selects nothing (the whole plan).
func (s Selector) Empty() bool {
	return len(s.Departments)+len(s.Goals)+len(s.Teams) == 0
}

// UnknownError is a stakeholder id the plan does not have.
type UnknownError struct {
	Kind, ID   string
	Suggestion string // a close id, or ""
	Known      []string
}

func (e *UnknownError) Error() string {
	msg := fmt.Sprintf("unknown %s %q", e.Kind, e.ID)
	if strings.TrimSpace(e.ID) == "" {
		msg = fmt.Sprintf("--%s needs a %s id", e.Kind, e.Kind)
	}
	if e.Suggestion != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", e.Suggestion)
	}
	if len(e.Known) == 0 {
		return msg + fmt.Sprintf(": the roadmap declares no %s", plural(e.Kind))
	}
	return msg + fmt.Sprintf(": the roadmap's %s are %s", plural(e.Kind), strings.Join(e.Known, ", "))
}

func plural(kind string) string { return kind + "s" }

// Check returns an error for each id of s the plan does not declare.
func Check(p *evaluate.Plan, s Selector) []error {
	var deps, goals, teams []string
	for _, d := range p.Departments {
		deps = append(deps, d.ID)
	}
	for _, g := range p.Goals {
		goals = append(goals, g.ID)
	}
	for _, t := range p.Teams {
		teams = append(teams, t.ID)
	}
	return checkIDs(s, deps, goals, teams)
}

// CheckConfig is Check on the roadmap as loaded, so a mistyped id fails
// before the roadmap is evaluated.
func CheckConfig(cfg *hclspec.Config, s Selector) []error {
	ids := func(n int, id func(int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = id(i)
		}
		return out
	}
	return checkIDs(s,
		ids(len(cfg.Departments), func(i int) string { return cfg.Departments[i].ID }),
		ids(len(cfg.Goals), func(i int) string { return cfg.Goals[i].ID }),
		ids(len(cfg.Teams), func(i int) string { return cfg.Teams[i].ID }))
}

func checkIDs(s Selector, deps, goals, teams []string) []error {
	var errs []error
	check := func(kind string, ids, known []string) {
		for _, id := range ids {
			if !slices.Contains(known, id) {
				errs = append(errs, &UnknownError{Kind: kind, ID: id, Suggestion: nearest(id, known), Known: known})
			}
		}
	}
	check(Department, s.Departments, deps)
	check(Goal, s.Goals, goals)
	check(Team, s.Teams, teams)
	return errs
}

func nearest(id string, known []string) string {
	if strings.TrimSpace(id) == "" {
		return ""
	}
	best, bestD := "", max(2, len(id)/3)+1
	for _, k := range known {
		if d := levenshtein.Distance(id, k, nil); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// Relations says how pr concerns each stakeholder of s, in the order
// departments, goals, teams; nil when it concerns none.
func Relations(p *evaluate.Plan, pr evaluate.ProjectPlan, s Selector) []string {
	var rel []string
	for _, id := range s.Departments {
		if slices.Contains(pr.EndorsedBy, id) {
			rel = append(rel, "endorsed by "+id)
		}
		if slices.Contains(pr.OpposedBy, id) {
			rel = append(rel, "opposed by "+id)
		}
		for _, d := range p.Departments {
			if d.ID != id {
				continue
			}
			for _, need := range d.Needs {
				if slices.Contains(pr.Provides, need) {
					rel = append(rel, fmt.Sprintf("needed by %s (%s)", id, need))
				}
			}
		}
		for _, sys := range p.Systems {
			if sys.Owner == id && slices.Contains(pr.Replaces, sys.ID) {
				rel = append(rel, fmt.Sprintf("replaces %s's system %s", id, sys.ID))
			}
		}
	}
	for _, id := range s.Goals {
		if c, ok := pr.Goals[id]; ok && c > 0 {
			rel = append(rel, fmt.Sprintf("contributes %s to %s", number(c), id))
		}
	}
	for _, id := range s.Teams {
		if e, ok := pr.Effort[id]; ok && e > 0 {
			rel = append(rel, fmt.Sprintf("staffed by %s (%s FTE)", id, number(e)))
		}
	}
	return rel
}

func number(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".")
}

// Narrow returns a copy of p holding only the projects that concern a
// stakeholder of s, with their totals, periods limited to them (and to
// the view's teams, when it names teams only) and a View describing it.
// The ids of s must have passed Check.
func Narrow(p *evaluate.Plan, s Selector) *evaluate.Plan {
	q := *p
	view := &evaluate.View{Whole: p.Totals}
	keep := map[string]bool{}
	q.Projects = nil
	for _, pr := range p.Projects {
		rel := Relations(p, pr, s)
		if len(rel) == 0 {
			view.Excluded++
			continue
		}
		keep[pr.ID] = true
		q.Projects = append(q.Projects, pr)
		view.Projects = append(view.Projects, evaluate.ViewProject{ID: pr.ID, Relations: rel})
	}
	if q.Projects == nil {
		q.Projects = []evaluate.ProjectPlan{}
	}
	teamsOnly := len(s.Teams) > 0 && len(s.Departments) == 0 && len(s.Goals) == 0
	q.Periods = make([]evaluate.PeriodPlan, len(p.Periods))
	for i, pe := range p.Periods {
		active := []string{}
		for _, id := range pe.Active {
			if keep[id] {
				active = append(active, id)
			}
		}
		pe.Active = active
		if teamsOnly {
			teams := map[string]evaluate.TeamLoad{}
			for _, id := range s.Teams {
				if l, ok := pe.Teams[id]; ok {
					teams[id] = l
				}
			}
			pe.Teams = teams
		}
		q.Periods[i] = pe
	}
	if teamsOnly {
		q.Teams = slices.DeleteFunc(slices.Clone(p.Teams), func(t evaluate.TeamInfo) bool { return !slices.Contains(s.Teams, t.ID) })
	}
	q.Totals = totals(q.Projects, q.Periods)
	// The audit and the choices keep what concerns the view: the systems
	// its departments own or its projects replace, the choices with an
	// option in it.
	audit := NarrowAudit(&q, s)
	q.Systems, q.Choices = audit.Systems, audit.Choices

	add := func(kind, id, title string) {
		st := evaluate.Stakeholder{Kind: kind, ID: id, Title: title}
		if kind == Team {
			for _, pr := range q.Projects {
				if pr.Status == evaluate.StatusScheduled {
					st.FTEPeriods += pr.Effort[id] * float64(pr.Duration)
				}
			}
			st.FTEPeriods = math.Round(st.FTEPeriods*1e6) / 1e6
		}
		view.Stakeholders = append(view.Stakeholders, st)
	}
	for _, id := range s.Departments {
		title := id
		for _, d := range p.Departments {
			if d.ID == id && d.Title != "" {
				title = d.Title
			}
		}
		add(Department, id, title)
	}
	for _, id := range s.Goals {
		title := id
		for _, g := range p.Goals {
			if g.ID == id && g.Title != "" {
				title = g.Title
			}
		}
		add(Goal, id, title)
	}
	for _, id := range s.Teams {
		title := id
		for _, t := range p.Teams {
			if t.ID == id && t.Title != "" {
				title = t.Title
			}
		}
		add(Team, id, title)
	}
	if view.Projects == nil {
		view.Projects = []evaluate.ViewProject{}
	}
	q.View = view
	return &q
}

// totals sums the projects as evaluate sums the whole plan: over the
// views of a partition of the projects, they add up to the plan's.
func totals(projects []evaluate.ProjectPlan, periods []evaluate.PeriodPlan) evaluate.Totals {
	var t evaluate.Totals
	for _, pr := range projects {
		switch pr.Status {
		case evaluate.StatusScheduled:
			t.Scheduled++
			t.Cost += pr.Cost
			// Less what the plan credits to another project: a system
			// several projects replace is retired once, by the first to
			// go live, in a view as in the plan's totals.
			t.Benefit += pr.Benefit - pr.SharedSaving
			t.NPV += pr.NPV - pr.SharedSavingNPV
			t.RiskAdjustedNPV += pr.RiskAdjustedNPV - pr.SharedSavingRiskAdjustedNPV
			if pr.ScheduledNPV != nil {
				t.ScheduledNPV += *pr.ScheduledNPV - pr.SharedSavingScheduledNPV
			}
			t.Score += pr.Score
			if pr.EndPeriod != nil {
				t.FinishPeriod = max(t.FinishPeriod, *pr.EndPeriod)
			}
		case evaluate.StatusDeferred:
			t.Deferred++
		case evaluate.StatusDropped:
			t.Dropped++
		case evaluate.StatusDone:
			t.Done++
		case evaluate.StatusCancelled:
			t.Cancelled++
		case evaluate.StatusOnHold:
			t.OnHold++
		}
		if pr.Progress != nil {
			t.ActualCost += pr.Progress.ActualCost
			if pr.Status == evaluate.StatusCancelled {
				t.SunkCost += pr.Progress.ActualCost
			}
			if pr.Status == evaluate.StatusScheduled && pr.Lifecycle == string(hclspec.InProgress) {
				t.InProgress++
				t.EstimateToComplete += pr.Progress.EstimateToComplete
			}
		}
	}
	for _, pe := range periods {
		if !pe.History {
			t.PeakParallel = max(t.PeakParallel, len(pe.Active))
		}
	}
	cents := func(v float64) float64 { return math.Round(v*100) / 100 }
	t.Cost, t.Benefit, t.NPV, t.RiskAdjustedNPV, t.ScheduledNPV = cents(t.Cost), cents(t.Benefit), cents(t.NPV), cents(t.RiskAdjustedNPV), cents(t.ScheduledNPV)
	t.ActualCost, t.SunkCost, t.EstimateToComplete = cents(t.ActualCost), cents(t.SunkCost), cents(t.EstimateToComplete)
	t.Score = math.Round(t.Score*1e6) / 1e6
	return t
}

// Departments lists the plan's department ids, for one view per
// department (html --split).
func Departments(p *evaluate.Plan) []string {
	ids := make([]string, 0, len(p.Departments))
	for _, d := range p.Departments {
		ids = append(ids, d.ID)
	}
	return ids
}

// NarrowAudit keeps, of a view's plan q (from Narrow), the systems of the
// technology audit a department of s owns or a project of the view
// replaces, and the choices with an option in the view. The plan diff of a
// view uses it, so a stakeholder's diff does not list systems and choices
// that concern others.
func NarrowAudit(q *evaluate.Plan, s Selector) *evaluate.Plan {
	kept := make(map[string]bool, len(q.Projects))
	for _, p := range q.Projects {
		kept[p.ID] = true
	}
	r := *q
	r.Systems = slices.DeleteFunc(slices.Clone(q.Systems), func(a evaluate.SystemAudit) bool {
		if a.Owner != "" && slices.Contains(s.Departments, a.Owner) {
			return false
		}
		return !slices.ContainsFunc(a.ReplacedBy, func(id string) bool { return kept[id] })
	})
	r.Choices = slices.DeleteFunc(slices.Clone(q.Choices), func(c evaluate.ChoiceResult) bool {
		return !slices.ContainsFunc(c.Options, func(id string) bool { return kept[id] })
	})
	return &r
}
