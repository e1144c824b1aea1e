// Package shortfall answers "what would it take to run the deferred
// project?" (roadmap plan --shortfall): for each project the rank-order
// schedule defers or a gate drops, the smallest change of each kind that
// makes it fit where it ranks - extra FTE of one team in the periods it
// needs (and their cost), a budget's amount raised (the money one
// window lacks), one more slot of a team's or the roadmap's
// max_parallel, a later deadline - each verified by scheduling the roadmap again with the
// change applied, by the same evaluation as the plan (evaluate.Prepared),
// with the plan's forced sets. A project dropped by a gate that no change
// of teams or budgets gets it past (alignment, risk, an excluded
// project, ...) gets that said plainly instead. The scheduler never plans
// a project past its deadline, so every missed deadline is a deferred or
// dropped project, and gets its answer too.
//
// Candidates are worked out against the projects ranked above it (those
// below give way when it fits where it ranks); the verification is the
// proof: a change the re-planned schedule does not bear out is not
// reported, and the next larger one is tried.
package shortfall

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// tries bounds the candidates of one kind verified per project.
const tries = 3

// eps absorbs rounding when comparing loads with capacity.
const eps = 1e-9

// MaxWork bounds a shortfall's searches: the projects searched times the
// projects in the roadmap (each search re-plans the whole roadmap a few
// times; a search of a 1,000-project roadmap takes about 75 ms of CPU).
// A 1,000-project roadmap gets its first 100 deferred or dropped
// projects in rank order searched, a 10,000-project one its first 10;
// the others get the answer AnswerSkipped, and Annotate a warning.
const MaxWork = 100_000

// MaxCells bounds the searches by the plan's size as well: projects
// searched x the plan's cells (hclspec.PlanCells, its cash-flow periods
// and capacity cells). Each search plans the roadmap again up to a few
// dozen times, and a plan of 300 projects with 830 years of monthly cash
// flows (3 million cells) takes about half a second: all 298 of its
// deferred projects took over 44 s (review qa18 B5).
const MaxCells = 4_000_000

// Searches is how many projects a shortfall of a roadmap of n projects
// searches at most (MaxWork).
func Searches(n int) int { return max(1, MaxWork/max(n, 1)) }

// SearchesFor is Searches for cfg, its plan's size counted too
// (MaxCells).
func SearchesFor(cfg *hclspec.Config) int {
	return max(1, min(Searches(len(cfg.Projects)), MaxCells/max(hclspec.PlanCells(cfg), 1)))
}

// Options tune Compute.
type Options struct {
	// ForceIn and ForceOut are the plan's forced projects
	// (evaluate.Options): every re-plan forces the same.
	ForceIn, ForceOut []string

	// limit, when > 0, answers only the first limit deferred projects in
	// rank order and leaves the others out (benchmarks);
	// maxWork overrides MaxWork (tests).
	limit, maxWork int
}

// searches is SearchesFor(cfg), or what opts' limits make it.
func (opts Options) searches(cfg *hclspec.Config) int {
	if opts.maxWork > 0 {
		return max(1, opts.maxWork/max(len(cfg.Projects), 1))
	}
	return SearchesFor(cfg)
}

// Annotate sets the Shortfall of every deferred or dropped project of
// plan, the rank-order plan of cfg with opts' forced sets. The
// diagnostics warn of the projects left unsearched (MaxWork). It returns
// ctx's error when ctx ends first.
func Annotate(ctx context.Context, cfg *hclspec.Config, plan *evaluate.Plan, opts Options) (hcl.Diagnostics, error) {
	results, err := Compute(ctx, cfg, opts)
	if err != nil {
		return nil, err
	}
	skipped := 0
	for k := range plan.Projects {
		if sf, ok := results[plan.Projects[k].ID]; ok {
			plan.Projects[k].Shortfall = sf
			if sf.Answer == evaluate.AnswerSkipped {
				skipped++
			}
		}
	}
	if skipped == 0 {
		return nil, nil
	}
	return hcl.Diagnostics{{
		Severity: hcl.DiagWarning,
		Summary:  "Shortfall not searched for every project",
		Detail: fmt.Sprintf("The shortfall was searched for the first %d deferred or dropped projects in rank order; %d more are marked \"not searched\" (answer \"skipped\"). "+
			"A search re-plans the whole roadmap, so one of %d projects and %d cash-flow periods and capacity cells may search at most %d (%d projects searched x projects in the roadmap, %d x cells).",
			opts.searches(cfg), skipped, len(cfg.Projects), hclspec.PlanCells(cfg), opts.searches(cfg), MaxWork, MaxCells),
	}}, nil
}

// Compute is the shortfall of every project cfg's rank-order schedule
// (with opts' forced sets) defers or drops, by project id.
func Compute(ctx context.Context, cfg *hclspec.Config, opts Options) (map[string]*evaluate.Shortfall, error) {
	prep, diags := evaluate.Prepare(cfg)
	if diags.HasErrors() {
		return nil, fmt.Errorf("shortfall: %s", diags.Error())
	}
	run, diags := prep.ScheduleForced(ctx, cfg.Projects, opts.ForceIn, opts.ForceOut)
	if diags.HasErrors() || run == nil {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("shortfall: %s", diags.Error())
	}
	s := newSearch(cfg, prep, run, opts)
	var targets []int // the deferred and dropped projects, by s.rank
	for i := range cfg.Projects {
		if o := s.outcomes[i]; o.Status == evaluate.StatusDeferred || o.Status == evaluate.StatusDropped || s.late(i) {
			targets = append(targets, i) // not history (done, cancelled, on hold)
		}
	}
	slices.SortFunc(targets, func(a, b int) int { return cmp.Or(cmp.Compare(s.rank[a], s.rank[b]), cmp.Compare(a, b)) })
	if opts.limit > 0 { // benchmarks: the first deferred ones only
		targets = slices.DeleteFunc(targets, func(i int) bool { return s.outcomes[i].Status != evaluate.StatusDeferred })
		targets = targets[:min(len(targets), opts.limit)]
	}
	results := map[string]*evaluate.Shortfall{}
	var searched []int
	for _, i := range targets {
		if sf := s.plainAnswer(i); sf != nil {
			results[cfg.Projects[i].ID] = sf
			continue
		}
		searched = append(searched, i)
	}
	limit := opts.searches(cfg)
	if len(searched) > limit {
		for _, i := range searched[limit:] {
			results[cfg.Projects[i].ID] = &evaluate.Shortfall{Fixes: []evaluate.Fix{}, Answer: evaluate.AnswerSkipped,
				Reason: fmt.Sprintf("not searched: a shortfall searches the first %d deferred or dropped projects in rank order of a roadmap of %d projects", limit, len(cfg.Projects))}
		}
		searched = searched[:limit]
	}
	out := make([]*evaluate.Shortfall, len(searched))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), max(len(searched), 1)) {
		wg.Go(func() {
			for k := range next {
				if ctx.Err() == nil {
					out[k] = s.project(ctx, searched[k])
				}
			}
		})
	}
	for k := range searched {
		next <- k
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for k, i := range searched {
		results[cfg.Projects[i].ID] = out[k]
	}
	return results, nil
}

// late reports whether project i is scheduled but ends after its
// deadline: work in progress at a status date keeps its place, however
// late (the scheduler plans every other project by its deadline).
func (s *search) late(i int) bool {
	o, dl := s.outcomes[i], s.cfg.Projects[i].Deadline
	return o.Status == evaluate.StatusScheduled && dl >= 0 && dl < s.horizon && o.End-1 > dl
}

// lateAnswer is the answer of a late project: the deadline it meets,
// verified by planning again with it. More FTE or money does not end a
// project sooner: its duration is its own.
func (s *search) lateAnswer(ctx context.Context, i int) *evaluate.Shortfall {
	o := s.outcomes[i]
	p := s.cfg.Projects[i]
	if fix, ok := s.verify(ctx, i, s.deadlineCandidate(p, o.End-1, o.Start)); ok {
		if st := max(p.Started, 0); p.HasStarted && st < o.Start {
			// Under way: the plan shows it from its start, as here.
			fix.StartPeriod, fix.Start = st, s.labels[st]
		}
		return &evaluate.Shortfall{Answer: evaluate.AnswerFound, Fixes: []evaluate.Fix{fix}}
	}
	return &evaluate.Shortfall{Fixes: []evaluate.Fix{}, Answer: evaluate.AnswerNone,
		Reason: fmt.Sprintf("it ends %s, after its deadline, and planning it with that deadline does not keep it there", s.labels[o.End-1])}
}

// plainAnswer is the answer of a project no change of teams or budgets
// can get in - dropped by a gate they do not decide, or an option of a
// choice that chose one ranked above it - and nil for one to search.
func (s *search) plainAnswer(i int) *evaluate.Shortfall {
	o := s.outcomes[i]
	p := s.cfg.Projects[i]
	if o.Status == evaluate.StatusDeferred || o.Gate == evaluate.GateResources || o.Gate == evaluate.GateChoice {
		for _, dep := range p.DependsOn {
			j, ok := s.index[dep]
			if ok && s.outcomes[j].Status != evaluate.StatusScheduled {
				return &evaluate.Shortfall{Fixes: []evaluate.Fix{}, Answer: evaluate.AnswerDependency,
					Reason: fmt.Sprintf("no change of its own: it depends on %q, which is %s and has to run first", dep, s.outcomes[j].Status)}
			}
		}
	}
	if o.Status != evaluate.StatusDropped {
		return nil
	}
	gateAnswer := func(why string) *evaluate.Shortfall {
		return &evaluate.Shortfall{Fixes: []evaluate.Fix{}, Answer: evaluate.AnswerGate,
			Reason: fmt.Sprintf("dropped by the %s gate, which no change of teams, budgets or deadline gets it past: %s", o.Gate, why)}
	}
	switch o.Gate {
	case evaluate.GateResources:
		return nil
	case evaluate.GateChoice:
		for _, c := range s.cfg.Choices {
			if !slices.Contains(c.Options, p.ID) {
				continue
			}
			for _, id := range c.Options {
				j, ok := s.index[id]
				if ok && j != i && s.outcomes[j].Status == evaluate.StatusScheduled && s.outcomes[j].Rank < o.Rank {
					return &evaluate.Shortfall{Fixes: []evaluate.Fix{}, Answer: evaluate.AnswerGate,
						Reason: fmt.Sprintf("dropped by the choice gate: option %q of choice %q ranks above it and is chosen; more room does not change that", id, c.ID)}
				}
			}
		}
		return nil // the option chosen ranks below it: it lacked room
	case evaluate.GateExcluded:
		if slices.Contains(s.opts.ForceOut, p.ID) {
			return gateAnswer("it is forced out (--force-out)")
		}
		return gateAnswer("it runs once excluded = true is removed, or with --force-in")
	case evaluate.GateAlignment:
		return gateAnswer("it needs a contribution to a goal")
	case evaluate.GateDepartments:
		return gateAnswer("it needs a department's endorsement and none opposing it")
	case evaluate.GateViability:
		return gateAnswer("it needs its dependencies, its vendor and the capabilities it requires first")
	case evaluate.GateRisk:
		return gateAnswer("its risk has to come within the roadmap's risk appetite")
	case evaluate.GateValue:
		return gateAnswer("it has to clear the roadmap's hurdle")
	case evaluate.GateTogether:
		return gateAnswer("its together group runs only as a whole")
	case evaluate.GateLifecycle:
		return gateAnswer("its lifecycle keeps it out (a dependency cancelled or on hold, work past the horizon)")
	}
	return gateAnswer("only a change of the roadmap's rules gets it in")
}

// search holds what every project's search reads.
type search struct {
	cfg      *hclspec.Config
	prep     *evaluate.Prepared
	run      *evaluate.Run
	res      []schedule.Resource
	budgets  []schedule.Budget
	horizon  int
	ppy      int
	unit     string // the period's name: "quarter"
	headroom float64
	labels   []string
	currency string
	costFTE  []float64 // per resource, the team's cost_per_fte
	index    map[string]int
	tasks    []schedule.Task
	outcomes []evaluate.Outcome
	// rank is each project's rank, or for one the resources gate dropped
	// the rank it would have had (Run.RankIfKept): where it has to fit.
	rank []int
	opts Options
	// dated marks the budgets a saving is credited to (spend to date
	// counts there: schedule.Problem.DatedBudgets); nil when none is.
	dated []bool
}

func newSearch(cfg *hclspec.Config, prep *evaluate.Prepared, run *evaluate.Run, opts Options) *search {
	s := &search{cfg: cfg, prep: prep, run: run, res: prep.Resources(), budgets: prep.Budgets(),
		horizon: cfg.Roadmap.Horizon, headroom: prep.Headroom(), currency: cfg.Roadmap.Currency,
		index: map[string]int{}, opts: opts}
	cal := cfg.Calendar
	if cal.Unit == "" {
		cal.Unit = cfg.Roadmap.Period
	}
	for t := range s.horizon {
		s.labels = append(s.labels, cal.Label(t))
	}
	s.ppy, s.unit = cal.PeriodsPerYear(), string(cal.Unit)
	for _, r := range s.res {
		c := 0.0
		for _, t := range cfg.Teams {
			if t.ID == r.ID {
				c = t.CostPerFTE
			}
		}
		s.costFTE = append(s.costFTE, c)
	}
	for i, p := range cfg.Projects {
		s.index[p.ID] = i
		s.tasks = append(s.tasks, run.Task(i))
		o := run.Project(i)
		s.outcomes = append(s.outcomes, o)
		if o.Gate == evaluate.GateResources {
			s.rank = append(s.rank, run.RankIfKept(i)) // the only dropped ones searched where they would rank
		} else {
			s.rank = append(s.rank, o.Rank)
		}
	}
	s.dated = (&schedule.Problem{Horizon: s.horizon, Budgets: s.budgets, Tasks: s.tasks}).DatedBudgets()
	return s
}

// room is the teams' free FTE per period and the budgets' free money per
// window left by the projects ranked above one project.
type room struct {
	team   [][]float64
	budget [][]float64
	// slots is each team's free max_parallel slots per period (nil for a
	// team without one), port the roadmap's (nil without one).
	slots [][]int
	port  []int
}

func (s *search) roomAbove(rank int) room {
	return s.roomIn(s.res, s.budgets, s.cfg.Roadmap.MaxParallel, s.outcomes, rank)
}

// roomIn is roomAbove for the capacities res, the limits budgets and the
// projects' outcomes of one schedule, maxPar the roadmap's max_parallel.
func (s *search) roomIn(res []schedule.Resource, budgets []schedule.Budget, maxPar int, outcomes []evaluate.Outcome, rank int) room {
	rm := room{team: make([][]float64, len(res)), budget: make([][]float64, len(budgets)), slots: make([][]int, len(res))}
	for r := range res {
		rm.team[r] = slices.Clone(res[r].Capacity)
		if n := res[r].MaxParallel; n > 0 {
			rm.slots[r] = make([]int, s.horizon)
			for t := range rm.slots[r] {
				rm.slots[r][t] = n
			}
		}
	}
	if maxPar > 0 {
		rm.port = make([]int, s.horizon)
		for t := range rm.port {
			rm.port[t] = maxPar
		}
	}
	for b := range budgets {
		rm.budget[b] = slices.Clone(budgets[b].Limit)
		if budgets[b].HasSteady {
			rm.budget[b] = append(rm.budget[b], budgets[b].Steady)
		}
	}
	for j, o := range outcomes {
		if o.Status == evaluate.StatusDone || o.Status == evaluate.StatusScheduled && o.Rank < rank {
			// A year once live pays every run cost then live, done
			// projects' too.
			for b := range budgets {
				if budgets[b].HasSteady {
					rm.budget[b][len(budgets[b].Limit)] -= runYear(&s.tasks[j], b)
				}
			}
		}
		if o.Status != evaluate.StatusScheduled || o.Rank >= rank {
			continue
		}
		tk := &s.tasks[j]
		for t := o.Start; t < o.Start+tk.Duration && t < s.horizon; t++ {
			if rm.port != nil {
				rm.port[t]--
			}
		}
		for _, d := range tk.Demand {
			for t := o.Start; t < o.Start+tk.Duration && t < s.horizon; t++ {
				rm.team[d.Resource][t] -= d.Amount
				if rm.slots[d.Resource] != nil && d.Amount > 0 {
					rm.slots[d.Resource][t]--
				}
			}
		}
		for b := range s.budgets {
			share := tk.ShareOf(b)
			if share == 0 {
				continue
			}
			for k, x := range tk.Spend {
				if t := o.Start + k; t < s.horizon {
					rm.budget[b][s.budgets[b].Window[t]] -= x * share
				}
			}
		}
	}
	return rm
}

// need is what task i lacks to start at st: FTE per resource and period,
// money per budget and window, max_parallel slots per resource and
// period and the roadmap's per period (only positive entries).
type need struct {
	team   map[int]map[int]float64
	budget map[int]map[int]float64
	slots  map[int]map[int]int
	port   map[int]int
}

// only reports whether the need is of one kind: FTE, money, slots of a
// team or the roadmap's slots.
func (n need) only(kind string) bool {
	counts := map[string]int{"team": len(n.team), "budget": len(n.budget), "slots": len(n.slots), "port": min(len(n.port), 1)}
	for k, c := range counts {
		if (k == kind) != (c > 0) {
			return false
		}
	}
	return counts[kind] == 1
}

func (s *search) needAt(rm room, i, st int) need {
	tk := &s.tasks[i]
	n := need{team: map[int]map[int]float64{}, budget: map[int]map[int]float64{}, slots: map[int]map[int]int{}, port: map[int]int{}}
	for t := st; t < st+tk.Duration && rm.port != nil; t++ {
		if rm.port[t] < 1 {
			n.port[t] = 1 - rm.port[t]
		}
	}
	for _, d := range tk.Demand {
		for t := st; t < st+tk.Duration; t++ {
			if rm.slots[d.Resource] != nil && d.Amount > 0 && rm.slots[d.Resource][t] < 1 {
				if n.slots[d.Resource] == nil {
					n.slots[d.Resource] = map[int]int{}
				}
				n.slots[d.Resource][t] = 1 - rm.slots[d.Resource][t]
			}
			if short := d.Amount - rm.team[d.Resource][t]; short > eps {
				if n.team[d.Resource] == nil {
					n.team[d.Resource] = map[int]float64{}
				}
				n.team[d.Resource][t] = short
			}
		}
	}
	for b := range s.budgets {
		share := tk.ShareOf(b)
		if share == 0 {
			continue
		}
		spend := map[int]float64{}
		for k, x := range tk.Spend {
			spend[s.budgets[b].Window[st+k]] += x * share
		}
		for w, x := range spend {
			if over := x - rm.budget[b][w]; over > eps*(1+x) {
				if n.budget[b] == nil {
					n.budget[b] = map[int]float64{}
				}
				n.budget[b][w] = over
			}
		}
	}
	// An opex budget's year once live (after the horizon) pays its run
	// costs a year, wherever it starts.
	for b := range s.budgets {
		bg := &s.budgets[b]
		if x := runYear(tk, b); bg.HasSteady && x > 0 {
			w := len(bg.Limit)
			if over := x - rm.budget[b][w]; over > eps*(1+x) {
				if n.budget[b] == nil {
					n.budget[b] = map[int]float64{}
				}
				n.budget[b][w] = over
			}
		}
	}
	return n
}

// runYear is what budget b pays of task tk's run costs a year once live.
func runYear(tk *schedule.Task, b int) float64 {
	for _, sh := range tk.RunShares {
		if sh.Budget == b {
			return sh.Share * tk.RunYear
		}
	}
	return 0
}

// onceLive labels an opex budget's year once live in a budget fix's
// window, as the plan's notes do.
const onceLive = "once live"

// candidate is one change to verify.
type candidate struct {
	fix evaluate.Fix
	adj evaluate.Adjustment
	// amount, when set, is a budget's new amount (amountEdit): the
	// roadmap is prepared again with it, as the edit would be (the value
	// scale may be sized from a budget's amount).
	amount *budgetAmount
	// exact: verify tries c as it is, without growing it (lower).
	exact bool
	dl    int     // the later deadline; -1 unless a deadline fix
	size  float64 // what "smallest" compares
	start int
}

// project searches the fixes of deferred project i.
func (s *search) project(ctx context.Context, i int) *evaluate.Shortfall {
	tk := &s.tasks[i]
	p := s.cfg.Projects[i]
	if s.late(i) {
		return s.lateAnswer(ctx, i)
	}
	sf := &evaluate.Shortfall{Fixes: []evaluate.Fix{}, Answer: evaluate.AnswerFound}
	earliest := tk.Earliest
	for _, dep := range p.DependsOn {
		if j, ok := s.index[dep]; ok {
			earliest = max(earliest, s.outcomes[j].End) // scheduled: plainAnswer saw to it
		}
	}
	rm := s.roomAbove(s.rank[i])
	last := min(tk.Latest, s.horizon-1) - tk.Duration + 1
	teamCands := map[int][]candidate{}
	budgetCands := map[int][]candidate{}
	parCands := map[int][]candidate{}
	var portCands, deadlineCands []candidate
	for st := earliest; st+tk.Duration <= s.horizon; st++ {
		n := s.needAt(rm, i, st)
		switch {
		case st > last:
			// Past its deadline: a later deadline, when everything fits.
			if p.Deadline >= 0 && len(n.team) == 0 && len(n.budget) == 0 && len(n.slots) == 0 && len(n.port) == 0 && len(deadlineCands) < tries {
				deadlineCands = append(deadlineCands, s.deadlineCandidate(p, st+tk.Duration-1, st))
			}
		case n.only("team"):
			for r, short := range n.team {
				teamCands[r] = append(teamCands[r], s.teamCandidate(r, short, st))
			}
		case n.only("slots"):
			for r, over := range n.slots {
				parCands[r] = append(parCands[r], s.parallelCandidate(r, s.res[r].MaxParallel+slices.Max(slices.Collect(maps.Values(over))), st))
			}
		case n.only("port"):
			portCands = append(portCands, s.portCandidate(s.cfg.Roadmap.MaxParallel+slices.Max(slices.Collect(maps.Values(n.port))), st))
		case n.only("budget"):
			for b, over := range n.budget {
				if len(over) == 1 {
					for w, x := range over {
						budgetCands[b] = append(budgetCands[b], s.budgetCandidate(b, w, x, st))
					}
				}
			}
		}
	}
	var kinds [][]candidate
	for _, r := range sortedKeys(teamCands) {
		kinds = append(kinds, teamCands[r])
	}
	for _, b := range sortedKeys(budgetCands) {
		kinds = append(kinds, budgetCands[b])
	}
	for _, r := range sortedKeys(parCands) {
		kinds = append(kinds, parCands[r])
	}
	kinds = append(kinds, portCands, deadlineCands)
	for _, cands := range kinds {
		slices.SortStableFunc(cands, func(a, b candidate) int { return cmp.Compare(a.size, b.size) })
		for _, c := range cands[:min(tries, len(cands))] {
			if ctx.Err() != nil {
				return sf
			}
			if fix, ok := s.verify(ctx, i, c); ok {
				fix = s.lower(ctx, i, c, fix)
				if fix.Kind == evaluate.FixBudget {
					fix = s.amountEdit(ctx, i, c, fix)
				}
				sf.Fixes = append(sf.Fixes, fix)
				break
			}
		}
	}
	if len(sf.Fixes) == 0 {
		sf.Answer = evaluate.AnswerNone
		sf.Reason = "no single change - one team's capacity or max_parallel, one budget, the roadmap's max_parallel or its deadline - gets it scheduled where it ranks; it needs more than one"
		if o := s.outcomes[i]; o.Status == evaluate.StatusDropped && o.Gate == evaluate.GateResources {
			sf.Reason = fmt.Sprintf("dropped by the resources gate (%s): no single change - one team's capacity or max_parallel, one budget, the roadmap's max_parallel or its deadline - gets it past that gate and scheduled where it would rank; it needs more than one", o.Finding)
		}
	}
	return sf
}

func sortedKeys[V any](m map[int]V) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// teamCandidate adds the FTE short in each period (as nominal FTE, so
// that with a headroom limit the usable share covers it).
func (s *search) teamCandidate(r int, short map[int]float64, st int) candidate {
	add := map[int]float64{}
	for t, x := range short {
		add[t] = roundUp(x / s.headroom)
	}
	return s.teamChange(r, add, st)
}

// teamChange is the candidate adding add[t] nominal FTE to resource r in
// each period t.
func (s *search) teamChange(r int, add map[int]float64, st int) candidate {
	total, most := 0.0, 0.0
	var periods []int
	for t, fte := range add {
		total += fte
		most = max(most, fte)
		periods = append(periods, t)
	}
	slices.Sort(periods)
	return candidate{
		adj:   evaluate.Adjustment{Team: s.res[r].ID, TeamFTE: add},
		dl:    -1,
		size:  total,
		start: st,
		fix: evaluate.Fix{Kind: evaluate.FixTeam, ID: s.res[r].ID, Periods: s.ranges(periods),
			FTE: most, FTEPeriods: round2(total), Amount: money(total * s.costFTE[r])},
	}
}

func (s *search) budgetCandidate(b, w int, over float64, st int) candidate {
	amount := math.Ceil(over - eps) // whole currency units, never short
	label := onceLive
	if w < len(s.budgets[b].Labels) {
		label = s.budgets[b].Labels[w]
	}
	return candidate{
		adj:   evaluate.Adjustment{Budget: s.budgets[b].ID, Window: w, Amount: amount},
		dl:    -1,
		size:  amount,
		start: st,
		fix:   evaluate.Fix{Kind: evaluate.FixBudget, ID: s.budgets[b].ID, Window: label, Amount: amount, Periods: []evaluate.PeriodRange{}},
	}
}

// parallelCandidate lets team r run to projects at once.
func (s *search) parallelCandidate(r, to, st int) candidate {
	from := s.res[r].MaxParallel
	return candidate{adj: evaluate.Adjustment{Team: s.res[r].ID, TeamParallel: to}, dl: -1, size: float64(to - from), start: st,
		fix: evaluate.Fix{Kind: evaluate.FixTeamParallel, ID: s.res[r].ID, MaxParallel: to, MaxParallelFrom: from, Periods: []evaluate.PeriodRange{}}}
}

// portCandidate lets the roadmap run to projects at once.
func (s *search) portCandidate(to, st int) candidate {
	from := s.cfg.Roadmap.MaxParallel
	return candidate{adj: evaluate.Adjustment{MaxParallel: to}, dl: -1, size: float64(to - from), start: st,
		fix: evaluate.Fix{Kind: evaluate.FixMaxParallel, MaxParallel: to, MaxParallelFrom: from, Periods: []evaluate.PeriodRange{}}}
}

func (s *search) deadlineCandidate(p *hclspec.Project, dl, st int) candidate {
	label := s.labels[dl]
	period := dl
	return candidate{dl: dl, size: float64(dl), start: st,
		fix: evaluate.Fix{Kind: evaluate.FixDeadline, Deadline: &label, DeadlinePeriod: &period, Periods: []evaluate.PeriodRange{}}}
}

// budgetAmount is budget k of the roadmap with amount to.
type budgetAmount struct {
	k  int
	to float64
}

// lowerSteps bounds the re-plans lower tries.
const lowerSteps = 20

// lower makes fix, found for candidate c, the least that planning again
// bears out: a later deadline a period earlier at a time, a team's FTE
// to 0.01, a max_parallel a slot fewer at a time (projects ranked below
// give way when it fits, so less than the room above suggests may do).
// For money found in a budget a saving is credited to it looks, for less that still gets project i scheduled:
// the room counted per window leaves the savings out, so the amount can
// be many times what is needed (review qa17 D3: 200,000 asked where
// 20,000 does). It halves the gap between an amount known to work and 0
// at most lowerSteps times (to the unit from up to 1,000,000), each amount checked by re-planning as verify
// does; the least that worked is the answer.
func (s *search) lower(ctx context.Context, i int, c candidate, fix evaluate.Fix) evaluate.Fix {
	switch fix.Kind {
	case evaluate.FixDeadline:
		// Projects ranked below give way to a deadline (the deadline
		// rule): an earlier one than the room above allows may do.
		for dl := *fix.DeadlinePeriod - 1; dl > s.cfg.Projects[i].Deadline && ctx.Err() == nil; dl-- {
			f, ok := s.verify(ctx, i, s.deadlineCandidate(s.cfg.Projects[i], dl, c.start))
			if !ok {
				break
			}
			fix = f
		}
		return fix
	case evaluate.FixTeam:
		// The same FTE in every period, as the message says it: the
		// least (to 0.01 FTE) that works, halving towards 0.
		// 0.01 less first: the room above usually tells the least.
		r := slices.IndexFunc(s.res, func(res schedule.Resource) bool { return res.ID == fix.ID })
		lo, hi := 0, int(math.Round(fix.FTE*100))
		for first := true; r >= 0 && lo+1 < hi && ctx.Err() == nil; first = false {
			mid := (lo + hi) / 2
			if first {
				mid = hi - 1
			}
			// At most mid in each period; else mid in every one (more
			// where less was needed, as a user adds it).
			capped, flat := map[int]float64{}, map[int]float64{}
			for t, x := range c.adj.TeamFTE {
				capped[t], flat[t] = min(x, float64(mid)/100), float64(mid)/100
			}
			try := func(add map[int]float64) (evaluate.Fix, bool) {
				tc := s.teamChange(r, add, c.start)
				tc.exact = true
				return s.verify(ctx, i, tc)
			}
			// First 0.01 less in every period, as a user would add it:
			// when that fails, less does not do either (one re-plan).
			f, ok := try(flat)
			if !first && (!ok || f.FTE >= fix.FTE) && !maps.Equal(capped, flat) {
				f, ok = try(capped)
			}
			if ok && f.FTE < fix.FTE {
				fix, hi = f, int(math.Round(f.FTE*100))
			} else {
				lo = mid
			}
		}
		return fix
	}
	if fix.Kind == evaluate.FixTeamParallel || fix.Kind == evaluate.FixMaxParallel {
		// A slot fewer, down to one more than the roadmap sets.
		for to := fix.MaxParallel - 1; to > fix.MaxParallelFrom && ctx.Err() == nil; to-- {
			try := c
			try.exact = true
			if try.adj.TeamParallel > 0 {
				try.adj.TeamParallel = to
			} else {
				try.adj.MaxParallel = to
			}
			try.fix.MaxParallel = to
			f, ok := s.verify(ctx, i, try)
			if !ok {
				break
			}
			fix = f
		}
		return fix
	}
	if fix.Kind != evaluate.FixBudget || c.adj.Budget == "" || s.dated == nil {
		return fix
	}
	b := slices.IndexFunc(s.budgets, func(bg schedule.Budget) bool { return bg.ID == c.adj.Budget })
	if b < 0 || !s.dated[b] {
		return fix
	}
	lo, hi := 0.0, fix.Amount
	for range lowerSteps {
		mid := math.Ceil((lo + hi) / 2)
		if mid >= hi || ctx.Err() != nil {
			break
		}
		try := c
		try.adj.Amount, try.fix.Amount, try.size = mid, mid, mid
		if f, ok := s.verify(ctx, i, try); ok && f.Amount < hi {
			fix, hi = f, f.Amount
		} else {
			lo = mid
		}
	}
	return fix
}

// amountEdit is budget fix fix (money in one window, found for
// candidate c) as the edit a roadmap can make: a budget has one amount,
// every window's limit (review qa18 Q3: "20,000 more a year once live",
// "40,000 more in 2027-Q1" on a budget per period cannot be written).
// It tries raising the amount by what the window lacks, then twice and
// four times that, each re-planned; the least raise that works (halved
// towards the last that did not, as lower does) is the answer, its
// start and projects pushed out the fix's. When none works the window's
// money stays the answer, and the message says no amount does it alone.
func (s *search) amountEdit(ctx context.Context, i int, c candidate, fix evaluate.Fix) evaluate.Fix {
	k := slices.IndexFunc(s.cfg.Budgets, func(b *hclspec.Budget) bool { return b.ID == fix.ID })
	if k < 0 {
		return fix
	}
	bg := s.cfg.Budgets[k]
	from := bg.Amount
	fix.BudgetAmount = &from
	per := bg.Per
	if per == "" {
		per = hclspec.PerYear
	}
	need := fix.Amount
	if fix.Window == onceLive && per == hclspec.PerPeriod {
		need = math.Ceil(fix.Amount/float64(s.ppy) - eps) // every period pays a year's share
	}
	try := func(add float64) (evaluate.Fix, bool) {
		to := from + add
		f := fix
		f.NewBudgetAmount = &to
		return s.verify(ctx, i, candidate{amount: &budgetAmount{k, to}, dl: -1, size: add, start: c.start, fix: f})
	}
	lo, hi := 0.0, 0.0
	var best evaluate.Fix
	for _, add := range []float64{need, 2 * need, 4 * need} {
		if ctx.Err() != nil {
			break
		}
		if f, ok := try(add); ok {
			best, hi = f, add
			break
		}
		lo = add
	}
	if hi == 0 {
		fix.Message += fmt.Sprintf("; but a budget has one amount for every %s, and raising its amount (%s) alone, by up to %s, does not get it in",
			s.perWord(per), moneyText(from, s.currency), moneyText(4*need, s.currency))
		return fix
	}
	for k := range 64 { // to the unit: the amount one less does not do it
		mid := math.Ceil((lo + hi) / 2)
		if k == 0 {
			mid = hi - 1 // usually the least already: one re-plan tells
		}
		if mid >= hi || ctx.Err() != nil {
			break
		}
		if f, ok := try(mid); ok {
			best, hi = f, mid
		} else {
			lo = mid
		}
	}
	return best
}

// perWord names a budget's window: "year", or the period ("quarter").
func (s *search) perWord(per hclspec.BudgetPer) string {
	if per == hclspec.PerPeriod && s.unit != "" {
		return s.unit
	}
	return string(per)
}

// verify schedules the roadmap again with c applied and keeps c when
// project i is then scheduled.
//
// A deferred project ranked above i may take the room c adds: i then
// still lacks it, and c grows by what i lacks in the re-planned schedule,
// of the same kind (the same team, the same budget window), until i fits
// or needs something else.
func (s *search) verify(ctx context.Context, i int, c candidate) (evaluate.Fix, bool) {
	projects := s.cfg.Projects
	if c.dl >= 0 {
		projects = slices.Clone(projects)
		moved := *projects[i]
		moved.Deadline = c.dl
		projects[i] = &moved
	}
	var o evaluate.Outcome
	var run *evaluate.Run
	first := c.fix.Amount
	for grown := 0; ; grown++ {
		prep := s.prep
		if c.adj.Team != "" || c.adj.Budget != "" || c.adj.MaxParallel > 0 {
			prep = prep.Adjusted(c.adj)
		}
		if c.amount != nil {
			cfg := *s.cfg
			cfg.Budgets = slices.Clone(cfg.Budgets)
			b := *cfg.Budgets[c.amount.k]
			b.Amount = c.amount.to
			cfg.Budgets[c.amount.k] = &b
			var diags hcl.Diagnostics
			if prep, diags = evaluate.Prepare(&cfg); diags.HasErrors() {
				return evaluate.Fix{}, false
			}
		}
		var diags hcl.Diagnostics
		run, diags = prep.ScheduleForced(ctx, projects, s.opts.ForceIn, s.opts.ForceOut)
		if diags.HasErrors() || run == nil {
			return evaluate.Fix{}, false
		}
		o = run.Project(i)
		if o.Status == evaluate.StatusScheduled && (c.dl < 0 || o.End-1 <= c.dl) {
			break
		}
		if grown == maxGrow || c.exact || ctx.Err() != nil {
			return evaluate.Fix{}, false
		}
		next, ok := s.grow(c, prep, run, i)
		if !ok {
			return evaluate.Fix{}, false
		}
		c = next
	}
	fix := c.fix
	fix.StartPeriod, fix.Start = o.Start, s.labels[o.Start]
	fix.Displaces = s.displaced(run, i)
	fix.Message = s.message(i, fix)
	if fix.Kind == evaluate.FixBudget && (fix.Amount > first || c.amount != nil) {
		// The money grew because projects ranked ahead take it first (a
		// budget's amount gives them room too).
		if ahead := s.entering(run, i); len(ahead) > 0 {
			verb := "ranks"
			if len(ahead) > 1 {
				verb = "rank"
			}
			fix.Message += fmt.Sprintf(" (part of it goes to %s, which %s ahead and then fits too)", quoted(ahead), verb)
		}
	}
	return fix, true
}

// entering lists, in rank order, the projects ranked ahead of i that the
// plan leaves out and run schedules: they take a change's room first.
func (s *search) entering(run *evaluate.Run, i int) []string {
	var idx []int
	for j, o := range s.outcomes {
		if j != i && s.rank[j] < s.rank[i] && o.Status != evaluate.StatusScheduled && run.Project(j).Status == evaluate.StatusScheduled {
			idx = append(idx, j)
		}
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Or(cmp.Compare(s.rank[a], s.rank[b]), cmp.Compare(a, b)) })
	out := make([]string, 0, len(idx))
	for _, j := range idx {
		out = append(out, s.cfg.Projects[j].ID)
	}
	return out
}

// displaced lists, in rank order, the projects the plan schedules that
// run (the roadmap with a change that gets project i in) does not: a
// change is not free when it pushes another project out.
func (s *search) displaced(run *evaluate.Run, i int) []string {
	var idx []int
	for j, o := range s.outcomes {
		if j != i && o.Status == evaluate.StatusScheduled && run.Project(j).Status != evaluate.StatusScheduled {
			idx = append(idx, j)
		}
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Or(cmp.Compare(s.rank[a], s.rank[b]), cmp.Compare(a, b)) })
	out := make([]string, 0, len(idx))
	for _, j := range idx {
		out = append(out, s.cfg.Projects[j].ID)
	}
	return out
}

// maxGrow bounds how often verify grows one candidate.
const maxGrow = 8

// grow is c plus what project i still lacks at c's start in run, the
// schedule of prep (the roadmap with c applied), when that is more of
// c's own kind: ok is false when i lacks nothing more there, or lacks
// something else.
func (s *search) grow(c candidate, prep *evaluate.Prepared, run *evaluate.Run, i int) (candidate, bool) {
	if c.dl >= 0 || c.amount != nil {
		return c, false
	}
	outcomes := make([]evaluate.Outcome, len(s.outcomes))
	for j := range outcomes {
		outcomes[j] = run.Project(j)
	}
	maxPar := s.cfg.Roadmap.MaxParallel
	if c.adj.MaxParallel > 0 {
		maxPar = c.adj.MaxParallel
	}
	rm := s.roomIn(prep.Resources(), prep.Budgets(), maxPar, outcomes, s.rank[i])
	n := s.needAt(rm, i, c.start)
	switch {
	case c.adj.TeamParallel > 0 && n.only("slots"):
		for r, over := range n.slots {
			if s.res[r].ID != c.adj.Team {
				return c, false
			}
			return s.parallelCandidate(r, c.adj.TeamParallel+slices.Max(slices.Collect(maps.Values(over))), c.start), true
		}
	case c.adj.MaxParallel > 0 && n.only("port"):
		return s.portCandidate(c.adj.MaxParallel+slices.Max(slices.Collect(maps.Values(n.port))), c.start), true
	case c.adj.Team != "" && len(c.adj.TeamFTE) > 0 && n.only("team"):
		for r, short := range n.team {
			if s.res[r].ID != c.adj.Team {
				return c, false
			}
			add := maps.Clone(c.adj.TeamFTE)
			for t, x := range short {
				add[t] += roundUp(x / s.headroom)
			}
			return s.teamChange(r, add, c.start), true
		}
	case c.adj.Budget != "" && n.only("budget"):
		for b, over := range n.budget {
			x, ok := over[c.adj.Window]
			if s.budgets[b].ID != c.adj.Budget || len(over) != 1 || !ok {
				return c, false
			}
			return s.budgetCandidate(b, c.adj.Window, c.adj.Amount+x, c.start), true
		}
	}
	return c, false
}

// ranges turns sorted periods into runs.
func (s *search) ranges(periods []int) []evaluate.PeriodRange {
	out := []evaluate.PeriodRange{}
	for k := 0; k < len(periods); {
		j := k
		for j+1 < len(periods) && periods[j+1] == periods[j]+1 {
			j++
		}
		out = append(out, evaluate.PeriodRange{StartPeriod: periods[k], EndPeriod: periods[j] + 1, Start: s.labels[periods[k]], End: s.labels[periods[j]]})
		k = j + 1
	}
	return out
}

// message is the fix in words, as the plan's reasons print it.
func (s *search) message(i int, f evaluate.Fix) string {
	text := s.change(i, f)
	if len(f.Displaces) > 0 {
		text += fmt.Sprintf(", but pushes out %s", quoted(f.Displaces))
	}
	return text
}

// quoted is "a", "b" and "c".
func quoted(ids []string) string {
	q := make([]string, len(ids))
	for k, id := range ids {
		q[k] = strconv.Quote(id)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

// change is the change itself in words.
func (s *search) change(i int, f evaluate.Fix) string {
	switch f.Kind {
	case evaluate.FixTeam:
		var spans []string
		for _, r := range f.Periods {
			if r.Start == r.End {
				spans = append(spans, r.Start)
			} else {
				spans = append(spans, r.Start+".."+r.End)
			}
		}
		cost := ""
		if f.Amount > 0 {
			cost = ", " + moneyText(f.Amount, s.currency)
		}
		return fmt.Sprintf("fits with +%s FTE in team %q in %s (%s FTE-periods%s), starting %s",
			num(f.FTE), f.ID, strings.Join(spans, ", "), num(f.FTEPeriods), cost, f.Start)
	case evaluate.FixTeamParallel:
		return fmt.Sprintf("fits if team %q may run %d projects at once (max_parallel %d -> %d), starting %s", f.ID, f.MaxParallel, f.MaxParallelFrom, f.MaxParallel, f.Start)
	case evaluate.FixMaxParallel:
		return fmt.Sprintf("fits if the roadmap may run %d projects at once (max_parallel %d -> %d), starting %s", f.MaxParallel, f.MaxParallelFrom, f.MaxParallel, f.Start)
	case evaluate.FixBudget:
		if f.BudgetAmount != nil && f.NewBudgetAmount != nil {
			per := s.budgetPer(f.ID)
			from, to := moneyText(*f.BudgetAmount, s.currency), moneyText(*f.NewBudgetAmount, s.currency)
			if per == hclspec.PerTotal {
				return fmt.Sprintf("fits if budget %q amount is raised from %s to %s, starting %s", f.ID, from, to, f.Start)
			}
			lacks := fmt.Sprintf("%s lacks %s", f.Window, moneyText(f.Amount, s.currency))
			if f.Window == onceLive {
				lacks = fmt.Sprintf("its run costs lack %s a year once live, after the horizon", moneyText(f.Amount, s.currency))
			}
			return fmt.Sprintf("fits if budget %q amount is raised from %s to %s a %s (%s), starting %s",
				f.ID, from, to, s.perWord(per), lacks, f.Start)
		}
		if f.Window == onceLive {
			return fmt.Sprintf("fits if budget %q can pay %s more a year once live (its run costs go on after the horizon), starting %s", f.ID, moneyText(f.Amount, s.currency), f.Start)
		}
		return fmt.Sprintf("fits if budget %q gets %s more in %s, starting %s", f.ID, moneyText(f.Amount, s.currency), f.Window, f.Start)
	default:
		old := s.cfg.Projects[i].Deadline
		was := "its deadline"
		if old >= 0 && old < len(s.labels) {
			was = s.labels[old]
		}
		if s.late(i) {
			return fmt.Sprintf("meets a deadline of %s instead of %s: it ends %s as planned (more FTE or money does not end a project sooner)", *f.Deadline, was, *f.Deadline)
		}
		return fmt.Sprintf("fits with a deadline of %s instead of %s, starting %s", *f.Deadline, was, f.Start)
	}
}

// budgetPer is budget id's per, "year" when unset.
func (s *search) budgetPer(id string) hclspec.BudgetPer {
	for _, b := range s.cfg.Budgets {
		if b.ID == id && b.Per != "" {
			return b.Per
		}
	}
	return hclspec.PerYear
}

func roundUp(x float64) float64 { return math.Ceil(x*100-1e-6) / 100 }
func round2(x float64) float64  { return math.Round(x*100) / 100 }
func money(x float64) float64   { return math.Round(x*100) / 100 }

// num formats FTE with at most two decimals.
func num(x float64) string {
	s := fmt.Sprintf("%.2f", x)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

// moneyText is "EUR 60,000".
func moneyText(x float64, currency string) string {
	digits := fmt.Sprintf("%.0f", math.Round(x))
	var b strings.Builder
	for k, c := range digits {
		if k > 0 && (len(digits)-k)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if currency == "" {
		return b.String()
	}
	return currency + " " + b.String()
}
