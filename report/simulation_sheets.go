package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate/simulate"
)

// simulationSheetBuilders are the tables of a simulation as spreadsheets
// (simulate --format csv --table, and the sheets of --format xlsx).
var simulationSheetBuilders = []struct {
	name  string
	build func(*simulate.Result) sheet
}{
	{"projects", simulationProjectsSheet},
	{"portfolio", simulationPortfolioSheet},
	{"budgets", simulationBudgetsSheet},
	{"teams", simulationTeamsSheet},
	{"estimates", simulationEstimatesSheet},
}

// SimulationTables lists the tables simulate --format csv prints.
func SimulationTables() []string {
	names := make([]string, 0, len(simulationSheetBuilders))
	for _, b := range simulationSheetBuilders {
		names = append(names, b.name)
	}
	return names
}

func renderSimulationCSV(w io.Writer, r *simulate.Result, o Options) error {
	table := o.Table
	if table == "" {
		table = "projects"
	}
	for _, b := range simulationSheetBuilders {
		if b.name == table {
			return writeSheetCSV(w, b.build(r))
		}
	}
	return fmt.Errorf("unknown table %q: use one of %s", table, strings.Join(SimulationTables(), ", "))
}

func renderSimulationXLSX(w io.Writer, r *simulate.Result, _ Options) error {
	var sheets []sheet
	for _, b := range simulationSheetBuilders {
		sheets = append(sheets, b.build(r))
	}
	pf := r.Portfolio
	summary := []summaryRow{
		{"Roadmap", userCell(r.Roadmap.Name), kindText},
		{"Runs", intCell(r.Simulation.Runs), kindInteger},
		{"Seed", intCell(int(r.Simulation.Seed)), kindInteger},
		{"Finish P50", strPtrCell(pf.P50Finish), kindText},
		{"Finish P90", strPtrCell(pf.P90Finish), kindText},
		{"NPV P10", numCell(pf.NPV.P10), kindMoney},
		{"NPV P50", numCell(pf.NPV.P50), kindMoney},
		{"NPV P90", numCell(pf.NPV.P90), kindMoney},
		{"Risk-adjusted NPV P50", numCell(pf.RiskAdjustedNPV.P50), kindMoney},
		{"Plan NPV", numCell(pf.Plan.NPV), kindMoney},
	}
	if forced := forcesText(r.Simulation.ForceIn, r.Simulation.ForceOut); forced != "" {
		summary = append(summary, summaryRow{"Forced", textCell("every run forces " + forced), kindText})
	}
	return writeWorkbook(w, r.Roadmap.Name+" simulation", r.Roadmap.Currency, summary, sheets)
}

func simulationProjectsSheet(r *simulate.Result) sheet {
	s := sheet{name: "projects", title: "Projects", columns: []sheetColumn{
		{"rank", kindInteger}, {"id", kindText}, {"title", kindText}, {"plan_status", kindText},
		{"chance_scheduled", kindRatio}, {"deadline", kindText}, {"chance_meets_deadline", kindRatio},
		{"p10_start", kindText}, {"p50_start", kindText}, {"p80_start", kindText}, {"p90_start", kindText},
		{"p10_end", kindText}, {"p50_end", kindText}, {"p80_end", kindText}, {"p90_end", kindText},
		{"p10_npv", kindMoney}, {"p50_npv", kindMoney}, {"p90_npv", kindMoney}, {"mean_npv", kindMoney},
		{"p10_risk_adjusted_npv", kindMoney}, {"p50_risk_adjusted_npv", kindMoney}, {"p90_risk_adjusted_npv", kindMoney},
		{"forced", kindText},
	}}
	for _, p := range r.Projects {
		s.rows = append(s.rows, []sheetCell{
			intCell(p.Rank), textCell(p.ID), userCell(p.Title), textCell(p.Plan.Status),
			numCell(p.ChanceScheduled), strPtrCell(p.Deadline), numPtrCell(p.ChanceMeetsDeadline),
			strPtrCell(p.P10Start), strPtrCell(p.P50Start), strPtrCell(p.P80Start), strPtrCell(p.P90Start),
			strPtrCell(p.P10End), strPtrCell(p.P50End), strPtrCell(p.P80End), strPtrCell(p.P90End),
			numCell(p.P10NPV), numCell(p.P50NPV), numCell(p.P90NPV), numCell(p.MeanNPV),
			numCell(p.P10RiskAdjustedNPV), numCell(p.P50RiskAdjustedNPV), numCell(p.P90RiskAdjustedNPV),
			textCell(forcedOf(p.ID, r.Simulation.ForceIn, r.Simulation.ForceOut)),
		})
	}
	return s
}

// simulationPortfolioSheet has a row per portfolio figure and its spread.
func simulationPortfolioSheet(r *simulate.Result) sheet {
	s := sheet{name: "portfolio", title: "Portfolio", columns: []sheetColumn{
		{"figure", kindText}, {"plan", kindMoney}, {"p10", kindMoney}, {"p50", kindMoney}, {"p80", kindMoney},
		{"p90", kindMoney}, {"mean", kindMoney}, {"std_dev", kindMoney},
	}}
	pf := r.Portfolio
	spread := func(name string, plan float64, sp simulate.Spread) []sheetCell {
		return []sheetCell{textCell(name), numCell(plan), numCell(sp.P10), numCell(sp.P50), numCell(sp.P80), numCell(sp.P90), numCell(sp.Mean), numCell(sp.StdDev)}
	}
	s.rows = append(s.rows,
		spread("npv", pf.Plan.NPV, pf.NPV),
		spread("risk_adjusted_npv", pf.Plan.RiskAdjustedNPV, pf.RiskAdjustedNPV),
		spread("cost", pf.Plan.Cost, pf.Cost),
	)
	return s
}

func simulationBudgetsSheet(r *simulate.Result) sheet {
	s := sheet{name: "budgets", title: "Budgets", columns: []sheetColumn{
		{"budget", kindText}, {"title", kindText}, {"window", kindText}, {"limit", kindMoney},
		{"plan_spent", kindMoney}, {"p50_spent", kindMoney}, {"p90_spent", kindMoney}, {"chance_overrun", kindRatio},
	}}
	for _, b := range r.Budgets {
		for _, wdw := range b.Windows {
			s.rows = append(s.rows, []sheetCell{
				textCell(b.ID), userCell(b.Title), textCell(wdw.Window), numCell(wdw.Limit),
				numCell(wdw.PlanSpent), numCell(wdw.P50Spent), numCell(wdw.P90Spent), numCell(wdw.ChanceOverrun),
			})
		}
	}
	return s
}

func simulationTeamsSheet(r *simulate.Result) sheet {
	s := sheet{name: "teams", title: "Teams", columns: []sheetColumn{
		{"team", kindText}, {"title", kindText}, {"chance_overloaded", kindRatio},
		{"plan_peak_utilization", kindRatio}, {"p50_peak_utilization", kindRatio}, {"p90_peak_utilization", kindRatio},
	}}
	for _, t := range r.Teams {
		s.rows = append(s.rows, []sheetCell{
			textCell(t.ID), userCell(t.Title), numCell(t.ChanceOverloaded),
			numCell(t.PlanPeakUtilization), numCell(t.P50PeakUtilization), numCell(t.P90PeakUtilization),
		})
	}
	return s
}

func simulationEstimatesSheet(r *simulate.Result) sheet {
	s := sheet{name: "estimates", title: "Estimates", columns: []sheetColumn{
		{"project", kindText}, {"attribute", kindText}, {"distribution", kindText},
		{"low", kindNumber}, {"likely", kindNumber}, {"high", kindNumber}, {"mean", kindNumber}, {"plan_value", kindNumber},
		{"finish_correlation", kindScore}, {"npv_correlation", kindScore},
	}}
	for _, e := range r.Estimates {
		s.rows = append(s.rows, []sheetCell{
			textCell(e.Project), textCell(e.Attribute), textCell(e.Distribution),
			numCell(e.Low), numCell(e.Likely), numCell(e.High), numCell(e.Mean), numCell(e.PlanValue),
			numCell(e.FinishCorrelation), numCell(e.NPVCorrelation),
		})
	}
	return s
}
