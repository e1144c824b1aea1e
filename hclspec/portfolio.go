package hclspec

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// TogetherGroups are the sets of projects that run all or none: the
// together lists joined (the relation is symmetric and transitive), each
// group sorted by id, the groups by their first id. Projects in no group
// are left out; ids nobody declared are ignored.
func TogetherGroups(projects []*Project) [][]string {
	parent := map[string]string{}
	for _, p := range projects {
		parent[p.ID] = p.ID
	}
	var find func(string) string
	find = func(x string) string {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	linked := map[string]bool{}
	for _, p := range projects {
		for _, q := range p.Together {
			if _, ok := parent[q]; !ok || q == p.ID {
				continue
			}
			linked[p.ID], linked[q] = true, true
			if a, b := find(p.ID), find(q); a != b {
				parent[max(a, b)] = min(a, b)
			}
		}
	}
	byRoot := map[string][]string{}
	for _, p := range projects {
		if linked[p.ID] {
			r := find(p.ID)
			byRoot[r] = append(byRoot[r], p.ID)
		}
	}
	var out [][]string
	for _, g := range byRoot {
		slices.Sort(g)
		out = append(out, slices.Compact(g))
	}
	slices.SortFunc(out, func(a, b []string) int { return cmp.Compare(a[0], b[0]) })
	return out
}

// checkPortfolioConstraints reports choices and together groups that
// contradict each other or the dependencies: a project that is an option
// of two choices, a project that needs (through depends_on and together)
// two options of one choice and so can never run, and an excluded project
// that takes its together group out with it (a warning).
func checkPortfolioConstraints(cfg *Config) hcl.Diagnostics {
	var diags hcl.Diagnostics
	choiceOf := map[string]*Choice{}
	for _, c := range cfg.Choices {
		for _, id := range c.Options {
			if first, dup := choiceOf[id]; dup && first != c {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Project in two choices",
					Detail: fmt.Sprintf("Project %q is already an option of choice %q (%s); a project is an option of one choice at most. Merge the two choices or drop it from one.",
						id, first.ID, first.Ranges.Range("options."+id, first.DeclRange)),
					Subject: c.Ranges.Range("options."+id, c.DeclRange).Ptr(),
					Context: c.Ranges.Range("options", c.DeclRange).Ptr(),
				})
				continue
			}
			choiceOf[id] = c
		}
	}
	diags = append(diags, checkChoicePairs(cfg)...)
	groups := TogetherGroups(cfg.Projects)
	diags = append(diags, checkGroupSizes(cfg, groups)...)
	groupOf := map[string][]string{}
	for _, g := range groups {
		for _, id := range g {
			groupOf[id] = g
		}
	}
	needs := newNeedsIndex(cfg, choiceOf, groups)
	// A project needing two options of one choice is named where the clash
	// first appears, the project closest to its cause rather than each of
	// its dependents: among those, the one that needs fewest projects, then
	// one that lists together or depends_on, then the first declared.
	type report struct {
		key        [3]string
		p          *Project
		size, at   int
		lists, nth int
	}
	best := map[[3]string]report{}
	var keys [][3]string
	for c, members := range needs.order {
		if len(needs.firstClash[c]) == 0 {
			continue
		}
		at, lists := members[0], 1
		for _, i := range members {
			if q := cfg.Projects[i]; len(q.Together) > 0 || len(q.DependsOn) > 0 {
				at, lists = i, 0
				break
			}
		}
		size := needs.closureSize(c)
		for nth, key := range needs.firstClash[c] {
			r := report{key, cfg.Projects[at], size, at, lists, nth}
			old, ok := best[key]
			if !ok {
				keys = append(keys, key)
			}
			if !ok || cmp.Or(cmp.Compare(r.size, old.size), cmp.Compare(r.lists, old.lists), cmp.Compare(r.at, old.at)) < 0 {
				best[key] = r
			}
		}
	}
	reports := make([]report, 0, len(keys))
	for _, k := range keys {
		reports = append(reports, best[k])
	}
	slices.SortFunc(reports, func(a, b report) int {
		return cmp.Or(cmp.Compare(a.size, b.size), cmp.Compare(a.lists, b.lists), cmp.Compare(a.at, b.at), cmp.Compare(a.nth, b.nth))
	})
	for _, r := range reports {
		p := r.p
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Project needs two options of one choice",
			Detail: fmt.Sprintf("Project %q can never run: it needs both %q and %q (through depends_on and together), but they are options of choice %q, of which at most one runs.",
				p.ID, r.key[1], r.key[2], r.key[0]),
			Subject: p.Ranges.Range("together", p.Ranges.Range("depends_on", p.DeclRange)).Ptr(),
		})
	}
	diags = append(diags, checkMandatoryOptions(cfg, choiceOf, needs)...)
	diags = append(diags, checkMandatoryExcluded(cfg, needs)...)
	for _, p := range cfg.Projects {
		g := groupOf[p.ID]
		if !p.Excluded || len(g) < 2 {
			continue
		}
		others := slices.DeleteFunc(slices.Clone(g), func(id string) bool { return id == p.ID })
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "Excluded project takes its together group out",
			Detail:   fmt.Sprintf("Project %q is excluded, so the projects that run together with it are out too: %s.", p.ID, strings.Join(others, ", ")),
			Subject:  p.Ranges.Range("excluded", p.DeclRange).Ptr(),
		})
	}
	return diags
}

// checkMandatoryOptions reports options of one choice that must both
// run: options mandatory, committed or in-progress projects need (themselves, or
// through depends_on and together) and options already committed, in
// progress or done. At
// most one option runs, so one of them would always fail policy.mandatory
// or a started project would be dropped. A project needing two options on
// its own is reported by checkPortfolioConstraints; excluded projects are
// out of the run and left out here.
func checkMandatoryOptions(cfg *Config, choiceOf map[string]*Choice, needs *needsIndex) hcl.Diagnostics {
	var diags hcl.Diagnostics
	type taker struct {
		option string
		by     *Project // a mandatory project, or the option itself when its status decides
	}
	words := func(t taker) string {
		switch {
		case t.by.Mandatory:
			return mandatoryNeed(t.by, t.option)
		case t.by.ID != t.option:
			return fmt.Sprintf("%q is %s (%s) and needs %q", t.by.ID, t.by.Status.Words(), t.by.Ranges.Range("status", t.by.DeclRange), t.option)
		}
		return fmt.Sprintf("%q is %s (%s)", t.option, t.by.Status.Words(), t.by.Ranges.Range("status", t.by.DeclRange))
	}
	taken := map[*Choice]taker{}
	reported := map[*Choice]bool{}
	for i, p := range cfg.Projects {
		// Excluded work is out of the run, unless it is committed, under
		// way or done: that keeps its place and settles its choice.
		if p.Excluded && !p.Status.DecidesChoice() {
			continue
		}
		// A committed project is approved work the plan keeps, as it keeps
		// a mandatory one: the options it needs are taken too; so is work
		// in progress, at least as binding.
		var takes []string
		if p.Mandatory || p.Status == Committed || p.Status == InProgress {
			takes = needs.options[needs.of(i)]
		} else if p.Status.DecidesChoice() {
			takes = []string{p.ID}
		}
		for _, id := range takes {
			c, ok := choiceOf[id]
			if !ok {
				continue
			}
			first, ok := taken[c]
			if !ok {
				taken[c] = taker{id, p}
				continue
			}
			if first.option == id || first.by == p || reported[c] {
				continue
			}
			reported[c] = true
			second := taker{id, p}
			d := &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Mandatory projects need two options of one choice",
				Detail: fmt.Sprintf("%s and %s, but they are options of choice %q, of which at most one runs, so one mandatory project could never run. Make one of them not mandatory, or take one option out of the choice.",
					words(first), words(second), c.ID),
				Subject: c.Ranges.Range("options."+id, c.DeclRange).Ptr(),
				Context: c.Ranges.Range("options", c.DeclRange).Ptr(),
			}
			if !first.by.Mandatory || !p.Mandatory {
				remedy := `cancel one (status = "cancelled") or take one option out of the choice`
				switch {
				case first.by.Mandatory || p.Mandatory:
					remedy = `make the mandatory project not need it, cancel the other (status = "cancelled"), or take one option out of the choice`
				case first.by.ID != first.option || p.ID != id:
					remedy = `make the committed or started project not need it, cancel one (status = "cancelled"), or take one option out of the choice`
				}
				d.Summary = "Two options of one choice must run"
				d.Detail = fmt.Sprintf("%s and %s, but they are options of choice %q, of which at most one runs. A committed, started or finished option decides its choice, and so does an option committed or started work needs: %s.",
					words(first), words(second), c.ID, remedy)
			}
			diags = append(diags, d)
		}
	}
	return diags
}

// checkMandatoryExcluded reports a mandatory project that is excluded, or
// that needs (through depends_on and together) an excluded project: it
// could never run without --force-in, so every plan would fail
// policy.mandatory. One that needs a project on hold or cancelled gets a
// warning: the status may change.
func checkMandatoryExcluded(cfg *Config, needs *needsIndex) hcl.Diagnostics {
	var diags hcl.Diagnostics
	byID := make(map[string]*Project, len(cfg.Projects))
	for _, p := range cfg.Projects {
		byID[p.ID] = p
	}
	for i, p := range cfg.Projects {
		if !p.Mandatory {
			continue
		}
		if p.Excluded {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Mandatory project is excluded",
				Detail: fmt.Sprintf("Project %q is mandatory (%s) and excluded, so it could never run. Remove one of the two (--force-in and --force-out try it either way for one run).",
					p.ID, p.Ranges.Range("mandatory", p.DeclRange)),
				Subject: p.Ranges.Range("excluded", p.DeclRange).Ptr(),
			})
			continue
		}
		for _, id := range needs.out[needs.of(i)] {
			q := byID[id]
			if q == p {
				continue
			}
			if !q.Excluded {
				// A status can change; the plan fails policy.mandatory
				// until it does.
				words := q.Status.Words()
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagWarning,
					Summary:  "Mandatory project needs " + q.Status.AProject(),
					Detail: fmt.Sprintf("Project %q is mandatory (%s) and cannot run without %q (through depends_on and together), which is %s, so every plan fails policy.mandatory until %q's status changes.",
						p.ID, p.Ranges.Range("mandatory", p.DeclRange), id, words, id),
					Subject: q.Ranges.Range("status", q.DeclRange).Ptr(),
				})
				continue
			}
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Mandatory project needs an excluded project",
				Detail: fmt.Sprintf("Project %q is mandatory (%s) and cannot run without %q (through depends_on and together), which is excluded here, so it could never run. Make it not mandatory, or stop excluding %q.",
					p.ID, p.Ranges.Range("mandatory", p.DeclRange), id, id),
				Subject: q.Ranges.Range("excluded", q.DeclRange).Ptr(),
			})
		}
	}
	return diags
}

// mandatoryNeed words how mandatory project p takes option.
func mandatoryNeed(p *Project, option string) string {
	at := p.Ranges.Range("mandatory", p.DeclRange)
	if p.ID == option {
		return fmt.Sprintf("%q is mandatory (%s)", option, at)
	}
	return fmt.Sprintf("%q is mandatory (%s) and needs %q", p.ID, at, option)
}

// MaxTogetherGroup is the most projects one together group may hold: the
// plan lists each member's partners (JSON together, reasons), so a group
// costs the square of its size; 1,000 is far past any real portfolio's.
const MaxTogetherGroup = 1000

// MaxPairs bounds, over all together groups, the partners their members
// list (a group of n lists n x (n - 1)), and over all choices the pairs
// of options weighed against each other (n x (n - 1) for a choice of n
// options): the plan's size and the schedule's work grow with them, and
// a million is one group, or one choice, of 1,000.
const MaxPairs = 1_000_000

// checkChoicePairs reports the choice whose options take the choices
// past MaxPairs pairs, at its options.
func checkChoicePairs(cfg *Config) hcl.Diagnostics {
	pairs := 0
	for _, c := range cfg.Choices {
		n := len(c.Options)
		pairs += n * (n - 1)
		if pairs <= MaxPairs {
			continue
		}
		return hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Choices too large",
			Detail: fmt.Sprintf("Choice %q has %d options, which takes the choices to %d pairs of options weighed against each other (n x (n - 1) for a choice of n options); at most %d are allowed, one choice of 1,000 options. A choice is between a handful of alternatives: split it or drop options.",
				c.ID, n, pairs, MaxPairs),
			Subject: c.Ranges.Range("options", c.DeclRange).Ptr(),
		}}
	}
	return nil
}

// checkGroupSizes reports together groups over MaxTogetherGroup, at the
// together attribute of the group's first declared member that has one,
// and the group that takes all groups past MaxPairs partners.
func checkGroupSizes(cfg *Config, groups [][]string) hcl.Diagnostics {
	var diags hcl.Diagnostics
	pairs := 0
	for _, g := range groups {
		pairs += len(g) * (len(g) - 1)
		if len(g) <= MaxTogetherGroup && (pairs <= MaxPairs || len(diags) > 0) {
			continue
		}
		summary := "Together group too large"
		detail := "Project %q runs together with %d other projects (through together, directly or not); a together group may hold at most %d projects. Split the group: projects that must run all or none are rarely more than a handful."
		args := []any{0, len(g) - 1, MaxTogetherGroup}
		if len(g) <= MaxTogetherGroup {
			summary = "Together groups too large"
			detail = "Project %q runs together with %d other projects, which takes the together groups to %d partners listed in all (each member of a group of n lists its n - 1 partners); at most %d are allowed, one group of 1,000. Split the groups: projects that must run all or none are rarely more than a handful."
			args = []any{0, len(g) - 1, pairs, MaxPairs}
		}
		for _, p := range cfg.Projects {
			if len(p.Together) == 0 || !slices.Contains(g, p.ID) {
				continue
			}
			args[0] = p.ID
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  summary,
				Detail:   fmt.Sprintf(detail, args...),
				Subject:  p.Ranges.Range("together", p.DeclRange).Ptr(),
			})
			break
		}
	}
	return diags
}
