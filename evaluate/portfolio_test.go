package evaluate

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// portfolioConfig: one goal, team "apps" of 2 FTE, and projects that
// each need 1 FTE of it for the given periods, with benefit as given
// (higher benefit, higher score).
func portfolioConfig(horizon int) *hclspec.Config {
	cfg := quarterly(horizon)
	cfg.Roadmap.RiskAppetite = 0.5
	addGoal(cfg, "growth", 1)
	addTeam(cfg, "apps", 2, 0)
	return cfg
}

func addWork(cfg *hclspec.Config, id string, duration int, fte, benefit float64) *hclspec.Project {
	p := addProject(cfg, newProject(id, duration))
	p.Goals["growth"] = 1
	p.Effort["apps"] = fte
	p.Benefit.PerYear = benefit
	p.Cost.OneTime = 1000
	return p
}

func evaluateWith(t *testing.T, cfg *hclspec.Config, opts Options) *Plan {
	t.Helper()
	plan, diags := Evaluate(context.Background(), cfg, opts)
	if diags.HasErrors() {
		t.Fatalf("Evaluate: %v", diags)
	}
	for _, err := range planViolations(cfg, plan) {
		t.Error(err)
	}
	return plan
}

type fate struct{ Status, Gate string }

func fates(plan *Plan) map[string]fate {
	out := map[string]fate{}
	for _, p := range plan.Projects {
		out[p.ID] = fate{p.Status, p.Gate}
	}
	return out
}

// A choice whose options depend on other projects: the better option is
// chosen when what it depends on runs; when that is dropped, the option
// goes with it and the other one is chosen. The option left out says
// which one was chosen.
func TestChoiceWithDependencies(t *testing.T) {
	build := func(lakeRisk float64) *hclspec.Config {
		cfg := portfolioConfig(8)
		lake := addWork(cfg, "data_lake", 1, 1, 10000)
		lake.Risk.Failure = lakeRisk
		b := addWork(cfg, "build_crm", 2, 1, 90000)
		b.DependsOn = []string{"data_lake"}
		addWork(cfg, "buy_crm", 1, 1, 50000)
		cfg.Choices = []*hclspec.Choice{{ID: "crm", Options: []string{"build_crm", "buy_crm"}, Ranges: hclspec.Ranges{"options.buy_crm": rng(40)}}}
		return cfg
	}
	plan := evaluateWith(t, build(0), Options{})
	want := map[string]fate{"data_lake": {StatusScheduled, ""}, "build_crm": {StatusScheduled, ""}, "buy_crm": {StatusDropped, GateChoice}}
	if diff := cmp.Diff(want, fates(plan)); diff != "" {
		t.Fatalf("outcomes (-want +got):\n%s", diff)
	}
	buy := projectByID(t, plan, "buy_crm")
	if diff := cmp.Diff([]string{`option "build_crm" chosen in choice "crm"`}, buy.Reasons); diff != "" {
		t.Errorf("reasons (-want +got):\n%s", diff)
	}
	if buy.Choice != "crm" || len(buy.Notes) != 1 || buy.Notes[0].Kind != NoteChoice || buy.Notes[0].ID != "build_crm" {
		t.Errorf("buy_crm: choice %q, notes %+v", buy.Choice, buy.Notes)
	}
	if f := buy.Findings[0]; f.Range == nil || f.Range.Line != 40 {
		t.Errorf("finding points at %+v, want the option in the choice (line 40)", f.Range)
	}
	if c := plan.Choices; len(c) != 1 || c[0].Chosen == nil || *c[0].Chosen != "build_crm" {
		t.Errorf("choices %+v", c)
	}

	plan = evaluateWith(t, build(0.9), Options{})
	want = map[string]fate{"data_lake": {StatusDropped, GateRisk}, "build_crm": {StatusDropped, GateViability}, "buy_crm": {StatusScheduled, ""}}
	if diff := cmp.Diff(want, fates(plan)); diff != "" {
		t.Fatalf("with data_lake dropped, outcomes (-want +got):\n%s", diff)
	}
	if c := plan.Choices; *c[0].Chosen != "buy_crm" {
		t.Errorf("chosen %v", *c[0].Chosen)
	}
}

// With --optimize the optimiser chooses: here the lower-ranked option,
// because the higher-ranked one takes the team from two other projects.
func TestChoiceOptimizerChooses(t *testing.T) {
	cfg := portfolioConfig(2)
	addWork(cfg, "core", 1, 0, 500000)     // the flagship, which the optimiser keeps; needs no team
	addWork(cfg, "build_crm", 2, 2, 90000) // the whole team for the whole horizon
	addWork(cfg, "buy_crm", 1, 1, 40000)
	addWork(cfg, "wiki", 2, 1, 60000)
	cfg.Choices = []*hclspec.Choice{{ID: "crm", Options: []string{"build_crm", "buy_crm"}, Ranges: hclspec.Ranges{}}}
	ranked := fates(evaluateWith(t, cfg, Options{}))
	if ranked["build_crm"].Status != StatusScheduled || ranked["wiki"].Status != StatusDeferred {
		t.Fatalf("rank order: %v", ranked)
	}
	opt := evaluateWith(t, cfg, Options{Optimize: true, Seed: 1})
	got := fates(opt)
	want := map[string]fate{"core": {StatusScheduled, ""}, "build_crm": {StatusDropped, GateChoice}, "buy_crm": {StatusScheduled, ""}, "wiki": {StatusScheduled, ""}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("optimised outcomes (-want +got):\n%s", diff)
	}
}

// Together with a deferred member: the group goes whole or not at all, and
// both members say which one did not fit and why. With a dropped member,
// the others are dropped (gate together) and what depends on them too.
func TestTogether(t *testing.T) {
	cfg := portfolioConfig(3)
	addWork(cfg, "core", 3, 1, 90000)
	pilot := addWork(cfg, "pilot", 1, 1, 50000)
	pilot.Together = []string{"rollout"}
	addWork(cfg, "rollout", 3, 2, 40000) // needs the whole team for the whole horizon
	plan := evaluateWith(t, cfg, Options{})
	want := map[string]fate{"core": {StatusScheduled, ""}, "pilot": {StatusDeferred, GateSchedule}, "rollout": {StatusDeferred, GateSchedule}}
	if diff := cmp.Diff(want, fates(plan)); diff != "" {
		t.Fatalf("outcomes (-want +got):\n%s", diff)
	}
	p := projectByID(t, plan, "pilot")
	if len(p.Notes) != 1 || p.Notes[0].Kind != NoteTogether || p.Notes[0].ID != "rollout" ||
		p.Reasons[0] != `runs together with "rollout", and "rollout" does not fit with "pilot" (2027-Q1) placed first: `+
			`team "apps" has no room for 2 FTE in 2027-Q1..2027-Q3 (held by "core" and "pilot"); `+
			`must finish inside the horizon (last period 2027-Q3), so it cannot start after 2027-Q1` {
		t.Errorf("pilot: notes %+v reasons %q", p.Notes, p.Reasons)
	}
	if r := projectByID(t, plan, "rollout"); !slices.Equal(r.Together, []string{"pilot"}) || !strings.HasPrefix(r.Reasons[0], `runs together with "pilot", and it does not fit itself`) {
		t.Errorf("rollout: together %v reasons %q", r.Together, r.Reasons)
	}

	// A dropped member takes the group, and its dependents, with it.
	cfg.Projects[2].Risk.Failure = 0.9
	after := addWork(cfg, "training", 1, 0, 1000)
	after.DependsOn = []string{"pilot"}
	plan = evaluateWith(t, cfg, Options{})
	want = map[string]fate{"core": {StatusScheduled, ""}, "pilot": {StatusDropped, GateTogether}, "rollout": {StatusDropped, GateRisk}, "training": {StatusDropped, GateViability}}
	if diff := cmp.Diff(want, fates(plan)); diff != "" {
		t.Fatalf("with rollout dropped, outcomes (-want +got):\n%s", diff)
	}
	if r := projectByID(t, plan, "pilot").Reasons; !slices.Equal(r, []string{`runs together with "rollout", which is dropped`}) {
		t.Errorf("pilot reasons %q", r)
	}
}

// A project forced in passes the risk gate it fails, with a warning that
// says so; forced out or excluded it is dropped; forcing in overrides
// excluded = true.
func TestForceInAndOut(t *testing.T) {
	cfg := portfolioConfig(4)
	risky := addWork(cfg, "risky", 1, 1, 50000)
	risky.Risk.Failure = 0.8
	addWork(cfg, "safe", 1, 1, 50000)
	off := addWork(cfg, "parked", 1, 1, 50000)
	off.Excluded = true
	off.Ranges["excluded"] = rng(30)

	plan := evaluateWith(t, cfg, Options{})
	want := map[string]fate{"risky": {StatusDropped, GateRisk}, "safe": {StatusScheduled, ""}, "parked": {StatusDropped, GateExcluded}}
	if diff := cmp.Diff(want, fates(plan)); diff != "" {
		t.Fatalf("outcomes (-want +got):\n%s", diff)
	}
	if p := projectByID(t, plan, "parked"); p.Reasons[0] != "excluded (excluded = true)" || p.Findings[0].Range.Line != 30 || !p.Excluded {
		t.Errorf("parked: %+v", p)
	}

	plan = evaluateWith(t, cfg, Options{ForceIn: []string{"risky", "parked"}, ForceOut: []string{"safe"}})
	want = map[string]fate{"risky": {StatusScheduled, ""}, "safe": {StatusDropped, GateExcluded}, "parked": {StatusScheduled, ""}}
	if diff := cmp.Diff(want, fates(plan)); diff != "" {
		t.Fatalf("forced outcomes (-want +got):\n%s", diff)
	}
	r := projectByID(t, plan, "risky")
	if r.Forced != ForcedIn || r.Rank > 2 || len(r.Findings) != 1 || r.Findings[0].Severity != SeverityWarning ||
		r.Findings[0].Message != "forced in past this gate: risk 0.8 exceeds the risk appetite of 0.5" {
		t.Errorf("risky forced in: forced %q rank %d findings %+v", r.Forced, r.Rank, r.Findings)
	}
	if s := projectByID(t, plan, "safe"); s.Forced != ForcedOut || !slices.Equal(s.Reasons, []string{"forced out"}) {
		t.Errorf("safe forced out: %q %q", s.Forced, s.Reasons)
	}

	_, diags := Evaluate(context.Background(), cfg, Options{ForceIn: []string{"rsky"}, ForceOut: []string{"risky"}})
	if !diags.HasErrors() || !strings.Contains(diags.Error(), `There is no project "rsky" to force in. Did you mean "risky"?`) {
		t.Errorf("unknown id: %v", diags)
	}
	_, diags = Evaluate(context.Background(), cfg, Options{ForceIn: []string{"safe"}, ForceOut: []string{"safe"}})
	if !diags.HasErrors() || !strings.Contains(diags.Error(), "forced both in and out") {
		t.Errorf("both ways: %v", diags)
	}
}

// team.max_parallel: rank order and the optimiser stay within it (checked
// by planViolations, independently of the scheduler), and a project that
// waits says why.
func TestTeamMaxParallel(t *testing.T) {
	cfg := portfolioConfig(4)
	cfg.Teams[0].Capacity = 10
	cfg.Teams[0].MaxParallel = 2
	for i, id := range []string{"a", "b", "c", "d", "e"} {
		addWork(cfg, id, 2, 1, float64(50000-1000*i))
	}
	plan := evaluateWith(t, cfg, Options{})
	c := projectByID(t, plan, "c")
	if c.Status != StatusScheduled || *c.StartPeriod != 2 || len(c.Notes) == 0 || c.Notes[0].Kind != NoteTeamParallel ||
		c.Notes[0].Message != `waited for a slot in team "apps": team "apps" runs its max_parallel of 2 projects in 2027-Q1..2027-Q2 (held by "a" and "b")` {
		t.Errorf("c: start %v notes %+v", c.StartPeriod, c.Notes)
	}
	if e := projectByID(t, plan, "e"); e.Status != StatusDeferred || e.Notes[0].Kind != NoteTeamParallel {
		t.Errorf("e: %s notes %+v", e.Status, e.Notes)
	}
	opt := evaluateWith(t, cfg, Options{Optimize: true, Seed: 3})
	if opt.Totals.Scheduled != 4 {
		t.Errorf("optimised: %d scheduled, want 4 (two slots for two rounds of two periods)", opt.Totals.Scheduled)
	}
}

// Each choice says what picked its option and why: the strategy (naming
// the options out of the running before the choice), a flag, a mandatory
// option, the optimiser (and what rank order chose), or nothing.
func TestChoiceReasons(t *testing.T) {
	build := func(lakeRisk float64, mandatoryBuy bool) *hclspec.Config {
		cfg := portfolioConfig(8)
		lake := addWork(cfg, "data_lake", 1, 1, 10000)
		lake.Risk.Failure = lakeRisk
		b := addWork(cfg, "build_crm", 2, 1, 90000)
		b.DependsOn = []string{"data_lake"}
		addWork(cfg, "buy_crm", 1, 1, 50000).Mandatory = mandatoryBuy
		cfg.Choices = []*hclspec.Choice{{ID: "crm", Options: []string{"build_crm", "buy_crm"}, Ranges: hclspec.Ranges{}}}
		return cfg
	}
	tests := []struct {
		name       string
		cfg        *hclspec.Config
		opts       Options
		chosen     string
		by, reason string
	}{
		{"strategy", build(0, false), Options{}, "build_crm", DecidedStrategy, "the best-ranked option (rank 1 under the value strategy)"},
		{"better option out", build(0.9, false), Options{}, "buy_crm", DecidedStrategy,
			"the best-ranked option that runs (rank 1 under the value strategy); \"build_crm\" (would rank 1) is dropped: depends on dropped project \"data_lake\""},
		{"forced in", build(0, false), Options{ForceIn: []string{"buy_crm"}}, "buy_crm", DecidedForced, "forced in (--force-in)"},
		{"mandatory", build(0, true), Options{}, "buy_crm", DecidedMandatory, "mandatory"},
		{"both out", build(0, false), Options{ForceOut: []string{"build_crm", "buy_crm"}}, "", "", "no option is scheduled"},
		// The optimiser never drops the flagship nor starts it later: it
		// did not weigh the other option (review of issue 15, F2).
		{"optimiser keeps the flagship", build(0, false), Options{Optimize: true, Seed: 1}, "build_crm", DecidedOptimizer,
			"the flagship: the optimiser keeps it, starting no later than in rank order, so no other option of choice \"crm\" can run"},
		{"optimiser", namedFlagship(build(0, false), "data_lake"), Options{Optimize: true, Seed: 1}, "build_crm", DecidedOptimizer,
			"the optimiser chose it (objective score); rank order chose it too"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := evaluateWith(t, tt.cfg, tt.opts)
			c := plan.Choices[0]
			chosen := ""
			if c.Chosen != nil {
				chosen = *c.Chosen
			}
			if chosen != tt.chosen || c.DecidedBy != tt.by || c.Reason != tt.reason {
				t.Errorf("chosen %q by %q: %q\nwant %q by %q: %q", chosen, c.DecidedBy, c.Reason, tt.chosen, tt.by, tt.reason)
			}
		})
	}
	// The optimiser choosing against rank order says so.
	cfg := portfolioConfig(2)
	addWork(cfg, "core", 1, 0, 500000)
	addWork(cfg, "build_crm", 2, 2, 90000)
	addWork(cfg, "buy_crm", 1, 1, 40000)
	addWork(cfg, "wiki", 2, 1, 60000)
	cfg.Choices = []*hclspec.Choice{{ID: "crm", Options: []string{"build_crm", "buy_crm"}, Ranges: hclspec.Ranges{}}}
	c := evaluateWith(t, cfg, Options{Optimize: true, Seed: 1}).Choices[0]
	if *c.Chosen != "buy_crm" || c.DecidedBy != DecidedOptimizer || c.Reason != "the optimiser chose it (objective score); rank order chose \"build_crm\"" {
		t.Errorf("optimiser against rank order: %q by %q: %q", *c.Chosen, c.DecidedBy, c.Reason)
	}
}

// Forcing projects in that cannot run is an error naming the conflict:
// two options of one choice (directly, through a dependency, or against a
// mandatory option or one committed work needs), a forced-in project that needs one forced out or
// excluded (the error points at excluded = true).
func TestForceContradictions(t *testing.T) {
	build := func() *hclspec.Config {
		cfg := portfolioConfig(8)
		addWork(cfg, "data_lake", 1, 1, 10000)
		b := addWork(cfg, "build_crm", 2, 1, 90000)
		b.DependsOn = []string{"data_lake"}
		addWork(cfg, "buy_crm", 1, 1, 50000)
		r := addWork(cfg, "reports", 1, 1, 5000)
		r.DependsOn = []string{"buy_crm"}
		pilot := addWork(cfg, "pilot", 1, 1, 5000)
		pilot.Together = []string{"rollout"}
		rollout := addWork(cfg, "rollout", 1, 1, 5000)
		rollout.Excluded = true
		rollout.Ranges["excluded"] = rng(70)
		cfg.Choices = []*hclspec.Choice{{ID: "crm", Options: []string{"build_crm", "buy_crm"}, DeclRange: rng(50), Ranges: hclspec.Ranges{"options": rng(51)}}}
		return cfg
	}
	tests := []struct {
		name    string
		mod     func(*hclspec.Config)
		opts    Options
		summary string
		detail  string
		line    int // the diagnostic's subject; 0 for none
	}{
		{"two options", nil, Options{ForceIn: []string{"build_crm", "buy_crm"}}, "Two options of one choice forced in",
			`"build_crm" is forced in and "buy_crm" is forced in, but they are options of choice "crm", of which at most one runs. Force in one option only.`, 51},
		{"through a dependency", nil, Options{ForceIn: []string{"build_crm", "reports"}}, "Two options of one choice forced in",
			`"build_crm" is forced in and "reports" is forced in and needs "buy_crm", but they are options of choice "crm", of which at most one runs. Force in one option only.`, 51},
		// Review qa15e L7: one option forced, the other must run.
		{"against a mandatory option", func(c *hclspec.Config) { c.Projects[1].Mandatory = true }, Options{ForceIn: []string{"buy_crm"}}, "Forced-in project against an option that must run",
			`"build_crm" is mandatory and "buy_crm" is forced in, but they are options of choice "crm", of which at most one runs, and "build_crm", mandatory, decides it. Leave "buy_crm" out of --force-in, or make "build_crm" not mandatory.`, 51},
		// Review qa15d H4: forced in, yet dropped by the choice, exit 0.
		{"against a committed option", func(c *hclspec.Config) {
			c.Projects[1].Status = hclspec.Committed
			c.Projects[1].Ranges["status"] = rng(80)
		}, Options{ForceIn: []string{"reports"}}, "Forced-in project needs an option its choice ruled out",
			`"reports" is forced in and needs "buy_crm", but option "build_crm" of choice "crm" is committed, and that decides the choice: its other options never run. Leave "reports" out of --force-in, or change "build_crm"'s status.`, 80},
		// Committed work takes the option it needs, as mandatory work does.
		{"against an option committed work needs", func(c *hclspec.Config) { c.Projects[3].Status = hclspec.Committed }, Options{ForceIn: []string{"build_crm"}},
			"Forced-in project against an option that must run",
			`"build_crm" is forced in and "reports" is committed and needs "buy_crm", but they are options of choice "crm", of which at most one runs, and "reports", committed, decides it. Leave "build_crm" out of --force-in, or change "reports"'s status.`, 51},
		{"needs one forced out", nil, Options{ForceIn: []string{"build_crm"}, ForceOut: []string{"data_lake"}}, "Forced-in project needs a project forced out",
			`Project "build_crm" is forced in, but it cannot run without "data_lake" (through depends_on or together), which is forced out. Force one of them the other way, or leave one out of the flags.`, 0},
		{"needs one excluded", nil, Options{ForceIn: []string{"pilot"}}, "Forced-in project needs an excluded project",
			`Project "pilot" is forced in, but it cannot run without "rollout" (through depends_on or together), which is excluded (excluded = true). Force "rollout" in too.`, 70},
		// Review qa15e E3: forced in, yet dropped by a partner's status, exit 0.
		{"needs one on hold", func(c *hclspec.Config) {
			r := c.Projects[len(c.Projects)-1]
			r.Excluded, r.Status, r.Ranges["status"] = false, hclspec.OnHold, rng(90)
		}, Options{ForceIn: []string{"pilot"}}, "Forced-in project needs a project on hold",
			`Project "pilot" is forced in, but it cannot run without "rollout" (through depends_on or together), which is on hold: forcing does not change a status. Leave "pilot" out of --force-in, or change "rollout"'s status.`, 90},
		{"is cancelled", func(c *hclspec.Config) {
			r := c.Projects[len(c.Projects)-1]
			r.Excluded, r.Status, r.Ranges["status"] = false, hclspec.Cancelled, rng(90)
		}, Options{ForceIn: []string{"rollout"}}, "Forced-in project is cancelled",
			`Project "rollout" is forced in, but it is cancelled: forcing does not change a status. Leave it out of --force-in, or change its status.`, 90},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := build()
			if tt.mod != nil {
				tt.mod(cfg)
			}
			_, diags := Evaluate(context.Background(), cfg, tt.opts)
			if len(diags) != 1 || diags[0].Summary != tt.summary || diags[0].Detail != tt.detail {
				t.Fatalf("diagnostics %v\nwant %s: %s", diags, tt.summary, tt.detail)
			}
			line := 0
			if s := diags[0].Subject; s != nil {
				line = s.Start.Line
			}
			if line != tt.line {
				t.Errorf("subject line %d, want %d", line, tt.line)
			}
		})
	}
	// Forcing both a project and what it needs in is fine, and so is a
	// mandatory option alone.
	plan := evaluateWith(t, build(), Options{ForceIn: []string{"pilot", "rollout", "build_crm", "data_lake"}})
	if f := fates(plan); f["pilot"].Status != StatusScheduled || f["rollout"].Status != StatusScheduled || f["build_crm"].Status != StatusScheduled {
		t.Errorf("forced in together: %v", f)
	}
}

// A project forced in ranks right after the mandatory ones, ahead of the
// other candidates: a what-if never delays what is required. Here both
// need the whole team for two of the four quarters, and the forced-in
// one scores higher: the mandatory project still goes first.
func TestForcedInRanksAfterMandatory(t *testing.T) {
	cfg := portfolioConfig(4)
	must := addWork(cfg, "audit", 2, 2, 1000)
	must.Mandatory = true
	addWork(cfg, "pet", 2, 2, 900000)
	addWork(cfg, "other", 1, 2, 500000)
	plan := evaluateWith(t, cfg, Options{ForceIn: []string{"pet"}})
	var ranked []string
	for _, p := range plan.Projects {
		ranked = append(ranked, p.ID)
	}
	if want := []string{"audit", "pet", "other"}; !slices.Equal(ranked, want) {
		t.Fatalf("rank order %v, want %v", ranked, want)
	}
	for id, start := range map[string]string{"audit": "2027-Q1", "pet": "2027-Q3"} {
		if p := projectByID(t, plan, id); p.Status != StatusScheduled || p.Start == nil || *p.Start != start {
			t.Errorf("%s: %s, start %v, want scheduled in %s", id, p.Status, p.Start, start)
		}
	}
	if p := projectByID(t, plan, "other"); p.Status != StatusDeferred {
		t.Errorf("other: %s, want deferred (the team is full)", p.Status)
	}
	// The flagship is the first candidate after them.
	if f := plan.Roadmap.Flagship; f == nil || *f != "other" {
		t.Errorf("flagship %v, want other", f)
	}
}

// The independent review's case: the better option (build) needs a
// project ranked below the other option (prep, which fills the team for
// the whole horizon). Trying build first must not hold the team for
// prep when build does not fit: buy and its dependent run, as they do
// without the choice, and build says it was tried. When build fits,
// prep runs ahead of its rank and says why.
func TestChoiceReleasesPrerequisites(t *testing.T) {
	build := func(horizon int) *hclspec.Config {
		cfg := portfolioConfig(horizon)
		b := addWork(cfg, "build", 2, 0, 900000)
		b.DependsOn = []string{"prep"}
		e := addWork(cfg, "ext", 1, 0, 400000)
		e.DependsOn = []string{"buy"}
		addWork(cfg, "buy", 1, 1, 200000)
		addWork(cfg, "prep", 4, 2, 1000)
		cfg.Choices = []*hclspec.Choice{{ID: "c", Options: []string{"build", "buy"}}}
		return cfg
	}
	plan := evaluateWith(t, build(4), Options{})
	var ranked []string
	for _, p := range plan.Projects {
		ranked = append(ranked, p.ID)
	}
	if want := []string{"build", "ext", "buy", "prep"}; !slices.Equal(ranked, want) {
		t.Fatalf("rank order %v, want %v", ranked, want)
	}
	want := map[string]fate{"build": {StatusDeferred, GateSchedule}, "ext": {StatusScheduled, ""},
		"buy": {StatusScheduled, ""}, "prep": {StatusDeferred, GateSchedule}}
	if diff := cmp.Diff(want, fates(plan)); diff != "" {
		t.Fatalf("outcomes (-want +got):\n%s", diff)
	}
	wantReasons := []string{`tried before option "buy" of choice "c" with "prep" (2027-Q1..2027-Q4) placed first, and does not fit: ` +
		`cannot finish inside the horizon (last period 2027-Q4): 2 periods after its dependencies end (2027-Q4) would end 2028-Q2; ` +
		`so "prep" goes back to its own rank`}
	if diff := cmp.Diff(wantReasons, projectByID(t, plan, "build").Reasons); diff != "" {
		t.Errorf("build's reasons (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{`team "apps" has no room for 2 FTE in 2027-Q1 (held by "buy")`,
		`must finish inside the horizon (last period 2027-Q4), so it cannot start after 2027-Q1`},
		projectByID(t, plan, "prep").Reasons); diff != "" {
		t.Errorf("prep's reasons (-want +got):\n%s", diff)
	}
	// The optimiser finds nothing better: rank order and the optimiser
	// agree on what can run.
	opt := evaluateWith(t, build(4), Options{Optimize: true})
	if diff := cmp.Diff(want, fates(opt)); diff != "" {
		t.Errorf("optimised outcomes (-want +got):\n%s", diff)
	}

	plan = evaluateWith(t, build(8), Options{})
	want = map[string]fate{"build": {StatusScheduled, ""}, "ext": {StatusDropped, GateViability},
		"buy": {StatusDropped, GateChoice}, "prep": {StatusScheduled, ""}}
	if diff := cmp.Diff(want, fates(plan)); diff != "" {
		t.Fatalf("horizon 8: outcomes (-want +got):\n%s", diff)
	}
	prep := projectByID(t, plan, "prep")
	if len(prep.Notes) != 1 || prep.Notes[0].Kind != NotePriority || prep.Notes[0].ID != "build" ||
		prep.Notes[0].Message != `placed ahead of its rank (4): "build" (rank 1) needs it, and choice "c" tries "build" before option "buy" (rank 3)` {
		t.Errorf("prep's notes %+v, want why it runs ahead of its rank", prep.Notes)
	}
}

// A together group that does not fit says which member did not fit, on
// top of what the group had placed first, in the words of a deferred
// project's notes: the team, every period it has no room, and who holds
// it (the member placed first included).
func TestTogetherReasonNamesWhatBlocked(t *testing.T) {
	cfg := portfolioConfig(4)
	addWork(cfg, "x", 4, 1, 900000)
	a := addWork(cfg, "a", 2, 1, 500000)
	a.Together = []string{"b"}
	addWork(cfg, "b", 3, 1, 100000)
	plan := evaluateWith(t, cfg, Options{})
	want := map[string]fate{"x": {StatusScheduled, ""}, "a": {StatusDeferred, GateSchedule}, "b": {StatusDeferred, GateSchedule}}
	if diff := cmp.Diff(want, fates(plan)); diff != "" {
		t.Fatalf("outcomes (-want +got):\n%s", diff)
	}
	why := `team "apps" has no room for 1 FTE in 2027-Q1..2027-Q2 (held by "x" and "a"); ` +
		`must finish inside the horizon (last period 2027-Q4), so it cannot start after 2027-Q2`
	for id, msg := range map[string]string{
		"a": `runs together with "b", and "b" does not fit with "a" (2027-Q1..2027-Q2) placed first: ` + why,
		"b": `runs together with "a", and it does not fit itself with "a" (2027-Q1..2027-Q2) placed first: ` + why,
	} {
		p := projectByID(t, plan, id)
		if diff := cmp.Diff([]string{msg}, p.Reasons); diff != "" {
			t.Errorf("%s's reasons (-want +got):\n%s", id, diff)
		}
		if len(p.Notes) != 1 || p.Notes[0].Kind != NoteTogether || p.Notes[0].ID != "b" {
			t.Errorf("%s's notes %+v, want one together note naming b", id, p.Notes)
		}
	}
}

// TestChoiceDecidedByStatus: an option committed, in progress or done
// decides its choice, even when rank order would pick another; the
// others are dropped (gate choice) with a reason naming it. An option on
// hold or cancelled decides nothing.
func TestChoiceDecidedByStatus(t *testing.T) {
	tests := []struct {
		status, extra string
		forceOut      []string
		want          map[string]fate
		wantReason    string
		decided       string
	}{
		{"committed", "", nil, map[string]fate{"c": {StatusScheduled, ""}, "d": {StatusDropped, GateChoice}, "after_d": {StatusDropped, GateViability}},
			`option "c" of choice "k" is committed`, DecidedStatus},
		{"in_progress", `started = "2027-01-01"`, nil, map[string]fate{"c": {StatusScheduled, ""}, "d": {StatusDropped, GateChoice}, "after_d": {StatusDropped, GateViability}},
			`option "c" of choice "k" is in progress`, DecidedStatus},
		{"done", `started = "2027-01-01"
  finished = "2027-03-01"`, nil, map[string]fate{"c": {StatusDone, ""}, "d": {StatusDropped, GateChoice}, "after_d": {StatusDropped, GateViability}},
			`option "c" of choice "k" is done`, DecidedStatus},
		{"on_hold", "", nil, map[string]fate{"c": {StatusOnHold, ""}, "d": {StatusScheduled, ""}, "after_d": {StatusScheduled, ""}},
			"", DecidedStrategy},
		// Work under way or done is kept when excluded or forced out (with a
		// warning), so it still decides its choice: never both options
		// (review qa15d H4: d ran beside c).
		{"in_progress", `started = "2027-01-01"`, []string{"c"}, map[string]fate{"c": {StatusScheduled, ""}, "d": {StatusDropped, GateChoice}, "after_d": {StatusDropped, GateViability}},
			`option "c" of choice "k" is in progress`, DecidedStatus},
		{"in_progress", `started = "2027-01-01"
  excluded = true`, nil, map[string]fate{"c": {StatusScheduled, ""}, "d": {StatusDropped, GateChoice}, "after_d": {StatusDropped, GateViability}},
			`option "c" of choice "k" is in progress`, DecidedStatus},
		{"done", `started = "2027-01-01"
  finished = "2027-03-01"`, []string{"c"}, map[string]fate{"c": {StatusDone, ""}, "d": {StatusDropped, GateChoice}, "after_d": {StatusDropped, GateViability}},
			`option "c" of choice "k" is done`, DecidedStatus},
		{"committed", "", []string{"c"}, map[string]fate{"c": {StatusScheduled, ""}, "d": {StatusDropped, GateChoice}, "after_d": {StatusDropped, GateViability}},
			`option "c" of choice "k" is committed`, DecidedStatus},
	}
	for _, tt := range tests {
		t.Run(tt.status+strings.Join(tt.forceOut, ","), func(t *testing.T) {
			src := `roadmap {
  start   = "2027-Q1"
  horizon = 8
  as_of   = "2027-04-01"
}
goal "g" { weight = 1 }
team "t" {
  capacity     = 10
  cost_per_fte = 10000
}
project "c" {
  goals    = { g = 0.5 }
  duration = 2
  effort   = { t = 1 }
  status   = "` + tt.status + `"
  ` + tt.extra + `
}
project "d" {
  goals    = { g = 0.9 }
  duration = 1
  effort   = { t = 1 }
}
project "after_d" {
  goals      = { g = 0.9 }
  duration   = 1
  effort     = { t = 1 }
  depends_on = [project.d]
}
choice "k" { options = [project.c, project.d] }
`
			cfg, diags := hclspec.NewLoader().LoadSources("living", map[string][]byte{"main.hcl": []byte(src)}, hclspec.LoadOptions{})
			if diags.HasErrors() {
				t.Fatalf("load: %v", diags)
			}
			plan, diags := Evaluate(context.Background(), cfg, Options{ForceOut: tt.forceOut})
			if plan == nil || diags.HasErrors() {
				t.Fatalf("evaluate: %v", diags)
			}
			if diff := cmp.Diff(tt.want, fates(plan)); diff != "" {
				t.Fatalf("outcomes (-want +got):\n%s", diff)
			}
			if tt.wantReason != "" {
				if diff := cmp.Diff([]string{tt.wantReason}, projectOf(t, plan, "d").Reasons); diff != "" {
					t.Errorf("d's reasons (-want +got):\n%s", diff)
				}
			}
			if len(plan.Choices) != 1 || plan.Choices[0].DecidedBy != tt.decided {
				t.Errorf("choices %+v, want decided by %q", plan.Choices, tt.decided)
			}
			noDroppedFlagship(t, plan)
		})
	}
}

// noDroppedFlagship: the flagship the ranking picks can run (an option
// that lost its choice before scheduling keeps its rank but is no
// flagship).
func noDroppedFlagship(t *testing.T, plan *Plan) {
	t.Helper()
	if f := plan.Roadmap.Flagship; f != nil && !plan.Roadmap.FlagshipNamed {
		for _, p := range plan.Projects {
			if p.ID == *f && p.Status == StatusDropped {
				t.Errorf("flagship %q is dropped: %v", *f, p.Reasons)
			}
		}
	}
}

// namedFlagship names flagship the roadmap's flagship.
func namedFlagship(cfg *hclspec.Config, flagship string) *hclspec.Config {
	cfg.Roadmap.Flagship = flagship
	return cfg
}

// TestForcedOptionIsNoRivalsFlagship: forcing an option in decides its
// choice, so the option it beats is no flagship (review qa15d D1: the
// plan said "Flagship buy_crm (rank 3, dropped)").
func TestForcedOptionIsNoRivalsFlagship(t *testing.T) {
	cfg, diags := hclspec.NewLoader().LoadDir(filepath.Join("testdata", "replace_in_time"), hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	for _, forced := range []string{"", "build_crm"} {
		opts := Options{}
		if forced != "" {
			opts.ForceIn = []string{forced}
		}
		plan, diags := Evaluate(context.Background(), cfg, opts)
		if plan == nil || diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		noDroppedFlagship(t, plan)
		want := map[string]string{"": "buy_crm", "build_crm": "erp_upgrade"}[forced]
		if f := plan.Roadmap.Flagship; f == nil || *f != want {
			t.Errorf("forced in %q: flagship %v, want %s", forced, f, want)
		}
	}
}
