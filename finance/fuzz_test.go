package finance

import (
	"encoding/binary"
	"math"
	"testing"
)

// FuzzIRR feeds IRR arbitrary cash flows (each 8 bytes of the input one
// float64). It must never panic or return NaN; and for flows that change
// sign exactly once, which have exactly one rate, it must find it
// (unless 1+r lies beyond float64, e^±709), and the present value must
// change sign across the rate it returns.
func FuzzIRR(f *testing.F) {
	for _, flows := range [][]float64{
		{-1000, 400, 400, 400, 400, 400},
		{-70000, 12000, 15000, 18000, 21000, 26000},
		{-100, 224, -125.43},
		{-80, 90, 67, 72, -90},
		{-1, 0.001},
		{-1, 1e7},
		{1, -1, 1},
		{-1, 2, -1},
		{0, 0, -100, 110, 0},
		{-1e300, 1e300, 1e-300},
	} {
		f.Add(encodeFlows(flows))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		flows := decodeFlows(data)
		r, ok := IRR(flows)
		if !ok {
			if c := normalisedFlows(flows); c != nil && signChanges(c) == 1 {
				g := func(u float64) float64 { return presentValueSign(c, u) }
				if lo, hi := g(-maxLogRate), g(maxLogRate); lo != 0 && hi != 0 && (lo < 0) != (hi < 0) {
					t.Fatalf("IRR(%v) found no rate, but the flows change sign once and the rate is in range", flows)
				}
			}
			return
		}
		if math.IsNaN(r) || math.IsInf(r, 0) || r < -1 {
			t.Fatalf("IRR(%v) = %v", flows, r)
		}
		c := normalisedFlows(flows)
		if signChanges(c) != 1 || r == -1 {
			return
		}
		// Near -100% the float64 r holds few digits of 1+r: widen the
		// window by what rounding r can move ln(1+r).
		u := math.Log1p(r)
		d := 1e-6*math.Max(1, math.Abs(u)) + 4*0x1p-52/(1+r)
		below, at, above := presentValueSign(c, u-d), presentValueSign(c, u), presentValueSign(c, u+d)
		if at != 0 && (below < 0) == (above < 0) && below != 0 && above != 0 {
			t.Fatalf("IRR(%v) = %v, but the present value does not change sign there (%g, %g, %g)", flows, r, below, at, above)
		}
	})
}

// decodeFlows reads up to 64 float64s, NaN and infinities skipped: the
// flows the evaluator and irr() pass are finite.
func decodeFlows(data []byte) []float64 {
	var flows []float64
	for len(data) >= 8 && len(flows) < 64 {
		x := math.Float64frombits(binary.LittleEndian.Uint64(data))
		data = data[8:]
		if !math.IsNaN(x) && !math.IsInf(x, 0) {
			flows = append(flows, x)
		}
	}
	return flows
}

func encodeFlows(flows []float64) []byte {
	var out []byte
	for _, x := range flows {
		out = binary.LittleEndian.AppendUint64(out, math.Float64bits(x))
	}
	return out
}
