package report

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// TestDecodedSizeBoundsTheDecoder: decodedSize's estimate is within a
// small factor of what json.Unmarshal allocates, for a real plan and for
// plans made of what costs the decoder most per byte (empty projects,
// short numbers, many map entries).
func TestDecodedSizeBoundsTheDecoder(t *testing.T) {
	real, err := os.ReadFile("../cmd/roadmap/testdata/plans/it2027.json")
	if err != nil {
		t.Fatal(err)
	}
	const head = `{"format_version":"1","roadmap":{},"periods":[],"totals":{},`
	inputs := map[string]string{
		"it2027":         string(real),
		"empty projects": head + `"projects":[` + strings.Repeat("{},", 20_000) + "{}]}",
		"short numbers":  head + `"projects":[{"id":"p","cash_flows":[` + strings.Repeat("0,", 500_000) + "0]}]}",
		"map entries":    head + `"projects":[{"goals":{` + mapEntries(50_000) + "}}]}",
		"long strings":   head + `"projects":[{"title":"` + strings.Repeat("x", 1<<20) + `"}]}`,
		"unknown fields": head + `"extra":[` + strings.Repeat("[0],", 100_000) + "0]}",
	}
	planType := reflect.TypeFor[evaluate.Plan]()
	for name, in := range inputs {
		data := []byte(in)
		est, over := decodedSize(data, planType, 1<<40)
		if over >= 0 {
			t.Fatalf("%s: over at %d", name, over)
		}
		est += int64(planType.Size())
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		var p evaluate.Plan
		if err := json.Unmarshal(data, &p); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		runtime.ReadMemStats(&after)
		got := int64(after.TotalAlloc - before.TotalAlloc)
		t.Logf("%s: %d bytes of JSON, estimate %d, allocated %d", name, len(data), est, got)
		// The decoder's allocations, garbage included, are the ceiling
		// of what it keeps; unknown fields it skips cost it nothing.
		if name != "unknown fields" && (est < got/3 || est > got*4) {
			t.Errorf("%s: estimate %d for %d bytes allocated", name, est, got)
		}
		runtime.KeepAlive(p)
	}
}

func mapEntries(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"g%d":1`, i)
	}
	return b.String()
}

// TestDecodePlanRefusesPlansTooLargeInMemory: 1.2 MB of empty projects
// would decode to 400,000 projects of 496 bytes each (with the slice's
// growth, more than MaxPlanMemory): refused before decoding, at the line
// and column of the element that went past it. 10,000 of them are read.
func TestDecodePlanRefusesPlansTooLargeInMemory(t *testing.T) {
	const head = "{\n\"format_version\": \"1\", \"roadmap\": {}, \"periods\": [], \"totals\": {},\n\"projects\": ["
	plan := func(n int) []byte {
		return []byte(head + strings.Repeat("{},", n-1) + "{}]}\n")
	}
	_, err := DecodePlan(plan(400_000))
	if err == nil || !strings.Contains(err.Error(), "plan too large at line 3, column ") ||
		!strings.Contains(err.Error(), fmt.Sprintf("more than %d MiB of memory", MaxPlanMemory>>20)) {
		t.Fatalf("err = %v", err)
	}
	// The element that passed the limit: at 3 bytes an element, its
	// column says how many elements fit.
	var line, col, offset int
	if _, err := fmt.Sscanf(err.Error(), "plan too large at line %d, column %d (byte %d)", &line, &col, &offset); err != nil {
		t.Fatal(err)
	}
	size := int64(reflect.TypeFor[evaluate.ProjectPlan]().Size())
	fit := int64(col-len("\"projects\": [")-1) / 3
	if limit := int64(MaxPlanMemory); fit*sliceGrowth*size > limit || (fit+2)*sliceGrowth*size < limit-int64(reflect.TypeFor[evaluate.Plan]().Size()) {
		t.Errorf("refused after %d elements of %d bytes (limit %d)", fit, size, limit)
	}
	if p, err := DecodePlan(plan(10_000)); err != nil || len(p.Projects) != 10_000 {
		t.Errorf("10,000 projects: %v", err)
	}
}
