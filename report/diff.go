package report

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/evaluate/diff"
	"github.com/roadmap-as-code/roadmap/internal/safetext"
)

// diffRenderers maps a --format name to a plan diff renderer. "table", the
// plan's default, is the human text for a diff.
var diffRenderers = renderers[diff.PlanDiff]{
	"table":    renderDiffText,
	"text":     renderDiffText,
	"markdown": renderDiffMarkdown,
	"json":     renderDiffJSON,
	"csv":      renderDiffCSV,  // one table, --table (default projects)
	"xlsx":     renderDiffXLSX, // every table that changed, and the totals
}

// DiffFormats lists the formats RenderDiff accepts, sorted.
func DiffFormats() []string { return diffRenderers.formats() }

// RenderDiff writes d in the named format.
func RenderDiff(w io.Writer, d *diff.PlanDiff, format string, o Options) error {
	return diffRenderers.render(w, d, format, o, "plan diff", " for a plan diff")
}

func renderDiffText(w io.Writer, d *diff.PlanDiff, o Options) error {
	t := &diffText{color: o.Color, indent: "  "}
	t.write(d)
	_, err := io.WriteString(w, t.b.String())
	return err
}

// ANSI colours of the text diff.
const (
	diffANSIReset  = safetext.Reset
	diffANSIBold   = safetext.Bold
	diffANSIRed    = safetext.Red
	diffANSIGreen  = safetext.Green
	diffANSIYellow = safetext.Yellow
)

// diffText builds the human diff. indent goes before each change symbol;
// the Markdown comment uses none, so GitHub's diff highlighting sees + and -
// in the first column.
type diffText struct {
	b      strings.Builder
	color  bool
	indent string
}

func (t *diffText) paint(s, code string) string {
	if !t.color || s == "" {
		return s
	}
	return code + s + diffANSIReset
}

func (t *diffText) symbol(sym string) string {
	switch sym {
	case "+":
		return t.paint(sym, diffANSIGreen)
	case "-":
		return t.paint(sym, diffANSIRed)
	case "~":
		return t.paint(sym, diffANSIYellow)
	}
	return sym
}

func (t *diffText) line(format string, args ...any) {
	fmt.Fprintf(&t.b, format, args...)
	t.b.WriteByte('\n')
}

// entry writes a change line: indent, symbol, text. Text on several
// lines (a check's message) is indented under the first by four spaces,
// so only roadmap starts a line with a change symbol, and in the comment's
// code block no line of it can close the fence.
func (t *diffText) entry(sym, text string) {
	t.line("%s%s %s", t.indent, t.symbol(sym), continueLines(text, t.indent+"    "))
}

// detail writes a line under an entry.
func (t *diffText) detail(label, value string) {
	t.line("%s      %-18s %s", t.indent, label+":", continueLines(value, t.indent+strings.Repeat(" ", 25)))
}

// continueLines indents every line of s after the first.
func continueLines(s, indent string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\n", "\n"+indent)
}

func (t *diffText) heading(s string) {
	t.line("%s", t.paint(s, diffANSIBold))
}

func (t *diffText) write(d *diff.PlanDiff) {
	if !d.Changed {
		t.line("%s", t.paint(d.SummaryLine(), diffANSIBold))
		return
	}
	t.line("Roadmap %s: %s → %s", diffQuoteName(d.After.Name, d.Before.Name), diffSideName(d.Before), diffSideName(d.After))
	t.line("Symbols: %s entering the schedule or added, %s leaving it or removed, %s changed.",
		t.symbol("+"), t.symbol("-"), t.symbol("~"))

	if len(d.Roadmap) > 0 {
		t.line("")
		t.heading("Roadmap settings:")
		for _, c := range d.Roadmap {
			if text, ok := diffValueScale(d, c); ok {
				t.entry("~", text)
				continue
			}
			t.entry("~", fmt.Sprintf("%s: %s → %s", c.Field, diffPlainValue(c.Before), diffPlainValue(c.After)))
		}
	}

	if len(d.Projects) > 0 {
		t.line("")
		t.heading("Projects:")
		for _, p := range d.Projects {
			t.project(p)
		}
	}
	if d.Summary.Unchanged > 0 || len(d.Projects) == 0 {
		t.line("")
		t.line("%s%s unchanged.", t.indent, diffCountNoun(d.Summary.Unchanged, "project", "projects"))
	}

	t.choices(d)

	order := diffPeriodOrder(d)
	if len(d.Teams) > 0 {
		t.line("")
		t.heading("Team load (FTE used of capacity):")
		cells := make([]diffCell, len(d.Teams))
		for i, c := range d.Teams {
			cells[i] = diffCell{c.Team, c.Period, diffCellSymbol(c.Before != nil, c.After != nil), diffTeamLoad(c.Before, c.After)}
		}
		t.cells(cells, order)
	}
	if len(d.Budgets) > 0 {
		t.line("")
		t.heading("Budget spend:")
		cells := make([]diffCell, len(d.Budgets))
		for i, c := range d.Budgets {
			cells[i] = diffCell{c.Budget, c.Period, diffCellSymbol(c.Before != nil, c.After != nil), diffBudgetSpend(c.Before, c.After)}
		}
		t.cells(cells, order)
	}
	if len(d.Vendors) > 0 {
		t.line("")
		t.heading("Vendor winners:")
		for _, v := range d.Vendors {
			t.entry(diffCellSymbol(v.Kind != diff.KindAdded, v.Kind != diff.KindRemoved), diffVendor(v))
		}
	}
	t.systems(d)
	if len(d.Checks) > 0 {
		t.line("")
		t.heading("Checks:")
		for _, c := range d.Checks {
			sym := "+" // stops failing
			switch c.Kind {
			case diff.CheckStartsFailing:
				sym = "-"
			case diff.CheckFailsMore:
				sym = "~"
			}
			t.entry(sym, diffCheck(c))
		}
	}

	t.runRate(d)

	t.line("")
	t.heading("Totals:")
	for _, row := range diffTotalsRows(d) {
		sym := " "
		if row.changed {
			sym = "~"
		}
		val := row.before
		if row.changed {
			val = row.before + " → " + row.after
		}
		t.line("%s%s %-18s %s", t.indent, t.symbol(sym), row.label, val)
	}
	t.line("")
	t.line("%s", t.paint(d.SummaryLine(), diffANSIBold))
}

// diffCell is one team or budget cell as the text shows it.
type diffCell struct{ id, period, symbol, text string }

// cells writes cells, one line per run of consecutive periods of the same
// id that changed the same way ("2027-Q1..2027-Q3"), in aligned columns.
func (t *diffText) cells(cells []diffCell, order map[string]int) {
	var runs []diffCell
	for i := 0; i < len(cells); {
		j := i + 1
		for j < len(cells) && cells[j].id == cells[i].id && cells[j].text == cells[i].text &&
			cells[j].symbol == cells[i].symbol && diffNextPeriod(order, cells[j-1].period, cells[j].period) {
			j++
		}
		run := cells[i]
		if j-1 > i {
			run.period += ".." + cells[j-1].period
		}
		runs = append(runs, run)
		i = j
	}
	idWidth, periodWidth := 0, 0
	for _, r := range runs {
		idWidth, periodWidth = max(idWidth, len(r.id)), max(periodWidth, len(r.period))
	}
	for _, r := range runs {
		t.entry(r.symbol, fmt.Sprintf("%-*s  %-*s  %s", idWidth, r.id, periodWidth, r.period, r.text))
	}
}

// diffPeriodOrder maps period labels to their index, from the plan after
// the change, or the one before when the new one has no periods.
func diffPeriodOrder(d *diff.PlanDiff) map[string]int {
	order := map[string]int{}
	for _, p := range []*evaluate.Plan{d.AfterPlan, d.BeforePlan} {
		if p == nil || len(p.Periods) == 0 {
			continue
		}
		for _, per := range p.Periods {
			order[per.Label] = per.Index
		}
		break
	}
	return order
}

func diffNextPeriod(order map[string]int, a, b string) bool {
	ia, oka := order[a]
	ib, okb := order[b]
	return oka && okb && ib == ia+1
}

func (t *diffText) project(p diff.ProjectChange) {
	sym := diffProjectSymbol(p)
	title := p.ID
	if p.Title != "" && p.Title != p.ID {
		title += fmt.Sprintf(" %q", p.Title)
	}
	switch p.Kind {
	case diff.KindAdded:
		a := p.After
		t.entry(sym, title+" (added)")
		t.detail("status", diffStatusText(a))
		t.detail("rank", strconv.Itoa(a.Rank))
		if a.Start != nil {
			t.detail("runs", diffPeriodRange(a))
		}
		t.detail("cost", diffMoney(a.Cost))
		t.detail("npv", diffMoney(a.NPV))
		t.detail("risk-adjusted npv", diffMoney(a.RiskAdjustedNPV))
		t.reasons(a)
	case diff.KindRemoved:
		b := p.Before
		was := diffStatusText(b) + ", rank " + strconv.Itoa(b.Rank)
		if b.Start != nil {
			was += ", " + diffPeriodRange(b)
		}
		t.entry(sym, title+" (removed; was "+was+")")
	default:
		t.entry(sym, title)
		for _, c := range p.Changes {
			t.detail(diffFieldLabel(c.Field), diffChangeValue(c))
		}
		for _, n := range p.Notes {
			t.detail("cause", n)
		}
		if p.After.Status != evaluate.StatusScheduled && p.Before.Status != p.After.Status {
			t.reasons(p.After)
		}
	}
}

func (t *diffText) reasons(s *diff.ProjectState) {
	for _, r := range s.Reasons {
		t.detail("why", r)
	}
}

// diffProjectSymbol is + for a project entering the schedule or the sources,
// - for one leaving them, ~ otherwise.
func diffProjectSymbol(p diff.ProjectChange) string {
	switch {
	case p.Kind == diff.KindAdded:
		return "+"
	case p.Kind == diff.KindRemoved:
		return "-"
	case p.After.Status == evaluate.StatusScheduled && p.Before.Status != evaluate.StatusScheduled:
		return "+"
	case p.Before.Status == evaluate.StatusScheduled && p.After.Status != evaluate.StatusScheduled:
		return "-"
	}
	return "~"
}

func diffCellSymbol(before, after bool) string {
	switch {
	case !before:
		return "+"
	case !after:
		return "-"
	}
	return "~"
}

func diffStatusText(s *diff.ProjectState) string {
	if s.Gate != "" && s.Status != evaluate.StatusScheduled {
		return s.Status + " (" + s.Gate + ")"
	}
	return s.Status
}

func diffPeriodRange(s *diff.ProjectState) string {
	if s.Start == nil {
		return "not scheduled"
	}
	if s.End == nil || *s.End == *s.Start {
		return *s.Start
	}
	return *s.Start + ".." + *s.End
}

func diffFieldLabel(f string) string {
	switch f {
	case "risk_adjusted_npv":
		return "risk-adjusted npv"
	case "npv":
		return "npv"
	case "estimate_at_completion":
		return "at completion"
	case "variance_at_completion":
		return "variance"
	case "slip_periods":
		return "slip (periods)"
	}
	return strings.ReplaceAll(f, "_", " ")
}

// diffChangeValue renders "before → after" for a project field.
func diffChangeValue(c diff.Change) string {
	switch c.Field {
	case "cost", "npv", "risk_adjusted_npv", "actual_cost", "estimate_at_completion", "variance_at_completion":
		b, a := c.Before.(float64), c.After.(float64)
		return diffMoneyPair(b, a) + " (" + diffSignedDelta(a-b) + ")"
	case "gate", "vendor":
		return diffOrNone(c.Before) + " → " + diffOrNone(c.After)
	case "cpi", "spi":
		return diffIndex(c.Before) + " → " + diffIndex(c.After)
	case "percent_complete":
		return diffShare(c.Before) + " → " + diffShare(c.After)
	case "reasons":
		return diffListValue(c.Before) + " → " + diffListValue(c.After)
	}
	return diffOrNone(c.Before) + " → " + diffOrNone(c.After)
}

// diffShare renders a share as a percentage, or "(none)".
func diffShare(v any) string {
	if x, ok := v.(float64); ok {
		return formatPercentPtr(&x)
	}
	return "(none)"
}

// diffIndex renders a CPI or SPI of a change: two decimals, or "(none)".
func diffIndex(v any) string {
	if x, ok := v.(float64); ok {
		return formatIndex(x)
	}
	return "(none)"
}

func diffOrNone(v any) string {
	s := diffPlainValue(v)
	if s == "" {
		return "(none)"
	}
	return s
}

// diffPlainValue renders a Change value without quotes.
// diffValueScale words a change of the value scale, which re-scores
// every project: "scores moved: value scale EUR 900,000 → 1,000,000
// (yearly amount of budget "capex")". ok is false for another change.
func diffValueScale(d *diff.PlanDiff, c diff.Change) (string, bool) {
	b, okB := c.Before.(float64)
	a, okA := c.After.(float64)
	if c.Field != diff.FieldValueScale || !okB || !okA {
		return "", false
	}
	text := "scores moved: value scale " + formatMoney(b, d.After.Currency) + " → " + formatAmount(a)
	if p := d.AfterPlan; p != nil && p.Roadmap.Scoring.ValueScaleBasis != "" {
		text += " (" + p.Roadmap.Scoring.ValueScaleBasis + ")"
	}
	return text + "; ranks can move with it", true
}

func diffPlainValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "(none)"
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case float64:
		return diffNumber(x)
	case []string:
		return diffListValue(x)
	}
	return fmt.Sprint(v)
}

func diffListValue(v any) string {
	l, _ := v.([]string)
	if len(l) == 0 {
		return "(none)"
	}
	return strings.Join(l, "; ")
}

func diffTeamLoad(b, a *evaluate.TeamLoad) string {
	switch {
	case b == nil:
		return diffFTEOf(a.Used, a.Capacity)
	case a == nil:
		return diffFTEOf(b.Used, b.Capacity) + " → (none)"
	case diffSameFloat(b.Capacity, a.Capacity):
		return diffNumber(b.Used) + " → " + diffFTEOf(a.Used, a.Capacity)
	}
	return diffFTEOf(b.Used, b.Capacity) + " → " + diffFTEOf(a.Used, a.Capacity)
}

func diffFTEOf(used, capacity float64) string {
	return diffNumber(used) + " of " + diffNumber(capacity)
}

func diffBudgetSpend(b, a *evaluate.BudgetSpend) string {
	switch {
	case b == nil:
		return diffMoney(a.Spent) + " of " + diffMoney(a.Limit)
	case a == nil:
		return diffMoney(b.Spent) + " of " + diffMoney(b.Limit) + " → (none)"
	case diffSameFloat(b.Limit, a.Limit):
		return diffMoneyPair(b.Spent, a.Spent) + " of " + diffMoney(a.Limit)
	}
	return diffMoney(b.Spent) + " of " + diffMoney(b.Limit) + " → " + diffMoney(a.Spent) + " of " + diffMoney(a.Limit)
}

func diffVendor(v diff.VendorChange) string {
	switch v.Kind {
	case diff.KindAdded:
		return v.Evaluation + " (added): winner " + diffWinner(v.After)
	case diff.KindRemoved:
		return v.Evaluation + " (removed; winner was " + diffWinner(v.Before) + ")"
	}
	return v.Evaluation + ": " + diffWinner(v.Before) + " → " + diffWinner(v.After)
}

func diffWinner(w *string) string {
	if w == nil {
		return "(no winner)"
	}
	return *w
}

func diffCheck(c diff.CheckChange) string {
	s := fmt.Sprintf("%s (%s): %s → %s", c.ID, c.Severity, diffPassedWord(c.BeforePassed), diffPassedWord(c.AfterPassed))
	if c.Kind == diff.CheckFailsMore {
		s = fmt.Sprintf("%s (%s): fails more", c.ID, c.Severity)
	}
	if (c.Kind == diff.CheckStartsFailing || c.Kind == diff.CheckFailsMore) && c.Message != "" {
		s += ": " + c.Message
	}
	return s
}

func diffPassedWord(p *bool) string {
	switch {
	case p == nil:
		return "absent"
	case *p:
		return "passing"
	}
	return "failing"
}

// diffTotalsRow is one line of the totals: label and both values.
type diffTotalsRow struct {
	label, before, after string
	changed              bool
}

func diffTotalsRows(d *diff.PlanDiff) []diffTotalsRow {
	t, before, after := d.Totals, d.BeforePlan, d.AfterPlan
	b, a := t.Before, t.After
	changed := map[string]bool{}
	for _, c := range t.Changes {
		changed[c.Field] = true
	}
	row := func(field, label, bv, av string) diffTotalsRow {
		return diffTotalsRow{label: label, before: bv, after: av, changed: changed[field]}
	}
	rows := []diffTotalsRow{
		row("scheduled", "scheduled", strconv.Itoa(b.Scheduled), strconv.Itoa(a.Scheduled)),
		row("deferred", "deferred", strconv.Itoa(b.Deferred), strconv.Itoa(a.Deferred)),
		row("dropped", "dropped", strconv.Itoa(b.Dropped), strconv.Itoa(a.Dropped)),
	}
	for _, m := range []struct {
		field, label string
		b, a         float64
	}{
		{"cost", "cost", b.Cost, a.Cost},
		{"benefit", "benefit", b.Benefit, a.Benefit},
		{"npv", "npv", b.NPV, a.NPV},
		{"risk_adjusted_npv", "risk-adjusted npv", b.RiskAdjustedNPV, a.RiskAdjustedNPV},
		{"scheduled_npv", "scheduled npv", b.ScheduledNPV, a.ScheduledNPV},
	} {
		bv, av := diffMoney(m.b), diffMoney(m.a)
		if changed[m.field] && bv == av {
			bv, av = diffMoneyCents(m.b), diffMoneyCents(m.a)
		}
		rows = append(rows, row(m.field, m.label, bv, av))
	}
	rows = append(rows,
		row("finish_period", "finish", diffFinish(before, b.FinishPeriod), diffFinish(after, a.FinishPeriod)),
		row("peak_parallel", "peak parallel", strconv.Itoa(b.PeakParallel), strconv.Itoa(a.PeakParallel)),
	)
	if before.EarnedValue != nil || after.EarnedValue != nil {
		// Earned value against a baseline (plan --baseline).
		index := func(p *evaluate.Plan, cpi bool) string {
			if p == nil || p.EarnedValue == nil {
				return "(none)"
			}
			x := p.EarnedValue.SPI
			if cpi {
				x = p.EarnedValue.CPI
			}
			if x == nil {
				return "(none)"
			}
			return formatIndex(*x)
		}
		rows = append(rows,
			row("cpi", "CPI", index(before, true), index(after, true)),
			row("spi", "SPI", index(before, false), index(after, false)))
	}
	return rows
}

// diffFinish names the last period of a plan finishing at end (exclusive)
// by its label when the plan has it.
func diffFinish(p *evaluate.Plan, end int) string {
	if end <= 0 {
		return "(none)"
	}
	if p != nil {
		for _, per := range p.Periods {
			if per.Index == end-1 {
				return per.Label
			}
		}
	}
	return "period " + strconv.Itoa(end-1)
}

// diffMoney formats whole currency units with thousands separators. The
// currency code is left out, to keep columns narrow.
func diffMoney(v float64) string { return diffGroupThousands(math.Round(v), 0) }

// diffMoneyPair renders "before → after", with cents when whole units would
// hide the difference.
func diffMoneyPair(b, a float64) string {
	bs, as := diffMoney(b), diffMoney(a)
	if bs == as && !diffSameFloat(a, b) {
		bs, as = diffMoneyCents(b), diffMoneyCents(a)
	}
	return bs + " → " + as
}

func diffMoneyCents(v float64) string { return diffGroupThousands(v, 2) }

func diffSignedDelta(v float64) string {
	s := diffMoney(math.Abs(v))
	if s == "0" {
		s = diffMoneyCents(math.Abs(v))
	}
	if v < 0 {
		return "-" + s
	}
	return "+" + s
}

// diffGroupThousands formats v with the given decimals and commas between
// thousands: 1234567.5 -> "1,234,567.50".
func diffGroupThousands(v float64, decimals int) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String() + frac
	if v < 0 && strings.Trim(out, "0.,") != "" {
		out = "-" + out
	}
	return out
}

// diffNumber prints up to two decimals, trimming zeros: 4, 2.5, 0.33.
func diffNumber(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

func diffSameFloat(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

func diffCountNoun(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func diffQuoteName(after, before string) string {
	if after == "" {
		after = before
	}
	return strconv.Quote(after)
}

func diffSideName(s diff.Side) string {
	if s.Source == "" {
		return "(unnamed plan)"
	}
	return s.Source
}
