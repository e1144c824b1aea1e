package diff

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// audit is a system of the technology audit: its end of support, its
// replacement going live, and its gap.
func audit(id, eos string, replacement, goLive *string, gap string, gapPeriods int, runCost float64) evaluate.SystemAudit {
	var e *string
	if eos != "" {
		e = &eos
	}
	return evaluate.SystemAudit{ID: id, Title: id, EndOfSupport: e, Replacement: replacement, GoLive: goLive,
		Gap: gap, GapPeriods: gapPeriods, RunCostPerYear: runCost, Message: id + " " + gap}
}

func TestDiffSystems(t *testing.T) {
	live := ptr("2027-Q4")
	erp := audit("erp", "2027-Q3", ptr("upgrade"), live, evaluate.GapNone, 0, 100)
	tests := []struct {
		name          string
		before, after []evaluate.SystemAudit
		want          []string // id kind fields
		opened        int
		closed        int
		line          string
	}{
		{"end of support moves earlier: a gap opens",
			[]evaluate.SystemAudit{erp},
			[]evaluate.SystemAudit{audit("erp", "2027-Q1", ptr("upgrade"), live, evaluate.GapUnsupported, 2, 100)},
			[]string{"erp changed [end_of_support gap gap_periods]"}, 1, 0,
			"Plan: 0 to schedule, 0 to defer, 0 to reschedule, 0 dropped. 1 system gains a support gap. No project changes; systems changed."},
		{"replacement leaves the plan",
			[]evaluate.SystemAudit{erp},
			[]evaluate.SystemAudit{audit("erp", "2027-Q3", nil, nil, evaluate.GapNoReplacement, 6, 100)},
			[]string{"erp changed [replacement go_live gap gap_periods]"}, 1, 0, ""},
		{"gap closes",
			[]evaluate.SystemAudit{audit("erp", "2027-Q1", ptr("upgrade"), live, evaluate.GapUnsupported, 2, 100)},
			[]evaluate.SystemAudit{erp},
			[]string{"erp changed [end_of_support gap gap_periods]"}, 0, 1,
			"Plan: 0 to schedule, 0 to defer, 0 to reschedule, 0 dropped. 1 system loses its support gap. No project changes; systems changed."},
		{"run cost only",
			[]evaluate.SystemAudit{erp},
			[]evaluate.SystemAudit{audit("erp", "2027-Q3", ptr("upgrade"), live, evaluate.GapNone, 0, 150)},
			[]string{"erp changed [run_cost_per_year]"}, 0, 0,
			"Plan: 0 to schedule, 0 to defer, 0 to reschedule, 0 dropped. No project changes; systems changed."},
		{"added with a gap, removed without",
			[]evaluate.SystemAudit{audit("tape", "", nil, nil, evaluate.GapNone, 0, 5)},
			[]evaluate.SystemAudit{audit("crm", "2026-12-31", nil, nil, evaluate.GapNoReplacement, 8, 5)},
			[]string{"crm added []", "tape removed []"}, 1, 0, ""},
		{"same audit", []evaluate.SystemAudit{erp}, []evaluate.SystemAudit{erp}, nil, 0, 0,
			"No changes. The roadmap plan is up to date."},
		// A plan saved before the technology audit has no systems.
		{"saved before the audit", nil, []evaluate.SystemAudit{erp}, []string{"erp added []"}, 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, a := simple([]string{"x"}), simple([]string{"x"})
			b.Systems, a.Systems = tt.before, tt.after
			d := Diff(b, a)
			var got []string
			for _, c := range d.Systems {
				var fields []string
				for _, ch := range c.Changes {
					fields = append(fields, ch.Field)
				}
				got = append(got, c.ID+" "+c.Kind+" "+fmtList(fields))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("systems (-want +got):\n%s", diff)
			}
			if d.Changed != (len(tt.want) > 0) {
				t.Errorf("changed = %v", d.Changed)
			}
			if d.Summary.Systems != len(tt.want) || d.Summary.GapsOpened != tt.opened || d.Summary.GapsClosed != tt.closed {
				t.Errorf("summary systems %d, opened %d, closed %d; want %d, %d, %d",
					d.Summary.Systems, d.Summary.GapsOpened, d.Summary.GapsClosed, len(tt.want), tt.opened, tt.closed)
			}
			if tt.line != "" && d.SummaryLine() != tt.line {
				t.Errorf("summary line:\n%s\nwant:\n%s", d.SummaryLine(), tt.line)
			}
		})
	}
}

func fmtList(l []string) string {
	s := "["
	for i, x := range l {
		if i > 0 {
			s += " "
		}
		s += x
	}
	return s + "]"
}

func TestDiffChoices(t *testing.T) {
	choice := func(id string, chosen *string, by string) evaluate.ChoiceResult {
		return evaluate.ChoiceResult{ID: id, Title: "T " + id, Options: []string{"build", "buy"}, Chosen: chosen, DecidedBy: by}
	}
	tests := []struct {
		name          string
		before, after []evaluate.ChoiceResult
		want          []ChoiceChange
	}{
		{"another option chosen",
			[]evaluate.ChoiceResult{choice("crm", ptr("buy"), evaluate.DecidedStrategy)},
			[]evaluate.ChoiceResult{choice("crm", ptr("build"), evaluate.DecidedForced)},
			[]ChoiceChange{{ID: "crm", Title: "T crm", Kind: KindChanged, Before: ptr("buy"), After: ptr("build"), DecidedBy: evaluate.DecidedForced}}},
		{"no option runs any more",
			[]evaluate.ChoiceResult{choice("crm", ptr("buy"), evaluate.DecidedStrategy)},
			[]evaluate.ChoiceResult{choice("crm", nil, "")},
			[]ChoiceChange{{ID: "crm", Title: "T crm", Kind: KindChanged, Before: ptr("buy")}}},
		{"added and removed, by id",
			[]evaluate.ChoiceResult{choice("z", ptr("buy"), evaluate.DecidedStrategy)},
			[]evaluate.ChoiceResult{choice("a", ptr("build"), evaluate.DecidedMandatory)},
			[]ChoiceChange{
				{ID: "a", Title: "T a", Kind: KindAdded, After: ptr("build"), DecidedBy: evaluate.DecidedMandatory},
				{ID: "z", Title: "T z", Kind: KindRemoved, Before: ptr("buy")}}},
		// What decided it is not a change of option.
		{"same option, decided otherwise",
			[]evaluate.ChoiceResult{choice("crm", ptr("buy"), evaluate.DecidedStrategy)},
			[]evaluate.ChoiceResult{choice("crm", ptr("buy"), evaluate.DecidedOptimizer)},
			[]ChoiceChange{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, a := simple([]string{"x"}), simple([]string{"x"})
			b.Choices, a.Choices = tt.before, tt.after
			d := Diff(b, a)
			if diff := cmp.Diff(tt.want, d.Choices); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if d.Changed != (len(tt.want) > 0) || d.Summary.Choices != len(tt.want) {
				t.Errorf("changed = %v, summary choices %d", d.Changed, d.Summary.Choices)
			}
		})
	}
}
