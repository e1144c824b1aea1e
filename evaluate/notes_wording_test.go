package evaluate

import (
	"testing"
	"time"

	"github.com/roadmap-as-code/roadmap/evaluate/schedule"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// TestSpansTextCountsRuns: the runs of periods past the third are counted
// in words that agree with the count ("1 more run", "2 more runs").
func TestSpansTextCountsRuns(t *testing.T) {
	w := &noteWriter{e: &evaluation{cal: hclspec.NewCalendar(hclspec.Quarter, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))}}
	spans := []schedule.Span{{First: 0, Last: 0}, {First: 2, Last: 2}, {First: 5, Last: 5}, {First: 7, Last: 8}, {First: 10, Last: 10}}
	cases := []struct {
		spans []schedule.Span
		more  int
		want  string
	}{
		{spans[:3], 0, "2027-Q1, 2027-Q3 and 2028-Q2"},
		{spans[:4], 0, "2027-Q1, 2027-Q3, 2028-Q2 and 1 more run of periods"},
		{spans, 0, "2027-Q1, 2027-Q3, 2028-Q2 and 2 more runs of periods"},
		{spans[:3], 1, "2027-Q1, 2027-Q3, 2028-Q2 and 1 more run of periods"},
	}
	for _, c := range cases {
		if got := w.spansText(c.spans, c.more); got != c.want {
			t.Errorf("spansText(%v, %d) = %q, want %q", c.spans, c.more, got, c.want)
		}
	}
}
