package shortfall

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/internal/synth"
)

func loadDir(t testing.TB, dir string) *hclspec.Config {
	t.Helper()
	cfg, diags := hclspec.NewLoader().LoadDir(dir, hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatalf("loading %s: %s", dir, diags.Error())
	}
	return cfg
}

// TestSmall: each kind of fix where one exists, and the reason where none
// does.
func TestSmall(t *testing.T) {
	cfg := loadDir(t, filepath.Join("testdata", "small"))
	got, err := Compute(context.Background(), cfg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	type fix struct {
		Kind, ID, Window, Start string
		FTE, FTEPeriods, Amount float64
		NewAmount               float64 // a budget's amount that provides Amount
		Deadline                string
		Displaces               []string
	}
	summary := map[string][]fix{}
	reasons := map[string]string{}
	for id, sf := range got {
		summary[id] = []fix{}
		for _, f := range sf.Fixes {
			x := fix{Kind: f.Kind, ID: f.ID, Window: f.Window, Start: f.Start, FTE: f.FTE, FTEPeriods: f.FTEPeriods, Amount: f.Amount, Displaces: f.Displaces}
			if f.Deadline != nil {
				x.Deadline = *f.Deadline
			}
			if f.NewBudgetAmount != nil {
				x.NewAmount = *f.NewBudgetAmount
			}
			summary[id] = append(summary[id], x)
		}
		reasons[id] = sf.Reason
	}
	want := map[string][]fix{
		// apps is full with portal in 2027-Q1..Q2: crm's 2 FTE there
		// cost 4 FTE-periods at EUR 10,000; or it runs after portal.
		// Either way crm_reports, which waits for crm, then takes data
		// in 2027-Q3 ahead of ml (ranked below it): ml is pushed out.
		"crm": {
			{Kind: "team", ID: "apps", Start: "2027-Q1", FTE: 2, FTEPeriods: 4, Amount: 40000, Displaces: []string{"ml"}},
			{Kind: "deadline", Start: "2027-Q3", Deadline: "2027-Q4", Displaces: []string{"ml"}},
		},
		// 2027's 300,000 less portal's 100,000 and warehouse's 174,000
		// leave 26,000 of its 248,000. The edit, capex's amount, needs
		// less: raised to 348,000 it sizes the value scale, which ranks
		// dwh above warehouse (then in 2028), and ml makes way.
		"dwh":         {{Kind: "budget", ID: "capex", Window: "2027", Start: "2027-Q1", Amount: 222000, NewAmount: 348000, Displaces: []string{"ml"}}},
		"crm_reports": {},
	}
	if diff := cmp.Diff(want, summary); diff != "" {
		t.Errorf("fixes (-want +got):\n%s", diff)
	}
	if reasons["crm_reports"] != `no change of its own: it depends on "crm", which is deferred and has to run first` || reasons["crm"] != "" {
		t.Errorf("reasons: %q", reasons)
	}
	if m := got["crm"].Fixes[0].Message; m != `fits with +2 FTE in team "apps" in 2027-Q1..2027-Q2 (4 FTE-periods, EUR 40,000), starting 2027-Q1, but pushes out "ml"` {
		t.Errorf("message: %s", m)
	}
}

// applied is cfg with fix applied to project id the way a user would
// change the roadmap: a team's capacity_by_period or max_parallel, the
// roadmap's max_parallel, a budget's amount, the project's deadline. A
// budget window has no attribute of its own; ok is false for money in
// one window that no amount provides.
func applied(cfg *hclspec.Config, id string, f evaluate.Fix) (*hclspec.Config, bool) {
	c := *cfg
	switch f.Kind {
	case evaluate.FixTeamParallel:
		c.Teams = slices.Clone(cfg.Teams)
		for k, tm := range c.Teams {
			if tm.ID == f.ID {
				nt := *tm
				nt.MaxParallel = f.MaxParallel
				c.Teams[k] = &nt
			}
		}
		return &c, true
	case evaluate.FixMaxParallel:
		rm := *cfg.Roadmap
		rm.MaxParallel = f.MaxParallel
		c.Roadmap = &rm
		return &c, true
	case evaluate.FixBudget:
		if f.NewBudgetAmount == nil {
			return nil, false
		}
		c.Budgets = slices.Clone(cfg.Budgets)
		for k, b := range c.Budgets {
			if b.ID == f.ID {
				nb := *b
				nb.Amount = *f.NewBudgetAmount
				c.Budgets[k] = &nb
			}
		}
		return &c, true
	case evaluate.FixTeam:
		c.Teams = slices.Clone(cfg.Teams)
		for k, tm := range c.Teams {
			if tm.ID != f.ID {
				continue
			}
			nt := *tm
			nt.CapacityByPeriod = maps.Clone(tm.CapacityByPeriod)
			if nt.CapacityByPeriod == nil {
				nt.CapacityByPeriod = map[int]float64{}
			}
			for _, r := range f.Periods {
				for t := r.StartPeriod; t < r.EndPeriod; t++ {
					nt.CapacityByPeriod[t] = tm.CapacityAt(t) + f.FTE
				}
			}
			c.Teams[k] = &nt
		}
		return &c, true
	case evaluate.FixDeadline:
		c.Projects = slices.Clone(cfg.Projects)
		for k, p := range c.Projects {
			if p.ID == id {
				np := *p
				np.Deadline = *f.DeadlinePeriod
				c.Projects[k] = &np
			}
		}
		return &c, true
	}
	return nil, false
}

// smaller is fix f made one step smaller: 0.01 FTE less in every period,
// one unit of money less on the amount, one slot fewer, a deadline a
// period earlier.
func smaller(f evaluate.Fix) evaluate.Fix {
	switch f.Kind {
	case evaluate.FixTeam:
		f.FTE -= 0.01
	case evaluate.FixTeamParallel, evaluate.FixMaxParallel:
		f.MaxParallel--
	case evaluate.FixBudget:
		if f.NewBudgetAmount != nil {
			to := *f.NewBudgetAmount - 1
			f.NewBudgetAmount = &to
		}
		f.Amount--
	case evaluate.FixDeadline:
		dl := *f.DeadlinePeriod - 1
		f.DeadlinePeriod = &dl
	}
	return f
}

// checkFixes is the property: every fix reported, applied, really gets
// its project scheduled - a team's FTE or max_parallel, the roadmap's
// max_parallel, a budget's amount and a later deadline written into the
// roadmap and planned by evaluate.Evaluate; a budget window's money no
// amount provides (no attribute holds one window) through
// Prepared.Adjusted and a full Plan. It returns how many fixes it
// checked.
func checkFixes(t *testing.T, cfg *hclspec.Config, got map[string]*evaluate.Shortfall) int {
	t.Helper()
	return checkFixesWith(t, cfg, got, evaluate.Options{})
}

// checkFixesWith is checkFixes planning with opts (the forced sets).
func checkFixesWith(t *testing.T, cfg *hclspec.Config, got map[string]*evaluate.Shortfall, opts evaluate.Options) int {
	t.Helper()
	checked := 0
	for _, id := range slices.Sorted(maps.Keys(got)) {
		for _, f := range got[id].Fixes {
			if start, ok := plannedWith(t, cfg, id, f, opts); !ok || start != f.Start {
				t.Errorf("%s: %s; planned with it: scheduled %v at %q, fix starts %s", id, f.Message, ok, start, f.Start)
			}
			if f.Kind == evaluate.FixBudget && f.NewBudgetAmount == nil {
				// Money in one window no amount provides: its message
				// says so.
				if !strings.Contains(f.Message, "does not get it in") {
					t.Errorf("%s: %s: a window's money the message does not say no amount provides", id, f.Message)
				}
			}
			// A late project's deadline is the one it meets as planned,
			// not the least it could; money in one window no amount
			// provides is no edit.
			late := f.Kind == evaluate.FixDeadline && strings.HasPrefix(f.Message, "meets a deadline")
			if _, ok := plannedWith(t, cfg, id, smaller(f), opts); ok && !late && (f.Kind != evaluate.FixBudget || f.NewBudgetAmount != nil) {
				t.Errorf("%s: %s; one step less gets it scheduled too", id, f.Message)
			}
			checked++
		}
	}
	return checked
}

// plannedWith plans cfg with fix f applied (see checkFixes) and says
// where project id starts, ok false when it is not scheduled.
func plannedWith(t *testing.T, cfg *hclspec.Config, id string, f evaluate.Fix, opts evaluate.Options) (string, bool) {
	t.Helper()
	var plan *evaluate.Plan
	if c, ok := applied(cfg, id, f); ok {
		p, diags := evaluate.Evaluate(context.Background(), c, opts)
		if diags.HasErrors() {
			t.Fatalf("%s with %s: %s", id, f.Message, diags.Error())
		}
		plan = p
	} else {
		prep, diags := evaluate.Prepare(cfg)
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		var w int
		for _, b := range prep.Budgets() {
			if b.ID == f.ID {
				w = slices.Index(b.Labels, f.Window)
				if f.Window == onceLive && b.HasSteady {
					w = len(b.Limit)
				}
			}
		}
		if w < 0 {
			t.Fatalf("%s: no window %q", id, f.Window)
		}
		p, d := prep.Adjusted(evaluate.Adjustment{Budget: f.ID, Window: w, Amount: f.Amount}).Plan(context.Background(), cfg.Projects, opts)
		if d.HasErrors() {
			t.Fatal(d.Error())
		}
		plan = p
	}
	for _, pp := range plan.Projects {
		if pp.ID == id && pp.Status == evaluate.StatusScheduled && (f.Kind != evaluate.FixDeadline || *pp.EndPeriod-1 <= *f.DeadlinePeriod) {
			return *pp.Start, true
		}
	}
	return "", false
}

// An opex budget's year once live (after the horizon) is a window a fix
// may add money to, when it is what keeps the project out: no start
// inside the horizon gets around a run rate the budget cannot pay.
func TestOnceLive(t *testing.T) {
	cfg := loadDir(t, filepath.Join("testdata", "once_live"))
	got, err := Compute(context.Background(), cfg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sf := got["b"]
	if sf == nil || len(sf.Fixes) != 1 {
		t.Fatalf("b's shortfall %+v, want one fix", sf)
	}
	f := sf.Fixes[0]
	type fix struct{ Kind, ID, Window, Start, Message string }
	want := fix{"budget", "opex", "once live", "2027-Q1",
		`fits if budget "opex" amount is raised from EUR 50,000 to EUR 70,000 a year (its run costs lack EUR 20,000 a year once live, after the horizon), starting 2027-Q1`}
	if diff := cmp.Diff(want, fix{f.Kind, f.ID, f.Window, f.Start, f.Message}); diff != "" {
		t.Errorf("fix (-want +got):\n%s", diff)
	}
	if n := checkFixes(t, cfg, got); n != 1 {
		t.Errorf("checked %d fixes, want 1", n)
	}
}

// In a budget a saving is credited to, the money asked for is the least
// that gets the project scheduled (review qa17 D3): the room per window
// leaves the savings out and asked 200,000, where 20,000 does. By hand:
// opex 100,000 a year; kill retires "old" (240,000 a year, 60,000 a
// quarter) from 2027-Q2; ops1..ops4 spend 75,000 each at once. The year
// to date is 75,000 (ops1, Q1), 90,000 (ops2, Q2), 30,000 (Q3), 45,000
// (ops3, Q4); ops4 in 2027-Q4 too takes it to 120,000: 20,000 more, and
// 19,999 is not enough (the reviewer's figures).
func TestSavingAsksTheLeastMoney(t *testing.T) {
	cfg := loadDir(t, filepath.Join("testdata", "saving"))
	got, err := Compute(context.Background(), cfg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sf := got["ops4"]
	if sf == nil || len(sf.Fixes) != 1 {
		t.Fatalf("ops4's shortfall %+v, want one fix", sf)
	}
	if f := sf.Fixes[0]; f.Kind != "budget" || f.ID != "opex" || f.Amount != 20000 {
		t.Errorf("fix %+v, want 20,000 more on opex", f)
	}
	if n := checkFixes(t, cfg, got); n != 1 {
		t.Errorf("checked %d fixes, want 1", n)
	}
}

func TestSmallFixesSchedule(t *testing.T) {
	cfg := loadDir(t, filepath.Join("testdata", "small"))
	got, err := Compute(context.Background(), cfg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := checkFixes(t, cfg, got); n != 3 {
		t.Errorf("checked %d fixes, want 3", n)
	}
}

// TestFixesScheduleGenerated is the property over generated roadmaps,
// tight enough that many projects are deferred.
func TestFixesScheduleGenerated(t *testing.T) {
	seeds := 4
	if testing.Short() {
		seeds = 2
	}
	checked, deferred := 0, 0
	kinds := map[string]int{}
	for seed := uint64(1); seed <= uint64(seeds); seed++ {
		dir := t.TempDir()
		c := synth.Sized(60, seed)
		c.Teams, c.Periods, c.Period = 4, 8, "quarter"
		for _, f := range synth.Generate(c) {
			if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		cfg := loadDir(t, dir)
		got, err := Compute(context.Background(), cfg, Options{})
		if err != nil {
			t.Fatal(err)
		}
		deferred += len(got)
		for _, sf := range got {
			for _, f := range sf.Fixes {
				kinds[f.Kind]++
			}
		}
		checked += checkFixes(t, cfg, got)
		missedDeadlinesAnswered(t, cfg, got, evaluate.Options{})
	}
	t.Logf("%d deferred projects, %d fixes checked, by kind %v", deferred, checked, kinds)
	if checked == 0 || kinds[evaluate.FixTeam] == 0 {
		t.Errorf("the generated roadmaps exercised too little: %d fixes, %v", checked, kinds)
	}
}

// TestDeferredAboveTakesTheRoom: "s1" and "s2" both wait for "big", and
// s1 ranks first, so 2 FTE more in 2027-Q3..Q4 schedule s1 only; s2
// needs 4 (a single change all the same, not "more than one").
func TestDeferredAboveTakesTheRoom(t *testing.T) {
	dir := t.TempDir()
	src := `roadmap {
  name     = "Room"
  currency = "EUR"
  start    = "2027-Q1"
  horizon  = 6
}

goal "grow" {
  weight = 1
}

team "dev" {
  capacity     = 4
  cost_per_fte = 20000
}

project "big" {
  goals    = { grow = 1 }
  duration = 4
  effort   = { dev = 4 }
  benefit {
    per_year = 2000000
  }
}

project "s1" {
  goals    = { grow = 0.9 }
  duration = 4
  effort   = { dev = 2 }
  benefit {
    per_year = 200001
  }
}

project "s2" {
  goals    = { grow = 0.9 }
  duration = 4
  effort   = { dev = 2 }
  benefit {
    per_year = 200000
  }
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := loadDir(t, dir)
	got, err := Compute(context.Background(), cfg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, id := range []string{"s1", "s2"} {
		sf := got[id]
		if sf == nil || len(sf.Fixes) != 1 {
			t.Fatalf("%s: %+v", id, sf)
		}
		msgs = append(msgs, sf.Fixes[0].Message)
	}
	want := []string{
		`fits with +2 FTE in team "dev" in 2027-Q3..2027-Q4 (4 FTE-periods, EUR 80,000), starting 2027-Q3`,
		`fits with +4 FTE in team "dev" in 2027-Q3..2027-Q4 (8 FTE-periods, EUR 160,000), starting 2027-Q3`,
	}
	if diff := cmp.Diff(want, msgs); diff != "" {
		t.Errorf("fixes (-want +got):\n%s", diff)
	}
	if n := checkFixes(t, cfg, got); n != 2 {
		t.Errorf("checked %d fixes, want 2", n)
	}
}

// answers sums up a shortfall: each project's answer, and its fixes'
// messages or its reason.
func answers(got map[string]*evaluate.Shortfall) map[string][]string {
	out := map[string][]string{}
	for id, sf := range got {
		out[id] = []string{sf.Answer}
		for _, f := range sf.Fixes {
			out[id] = append(out[id], f.Message)
		}
		if sf.Reason != "" {
			out[id] = append(out[id], sf.Reason)
		}
	}
	return out
}

// TestDropped: projects a gate drops get an answer too - a change of
// resources where one gets them past the resources gate (verified by
// planning with it), the gate and why where none can.
func TestDropped(t *testing.T) {
	cfg := loadDir(t, filepath.Join("testdata", "dropped"))
	got, err := Compute(context.Background(), cfg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"big_apps":  {"found", `fits with +1 FTE in team "apps" in 2027-Q3..2027-Q4 (2 FTE-periods, EUR 20,000), starting 2027-Q3`},
		"pricey":    {"found", `fits if budget "capex" amount is raised from EUR 300,000 to EUR 410,000 a year (2028 lacks EUR 110,000), starting 2028-Q1`},
		"build_crm": {"gate", `dropped by the choice gate: option "buy_crm" of choice "crm" ranks above it and is chosen; more room does not change that`},
		"risky":     {"gate", "dropped by the risk gate, which no change of teams, budgets or deadline gets it past: its risk has to come within the roadmap's risk appetite"},
		"parked":    {"gate", "dropped by the excluded gate, which no change of teams, budgets or deadline gets it past: it runs once excluded = true is removed, or with --force-in"},
		"no_goal":   {"gate", "dropped by the alignment gate, which no change of teams, budgets or deadline gets it past: it needs a contribution to a goal"},
	}
	if diff := cmp.Diff(want, answers(got)); diff != "" {
		t.Errorf("answers (-want +got):\n%s", diff)
	}
	if n := checkFixes(t, cfg, got); n != 2 {
		t.Errorf("checked %d fixes, want 2", n)
	}
	missedDeadlinesAnswered(t, cfg, got, evaluate.Options{})
}

// missedDeadlinesAnswered: every project the plan counts as missing its
// deadline has an answer.
func missedDeadlinesAnswered(t *testing.T, cfg *hclspec.Config, got map[string]*evaluate.Shortfall, opts evaluate.Options) {
	t.Helper()
	plan, diags := evaluate.Evaluate(context.Background(), cfg, opts)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	deadline := map[string]int{}
	for _, p := range cfg.Projects {
		deadline[p.ID] = p.Deadline
	}
	missed := 0
	for _, pp := range plan.Projects {
		dl := deadline[pp.ID]
		if dl < 0 || dl >= cfg.Roadmap.Horizon {
			continue
		}
		if pp.Status == evaluate.StatusScheduled && *pp.EndPeriod-1 <= dl {
			continue
		}
		missed++
		if got[pp.ID] == nil {
			t.Errorf("%s misses its deadline (%s) and has no shortfall", pp.ID, pp.Status)
		}
	}
	if missed != plan.Totals.DeadlinesMissed {
		t.Errorf("counted %d missed deadlines, the plan %d", missed, plan.Totals.DeadlinesMissed)
	}
}

// TestForced: the shortfall plans with the plan's forced sets - a
// project forced out gets that as its answer and leaves its room to the
// others, one forced in is planned.
func TestForced(t *testing.T) {
	cfg := loadDir(t, filepath.Join("testdata", "small"))
	opts := Options{ForceOut: []string{"portal"}, ForceIn: []string{"ml"}}
	got, err := Compute(context.Background(), cfg, opts)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Compute(context.Background(), cfg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if plain["crm"] == nil || plain["portal"] != nil {
		t.Fatalf("without forcing: crm deferred, portal scheduled; got %v", answers(plain))
	}
	// With portal out, apps has room for crm; portal's answer says why
	// it is out.
	if got["crm"] != nil {
		t.Errorf("crm: %v, want scheduled (no shortfall)", answers(got)["crm"])
	}
	sf := got["portal"]
	if sf == nil || sf.Answer != evaluate.AnswerGate || !strings.Contains(sf.Reason, "forced out (--force-out)") {
		t.Errorf("portal: %v", answers(got)["portal"])
	}
	eopts := evaluate.Options{ForceIn: opts.ForceIn, ForceOut: opts.ForceOut}
	checkFixesWith(t, cfg, got, eopts)
	missedDeadlinesAnswered(t, cfg, got, eopts)
	if _, err := Compute(context.Background(), cfg, Options{ForceIn: []string{"nope"}}); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("unknown forced project: %v", err)
	}
}

// TestWorkLimit: past MaxWork the projects after the first searched in
// rank order get the answer "skipped", and Annotate warns.
func TestWorkLimit(t *testing.T) {
	cfg := loadDir(t, filepath.Join("testdata", "small"))
	all, err := Compute(context.Background(), cfg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// One project's search: 1 x 6 projects. crm_reports waits for crm,
	// which needs no search to say.
	got, err := Compute(context.Background(), cfg, Options{maxWork: len(cfg.Projects)})
	if err != nil {
		t.Fatal(err)
	}
	plan, diags := evaluate.Evaluate(context.Background(), cfg, evaluate.Options{})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	var order []string
	for _, pp := range plan.Projects {
		if got[pp.ID] != nil {
			order = append(order, pp.ID+":"+got[pp.ID].Answer)
		}
	}
	want := []string{"crm:found", "dwh:skipped", "crm_reports:dependency"}
	if diff := cmp.Diff(want, order); diff != "" {
		t.Errorf("answers in rank order (-want +got):\n%s", diff)
	}
	for _, id := range []string{"crm", "crm_reports"} {
		if diff := cmp.Diff(all[id], got[id]); diff != "" {
			t.Errorf("%s searched under the limit differs (-all +limited):\n%s", id, diff)
		}
	}
	if r := got["dwh"].Reason; !strings.HasPrefix(r, "not searched: ") {
		t.Errorf("reason of a skipped project: %q", r)
	}
	limited := *plan
	limited.Projects = slices.Clone(plan.Projects)
	w, err := Annotate(context.Background(), cfg, &limited, Options{maxWork: len(cfg.Projects)})
	if err != nil {
		t.Fatal(err)
	}
	if len(w) != 1 || w[0].Severity != hcl.DiagWarning || w[0].Summary != "Shortfall not searched for every project" || !strings.Contains(w[0].Detail, "1 more are marked") {
		t.Errorf("Annotate's warning: %v", w)
	}
	if w, _ := Annotate(context.Background(), cfg, &limited, Options{}); len(w) != 0 {
		t.Errorf("a warning within the limit: %v", w)
	}
	if n := Searches(1000); n != 100 {
		t.Errorf("Searches(1000) = %d", n)
	}
}

// TestLate: work in progress at a status date keeps its place however
// late, so a scheduled project can end after its deadline; its answer is
// the deadline it meets (more FTE or money does not end it sooner),
// verified by planning with it.
func TestLate(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join("..", "..", "examples", "it-department-midyear")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil || e.IsDir() {
			continue
		}
		if e.Name() == "projects.hcl" {
			// nis2_compliance is under way until 2027-Q3; a deadline of
			// 2027-Q2 makes it late.
			before := string(data)
			data = []byte(strings.Replace(before, `deadline = "2027-Q4"`, `deadline = "2027-Q2"`, 1))
			if string(data) == before {
				t.Fatal("the example's nis2_compliance deadline moved: update the test")
			}
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := loadDir(t, dir)
	got, err := Compute(context.Background(), cfg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"found", "meets a deadline of 2027-Q3 instead of 2027-Q2: it ends 2027-Q3 as planned (more FTE or money does not end a project sooner)"}
	if diff := cmp.Diff(want, answers(got)["nis2_compliance"]); diff != "" {
		t.Errorf("nis2_compliance (-want +got):\n%s", diff)
	}
	missedDeadlinesAnswered(t, cfg, got, evaluate.Options{})
	if n := checkFixes(t, cfg, got); n == 0 {
		t.Error("no fix checked")
	}
}

// TestReviewInputs: the reviewers' roadmaps (qa18 Q5, Q3, Q18-6). A
// team's or the roadmap's max_parallel is a change of its own; FTE
// that a slot keeps out is no fix (the slot and the FTE are two
// changes); money is asked as the budget's amount, the edit a roadmap
// can make. Every fix, applied, schedules the project, one step less
// does not (checkFixes).
func TestReviewInputs(t *testing.T) {
	tests := []struct {
		dir, id, answer, message string
		fixes                    int
	}{
		{"team_parallel", "b", "found", `fits if team "apps" may run 2 projects at once (max_parallel 1 -> 2), starting 2027-Q1`, 1},
		{"roadmap_parallel", "b", "found", `fits if the roadmap may run 2 projects at once (max_parallel 1 -> 2), starting 2027-Q1`, 1},
		{"parallel_and_fte", "c", "none", "", 0},
		{"amount_once_live", "p1", "found", `fits if budget "opex" amount is raised from USD 120,000 to USD 140,000 a year (its run costs lack USD 20,000 a year once live, after the horizon), starting 2028-Q1`, 1},
		{"amount_period", "p2", "found", `fits if budget "opex" amount is raised from USD 10,000 to USD 75,000 a quarter (2027-Q1 lacks USD 40,000), starting 2027-Q2, but pushes out "p1" (part of it goes to "p3", which ranks ahead and then fits too)`, 2},
	}
	for _, tc := range tests {
		t.Run(tc.dir, func(t *testing.T) {
			cfg := loadDir(t, filepath.Join("testdata", tc.dir))
			got, err := Compute(context.Background(), cfg, Options{})
			if err != nil {
				t.Fatal(err)
			}
			sf := got[tc.id]
			if sf == nil {
				t.Fatalf("no shortfall for %s", tc.id)
			}
			msg := ""
			if len(sf.Fixes) > 0 {
				msg = sf.Fixes[0].Message
			}
			if diff := cmp.Diff([]string{tc.answer, tc.message}, []string{sf.Answer, msg}); diff != "" {
				t.Errorf("answer, message (-want +got):\n%s", diff)
			}
			if n := checkFixes(t, cfg, got); n != tc.fixes {
				t.Errorf("checked %d fixes, want %d", n, tc.fixes)
			}
		})
	}
}

// The searches count the plan's size too (review qa18 B5: 298 searches
// of a 300-project roadmap with 830 years of monthly cash flows took over
// 44 s): a search plans the roadmap again many times.
func TestSearchesCountPlanCells(t *testing.T) {
	load := func(n, years int) *hclspec.Config {
		var b strings.Builder
		b.WriteString("roadmap {\n  start = \"2027-01\"\n  period = \"month\"\n  horizon = 1000\n}\n")
		for i := range n {
			fmt.Fprintf(&b, "project \"p%d\" {\n  duration = 1\n  benefit {\n    per_year = 1\n    years = %d\n  }\n}\n", i, years)
		}
		cfg, diags := hclspec.NewLoader().LoadSources("t", map[string][]byte{"t/main.hcl": []byte(b.String())}, hclspec.LoadOptions{})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		return cfg
	}
	for _, tc := range []struct{ n, years, want int }{
		{60, 830, 6},   // 60 x 9,961 = 597,660 cells
		{300, 830, 1},  // 2,988,300 cells: at least one search
		{60, 1, 1666},  // small plan: MaxWork / 60
		{1000, 1, 100}, // MaxWork / 1,000
	} {
		if got := SearchesFor(load(tc.n, tc.years)); got != tc.want {
			t.Errorf("%d projects, %d years: %d searches, want %d", tc.n, tc.years, got, tc.want)
		}
	}
}
