// Package simulate is the Monte Carlo simulation of a roadmap (roadmap
// simulate): every run samples each ranged estimate and re-plans the
// roadmap through the same evaluation as roadmap plan
// (evaluate.Prepared.Schedule), so capacity, budgets, deadlines and
// dependencies react; the runs are then summarised per project, for the
// portfolio, for the committed plan's budgets and teams, and as the
// estimates that drive the spread.
//
// A run's numbers depend only on the seed and the run's index, and the
// runs are summarised by index, so a seed gives the same result on any
// number of cores.
package simulate

import (
	"context"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

const (
	// DefaultRuns is the number of runs when Options.Runs is 0.
	DefaultRuns = 10_000
	// MaxRuns bounds --runs.
	MaxRuns = 1_000_000
	// maxFigures bounds the per-run figures a simulation keeps for its
	// percentiles and correlations (8 bytes each): 400 MB.
	maxFigures = 50_000_000
	// MaxWork bounds runs x periods x (teams + budgets + 1 + 10 x
	// projects), what a simulation's runs schedule and count: each run
	// books the capacity plan of the horizon, about 25 ns of CPU a cell
	// (500 runs of a 10,000-month roadmap of 99 teams took 13.3 s, review
	// qa17 A9), and plans its projects again, each of which may try every
	// start of the horizon, about ten times that (100 runs of 60 projects
	// deferred over 1,000 months took 1.5 s, review qa18 B1). The default
	// 10,000 runs fit 20,000 periods x resources (400 months x 49 teams and
	// no project) or 10 projects over 100 quarters; a roadmap with no
	// ranged estimate is planned once, whatever the runs.
	MaxWork = 200_000_000
	// workPerStart weighs a project's periods in MaxWork.
	workPerStart = 10
	// chunk is how many runs a worker takes at a time.
	chunk = 16
)

// Options tune a simulation.
type Options struct {
	Runs    int   // 0: DefaultRuns
	Seed    int64 // the runs' random streams derive from it
	Workers int   // goroutines; 0: GOMAXPROCS
	// Progress, when set, is called from the workers now and then with the
	// share of runs done (0..1).
	Progress func(done float64)
	// ForceIn and ForceOut are project ids forced in and out of the plan
	// and of every run (see evaluate.Options).
	ForceIn, ForceOut []string

	// pinned makes every run use the plan's value of every estimate
	// (tests: a pinned simulation must reproduce the plan).
	pinned bool
}

// input is one ranged estimate of one project.
type input struct {
	project int // index in cfg.Projects
	est     hclspec.Estimate
}

// Simulate runs the simulation of cfg. Diagnostics carry what the plan
// reports (its warnings and errors) and the simulation's own problems;
// the result is nil when there are errors.
func Simulate(ctx context.Context, cfg *hclspec.Config, opts Options) (*Result, hcl.Diagnostics) {
	if opts.Runs == 0 {
		opts.Runs = DefaultRuns
	}
	if opts.Runs < 1 || opts.Runs > MaxRuns {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid number of runs",
			Detail:   fmt.Sprintf("A simulation needs from 1 to %d runs; got %d.", MaxRuns, opts.Runs),
		}}
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	prep, diags := evaluate.Prepare(cfg)
	if diags.HasErrors() {
		return nil, diags
	}
	plan, d := prep.Plan(ctx, cfg.Projects, evaluate.Options{RankOrder: true, ForceIn: opts.ForceIn, ForceOut: opts.ForceOut})
	diags = append(diags, d...)
	if diags.HasErrors() || plan == nil {
		return nil, diags
	}
	if cfg.Roadmap.Optimize {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "Simulation plans in rank order",
			Detail:   "The roadmap sets optimize = true, but every simulation run (and the plan it is compared with) is scheduled in rank order: an optimiser run per sample would take far too long and depend on time limits.",
			Subject:  cfg.Roadmap.Ranges.Range("optimize", cfg.Roadmap.DeclRange).Ptr(),
		})
	}
	s := newSimulation(cfg, prep, plan, opts)
	if len(s.inputs) == 0 {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "No ranged estimates",
			Detail:   "No project gives a range (pert, triangular or uniform) for its duration, effort, cost or benefit, so every run is the plan.",
			Subject:  cfg.Roadmap.DeclRange.Ptr(),
		})
	}
	if figures := s.figuresPerRun() * opts.Runs; figures > maxFigures {
		return nil, append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Too many runs for this roadmap",
			Detail: fmt.Sprintf("%d runs of this roadmap would keep %d figures (%d per run) for the percentiles and correlations, more than the %d a simulation may hold. Use at most %d runs.",
				opts.Runs, figures, s.figuresPerRun(), maxFigures, maxFigures/s.figuresPerRun()),
		})
	}
	if work := s.workPerRun() * opts.Runs; work > MaxWork {
		return nil, append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Simulation too large",
			Detail: fmt.Sprintf("%d runs of %d periods with %d teams and budgets and %d projects are %d units of work (runs x periods x (teams + budgets + 1 + %d x projects)), more than the %d a simulation may take. Use at most %d runs, or a longer period.",
				opts.Runs, s.horizon, len(s.cfg.Teams)+len(s.cfg.Budgets), len(s.cfg.Projects), work, workPerStart, MaxWork, max(MaxWork/s.workPerRun(), 1)),
			Subject: s.cfg.Roadmap.DeclRange.Ptr(),
		})
	}
	if d := s.run(ctx); d.HasErrors() {
		return nil, append(diags, d...)
	}
	res := s.summarise()
	checks, d := s.checks(res)
	diags = append(diags, d...)
	res.Checks = checks
	return res, diags
}

// workPerRun is what MaxWork counts of one run: booking the capacity
// plan, and planning the projects again unless no estimate is ranged
// (every run is then the plan, planned once).
func (s *simulation) workPerRun() int {
	cells := len(s.cfg.Teams) + len(s.cfg.Budgets) + 1
	if len(s.inputs) > 0 {
		cells += workPerStart * len(s.cfg.Projects)
	}
	return max(s.horizon, 1) * cells
}

// simulation is one simulation's inputs, per-run records and counts.
type simulation struct {
	cfg     *hclspec.Config
	prep    *evaluate.Prepared
	plan    *evaluate.Plan
	opts    Options
	horizon int

	inputs    []input
	byProject [][]int // input indexes of each project
	// committed lists the projects the plan schedules, by start then
	// rank: the order the committed plan's dates are replayed in; byRank
	// lists them in rank order, the order their loads are added in (the
	// plan's capacity plan adds them so, and the same float sums give
	// the same figures).
	committed []int
	byRank    []int
	planStart []int // plan's start of each project, -1 unless scheduled
	deps      [][]int

	// Per-run records, indexed [..][run].
	samples   [][]float64 // per input
	npv, rnpv [][]float64 // per project with estimates (nil otherwise)
	planNPV   []float64   // per project: the plan's figures
	planRNPV  []float64
	finish    []float64
	totalNPV  []float64
	totalRNPV []float64
	totalCost []float64
	scheduled []float64
	peak      [][]float64   // per team
	spent     [][][]float64 // per budget, window

	counts counts
}

// counts are what the runs add up; each worker keeps its own, and they
// are summed at the end (integer sums: the order does not matter).
type counts struct {
	scheduled  []int   // per project
	metDL      []int   // per project
	starts     [][]int // per project, start period
	ends       [][]int // per project, end period (exclusive)
	finishes   []int   // per finish period
	overload   []int   // per team
	overrun    []int   // per budget: any window
	windowOver [][]int // per budget, window
	npvDrift   int     // runs where an unranged project's NPV moved
}

func newCounts(s *simulation) counts {
	n := len(s.cfg.Projects)
	c := counts{
		scheduled:  make([]int, n),
		metDL:      make([]int, n),
		starts:     make([][]int, n),
		ends:       make([][]int, n),
		finishes:   make([]int, s.horizon+1),
		overload:   make([]int, len(s.cfg.Teams)),
		overrun:    make([]int, len(s.cfg.Budgets)),
		windowOver: make([][]int, len(s.cfg.Budgets)),
	}
	for b, bg := range s.prep.Budgets() {
		c.windowOver[b] = make([]int, len(bg.Limit))
	}
	for i := range n {
		c.starts[i] = make([]int, s.horizon+1)
		c.ends[i] = make([]int, s.horizon+1)
	}
	return c
}

// grow extends h with zeros to at least n slots.
func grow(h []int, n int) []int {
	if n > len(h) {
		h = append(h, make([]int, n-len(h))...)
	}
	return h
}

// bump counts one more at k, growing h when k lies past it: work in
// progress may be forecast to end after the horizon.
func bump(h []int, k int) []int {
	h = grow(h, k+1)
	h[k]++
	return h
}

func (c *counts) add(o *counts) {
	sumInto := func(a, b []int) []int {
		a = grow(a, len(b))
		for i := range b {
			a[i] += b[i]
		}
		return a
	}
	c.scheduled = sumInto(c.scheduled, o.scheduled)
	c.metDL = sumInto(c.metDL, o.metDL)
	for i := range o.starts {
		c.starts[i] = sumInto(c.starts[i], o.starts[i])
		c.ends[i] = sumInto(c.ends[i], o.ends[i])
	}
	c.finishes = sumInto(c.finishes, o.finishes)
	c.overload = sumInto(c.overload, o.overload)
	c.overrun = sumInto(c.overrun, o.overrun)
	for b := range o.windowOver {
		c.windowOver[b] = sumInto(c.windowOver[b], o.windowOver[b])
	}
	c.npvDrift += o.npvDrift
}

func newSimulation(cfg *hclspec.Config, prep *evaluate.Prepared, plan *evaluate.Plan, opts Options) *simulation {
	n := len(cfg.Projects)
	s := &simulation{
		cfg: cfg, prep: prep, plan: plan, opts: opts,
		horizon:   cfg.Roadmap.Horizon,
		byProject: make([][]int, n),
		planStart: make([]int, n),
		deps:      make([][]int, n),
		planNPV:   make([]float64, n),
		planRNPV:  make([]float64, n),
	}
	index := make(map[string]int, n)
	for i, p := range cfg.Projects {
		index[p.ID] = i
		for _, e := range p.Estimates {
			s.byProject[i] = append(s.byProject[i], len(s.inputs))
			s.inputs = append(s.inputs, input{project: i, est: e})
		}
	}
	for i := range s.planStart {
		s.planStart[i] = -1
	}
	for _, pp := range plan.Projects {
		i := index[pp.ID]
		s.planNPV[i], s.planRNPV[i] = pp.NPV, pp.RiskAdjustedNPV
		if pp.StartPeriod != nil {
			s.planStart[i] = *pp.StartPeriod
			if p := cfg.Projects[i]; p.Status == hclspec.InProgress && cfg.Roadmap.AsOf != "" {
				// Its remaining work runs from the status date.
				s.planStart[i] = cfg.Roadmap.AsOfPeriod
			}
			s.committed = append(s.committed, i)
		}
	}
	s.byRank = slices.Clone(s.committed)
	sort.SliceStable(s.committed, func(a, b int) bool { return s.planStart[s.committed[a]] < s.planStart[s.committed[b]] })
	for _, i := range s.committed {
		for _, d := range cfg.Projects[i].DependsOn {
			if j, ok := index[d]; ok && s.planStart[j] >= 0 {
				s.deps[i] = append(s.deps[i], j)
			}
		}
	}
	return s
}

// figuresPerRun is how many float64s each run keeps.
func (s *simulation) figuresPerRun() int {
	f := len(s.inputs) + 5 + len(s.cfg.Teams)
	for i := range s.byProject {
		if len(s.byProject[i]) > 0 {
			f += 2
		}
	}
	for _, b := range s.prep.Budgets() {
		f += len(b.Limit)
	}
	return f
}

// allocate makes the per-run records for runs.
func (s *simulation) allocate(runs int) {
	perRun := func() []float64 { return make([]float64, runs) }
	s.samples = make([][]float64, len(s.inputs))
	for k := range s.samples {
		s.samples[k] = perRun()
	}
	s.npv = make([][]float64, len(s.cfg.Projects))
	s.rnpv = make([][]float64, len(s.cfg.Projects))
	for i := range s.byProject {
		if len(s.byProject[i]) > 0 {
			s.npv[i], s.rnpv[i] = perRun(), perRun()
		}
	}
	s.finish, s.totalNPV, s.totalRNPV, s.totalCost, s.scheduled = perRun(), perRun(), perRun(), perRun(), perRun()
	s.peak = make([][]float64, len(s.cfg.Teams))
	for t := range s.peak {
		s.peak[t] = perRun()
	}
	s.spent = make([][][]float64, len(s.cfg.Budgets))
	for b, bg := range s.prep.Budgets() {
		s.spent[b] = make([][]float64, len(bg.Limit))
		for w := range s.spent[b] {
			s.spent[b][w] = perRun()
		}
	}
}

// runStream is run r's random stream: PCG seeded with the seed and a
// hash of the run's index, so streams do not overlap and each run draws
// the same numbers whichever worker runs it.
func runStream(seed int64, r int) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), splitmix64(uint64(r))))
}

// splitmix64 is SplitMix64's finaliser (Steele, Lea and Flood 2014).
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// sample draws run r's value of every input into values.
func (s *simulation) sample(r int, values []float64) {
	if s.opts.pinned {
		for k, in := range s.inputs {
			values[k] = in.est.Point(s.cfg.Roadmap.Estimate)
		}
		return
	}
	rng := runStream(s.opts.Seed, r)
	for k, in := range s.inputs {
		values[k] = in.est.Dist.Sample(rng)
	}
}

// projectSet is a worker's projects for one run at a time: the
// configured ones, with each project that has estimates replaced by a
// copy of it holding the run's values. The copies (and their effort maps)
// are reused run after run; a run is done with them before the next.
type projectSet struct {
	list   []*hclspec.Project
	copies []hclspec.Project // by project index; used for those with estimates
}

func (s *simulation) newProjectSet() *projectSet {
	ps := &projectSet{list: slices.Clone(s.cfg.Projects), copies: make([]hclspec.Project, len(s.cfg.Projects))}
	for i, ks := range s.byProject {
		if len(ks) == 0 {
			continue
		}
		ps.copies[i] = *s.cfg.Projects[i]
		for _, k := range ks {
			if strings.HasPrefix(s.inputs[k].est.Attr, "effort.") {
				ps.copies[i].Effort = maps.Clone(s.cfg.Projects[i].Effort)
				break
			}
		}
		ps.list[i] = &ps.copies[i]
	}
	return ps
}

// projects applies values to the set and returns its projects.
func (s *simulation) projects(ps *projectSet, values []float64) []*hclspec.Project {
	for i, ks := range s.byProject {
		if len(ks) == 0 {
			continue
		}
		p := &ps.copies[i]
		for _, k := range ks {
			x := values[k]
			switch attr := s.inputs[k].est.Attr; attr {
			case "duration":
				p.Duration = hclspec.WholePeriods(x)
			case "cost.one_time":
				p.Cost.OneTime = x
			case "cost.per_year":
				p.Cost.PerYear = x
			case "benefit.per_year":
				p.Benefit.PerYear = x
			default:
				team, ok := strings.CutPrefix(attr, "effort.")
				if !ok {
					panic("simulate: unknown estimate " + attr)
				}
				p.Effort[team] = x
			}
		}
	}
	return ps.list
}

// runError is the first failed run's diagnostics.
type runError struct {
	mu    sync.Mutex
	run   int
	diags hcl.Diagnostics
}

func (e *runError) record(r int, diags hcl.Diagnostics) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.diags == nil || r < e.run {
		e.run, e.diags = r, diags
	}
}

// run performs every run on opts.Workers goroutines.
func (s *simulation) run(ctx context.Context) hcl.Diagnostics {
	runs := s.opts.Runs
	s.allocate(runs)
	s.counts = newCounts(s)
	var next, done atomic.Int64
	var failed runError
	// With no ranged estimate every run is the plan: planned once.
	once := &planOnce{same: len(s.inputs) == 0}
	workers := min(s.opts.Workers, (runs+chunk-1)/chunk)
	if once.same {
		workers = 1 // the shared run is read by one worker only
	}
	partial := make([]counts, workers)
	var wg sync.WaitGroup
	for w := range workers {
		partial[w] = newCounts(s)
		wg.Add(1)
		go func(c *counts) {
			defer wg.Done()
			sc := s.newScratch()
			set := s.newProjectSet()
			for {
				from := int(next.Add(chunk)) - chunk
				if from >= runs || ctx.Err() != nil {
					return
				}
				for r := from; r < min(from+chunk, runs); r++ {
					if ctx.Err() != nil {
						return
					}
					s.sample(r, sc.values)
					run, diags := once.get(func() (*evaluate.Run, hcl.Diagnostics) {
						return s.prep.ScheduleForced(ctx, s.projects(set, sc.values), s.opts.ForceIn, s.opts.ForceOut)
					})
					if run == nil {
						if ctx.Err() == nil {
							failed.record(r, diags)
						}
						continue
					}
					s.record(r, run, sc, c)
				}
				n := done.Add(int64(min(chunk, runs-from)))
				if s.opts.Progress != nil {
					s.opts.Progress(float64(n) / float64(runs))
				}
			}
		}(&partial[w])
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Simulation cancelled", Detail: err.Error()}}
	}
	if failed.diags != nil {
		for _, d := range failed.diags {
			d.Detail = fmt.Sprintf("In simulation run %d (seed %d): %s", failed.run+1, s.opts.Seed, d.Detail)
		}
		return failed.diags
	}
	for w := range partial {
		s.counts.add(&partial[w])
	}
	if s.counts.npvDrift > 0 {
		// A project's NPV is its own, counted from its own start, so it can
		// only change with its own numbers; anything else is a bug here.
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Internal error in the simulation",
			Detail: fmt.Sprintf("In %d runs the NPV of a project without ranged estimates differed from the plan's.", s.counts.npvDrift)}}
	}
	return nil
}

// planOnce plans each run, or only the first when every run is the same.
type planOnce struct {
	same  bool
	mu    sync.Mutex
	done  bool
	run   *evaluate.Run
	diags hcl.Diagnostics
}

func (o *planOnce) get(plan func() (*evaluate.Run, hcl.Diagnostics)) (*evaluate.Run, hcl.Diagnostics) {
	if !o.same {
		return plan()
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.done {
		o.run, o.diags = plan()
		o.done = true
	}
	return o.run, o.diags
}

// scratch is a worker's reusable buffers.
type scratch struct {
	values []float64
	start  []int       // per project: replayed start, committed plan; -1 for the others
	load   [][]float64 // team x period
	spend  [][]float64 // budget x period
	window [][]float64 // budget x window
	tasks  []schedule.Task
}

func (s *simulation) newScratch() *scratch {
	n := len(s.cfg.Projects)
	sc := &scratch{values: make([]float64, len(s.inputs)), start: make([]int, n), tasks: make([]schedule.Task, n)}
	for i := range sc.start {
		sc.start[i] = -1
	}
	sc.load = make([][]float64, len(s.cfg.Teams))
	for t := range sc.load {
		sc.load[t] = make([]float64, s.horizon)
	}
	sc.spend = make([][]float64, len(s.cfg.Budgets))
	sc.window = make([][]float64, len(s.cfg.Budgets))
	for b := range sc.spend {
		sc.spend[b] = make([]float64, s.horizon)
		sc.window[b] = make([]float64, len(s.spent[b]))
	}
	return sc
}

// record keeps run r's figures.
func (s *simulation) record(r int, run *evaluate.Run, sc *scratch, c *counts) {
	for k := range s.inputs {
		s.samples[k][r] = sc.values[k]
	}
	for i, p := range s.cfg.Projects {
		o := run.Project(i)
		if o.Status == evaluate.StatusScheduled {
			c.scheduled[i]++
			start := o.Start
			if p.Status == hclspec.InProgress && s.cfg.Roadmap.AsOf != "" {
				// Work in progress started when it started, as the plan
				// says; the run placed its remaining work at the status date.
				start = max(p.Started, 0)
			}
			c.starts[i] = bump(c.starts[i], start)
			c.ends[i] = bump(c.ends[i], o.End)
			if p.Deadline >= 0 && o.End-1 <= p.Deadline {
				c.metDL[i]++
			}
		}
		if s.npv[i] != nil {
			s.npv[i][r], s.rnpv[i][r] = o.NPV, o.RiskAdjustedNPV
		} else if o.NPV != s.planNPV[i] || o.RiskAdjustedNPV != s.planRNPV[i] {
			c.npvDrift++
		}
	}
	t := run.Totals()
	s.finish[r] = float64(t.FinishPeriod)
	c.finishes = bump(c.finishes, t.FinishPeriod)
	s.totalNPV[r], s.totalRNPV[r], s.totalCost[r], s.scheduled[r] = t.NPV, t.RiskAdjustedNPV, t.Cost, float64(t.Scheduled)
	s.recordCommitted(r, run, sc, c)
}

// recordCommitted replays the plan's schedule with run's numbers: each
// project the plan schedules starts at its planned period, or when its
// dependencies end if they run late; nothing is re-levelled. It records
// each team's peak utilisation and overload, and each budget window's
// spend and overrun: the budgets' spend is the evaluation's own
// (evaluate.Run.BudgetSpend), build spend and run costs from go-live as
// the plan counts them.
func (s *simulation) recordCommitted(r int, run *evaluate.Run, sc *scratch, c *counts) {
	for t := range sc.load {
		clear(sc.load[t])
	}
	for b := range sc.spend {
		clear(sc.spend[b])
		clear(sc.window[b])
	}
	tasks := sc.tasks
	for _, i := range s.committed {
		tasks[i] = run.Task(i)
		start := s.planStart[i]
		for _, j := range s.deps[i] {
			start = max(start, sc.start[j]+tasks[j].Duration)
		}
		sc.start[i] = start
	}
	for _, i := range s.byRank {
		task, start := &tasks[i], sc.start[i]
		for k := 0; k < task.Duration && start+k < s.horizon; k++ {
			t := start + k
			for _, d := range task.Demand {
				sc.load[d.Resource][t] += d.Amount
			}
		}
	}
	run.BudgetSpend(sc.start, sc.spend)
	for t, res := range s.prep.Resources() {
		peak, over := committedLoad(res, sc.load[t])
		s.peak[t][r] = peak
		if over {
			c.overload[t]++
		}
	}
	budgets := s.prep.Budgets()
	for b, bg := range budgets {
		// Spend to date, as the scheduler counts it: a window overruns
		// when its spend so far passes the limit at any period (with no
		// saving, below 0, that is its total).
		any, over := false, -1
		for t, x := range sc.spend[b] {
			w := bg.Window[t]
			sc.window[b][w] += x
			if w != over && overLimit(sc.window[b][w], bg.Limit[w]) {
				any, over = true, w
				c.windowOver[b][w]++
			}
		}
		for w, x := range sc.window[b] {
			s.spent[b][w][r] = x
		}
		if any {
			c.overrun[b]++
		}
	}
}

// committedLoad is a team's peak utilisation over the periods where it
// has capacity, and whether the load exceeds its capacity anywhere.
func committedLoad(res schedule.Resource, load []float64) (peak float64, over bool) {
	for t, x := range load {
		capacity := res.Capacity[t]
		if x > capacity+1e-9 {
			over = true
		}
		if capacity > 0 {
			peak = math.Max(peak, ratio(x)/capacity)
		}
	}
	return peak, over
}

// overLimit is the budget test of the scheduler: spend above the limit
// beyond float noise.
func overLimit(spent, limit float64) bool {
	return spent > limit+1e-9*(1+limit)
}
