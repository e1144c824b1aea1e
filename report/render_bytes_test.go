package report

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRenderPlanBytesMatchesRenderPlan: the bytes RenderPlanBytes returns
// (the JSON and the table without a copy) are what RenderPlan writes, in
// every text format, ids and titles that need escaping included; a nil
// plan is the same error.
func TestRenderPlanBytesMatchesRenderPlan(t *testing.T) {
	for _, name := range fixturePlans {
		p := loadFixture(t, name)
		for i := range p.Projects {
			// The table shows ids, other formats titles too.
			p.Projects[i].ID += "\u202e<&>\x1b[31m"
			p.Projects[i].Title += " \u202e<&>\x1b[31m"
		}
		for _, format := range PlanFormats() {
			if BinaryFormat(format) {
				continue
			}
			o := Options{Color: true, Width: 100}
			var want bytes.Buffer
			if err := RenderPlan(&want, p, format, o); err != nil {
				t.Fatalf("%s %s: %v", name, format, err)
			}
			got, err := RenderPlanBytes(p, format, o)
			if err != nil {
				t.Fatalf("%s %s: %v", name, format, err)
			}
			if diff := cmp.Diff(want.String(), string(got)); diff != "" {
				t.Errorf("%s %s (-RenderPlan +RenderPlanBytes):\n%s", name, format, diff)
			}
		}
	}
	for _, format := range []string{"table", "markdown"} {
		errPlan := RenderPlan(&bytes.Buffer{}, nil, format, Options{})
		_, errBytes := RenderPlanBytes(nil, format, Options{})
		if errPlan == nil || errBytes == nil || errPlan.Error() != errBytes.Error() {
			t.Errorf("%s, nil plan: RenderPlan %v, RenderPlanBytes %v", format, errPlan, errBytes)
		}
	}
}
