package earned

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func p(x float64) *float64 { return &x }

func TestCompute(t *testing.T) {
	tests := []struct {
		name string
		in   Inputs
		want Figures
	}{
		{
			// BAC 180,000, 40% complete: EV 72,000. Spent 120,000:
			// CV -48,000, CPI 0.6, EAC 300,000, VAC -120,000. Planned
			// 90,000 by the status date: SV -18,000, SPI 0.8.
			name: "over cost and behind schedule",
			in:   Inputs{PV: p(90000), EV: p(72000), AC: 120000, BAC: 180000},
			want: Figures{PV: p(90000), EV: p(72000), AC: 120000, BAC: 180000,
				CV: p(-48000), SV: p(-18000), CPI: p(0.6), SPI: p(0.8), EAC: p(300000), VAC: p(-120000),
				Reasons: map[string]string{}},
		},
		{
			// Ahead and under: EV 50,000 for 40,000 spent, 25,000 planned.
			name: "under cost and ahead",
			in:   Inputs{PV: p(25000), EV: p(50000), AC: 40000, BAC: 100000},
			want: Figures{PV: p(25000), EV: p(50000), AC: 40000, BAC: 100000,
				CV: p(10000), SV: p(25000), CPI: p(1.25), SPI: p(2), EAC: p(80000), VAC: p(20000),
				Reasons: map[string]string{}},
		},
		{
			name: "nothing started, nothing planned yet",
			in:   Inputs{PV: p(0), EV: p(0), AC: 0, BAC: 50000},
			want: Figures{PV: p(0), EV: p(0), AC: 0, BAC: 50000, CV: p(0), SV: p(0),
				Reasons: map[string]string{
					CPI: "nothing spent yet (AC = 0): no cost performance to measure",
					SPI: "no work was planned by the status date (PV = 0): no schedule performance to measure",
					EAC: "nothing spent yet (AC = 0): no cost performance to measure",
					VAC: "nothing spent yet (AC = 0): no cost performance to measure",
				}},
		},
		{
			// Planned to have started and has not: SPI 0, no CPI.
			name: "late start",
			in:   Inputs{PV: p(30000), EV: p(0), AC: 0, BAC: 60000},
			want: Figures{PV: p(30000), EV: p(0), AC: 0, BAC: 60000, CV: p(0), SV: p(-30000), SPI: p(0),
				Reasons: map[string]string{
					CPI: "nothing spent yet (AC = 0): no cost performance to measure",
					EAC: "nothing spent yet (AC = 0): no cost performance to measure",
					VAC: "nothing spent yet (AC = 0): no cost performance to measure",
				}},
		},
		{
			name: "spent and earned nothing",
			in:   Inputs{PV: p(30000), EV: p(0), AC: 10000, BAC: 60000},
			want: Figures{PV: p(30000), EV: p(0), AC: 10000, BAC: 60000, CV: p(-10000), SV: p(-30000), CPI: p(0), SPI: p(0),
				Reasons: map[string]string{
					EAC: "nothing earned for the money spent (CPI = 0): no estimate at completion from it",
					VAC: "nothing earned for the money spent (CPI = 0): no estimate at completion from it",
				}},
		},
		{
			name: "no percent complete",
			in:   Inputs{PV: p(30000), AC: 10000, BAC: 60000, Reasons: map[string]string{EV: "no percent_complete"}},
			want: Figures{PV: p(30000), AC: 10000, BAC: 60000,
				Reasons: map[string]string{EV: "no percent_complete", CV: "no percent_complete", SV: "no percent_complete",
					CPI: "no percent_complete", SPI: "no percent_complete", EAC: "no percent_complete", VAC: "no percent_complete"}},
		},
		{
			name: "not in the baseline",
			in:   Inputs{AC: 10000, Reasons: map[string]string{PV: "not in the baseline", EV: "not in the baseline"}},
			want: Figures{AC: 10000,
				Reasons: map[string]string{PV: "not in the baseline", EV: "not in the baseline", CV: "not in the baseline", SV: "not in the baseline",
					CPI: "not in the baseline", SPI: "not in the baseline", EAC: "not in the baseline", VAC: "not in the baseline"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Compute(tt.in)
			if d := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-9)); d != "" {
				t.Errorf("Compute(%+v) (-want +got):\n%s", tt.in, d)
			}
		})
	}
}

func TestForecastPeriods(t *testing.T) {
	tests := []struct {
		planned int
		spi     float64
		want    int
		ok      bool
	}{
		{4, 1, 4, true},
		{4, 0.8, 5, true},   // 4 / 0.8 = 5 exactly
		{4, 0.75, 6, true},  // 5.33 -> 6: a period started is a period taken
		{4, 2, 2, true},     // ahead
		{1, 10, 1, true},    // never under one period
		{4, 0, 0, false},    // nothing earned
		{4, 1e-9, 0, false}, // no finish in sight
		{4, -0.5, 0, false}, // never from a negative index
		{10, 0.999999, 11, true},
	}
	for _, tt := range tests {
		n, reason, ok := ForecastPeriods(tt.planned, tt.spi)
		if n != tt.want || ok != tt.ok || (ok != (reason == "")) {
			t.Errorf("ForecastPeriods(%d, %g) = %d, %q, %v; want %d, ok %v", tt.planned, tt.spi, n, reason, ok, tt.want, tt.ok)
		}
	}
}
