package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate/simulate"
)

// simulationRenderers maps a simulate --format name to its renderer.
var simulationRenderers = renderers[simulate.Result]{
	"table":    renderSimulationTable,
	"json":     renderSimulationJSON,
	"markdown": renderSimulationMarkdown,
	"html":     renderSimulationHTML,
	"csv":      renderSimulationCSV,
	"xlsx":     renderSimulationXLSX,
}

// SimulationFormats lists the formats RenderSimulation accepts, sorted.
func SimulationFormats() []string { return simulationRenderers.formats() }

// RenderSimulation writes r in the named format.
func RenderSimulation(w io.Writer, r *simulate.Result, format string, o Options) error {
	return simulationRenderers.render(w, r, format, o, "simulation", "")
}

func renderSimulationJSON(w io.Writer, r *simulate.Result, _ Options) error {
	data, err := MarshalSimulation(r)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// MarshalSimulation returns the JSON form of r as `simulate --format json`
// prints it and `simulate --out` saves it: two-space indent, a trailing
// newline, [] rather than null for empty lists.
func MarshalSimulation(r *simulate.Result) ([]byte, error) {
	if r == nil {
		return nil, errors.New("no simulation to write")
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return nil, fmt.Errorf("encoding the simulation as JSON: %w", err)
	}
	compact := bytes.TrimSuffix(buf.Bytes(), []byte{'\n'})
	out := indentJSON(make([]byte, 0, len(compact)*2), compact, "  ")
	return escapeJSONText(append(out, '\n')), nil
}

// The text renderers share these helpers.

// simLabel is a percentile's period label, or a dash when the project is
// not scheduled in that share of the runs.
func simLabel(s *string) string {
	if s == nil {
		return none
	}
	return *s
}

// chance formats a share of runs as a percentage: "92.3%", and "0%" and
// "100%" exactly.
func chance(x float64) string {
	switch {
	case x <= 0:
		return "0%"
	case x >= 1:
		return "100%"
	}
	s := formatPercent(x)
	// A share just short of one or above zero must not read as certain or
	// impossible.
	if s == "100.0%" {
		return ">99.9%"
	}
	if s == "0.0%" {
		return "<0.1%"
	}
	return s
}

// planWhen is the plan's dates of a project: "2027-Q1..2027-Q3", or its
// status when it is not scheduled.
func planWhen(p simulate.PlanFigures) string {
	if p.Start == nil || p.End == nil {
		return p.Status
	}
	if *p.Start == *p.End {
		return *p.Start
	}
	return *p.Start + ".." + *p.End
}

// estimateName is "project.attribute".
func estimateName(e simulate.EstimateResult) string { return e.Project + "." + e.Attribute }

// rangeText is the range as written, bounds in the attribute's unit
// (periods for a duration).
func rangeText(e simulate.EstimateResult) string {
	f := func(x float64) string {
		if math.Abs(x) >= 1000 {
			return formatAmount(x)
		}
		return formatQuantity(x)
	}
	if e.Distribution == "uniform" {
		return fmt.Sprintf("uniform(%s, %s)", f(e.Low), f(e.High))
	}
	return fmt.Sprintf("%s(%s, %s, %s)", e.Distribution, f(e.Low), f(e.Likely), f(e.High))
}

// drivers are the estimates that drive a figure most, strongest first
// (ties by name), leaving out those that never moved it.
func drivers(r *simulate.Result, corr func(simulate.EstimateResult) float64, limit int) []simulate.EstimateResult {
	var out []simulate.EstimateResult
	for _, e := range r.Estimates {
		if corr(e) != 0 {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := math.Abs(corr(out[i])), math.Abs(corr(out[j]))
		if a != b {
			return a > b
		}
		return estimateName(out[i]) < estimateName(out[j])
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// signed formats a correlation: "+0.62", "-0.08".
func signed(x float64) string {
	if x >= 0 {
		return fmt.Sprintf("+%.2f", x)
	}
	return fmt.Sprintf("%.2f", x)
}

// bar is a text bar of |x| (0..1) in width cells.
func bar(x float64, width int) string {
	n := int(math.Round(math.Abs(x) * float64(width)))
	return strings.Repeat("█", n)
}

// simSummary are the headline facts of a simulation, as label and value.
func simSummary(r *simulate.Result) [][2]string {
	s := r.Simulation
	cur := r.Roadmap.Currency
	pf := r.Portfolio
	rows := [][2]string{
		{"Runs", fmt.Sprintf("%s (seed %d), each estimate sampled independently, every run re-planned in rank order",
			formatAmount(float64(s.Runs)), s.Seed)},
		{"Estimates", fmt.Sprintf("%d ranged; the plan uses each one's %s", s.RangedEstimates, estimateWord(s.Estimate))},
		{"Finish", fmt.Sprintf("P10 %s, P50 %s, P80 %s, P90 %s (plan %s)",
			simLabel(pf.P10Finish), simLabel(pf.P50Finish), simLabel(pf.P80Finish), simLabel(pf.P90Finish), simLabel(pf.Plan.Finish))},
		{"NPV", fmt.Sprintf("P10 %s, P50 %s, P90 %s (plan %s)",
			formatMoney(pf.NPV.P10, cur), formatMoney(pf.NPV.P50, cur), formatMoney(pf.NPV.P90, cur), formatMoney(pf.Plan.NPV, cur))},
		{"Risk-adj.", fmt.Sprintf("P10 %s, P50 %s, P90 %s (plan %s)",
			formatMoney(pf.RiskAdjustedNPV.P10, cur), formatMoney(pf.RiskAdjustedNPV.P50, cur), formatMoney(pf.RiskAdjustedNPV.P90, cur), formatMoney(pf.Plan.RiskAdjustedNPV, cur))},
		{"Scheduled", fmt.Sprintf("%s projects on average, P10 %s, P90 %s (plan %d)",
			formatQuantity(pf.Scheduled.Mean), formatQuantity(pf.Scheduled.P10), formatQuantity(pf.Scheduled.P90), pf.Plan.Scheduled)},
	}
	if f := forcedText(s.ForceIn, s.ForceOut); f != "" {
		rows = append(rows, [2]string{"Forced", f})
	}
	if c := checkSummary(r); c != "" {
		rows = append(rows, [2]string{"Checks", c})
	}
	return rows
}

// forcedText says which projects the run forced in and out: "in
// buy_crm; out build_crm"; "" when none.
func forcedText(in, out []string) string {
	var parts []string
	if len(in) > 0 {
		parts = append(parts, "in "+strings.Join(in, ", "))
	}
	if len(out) > 0 {
		parts = append(parts, "out "+strings.Join(out, ", "))
	}
	return strings.Join(parts, "; ")
}

// forcedOf is "in" or "out" when the project is forced in or out, else "".
func forcedOf(id string, in, out []string) string {
	switch {
	case slices.Contains(in, id):
		return "in"
	case slices.Contains(out, id):
		return "out"
	}
	return ""
}

func estimateWord(point string) string {
	switch point {
	case "mean":
		return "mean"
	case "p80":
		return "80th percentile (p80)"
	}
	return "likely value"
}

// checkSummary counts the checks: "4 passed, 1 warning failed".
func checkSummary(r *simulate.Result) string {
	if len(r.Checks) == 0 {
		return ""
	}
	passed, warnings, errs := 0, 0, 0
	for _, c := range r.Checks {
		switch {
		case c.Passed:
			passed++
		case c.Severity == "warning":
			warnings++
		default:
			errs++
		}
	}
	parts := []string{fmt.Sprintf("%d passed", passed)}
	if errs > 0 {
		parts = append(parts, fmt.Sprintf("%d failed", errs))
	}
	if warnings > 0 {
		parts = append(parts, fmt.Sprintf("%d %s", warnings, plural(warnings, "warning", "warnings")))
	}
	return strings.Join(parts, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Explanations shared by the formats.
const (
	simPercentileNote = "P80 is the period by which a project has finished in at least 80% of the runs (the figure the plan will beat four times in five); " +
		"— means it is not scheduled in that share of the runs at all."
	simCommittedNote = "Budgets and teams under the committed plan: every project the plan schedules starts when the plan says (or when its dependencies finish, if they run late) " +
		"and costs and loads what each run samples; nothing is re-planned. An overrun is a window spending above its limit; a team is overloaded when it needs more than its capacity in some period."
	simTornadoNote = "Rank correlation (Spearman) between each estimate's samples and the figure across the runs: +1 moves it up in lock-step, -1 down, 0 not at all."
)
