package evaluate

import (
	"context"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// TestOverflowIsADiagnostic: amounts each finite but whose sums overflow
// give a diagnostic on the project (or the roadmap), never a plan holding
// infinity, which JSON cannot encode.
func TestOverflowIsADiagnostic(t *testing.T) {
	cfg := newConfig(hclspec.Year, "2027", 4)
	cfg.Roadmap.DeclRange = rng(1)
	addGoal(cfg, "g", 1)
	for _, id := range []string{"a", "b", "c"} {
		p := addProject(cfg, newProject(id, 1))
		p.DeclRange = rng(10)
		p.Goals["g"] = 1
		p.Mandatory = true
		p.Cost.OneTime = 9e307
		p.Benefit = hclspec.Benefit{PerYear: 9e307, Years: 1}
	}
	plan, diags := Evaluate(context.Background(), cfg, Options{})
	if plan != nil {
		t.Fatalf("Evaluate returned a plan with totals %+v", plan.Totals)
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.Summary+" @ "+d.Subject.String())
		if !strings.Contains(d.Detail, "1.8e308") {
			t.Errorf("detail does not say what the limit is: %s", d.Detail)
		}
	}
	// Each project's own figures are finite; the totals overflow.
	want := []string{
		"Money figure out of range @ main.hcl:1,3-20",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// TestHugeFiniteFiguresAreKept: a figure near the largest float (a cost
// of 1.7e308, a team of 1e308 FTE) is finite and stays so in the plan.
// Rounding to cents or to six decimals used to scale it past the largest
// float first, so the plan failed with "Money figure out of range" for a
// sum it never made.
func TestHugeFiniteFiguresAreKept(t *testing.T) {
	cfg := newConfig(hclspec.Year, "2027", 4)
	addGoal(cfg, "g", 1)
	addTeam(cfg, "platform", 1e308, 0)
	p := addProject(cfg, newProject("a", 1))
	p.Goals["g"] = 1
	p.Mandatory = true
	p.Cost.OneTime = 1.7e308
	p.Effort["platform"] = 1
	plan, diags := Evaluate(context.Background(), cfg, Options{})
	if diags.HasErrors() || plan == nil {
		t.Fatalf("diagnostics: %v", diags)
	}
	got := []float64{plan.Projects[0].Cost, plan.Teams[0].Capacity, plan.Periods[0].Teams["platform"].Capacity}
	if diff := cmp.Diff([]float64{1.7e308, 1e308, 1e308}, got); diff != "" {
		t.Errorf("cost, team capacity, period capacity (-want +got):\n%s", diff)
	}
	for _, x := range []float64{1.7e308, -1.7e308, 1e303, 5e306} {
		if r := money(x); r != x {
			t.Errorf("money(%g) = %g", x, r)
		}
		if r := ratio(x); r != x {
			t.Errorf("ratio(%g) = %g", x, r)
		}
	}
}

// TestWalkFloatsFindsEveryNonFinite checks the walker over a plan with
// NaN and infinities in nested slices, maps and pointers.
func TestWalkFloatsFindsEveryNonFinite(t *testing.T) {
	inf := math.Inf(1)
	p := &Plan{
		Projects: []ProjectPlan{{ID: "x", IRR: &inf, CashFlows: []float64{1, math.NaN()}}},
		Periods:  []PeriodPlan{{Teams: map[string]TeamLoad{"b": {Used: math.Inf(-1)}, "a": {Capacity: 1}}}},
		Totals:   Totals{NPV: 2},
	}
	var got []string
	walkFloats(reflectValue(p), "", func(path string, _ float64) { got = append(got, path) })
	want := []string{"projects[0].irr", "projects[0].cash_flows[1]", `periods[0].teams["b"].used`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
}

func reflectValue(p *Plan) reflect.Value { return reflect.ValueOf(p).Elem() }

// BenchmarkCheckPlanFinite measures the check on the plan of 10,000
// projects, to compare with BenchmarkEvaluate at the same size.
func BenchmarkCheckPlanFinite(b *testing.B) {
	cfg := largeConfig(10000, 100, 80)
	plan, diags := Evaluate(context.Background(), cfg, Options{})
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	e, _ := newEvaluation(cfg)
	for b.Loop() {
		if d := e.checkPlanFinite(plan); len(d) != 0 {
			b.Fatal(d)
		}
	}
}

func TestWalkFloatsPaths(t *testing.T) {
	type leaf struct {
		V     float64 `json:"v"`
		Label string  `json:"label"`
	}
	type doc struct {
		Items  []leaf               `json:"items"`
		ByName map[string]*leaf     `json:"by_name"`
		Series map[string][]float64 `json:"series,omitempty"`
		Plain  float64
		hidden float64
		Ints   []int                         `json:"ints"`
		Nested map[string]map[string]float64 `json:"nested"`
		Empty  map[string]float64            `json:"empty"`
	}
	inf, nan := math.Inf(1), math.NaN()
	d := doc{
		Items:  []leaf{{V: 1}, {V: inf}},
		ByName: map[string]*leaf{"b": {V: nan}, "a": {V: -inf}, "c": nil},
		Series: map[string][]float64{"x": {0, 1, inf}},
		Plain:  nan,
		hidden: inf,
		Ints:   []int{1, 2},
		Nested: map[string]map[string]float64{"b": {"y": inf, "x": nan, "w": 1}, "a": {"z": 1}, "c": {"v": -inf}},
		Empty:  map[string]float64{},
	}
	var got []string
	walkFloats(reflect.ValueOf(d), "", func(path string, v float64) { got = append(got, path) })
	want := []string{`items[1].v`, `by_name["a"].v`, `by_name["b"].v`, `series["x"][2]`, `Plain`, `nested["b"]["x"]`, `nested["b"]["y"]`, `nested["c"]["v"]`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
}
