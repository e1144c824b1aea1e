// Package schedule places tasks in discrete periods under renewable
// per-period resources (teams), budgets with spending windows, a limit on
// tasks in flight and precedences: the resource-constrained project
// scheduling problem. Rank-order planning and the optimiser share it.
package schedule

import (
	"container/heap"
	"slices"
)

// eps absorbs float rounding when comparing loads with capacities.
const eps = 1e-9

// Problem is everything the scheduler needs, already in index form.
type Problem struct {
	Horizon     int
	Resources   []Resource
	Budgets     []Budget
	MaxParallel int // 0: no limit
	Tasks       []Task
	// Choices are sets of tasks of which at most one is placed: the
	// options of one decision, such as build or buy. A task is in one
	// choice at most.
	Choices [][]int
	// Together are sets of tasks placed all or none. A task is in one
	// group at most, and no group holds two options of one choice.
	Together [][]int
	// Fixed is load in place before any task is decided (work in flight,
	// spend to date): see Fixed.
	Fixed []Fixed
	// Shared are values several tasks' weights each count of which a
	// schedule earns one (the saving of a system several projects
	// replace): see Shared. For the optimiser only.
	Shared []Shared
	// Due are sets of tasks one of which should end by a period: a rule
	// the user switched on (a system replaced before its end of support).
	// The optimiser ranks schedules by the sets they keep right after
	// their mandatory tasks: see Due.
	Due []Due
}

// Due is kept by a schedule that places one of Tasks to end by period By
// (its last period at most By).
type Due struct {
	Tasks []int
	By    int
}

// Kept reports whether start keeps d.
func (d Due) Kept(p *Problem, start []int) bool {
	for _, i := range d.Tasks {
		if start[i] >= 0 && start[i]+p.Tasks[i].Duration-1 <= d.By {
			return true
		}
	}
	return false
}

// keepable reports whether some task of d could end by its period at all
// (its earliest start and duration allow it).
func (d Due) keepable(p *Problem) bool {
	for _, i := range d.Tasks {
		if tk := &p.Tasks[i]; tk.Earliest+tk.Duration-1 <= min(d.By, tk.Latest) {
			return true
		}
	}
	return false
}

// Shared is a value several tasks' weights each include, earned once: by
// the task of Tasks that ends first (on a tie, the one listed first).
// Every other placed task of Tasks is worth Value (its part, in Tasks
// order) less than its Weight.
type Shared struct {
	Tasks []int
	Value []float64
}

// Resource is a team: its capacity in each period (len Horizon), the
// most a schedule may use. Nominal, when set, is the team's full capacity
// where Capacity keeps headroom free (a utilisation limit): it only tells
// explanations "full" from "at the headroom limit".
type Resource struct {
	ID       string
	Capacity []float64
	Nominal  []float64
	// MaxParallel, when above 0, caps the tasks that use the resource (a
	// demand above 0) in any one period.
	MaxParallel int
}

// Budget caps spending per window: Window[t] is the window of period t,
// Limit[w] the amount available in window w.
type Budget struct {
	ID     string
	Window []int
	Limit  []float64
	Labels []string // window labels, for reasons
	// HasSteady gives the budget one more window after Limit's: a year
	// once every placed task is live, after the horizon, capped at
	// Steady. Only run spend counts there (RunYear): a recurring cost
	// goes on after the horizon, so going live late is no way around a
	// run rate the budget cannot pay. Its index in a spend row is
	// len(Limit).
	HasSteady bool
	Steady    float64
}

// slots is the length of budget bg's spend row: its windows, and its
// steady window when it has one.
func (bg *Budget) slots() int {
	if bg.HasSteady {
		return len(bg.Limit) + 1
	}
	return len(bg.Limit)
}

// LimitOf is the cap of window w of bg, the steady window included.
func (bg *Budget) LimitOf(w int) float64 {
	if w == len(bg.Limit) && bg.HasSteady {
		return bg.Steady
	}
	return bg.Limit[w]
}

// IsSteady reports whether window w is bg's steady window.
func (bg *Budget) IsSteady(w int) bool { return bg.HasSteady && w == len(bg.Limit) }

// Task is one project.
type Task struct {
	ID       string
	Duration int // >= 1
	Demand   []Demand
	Budget   int       // index into Problem.Budgets, -1 when unfunded or split
	Spend    []float64 // spend in each of its Duration periods
	// Shares, when set, splits Spend over several budgets instead of
	// Budget: each pays Spend x its share.
	Shares []BudgetShare
	// Run is the spend after the task ends (run costs from go-live): one
	// entry per period from its start + Duration; RunShares are the
	// budgets paying it. Periods past the horizon are not counted.
	Run       []float64
	RunShares []BudgetShare
	// RunYear is the run spend a year once live (net of what it frees:
	// it may be below 0), which RunShares pay; a budget with a steady
	// window counts it there, whenever the task goes live.
	RunYear  float64
	Preds    []int
	Earliest int // first period it may run in
	Latest   int // last period it may run in (deadline or Horizon-1)
	// HasDeadline marks a task whose Latest is a deadline of its own:
	// rank-order scheduling lets it go ahead of others to meet it
	// (RankOrder), and the optimiser keeps as many of them as rank order.
	HasDeadline bool
	// Preferred makes a choice option go before its choice's other
	// options in a schedule generation pass, whatever their turns: at the
	// turn of any of them it is tried first (evaluate prefers the option
	// that keeps a policy). At most one option of a choice is preferred.
	Preferred bool

	// Lead marks a task that takes its turn in a schedule generation
	// pass at its own priority even while predecessors of it, ranked
	// lower, are not decided yet (a mandatory or forced-in project): it is
	// then placed with those predecessors, all or nothing, as a together
	// group takes its members' predecessors along (see leadTurn). When
	// they do not all fit, nothing is placed and the task waits for its
	// predecessors as any task does.
	Lead bool

	// JustInTime marks a task that only prepares others (evaluate: it
	// brings no benefit of its own and retires no system): as a member
	// of a together group whose every dependent is placed with the group,
	// it runs as late as fits before them (see together.go).
	JustInTime bool

	// For the optimiser: Weight is the task's value (its score) and
	// Mandatory tasks must be in every optimised schedule. Forced tasks
	// (forced in for a what-if) come next, then Kept tasks (the
	// flagship): a schedule that places more Mandatory tasks is better
	// whatever else it places, then one that places more Forced tasks,
	// then one that places more Kept tasks, each starting no later than
	// KeepStart.
	Weight    float64
	Mandatory bool
	Forced    bool
	Kept      bool
	KeepStart int
}

// BudgetShare is the part of a task's spend one budget pays.
type BudgetShare struct {
	Budget int
	Share  float64
}

// ShareOf is the share of the task's spend budget b pays: 1 for its one
// Budget, its share in Shares, else 0.
func (tk *Task) ShareOf(b int) float64 {
	if tk.Budget == b && b >= 0 {
		return 1
	}
	for _, sh := range tk.Shares {
		if sh.Budget == b {
			return sh.Share
		}
	}
	return 0
}

// Demand is a task's use of one resource in every period it runs.
type Demand struct {
	Resource int
	Amount   float64
}

// BlockKind names the constraint that kept a task out of the schedule.
type BlockKind string

const (
	BlockResource   BlockKind = "resource"
	BlockBudget     BlockKind = "budget"
	BlockParallel   BlockKind = "parallel"
	BlockDependency BlockKind = "dependency" // a predecessor was not placed
	BlockWindow     BlockKind = "window"     // earliest start, deadline or horizon leave no room
	// BlockTeamParallel: the resource (Index) already runs its
	// MaxParallel tasks.
	BlockTeamParallel BlockKind = "team_parallel"
	// BlockChoice: another option of the task's choice is placed (Index).
	BlockChoice BlockKind = "choice"
	// BlockTogether: the task's together group (Index) could not be
	// placed whole; Schedule.Apart says which member did not fit.
	BlockTogether BlockKind = "together"
)

// Blocker says why a task was not placed: Index is the resource, budget or
// predecessor; From..To the periods (inclusive) where the constraint bit.
type Blocker struct {
	Kind     BlockKind
	Index    int
	From, To int
}

// Schedule is the result of a schedule generation pass.
type Schedule struct {
	Start   []int // per task; -1 when not placed
	Blocked []Blocker
	// Order is the order tasks were decided in: each task was placed (or
	// left out) on top of the tasks placed before it in Order. Explain
	// replays it.
	Order []int
	// Moves and Misses report the deadline rule of RankOrder: the tasks
	// it let go first, and the deadline tasks it could not place.
	Moves  []DeadlineMove
	Misses []DeadlineMiss
	// Apart lists the together groups left out, each with the task that
	// did not fit when the group was tried.
	Apart []GroupMiss
	// Trials lists the choice options tried ahead of a worse option's
	// turn that did not fit (see optionTrials).
	Trials []Trial
	// Pulled lists the tasks placed ahead of their own turn because a
	// task placed then needs them: a together group's member, or a choice
	// option tried ahead of a worse option's turn.
	Pulled []Pull
	// Freed lists the tasks RankOrder's second pass placed: room a
	// lower-ranked task's credit freed after their turn (see Freed).
	// Retried is set when that pass ran: every task out was tried again,
	// in rank order, on top of every task placed (Order says so too).
	Freed   []Freed
	Retried bool
	// Late lists the together groups' members placed as late as fits
	// before the tasks that need them (Task.JustInTime).
	Late []Late
	// Kept lists the options the second pass left out for the reason
	// its first pass found (keepChoiceLoss), and First is that pass's
	// schedule: Explain explains them there (in this one the option that
	// took their choice is placed and hides why they did not fit).
	Kept  []int
	First *Schedule
}

// Late is a member of a together group placed last of its group, at the
// latest start that fits before Before, the first to start of the tasks
// that need it. From is its earliest fit when the others were placed:
// their releases counted its end there.
type Late struct {
	Task, From, Before int
}

// GroupMiss is a together group (Group, an index into Problem.Together;
// -1 for a choice option tried alone) that was not placed: Task, one of
// its members or a predecessor a member needs, did not fit, for the
// reason Cause, on top of Placed, the tasks the attempt had placed
// before it (taken out again with the rest).
type GroupMiss struct {
	Group  int
	Task   int
	Cause  Blocker
	Placed []TaskStart
}

// TaskStart is a task and its start.
type TaskStart struct{ Task, Start int }

// Trial is a choice option (Option) tried, with the predecessors it
// needs that were not decided yet, at the turn of a worse option of its
// choice (Turn), that did not fit: Miss says what did not fit and why.
// Everything the trial placed was taken out again; the predecessors keep
// their own turn.
type Trial struct {
	Option, Turn int
	Miss         GroupMiss
}

// Pull is a task placed ahead of its own turn, at the turn of Turn,
// because For (a together group's member, or a choice option tried ahead
// of Turn) needs it, directly or not. Group is For's together group, -1
// for a choice option.
type Pull struct {
	Task, Turn, For, Group int
}

// End is the exclusive end period of task i, or -1.
func (s *Schedule) End(p *Problem, i int) int {
	if s.Start[i] < 0 {
		return -1
	}
	return s.Start[i] + p.Tasks[i].Duration
}

// Makespan is the largest exclusive end of the placed tasks.
func (s *Schedule) Makespan(p *Problem) int {
	m := 0
	for i := range s.Start {
		if e := s.End(p, i); e > m {
			m = e
		}
	}
	return m
}

// State is the load of a partial schedule.
type State struct {
	p        *Problem
	used     [][]float64 // resource x period
	load     []float64   // used's rows, one block: resource r's at r*Horizon
	capacity [][]float64 // each resource's Capacity, for the hot loops
	spent    [][]float64 // budget x window
	inFlight []int       // period -> tasks running
	// running counts, for each resource with a MaxParallel, the tasks
	// using it in each period; nil for the other resources.
	running [][]int
	// choiceOf is each task's choice (-1: none), chosen each choice's
	// placed option (-1: none); both nil without choices.
	choiceOf []int
	chosen   []int
	// dated is the spend per period of each dated budget (datedBudgets),
	// nil rows for the others; nil when none is. geom is every budget's
	// windows.
	dated [][]float64
	geom  []budgetGeom
	// prefixes holds spanPrefix's running sums, by task and budget.
	prefixes map[prefixKey][]float64
	// peaks[b][w] is rowPeak's answer for dated budget b's window w
	// while peakOK[b][w] holds.
	peaks  [][]float64
	peakOK [][]bool
}

// NewState is an empty schedule's state: only the problem's Fixed load.
func NewState(p *Problem) *State {
	s := &State{p: p, used: make([][]float64, len(p.Resources)), capacity: make([][]float64, len(p.Resources)),
		spent: make([][]float64, len(p.Budgets)), inFlight: make([]int, p.Horizon)}
	used := make([]float64, len(p.Resources)*p.Horizon) // one block
	s.load = used
	for r := range p.Resources {
		s.used[r] = used[r*p.Horizon : (r+1)*p.Horizon : (r+1)*p.Horizon]
		s.capacity[r] = p.Resources[r].Capacity
		if p.Resources[r].MaxParallel > 0 {
			if s.running == nil {
				s.running = make([][]int, len(p.Resources))
			}
			s.running[r] = make([]int, p.Horizon)
		}
	}
	for b := range p.Budgets {
		s.spent[b] = make([]float64, p.Budgets[b].slots())
	}
	s.dated = p.datedRows()
	s.geom = make([]budgetGeom, len(p.Budgets))
	for b := range p.Budgets {
		s.geom[b] = geometryOf(&p.Budgets[b], p.Horizon)
	}
	if len(p.Choices) > 0 {
		s.choiceOf = choiceIndex(p)
		s.chosen = make([]int, len(p.Choices))
		for c := range s.chosen {
			s.chosen[c] = -1
		}
	}
	s.placeFixed()
	return s
}

// choiceIndex is each task's choice, -1 for none.
func choiceIndex(p *Problem) []int {
	of := make([]int, len(p.Tasks))
	for i := range of {
		of[i] = -1
	}
	for c, opts := range p.Choices {
		for _, i := range opts {
			of[i] = c
		}
	}
	return of
}

// reset empties the state for another schedule without reallocating
// (keeping the Fixed load).
func (s *State) reset() {
	for r := range s.used {
		clear(s.used[r])
	}
	for r := range s.running {
		clear(s.running[r])
	}
	for b := range s.spent {
		clear(s.spent[b])
	}
	for _, row := range s.dated {
		clear(row)
	}
	s.datedChanged()
	clear(s.inFlight)
	for c := range s.chosen {
		s.chosen[c] = -1
	}
	s.placeFixed()
}

// otherOption is the placed option of task i's choice when that is not i
// itself, else -1: i cannot be placed while it is.
func (s *State) otherOption(i int) int {
	if s.choiceOf == nil {
		return -1
	}
	if c := s.choiceOf[i]; c >= 0 && s.chosen[c] >= 0 && s.chosen[c] != i {
		return s.chosen[c]
	}
	return -1
}

// Used is resource r's load in period t.
func (s *State) Used(r, t int) float64 { return s.used[r][t] }

// Spent is budget b's spend in window w.
func (s *State) Spent(b, w int) float64 { return s.spent[b][w] }

// InFlight is the number of tasks running in period t.
func (s *State) InFlight(t int) int { return s.inFlight[t] }

// violation reports the first constraint task i breaks when started at
// start, and the period where it does; ok when it fits.
func (s *State) violation(i, start int) (b Blocker, ok bool) {
	tk := &s.p.Tasks[i]
	if o := s.otherOption(i); o >= 0 {
		return Blocker{Kind: BlockChoice, Index: o, From: start, To: start}, false
	}
	for k := 0; k < tk.Duration; k++ {
		t := start + k
		for _, d := range tk.Demand {
			if s.used[d.Resource][t]+d.Amount > s.p.Resources[d.Resource].Capacity[t]+eps {
				return Blocker{Kind: BlockResource, Index: d.Resource, From: t, To: t}, false
			}
			if s.running != nil && s.running[d.Resource] != nil && d.Amount > 0 && s.running[d.Resource][t] >= s.p.Resources[d.Resource].MaxParallel {
				return Blocker{Kind: BlockTeamParallel, Index: d.Resource, From: t, To: t}, false
			}
		}
		if s.p.MaxParallel > 0 && s.inFlight[t]+1 > s.p.MaxParallel {
			return Blocker{Kind: BlockParallel, Index: -1, From: t, To: t}, false
		}
	}
	if b, t, ok := s.budgetRoom(i, start); !ok {
		return Blocker{Kind: BlockBudget, Index: b, From: t, To: t}, false
	}
	return Blocker{}, true
}

// budgetRoom reports whether the budgets funding task i have room for its
// spend when started at start; when not, b is the first budget without
// room and t the last period of its first window that overflows.
func (s *State) budgetRoom(i, start int) (b, t int, ok bool) {
	tk := &s.p.Tasks[i]
	if s.dated != nil {
		return s.budgetRoomDated(tk, start)
	}
	if tk.hasRun() {
		for _, b := range tk.budgets() {
			if t, ok := s.windowRoomAll(tk, b, start); !ok {
				return b, t, false
			}
		}
		return 0, 0, true
	}
	if len(tk.Shares) == 0 {
		if tk.Budget < 0 {
			return 0, 0, true
		}
		t, ok := s.windowRoom(tk, tk.Budget, 1, start)
		return tk.Budget, t, ok
	}
	for _, sh := range tk.Shares {
		if t, ok := s.windowRoom(tk, sh.Budget, sh.Share, start); !ok {
			return sh.Budget, t, false
		}
	}
	return 0, 0, true
}

// windowRoom reports whether budget b has room for share x tk's spend
// when tk starts at start; when not, t is the last period of the first
// window that overflows.
func (s *State) windowRoom(tk *Task, b int, share float64, start int) (t int, ok bool) {
	bg := &s.p.Budgets[b]
	if tk.Duration > longSpan {
		return s.windowRoomLong(tk, b, start, tk.Duration, false)
	}
	// Windows are contiguous, so the task's spend per window is a run.
	for k := 0; k < tk.Duration; {
		w := bg.Window[start+k]
		sum := 0.0
		for ; k < tk.Duration && bg.Window[start+k] == w; k++ {
			sum += share * tk.Spend[k]
		}
		if s.spent[b][w]+sum > bg.Limit[w]+eps*(1+bg.Limit[w]) {
			return start + k - 1, false
		}
	}
	return 0, true
}

// windowRoomAll is windowRoom for a task with run spend: the build and
// the run periods, every window the task adds spend to.
func (s *State) windowRoomAll(tk *Task, b, start int) (t int, ok bool) {
	bg := &s.p.Budgets[b]
	n := tk.spendSpan(start, s.p.Horizon)
	if n > longSpan {
		return s.windowRoomLong(tk, b, start, n, true)
	}
	for k := 0; k < n; {
		w := bg.Window[start+k]
		sum := 0.0
		for ; k < n && bg.Window[start+k] == w; k++ {
			sum += tk.spendOn(b, k)
		}
		if sum > 0 && s.spent[b][w]+sum > bg.Limit[w]+eps*(1+bg.Limit[w]) {
			return start + k - 1, false
		}
	}
	if !s.steadyRoom(tk, b) {
		return s.p.Horizon - 1, false
	}
	return 0, true
}

// steadyRoom reports whether budget b's steady window, when it has one,
// has room for task tk's run spend a year.
func (s *State) steadyRoom(tk *Task, b int) bool {
	bg := &s.p.Budgets[b]
	if !bg.HasSteady {
		return true
	}
	add := shareIn(tk.RunShares, b) * tk.RunYear
	return add <= 0 || s.spent[b][len(bg.Limit)]+add <= bg.Steady+eps*(1+bg.Steady)
}

// steadyFull reports whether a budget's steady window has no room for
// task i's run spend a year. That window counts the same year of run
// spend whatever the start, so then no start fits: the search can stop
// at once instead of trying every start (review qa18 B4: 35 ms of CPU for
// each deferred project over 10,000 months).
func (s *State) steadyFull(i int) bool {
	tk := &s.p.Tasks[i]
	if tk.RunYear == 0 {
		return false
	}
	for _, b := range tk.budgets() {
		if !s.steadyRoom(tk, b) {
			return true
		}
	}
	return false
}

// hasRun reports whether tk spends after it ends.
func (tk *Task) hasRun() bool { return len(tk.Run) > 0 || tk.RunYear != 0 }

// spendOn is what task tk spends from budget b in the k-th period from its
// start: its build spend x b's share while it runs, then its run spend x
// b's run share.
func (tk *Task) spendOn(b, k int) float64 {
	if k < tk.Duration {
		return tk.ShareOf(b) * tk.Spend[k]
	}
	j := k - tk.Duration
	if j >= len(tk.Run) {
		return 0
	}
	return shareIn(tk.RunShares, b) * tk.Run[j]
}

// spendSpan is how many periods from start, inside a horizon of h, tk
// spends in: its build and its run.
func (tk *Task) spendSpan(start, h int) int {
	return max(min(tk.Duration+len(tk.Run), h-start), 0)
}

// budgets lists the budgets tk draws on, build first, each once.
func (tk *Task) budgets() []int {
	var out []int
	for _, f := range append(fundings(tk), tk.RunShares...) {
		if !slices.Contains(out, f.Budget) {
			out = append(out, f.Budget)
		}
	}
	return out
}

// shareIn is budget b's share in shares, 0 when it has none.
func shareIn(shares []BudgetShare, b int) float64 {
	for _, sh := range shares {
		if sh.Budget == b {
			return sh.Share
		}
	}
	return 0
}

// addRun adds sign x run spend of x from period from on to spent, inside
// a horizon of h.
func addRun(p *Problem, spent [][]float64, run []float64, shares []BudgetShare, from int, sign float64) {
	for j, v := range run {
		t := from + j
		if t >= p.Horizon {
			break
		}
		if t < 0 {
			continue
		}
		for _, sh := range shares {
			spent[sh.Budget][p.Budgets[sh.Budget].Window[t]] += sign * sh.Share * v
		}
	}
}

// addSteady adds sign x a run spend a year to the steady window of each
// budget in shares that has one.
func addSteady(p *Problem, spent [][]float64, runYear float64, shares []BudgetShare, sign float64) {
	if runYear == 0 {
		return
	}
	for _, sh := range shares {
		if bg := &p.Budgets[sh.Budget]; bg.HasSteady {
			spent[sh.Budget][len(bg.Limit)] += sign * sh.Share * runYear
		}
	}
}

// releaseTime is the first period task i may start in once its
// predecessors are placed in sch, or blockedBy >= 0 naming a predecessor
// that was not placed.
func (p *Problem) releaseTime(sch *Schedule, i int) (est, blockedBy int) {
	for _, q := range p.Tasks[i].Preds {
		if sch.Start[q] < 0 {
			return 0, q
		}
		est = max(est, sch.Start[q]+p.Tasks[q].Duration)
	}
	return est, -1
}

// Fits reports whether task i fits when started at start.
func (s *State) Fits(i, start int) bool {
	_, ok := s.violation(i, start)
	return ok
}

// Place adds task i started at start to the state.
func (s *State) Place(i, start int) {
	s.add(i, start, 1)
}

// Remove takes task i started at start out of the state.
func (s *State) Remove(i, start int) {
	s.add(i, start, -1)
}

func (s *State) add(i, start int, sign float64) {
	tk := &s.p.Tasks[i]
	if s.choiceOf != nil {
		if c := s.choiceOf[i]; c >= 0 {
			if sign > 0 {
				s.chosen[c] = i
			} else if s.chosen[c] == i {
				s.chosen[c] = -1
			}
		}
	}
	for k := 0; k < tk.Duration; k++ {
		t := start + k
		for _, d := range tk.Demand {
			s.used[d.Resource][t] += sign * d.Amount
			if s.running != nil && s.running[d.Resource] != nil && d.Amount > 0 {
				s.running[d.Resource][t] += int(sign)
			}
		}
		s.inFlight[t] += int(sign)
		if tk.Budget >= 0 {
			s.spent[tk.Budget][s.p.Budgets[tk.Budget].Window[t]] += sign * tk.Spend[k]
		}
		for _, sh := range tk.Shares {
			s.spent[sh.Budget][s.p.Budgets[sh.Budget].Window[t]] += sign * sh.Share * tk.Spend[k]
		}
	}
	if len(tk.Run) > 0 {
		addRun(s.p, s.spent, tk.Run, tk.RunShares, start+tk.Duration, sign)
	}
	addSteady(s.p, s.spent, tk.RunYear, tk.RunShares, sign)
	if s.dated != nil {
		addDated(s.dated, start, tk.Duration, tk.Spend, tk.Budget, tk.Shares, tk.Run, tk.RunShares, sign)
		s.datedChanged()
	}
}

// EarliestFit is the earliest start >= from at which task i fits, or -1
// with the constraint that blocks the first start tried (Explain lists
// every constraint that blocks every start).
func (s *State) EarliestFit(i, from int) (int, Blocker) {
	tk := &s.p.Tasks[i]
	from = max(from, tk.Earliest, 0)
	last := s.p.lastStart(i)
	if from > last {
		return -1, Blocker{Kind: BlockWindow, Index: -1, From: from, To: tk.Latest}
	}
	if start := s.earliestStart(i, from); start >= 0 {
		return start, Blocker{}
	}
	b, _ := s.violation(i, from)
	return -1, b
}

// SerialSGS is the serial schedule generation scheme (Kelley 1963; Kolisch
// 1996): repeatedly take the eligible task (all predecessors decided) that
// comes first in priority, and start it at the earliest period where it
// fits. A task that cannot fit, or whose predecessor was not placed, stays
// out with its Blocker. priority lists every task index once.
func SerialSGS(p *Problem, priority []int) *Schedule {
	return SerialSGSFrom(p, NewState(p), priority)
}

// SerialSGSFrom is SerialSGS on top of an existing state (for instance one
// holding fixed tasks); the state is updated in place.
func SerialSGSFrom(p *Problem, st *State, priority []int) *Schedule {
	n := len(p.Tasks)
	sch := &Schedule{Start: make([]int, n), Blocked: make([]Blocker, n), Order: make([]int, 0, n)}
	pos := make([]int, n)
	for k, i := range priority {
		pos[i] = k
	}
	waiting := make([]int, n)
	succs := make([][]int, n)
	for i := range p.Tasks {
		sch.Start[i] = -1
		waiting[i] = len(p.Tasks[i].Preds)
		for _, q := range p.Tasks[i].Preds {
			succs[q] = append(succs[q], i)
		}
	}
	x := newPassExtras(p, pos, succs)
	eligible := &posHeap{pos: pos}
	for i := range p.Tasks {
		if waiting[i] == 0 {
			eligible.items = append(eligible.items, i)
		}
	}
	heap.Init(eligible)
	decided := make([]bool, n)
	decide := func(i int) {
		decided[i] = true
		sch.Order = append(sch.Order, i)
		for _, j := range succs[i] {
			waiting[j]--
			if waiting[j] == 0 && !decided[j] {
				heap.Push(eligible, j)
			}
		}
	}
	nextLead := 0
	for {
		next := -1
		if eligible.Len() > 0 {
			next = eligible.items[0]
		}
		if l := x.nextLead(decided, &nextLead, next); l >= 0 {
			x.leadTurn(st, sch, decided, l, decide)
			continue
		}
		if next < 0 {
			break
		}
		i := heap.Pop(eligible).(int)
		if decided[i] {
			continue
		}
		x.tryBetter(st, sch, decided, i, decide)
		switch {
		case decided[i]:
		case x.grouped(i):
			x.decideGroup(st, sch, decided, i, i, decide)
		default:
			decideAlone(p, st, sch, i)
			decide(i)
		}
	}
	return sch
}

// decideAlone places task i at its earliest fit after its predecessors,
// or leaves it out with its Blocker.
func decideAlone(p *Problem, st *State, sch *Schedule, i int) {
	est, blockedBy := p.releaseTime(sch, i)
	if blockedBy >= 0 {
		sch.Blocked[i] = Blocker{Kind: BlockDependency, Index: blockedBy}
	} else if start, b := st.EarliestFit(i, est); start >= 0 {
		st.Place(i, start)
		sch.Start[i] = start
	} else {
		sch.Blocked[i] = b
	}
}

type posHeap struct {
	items []int
	pos   []int
}

func (h *posHeap) Len() int           { return len(h.items) }
func (h *posHeap) Less(a, b int) bool { return h.pos[h.items[a]] < h.pos[h.items[b]] }
func (h *posHeap) Swap(a, b int)      { h.items[a], h.items[b] = h.items[b], h.items[a] }
func (h *posHeap) Push(x any)         { h.items = append(h.items, x.(int)) }
func (h *posHeap) Pop() any {
	x := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return x
}
