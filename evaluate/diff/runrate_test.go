package diff

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// runRate is a plan's run rate: the full-year figures and, per budget
// year, what it adds and retires.
func runRate(added, retired float64, years ...evaluate.RunRateYear) evaluate.RunRate {
	for i := range years {
		years[i].Net = years[i].Added - years[i].Retired
	}
	return evaluate.RunRate{AddedPerYear: added, RetiredPerYear: retired, NetPerYear: added - retired, Years: years}
}

func year(label string, added, retired float64) evaluate.RunRateYear {
	return evaluate.RunRateYear{Year: label, Added: added, Retired: retired}
}

func TestDiffRunRate(t *testing.T) {
	base := runRate(40000, 120000, year("2027", 10000, 30000), year("2028", 40000, 120000))
	tests := []struct {
		name          string
		before, after evaluate.RunRate
		fields        []string // the full-year figures that changed
		years         []RunRateYearChange
		line          string
	}{
		{"same run rate", base, base, nil, []RunRateYearChange{}, "No changes. The roadmap plan is up to date."},
		// A project's run cost rises: every year it is live pays more.
		{"run cost rises",
			base,
			runRate(52000, 120000, year("2027", 13000, 30000), year("2028", 52000, 120000)),
			[]string{"added_per_year", "net_per_year"},
			[]RunRateYearChange{
				{"2027", &RunRateYear{10000, 30000, -20000}, &RunRateYear{13000, 30000, -17000}},
				{"2028", &RunRateYear{40000, 120000, -80000}, &RunRateYear{52000, 120000, -68000}},
			},
			"Plan: 0 to schedule, 0 to defer, 0 to reschedule, 0 dropped. No project changes; run rate changed."},
		// The replacement goes live a year later: the full-year figures
		// stay, the first year no longer saves anything.
		{"go-live moves a year: years only",
			base,
			runRate(40000, 120000, year("2027", 0, 0), year("2028", 40000, 120000)),
			nil,
			[]RunRateYearChange{{"2027", &RunRateYear{10000, 30000, -20000}, &RunRateYear{0, 0, 0}}},
			"Plan: 0 to schedule, 0 to defer, 0 to reschedule, 0 dropped. No project changes; run rate changed."},
		// A longer horizon adds a year; an idle year on one side only is
		// no change.
		{"horizon grows",
			runRate(40000, 0, year("2027", 0, 0), year("2028", 40000, 0)),
			runRate(40000, 0, year("2027", 0, 0), year("2028", 40000, 0), year("2029", 40000, 0), year("2030", 0, 0)),
			nil,
			[]RunRateYearChange{{"2029", nil, &RunRateYear{40000, 0, 40000}}},
			""},
		{"horizon shrinks",
			runRate(40000, 0, year("2027", 0, 0), year("2028", 40000, 0)),
			runRate(40000, 0, year("2027", 0, 0)),
			nil,
			[]RunRateYearChange{{"2028", &RunRateYear{40000, 0, 40000}, nil}},
			""},
		// Sums taken in another order are not changes.
		{"rounding noise", base, runRate(40000+1e-7, 120000, year("2027", 10000+1e-8, 30000), year("2028", 40000, 120000)),
			nil, []RunRateYearChange{}, ""},
		// A plan saved before the run rate existed has none.
		{"saved before the run rate", evaluate.RunRate{}, base,
			[]string{"added_per_year", "retired_per_year", "net_per_year"},
			[]RunRateYearChange{
				{"2027", nil, &RunRateYear{10000, 30000, -20000}},
				{"2028", nil, &RunRateYear{40000, 120000, -80000}},
			}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, a := simple([]string{"x"}), simple([]string{"x"})
			b.RunRate, a.RunRate = tt.before, tt.after
			d := Diff(b, a)
			var fields []string
			for _, c := range d.RunRate.Changes {
				fields = append(fields, c.Field)
			}
			if diff := cmp.Diff(tt.fields, fields); diff != "" {
				t.Errorf("changes (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.years, d.RunRate.Years); diff != "" {
				t.Errorf("years (-want +got):\n%s", diff)
			}
			want := len(tt.fields)+len(tt.years) > 0
			if d.Changed != want || d.RunRate.Changed() != want {
				t.Errorf("changed = %v, run rate changed = %v, want %v", d.Changed, d.RunRate.Changed(), want)
			}
			if d.RunRate.Before.NetPerYear != tt.before.NetPerYear || d.RunRate.After.NetPerYear != tt.after.NetPerYear {
				t.Errorf("net before %v after %v", d.RunRate.Before, d.RunRate.After)
			}
			if tt.line != "" && d.SummaryLine() != tt.line {
				t.Errorf("summary line:\n%s\nwant:\n%s", d.SummaryLine(), tt.line)
			}
		})
	}
}
