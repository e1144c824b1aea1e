// Package earned is the arithmetic of earned value management as
// ANSI/EIA-748 (Earned Value Management Systems) and the PMI Practice
// Standard for Earned Value Management define it:
//
//	PV  planned value: the budgeted cost of the work scheduled to date
//	EV  earned value: the budgeted cost of the work performed to date,
//	    percent complete x BAC
//	AC  actual cost of the work performed to date
//	BAC budget at completion: the baseline's whole budget
//	CV = EV - AC, SV = EV - PV (negative: over cost, behind schedule)
//	CPI = EV / AC, SPI = EV / PV (below 1: over cost, behind schedule)
//	EAC = BAC / CPI (the "CPI method": the remaining work performs as the
//	    work so far), VAC = BAC - EAC
//	forecast duration = planned duration / SPI
//
// A figure that cannot be computed (an index over nothing, a figure of a
// figure not known) is absent, with the reason why; never Inf or NaN.
// The package knows nothing of plans: evaluate maps a baseline and a
// status onto Inputs.
package earned

import (
	"fmt"
	"math"
)

// Names of the figures, as the JSON plan spells them (the keys of
// Figures.Reasons).
const (
	PV          = "pv"
	EV          = "ev"
	CV          = "cv"
	SV          = "sv"
	CPI         = "cpi"
	SPI         = "spi"
	EAC         = "eac"
	VAC         = "vac"
	ForecastEnd = "forecast_end"
)

// Inputs are what the figures are computed from. PV and EV are nil when
// unknown, with the reason in Reasons (the figures derived from them
// give the same reason).
type Inputs struct {
	PV, EV  *float64
	AC, BAC float64
	// Reasons say why PV or EV is unknown, keyed PV or EV.
	Reasons map[string]string
}

// Figures are the earned value figures; a nil one could not be computed
// and Reasons[its name] says why.
type Figures struct {
	PV, EV, CV, SV, CPI, SPI, EAC, VAC *float64
	AC, BAC                            float64
	Reasons                            map[string]string
}

// Compute derives the variances, the indices and the estimate at
// completion from in.
func Compute(in Inputs) Figures {
	f := Figures{PV: in.PV, EV: in.EV, AC: in.AC, BAC: in.BAC, Reasons: map[string]string{}}
	for k, v := range in.Reasons {
		f.Reasons[k] = v
	}
	missing := func(name string, of ...string) bool {
		for _, o := range of {
			if r, ok := f.Reasons[o]; ok {
				f.Reasons[name] = r
				return true
			}
		}
		return false
	}
	if in.EV != nil {
		f.CV = finite(*in.EV - in.AC)
	} else {
		missing(CV, EV)
	}
	if in.EV != nil && in.PV != nil {
		f.SV = finite(*in.EV - *in.PV)
	} else {
		missing(SV, EV, PV)
	}
	switch {
	case missing(CPI, EV):
	case in.AC == 0:
		f.Reasons[CPI] = "nothing spent yet (AC = 0): no cost performance to measure"
	default:
		f.CPI = finite(*in.EV / in.AC)
	}
	switch {
	case missing(SPI, EV, PV):
	case *in.PV == 0:
		f.Reasons[SPI] = "no work was planned by the status date (PV = 0): no schedule performance to measure"
	default:
		f.SPI = finite(*in.EV / *in.PV)
	}
	switch {
	case missing(EAC, CPI):
	case *f.CPI == 0:
		f.Reasons[EAC] = "nothing earned for the money spent (CPI = 0): no estimate at completion from it"
	default:
		f.EAC = finite(in.BAC / *f.CPI)
	}
	if f.EAC != nil {
		f.VAC = finite(in.BAC - *f.EAC)
	} else {
		missing(VAC, EAC)
	}
	return f
}

// ForecastPeriods is the forecast duration of work planned to take
// planned periods, at schedule performance spi: planned / spi, rounded up
// to whole periods (a period started is a period taken). ok is false,
// with the reason, when spi is not positive.
func ForecastPeriods(planned int, spi float64) (n int, reason string, ok bool) {
	if spi <= 0 || math.IsNaN(spi) {
		return 0, "nothing earned (SPI = 0): no finish can be forecast from the schedule performance", false
	}
	x := float64(planned) / spi
	if math.IsInf(x, 0) || x > 1e6 {
		return 0, fmt.Sprintf("SPI %.3g forecasts no finish within a million periods", spi), false
	}
	return max(1, int(math.Ceil(x-1e-9))), "", true
}

// finite is &x, or nil for Inf and NaN (never reached with finite
// inputs and non-zero divisors; kept so no such value reaches a plan).
func finite(x float64) *float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return nil
	}
	return &x
}
