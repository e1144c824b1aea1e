// Package synth generates realistic synthetic roadmaps as HCL source, from
// a seed: goals, departments, teams, budgets, vendors with evaluations, and
// projects with dependencies, effort, costs, benefits and risks, in the
// proportions a large IT portfolio shows (most projects viable, some
// opposed, unaligned, too risky or needing a capability nobody has). The
// scale benchmarks and the optimiser's tests feed it to the real loader.
package synth

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"
)

// Config sizes a roadmap.
type Config struct {
	Seed     uint64
	Projects int
	Teams    int
	Periods  int    // the horizon
	Period   string // "month" (default) or "quarter"
	// Optimize sets optimize = true in the roadmap block.
	Optimize bool
	// Ranges gives every project ranged estimates (for roadmap simulate)
	// whose likely values are the numbers it has without: a duration
	// pert(d, d, 1.8 d), its first team's effort triangular(0.75 f, f,
	// 1.5 f), its one-time cost pert(0.8 x, x, 1.6 x) and its benefit
	// triangular(0.6 y, y, 1.1 y). The plan is the same either way.
	Ranges bool
	// RunFunding adds an opex budget ("run", kind = "opex", per year)
	// that every project's run costs (cost.per_year and vendor annual
	// fees) draw on from go-live to the end of the horizon, so the
	// scheduler tests each placement's run spend against it.
	RunFunding bool
}

// Sized is the standard configuration for a number of projects: 20 teams
// over 40 periods at 1,000 projects, 100 teams over 80 periods at 10,000,
// and in between (or below) teams and periods grown with the portfolio.
func Sized(projects int, seed uint64) Config {
	c := Config{Seed: seed, Projects: projects, Period: "month"}
	switch {
	case projects <= 100:
		c.Teams, c.Periods = 6, 24
	case projects <= 1000:
		c.Teams, c.Periods = 20, 40
	default:
		c.Teams, c.Periods = 100, 80
	}
	return c
}

// File is one generated file of a roadmap directory.
type File struct {
	Name    string
	Content []byte
}

// words are the vocabularies roadmaps are drawn from.
type words struct {
	goals, depts, teamKinds, categories, stack, verbs, objects, targets []string
}

func vocabulary() words {
	return words{
		goals: []string{"cut_costs", "grow_revenue", "reduce_risk", "customer_experience", "compliance",
			"employee_productivity", "time_to_market", "data_driven", "sustainability", "resilience"},
		depts: []string{"finance", "sales", "marketing", "operations", "hr", "legal", "support",
			"logistics", "procurement", "engineering", "security", "product"},
		teamKinds: []string{"platform", "data", "apps", "network", "security", "erp", "web", "mobile",
			"integration", "sre", "analytics", "devex"},
		categories: []string{"crm", "erp", "monitoring", "itsm", "hris", "bi", "iam", "backup"},
		stack:      []string{"vm", "sso", "postgres", "k8s", "ci", "vpn", "email", "wiki"},
		verbs: []string{"Migrate", "Replace", "Automate", "Consolidate", "Modernise", "Harden", "Roll out",
			"Integrate", "Retire", "Upgrade", "Build", "Standardise"},
		objects: []string{"payroll", "invoicing", "the data warehouse", "customer portal", "identity management",
			"backups", "service desk", "the intranet", "order tracking", "reporting", "the network core",
			"logging", "document archive", "field service app", "procurement workflow", "onboarding",
			"the test estate", "e-commerce checkout", "warehouse scanning", "contract management"},
		targets: []string{"to the cloud", "on Kubernetes", "with a SaaS product", "for all regions",
			"with single sign-on", "behind the API gateway", "for mobile", "in phase 2", "end to end", ""},
	}
}

// Generate writes the roadmap of c as files in lexical load order. The
// same Config always gives the same bytes.
func Generate(c Config) []File {
	g := &gen{w: vocabulary(), c: c, rng: rand.New(rand.NewPCG(c.Seed, 0x5eed))}
	if g.c.Period == "" {
		g.c.Period = "month"
	}
	files := []File{
		{Name: "00_roadmap.hcl", Content: g.roadmap()},
		{Name: "10_organisation.hcl", Content: g.organisation()},
		{Name: "20_vendors.hcl", Content: g.vendors()},
	}
	files = append(files, g.projects()...)
	files = append(files, File{Name: "40_checks.hcl", Content: g.checks()})
	for k := range files {
		files[k].Content = hclwrite.Format(files[k].Content)
	}
	return files
}

type gen struct {
	w     words
	c     Config
	rng   *rand.Rand
	teams []string
	depts []string
	goals []string
}

func (g *gen) ppy() int {
	if g.c.Period == "quarter" {
		return 4
	}
	return 12
}

// label is period k's label counted from 2027-01 (or 2027-Q1).
func (g *gen) label(k int) string {
	if g.c.Period == "quarter" {
		return fmt.Sprintf("%04d-Q%d", 2027+k/4, k%4+1)
	}
	return fmt.Sprintf("%04d-%02d", 2027+k/12, k%12+1)
}

func (g *gen) roadmap() []byte {
	var b bytes.Buffer
	start := "2027-01"
	if g.c.Period == "quarter" {
		start = "2027-Q1"
	}
	fmt.Fprintf(&b, "roadmap {\n")
	fmt.Fprintf(&b, "name = %q\n", fmt.Sprintf("Synthetic portfolio, %d projects", g.c.Projects))
	fmt.Fprintf(&b, "currency = \"EUR\"\nstart = %q\nperiod = %q\nhorizon = %d\n", start, g.c.Period, g.c.Periods)
	fmt.Fprintf(&b, "discount_rate = 0.08\nstrategy = \"value\"\nrisk_appetite = 0.6\n")
	fmt.Fprintf(&b, "stack = %s\n", list(g.w.stack, quote))
	if g.c.Optimize {
		fmt.Fprintf(&b, "optimize = true\n")
	}
	fmt.Fprintf(&b, "}\n\n")
	// Capex sized so that money binds about as often as people do.
	fmt.Fprintf(&b, "variable \"capex\" {\ntype = number\ndefault = %d\ndescription = \"Capital budget per year\"\n}\n\n", g.c.Projects*45000)
	fmt.Fprintf(&b, "variable \"opex\" {\ntype = number\ndefault = %d\ndescription = \"Operating budget over the horizon\"\n}\n\n", g.c.Projects*30000)
	if g.c.RunFunding {
		// Room for about two thirds of the run costs the portfolio adds
		// once everything is live: the last go-lives wait or are deferred.
		fmt.Fprintf(&b, "variable \"run\" {\ntype = number\ndefault = %d\ndescription = \"Run costs per year\"\n}\n\n", g.c.Projects*12000)
	}
	fmt.Fprintf(&b, "locals {\nfte_cost = %d\n}\n", 96000/g.ppy())
	return b.Bytes()
}

func (g *gen) organisation() []byte {
	var b bytes.Buffer
	nGoals := min(len(g.w.goals), 4+g.c.Projects/200)
	for k := range nGoals {
		id := g.w.goals[k]
		g.goals = append(g.goals, id)
		term := []string{"short", "medium", "long"}[k%3]
		fmt.Fprintf(&b, "goal %q {\ntitle = %q\nweight = %d\nterm = %q\n}\n\n", id, title(id), 1+g.rng.IntN(5), term)
	}
	nDepts := min(len(g.w.depts), 5+g.c.Projects/150)
	for k := range nDepts {
		id := g.w.depts[k]
		g.depts = append(g.depts, id)
		fmt.Fprintf(&b, "department %q {\ntitle = %q\nhead = %q\nneeds = [%q]\n}\n\n", id, title(id), "Head of "+title(id),
			"reliable "+g.w.objects[k%len(g.w.objects)])
	}
	for k := range g.c.Teams {
		id := g.w.teamKinds[k%len(g.w.teamKinds)]
		if k >= len(g.w.teamKinds) {
			id = fmt.Sprintf("%s_%d", id, k/len(g.w.teamKinds)+1)
		}
		g.teams = append(g.teams, id)
		capacity := 4 + g.rng.IntN(9)
		fmt.Fprintf(&b, "team %q {\ntitle = %q\ncapacity = %d\n", id, title(id), capacity)
		if g.rng.IntN(3) == 0 {
			// A holiday dip or a hiring step.
			p := g.rng.IntN(g.c.Periods)
			fmt.Fprintf(&b, "capacity_by_period = { %q = %d }\n", g.label(p), max(1, capacity-2))
		}
		fmt.Fprintf(&b, "cost_per_fte = local.fte_cost\n}\n\n")
	}
	fmt.Fprintf(&b, "budget \"capex\" {\ntitle = \"Capital expenditure\"\namount = var.capex\nper = \"year\"\n}\n\n")
	fmt.Fprintf(&b, "budget \"opex\" {\ntitle = \"Operating expenditure\"\namount = var.opex\nper = \"total\"\n}\n")
	if g.c.RunFunding {
		fmt.Fprintf(&b, "\nbudget \"run\" {\ntitle = \"Run costs\"\nkind = \"opex\"\namount = var.run\nper = \"year\"\n}\n")
	}
	return b.Bytes()
}

func (g *gen) vendors() []byte {
	var b bytes.Buffer
	for _, cat := range g.w.categories {
		var ids []string
		for v := range 3 {
			id := fmt.Sprintf("%s_vendor_%d", cat, v+1)
			ids = append(ids, id)
			fmt.Fprintf(&b, "vendor %q {\ntitle = %q\ncategory = %q\none_time = %d\nannual = %d\nprovides = [%q]\n", id,
				fmt.Sprintf("%s vendor %d", strings.ToUpper(cat), v+1), cat, 10000*(1+g.rng.IntN(8)), 12000*(1+g.rng.IntN(10)), cat)
			fmt.Fprintf(&b, "scores = { features = %d, support = %d, compatibility = %d }\n}\n\n", 1+g.rng.IntN(5), 1+g.rng.IntN(5), 1+g.rng.IntN(5))
		}
		fmt.Fprintf(&b, "evaluation %q {\ntitle = %q\ncategory = %q\ncandidates = %s\n", cat, "Select a "+strings.ToUpper(cat)+" vendor", cat,
			list(ids, func(s string) string { return "vendor." + s }))
		fmt.Fprintf(&b, "criteria = { features = 0.4, support = 0.2, compatibility = 0.2, cost = 0.2 }\nminimum_score = 2\nyears = 3\n}\n\n")
	}
	return b.Bytes()
}

// projectsPerFile keeps files well under the loader's size limit, as a
// large portfolio would be split anyway.
const projectsPerFile = 1000

// projects writes the projects, projectsPerFile to a file.
func (g *gen) projects() []File {
	var files []File
	var b bytes.Buffer
	flush := func() {
		files = append(files, File{Name: fmt.Sprintf("30_projects_%02d.hcl", len(files)+1), Content: bytes.Clone(b.Bytes())})
		b.Reset()
	}
	n := g.c.Projects
	ids := make([]string, n)
	width := len(fmt.Sprint(n))
	for k := range ids {
		ids[k] = fmt.Sprintf("p%0*d", width, k+1)
	}
	provides := make([][]string, n)
	for k, id := range ids {
		if k > 0 && k%projectsPerFile == 0 {
			flush()
		}
		r := g.rng
		fmt.Fprintf(&b, "project %q {\n", id)
		t := fmt.Sprintf("%s %s %s", g.w.verbs[r.IntN(len(g.w.verbs))], g.w.objects[r.IntN(len(g.w.objects))], g.w.targets[r.IntN(len(g.w.targets))])
		fmt.Fprintf(&b, "title = %q\n", strings.TrimSpace(t))

		// Goals: most projects serve one to three; a few serve none.
		if r.IntN(30) > 0 {
			gs := pick(r, g.goals, 1+r.IntN(3))
			parts := make([]string, len(gs))
			for j, gl := range gs {
				parts[j] = fmt.Sprintf("%s = %.1f", gl, 0.2+0.1*float64(r.IntN(9)))
			}
			fmt.Fprintf(&b, "goals = { %s }\n", strings.Join(parts, ", "))
		}
		if r.IntN(20) > 0 {
			fmt.Fprintf(&b, "endorsed_by = %s\n", list(pick(r, g.depts, 1+r.IntN(2)), prefix("department.")))
		}
		if r.IntN(30) == 0 {
			fmt.Fprintf(&b, "opposed_by = %s\n", list(pick(r, g.depts, 1), prefix("department.")))
		}
		// Mandatory (compliance) work is small and stands alone, as it
		// does in practice, so it fits: a deferred mandatory project is
		// worth a warning, not the norm.
		mandatory := r.IntN(50) == 0
		// Dependencies on recent projects keep chains realistic: short,
		// many of them, rarely long.
		var deps []int
		if k > 0 && !mandatory && r.IntN(5) < 2 {
			for range 1 + r.IntN(2) {
				d := k - 1 - r.IntN(min(k, 40))
				if !containsInt(deps, d) {
					deps = append(deps, d)
				}
			}
			sort.Ints(deps)
			names := make([]string, len(deps))
			for j, d := range deps {
				names[j] = ids[d]
			}
			fmt.Fprintf(&b, "depends_on = %s\n", list(names, prefix("project.")))
		}
		var req []string
		if r.IntN(3) == 0 {
			req = append(req, g.w.stack[r.IntN(len(g.w.stack))])
		}
		if len(deps) > 0 && len(provides[deps[0]]) > 0 && r.IntN(2) == 0 {
			req = append(req, provides[deps[0]][0])
		}
		vendorCat := ""
		switch v := r.IntN(20); {
		case v < 3:
			vendorCat = g.w.categories[r.IntN(len(g.w.categories))]
			fmt.Fprintf(&b, "vendor = evaluation.%s\n", vendorCat)
		case v < 4:
			vendorCat = g.w.categories[r.IntN(len(g.w.categories))]
			fmt.Fprintf(&b, "vendor = vendor.%s_vendor_%d\n", vendorCat, 1+r.IntN(3))
		}
		if vendorCat != "" && r.IntN(2) == 0 {
			req = append(req, vendorCat)
		}
		// Nobody provides quantum_link: not viable. Compliance work is
		// always viable, or the roadmap's mandatory policy fails.
		if r.IntN(60) == 0 && !mandatory {
			req = append(req, "quantum_link")
		}
		if len(req) > 0 {
			fmt.Fprintf(&b, "requires = %s\n", list(dedupe(req), quote))
		}
		if r.IntN(3) == 0 {
			provides[k] = []string{"cap_" + id}
			fmt.Fprintf(&b, "provides = %s\n", list(provides[k], quote))
		}
		duration := 1 + r.IntN(6)
		if g.c.Period == "quarter" {
			duration = 1 + r.IntN(3)
		}
		if mandatory {
			duration = 1 + r.IntN(2)
		}
		if g.c.Ranges {
			fmt.Fprintf(&b, "duration = pert(%d, %d, %s)\n", duration, duration, number(1.8*float64(duration)))
		} else {
			fmt.Fprintf(&b, "duration = %d\n", duration)
		}
		teams := pick(r, g.teams, 1+r.IntN(3))
		if mandatory {
			teams = teams[:1]
		}
		parts := make([]string, len(teams))
		for j, tm := range teams {
			fte := []string{"0.5", "1", "1", "1.5", "2", "2", "3"}[r.IntN(7)]
			if mandatory {
				fte = "0.5"
			}
			parts[j] = fmt.Sprintf("%s = %s", tm, fte)
			if g.c.Ranges && j == 0 {
				f, _ := strconv.ParseFloat(fte, 64)
				parts[j] = fmt.Sprintf("%s = triangular(%s, %s, %s)", tm, number(0.75*f), fte, number(1.5*f))
			}
		}
		fmt.Fprintf(&b, "effort = { %s }\n", strings.Join(parts, ", "))
		funding := "capex"
		if r.IntN(4) == 0 {
			funding = "opex"
		}
		fmt.Fprintf(&b, "funding = budget.%s\n", funding)
		oneTime := 10000 * (2 + r.IntN(40))
		perYear, benefit, ramp, years := 1000*r.IntN(60), 5000*(r.IntN(80)), r.IntN(4), 3+r.IntN(3)
		if g.c.Ranges {
			fmt.Fprintf(&b, "cost {\none_time = pert(%d, %d, %d)\nper_year = %d\n}\n", oneTime*8/10, oneTime, oneTime*16/10, perYear)
			fmt.Fprintf(&b, "benefit {\nper_year = triangular(%d, %d, %d)\nramp_periods = %d\nyears = %d\n}\n", benefit*6/10, benefit, benefit*11/10, ramp, years)
		} else {
			fmt.Fprintf(&b, "cost {\none_time = %d\nper_year = %d\n}\n", oneTime, perYear)
			fmt.Fprintf(&b, "benefit {\nper_year = %d\nramp_periods = %d\nyears = %d\n}\n", benefit, ramp, years)
		}
		fmt.Fprintf(&b, "risk {\ndisruption = %.2f\nsecurity = %.2f\nfailure = %.2f\n}\n", 0.05*float64(r.IntN(7)), 0.05*float64(r.IntN(5)), 0.05*float64(r.IntN(8)))
		if r.IntN(10) == 0 {
			fmt.Fprintf(&b, "earliest_start = %q\n", g.label(r.IntN(max(1, g.c.Periods/2))))
		}
		if r.IntN(10) == 0 && !mandatory {
			fmt.Fprintf(&b, "deadline = %q\n", g.label(min(g.c.Periods-1, g.c.Periods/2+r.IntN(g.c.Periods/2+1))))
		}
		if mandatory {
			fmt.Fprintf(&b, "mandatory = true\n")
		}
		fmt.Fprintf(&b, "}\n\n")
	}
	flush()
	return files
}

func (g *gen) checks() []byte {
	return []byte(`check "capex_headroom" {
condition = plan.totals.cost <= var.capex * 10
error_message = "Keep the plan's total cost within ten years of capex."
severity = "warning"
}
`)
}

// pick draws k distinct items, in the order of items.
func pick(r *rand.Rand, items []string, k int) []string {
	k = min(k, len(items))
	idx := r.Perm(len(items))[:k]
	sort.Ints(idx)
	out := make([]string, k)
	for j, i := range idx {
		out[j] = items[i]
	}
	return out
}

func list(items []string, f func(string) string) string {
	parts := make([]string, len(items))
	for k, s := range items {
		parts[k] = f(s)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func quote(s string) string { return fmt.Sprintf("%q", s) }

// number writes x in HCL with at most two decimals.
func number(x float64) string { return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64) }

func prefix(p string) func(string) string { return func(s string) string { return p + s } }

func title(id string) string {
	switch id {
	case "hr", "erp", "sre":
		return strings.ToUpper(id)
	}
	w := strings.ReplaceAll(id, "_", " ")
	return strings.ToUpper(w[:1]) + w[1:]
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func dedupe(xs []string) []string {
	var out []string
	for _, x := range xs {
		if !containsString(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func containsString(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
