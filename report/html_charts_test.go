package report

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// relativeLuminance is WCAG 2's luminance of a "#rrggbb" colour.
func relativeLuminance(t *testing.T, hex string) float64 {
	t.Helper()
	v, err := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	if err != nil || len(hex) != 7 {
		t.Fatalf("bad colour %q", hex)
	}
	channel := func(c uint64) float64 {
		s := float64(c) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*channel(v>>16&0xff) + 0.7152*channel(v>>8&0xff) + 0.0722*channel(v&0xff)
}

func contrast(t *testing.T, a, b string) float64 {
	la, lb := relativeLuminance(t, a), relativeLuminance(t, b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Graphics need 3:1 against the white page (WCAG 1.4.11), text 4.5:1 (1.4.3).
func TestChartColoursContrast(t *testing.T) {
	for i := range 8 {
		c := paletteColour(i)
		if r := contrast(t, c, "#ffffff"); r < 3 {
			t.Errorf("goal colour %d %s has contrast %.2f against white, want >= 3", i, c, r)
		}
	}
	if r := contrast(t, noGoalColour, "#ffffff"); r < 3 {
		t.Errorf("no-goal colour has contrast %.2f", r)
	}
	text := []struct{ fg, bg, what string }{
		{"#111827", "#ffffff", "body text"},
		{"#4b5563", "#ffffff", "muted text"},
		{"#1d4ed8", "#ffffff", "links"},
		{"#14532d", "#dcfce7", "scheduled badge"},
		{"#78350f", "#fef3c7", "deferred badge"},
		{"#7f1d1d", "#fee2e2", "dropped badge"},
		{"#312e81", "#e0e7ff", "mandatory badge"},
		{"#111827", "#f59e0b", "near-full heat cell"},
		{"#111827", "#93c5fd", "half-used heat cell"},
		{"#ffffff", "#b91c1c", "over-capacity heat cell"},
		{"#92400e", "#ffffff", "risk appetite label"},
	}
	for _, c := range text {
		if r := contrast(t, c.fg, c.bg); r < 4.5 {
			t.Errorf("%s: %s on %s has contrast %.2f, want >= 4.5", c.what, c.fg, c.bg, r)
		}
		inSheet := func(c string) bool {
			return c == "#ffffff" || strings.Contains(strings.ToLower(htmlTemplate), strings.ToLower(c))
		}
		if !inSheet(c.fg) || !inSheet(c.bg) {
			t.Errorf("%s: colours %s/%s are not in the style sheet any more; update this test", c.what, c.fg, c.bg)
		}
	}
}

// Period labels along a chart's top must not run into each other, however
// many periods there are.
func TestPeriodLabelsDoNotOverlap(t *testing.T) {
	for _, tt := range []struct {
		period, start string
		horizon       int
	}{
		{"quarter", "2027-Q1", 8},
		{"month", "2027-01", 36},
		{"week", "2027-W01", 104},
		{"year", "2027", 3},
	} {
		t.Run(tt.period, func(t *testing.T) {
			p := &evaluate.Plan{Roadmap: evaluate.RoadmapInfo{Name: "x", Start: tt.start, Period: tt.period, Horizon: tt.horizon}}
			cal, err := planCalendar(p)
			if err != nil {
				t.Fatal(err)
			}
			g := buildGantt(p, cal)
			if len(g.Headers) < 2 {
				t.Fatalf("only %d period labels", len(g.Headers))
			}
			for i := 1; i < len(g.Headers); i++ {
				a, _ := strconv.ParseFloat(g.Headers[i-1].X, 64)
				b, _ := strconv.ParseFloat(g.Headers[i].X, 64)
				width := float64(len(g.Headers[i].Text)) * 6.5 // 11px labels
				if b-a < width {
					t.Errorf("labels %s and %s are %.0f px apart, need %.0f", g.Headers[i-1].Text, g.Headers[i].Text, b-a, width)
				}
			}
		})
	}
}

func TestHeatLevel(t *testing.T) {
	tests := []struct {
		used, capacity float64
		want           string
	}{
		{0, 0, "none"},
		{0, 4, "idle"},
		{1, 4, "low"},
		{2, 4, "mid"},
		{3.4, 4, "full"},
		{4, 4, "full"},
		{5, 4, "over"},
		{1, 0, "over"},
	}
	for _, tt := range tests {
		if got := heatLevel(tt.used, tt.capacity); got != tt.want {
			t.Errorf("heatLevel(%v, %v) = %q, want %q", tt.used, tt.capacity, got, tt.want)
		}
	}
}

func TestBubbleLabelsAvoidEachOther(t *testing.T) {
	// Two bubbles side by side: the first label must not cover the second
	// bubble, and the second label must not cover the first label.
	circles := []labelCircle{{100, 100, 10}, {135, 100, 10}}
	var placed []labelBox
	a, okA := placeBubbleLabel(&placed, circles, circles[0], "first_project")
	b, okB := placeBubbleLabel(&placed, circles, circles[1], "second_project")
	if !okA || !okB {
		t.Fatalf("labels not placed: %v %v", okA, okB)
	}
	if a.X == b.X && a.Y == b.Y {
		t.Errorf("two labels at the same spot %s,%s", a.X, a.Y)
	}
	if placed[0].overlaps(placed[1]) {
		t.Errorf("labels overlap: %+v %+v", placed[0], placed[1])
	}
	for i, box := range placed {
		if circles[1-i].covers(box) {
			t.Errorf("label %d %+v covers the other bubble", i, box)
		}
	}
	if a.Anchor == "start" {
		t.Errorf("first label went right, onto the second bubble")
	}
}

// TestBubbleLabelLeftOutWhenNoRoom: a label with no free spot is left
// out, never drawn over another bubble.
func TestBubbleLabelLeftOutWhenNoRoom(t *testing.T) {
	// A small bubble inside a ring of large ones fills every spot.
	own := labelCircle{380, 210, 4}
	circles := []labelCircle{own}
	for _, d := range [][2]float64{{-1, 0}, {1, 0}, {0, -1}, {0, 1}, {-1, -1}, {1, 1}, {-1, 1}, {1, -1}} {
		circles = append(circles, labelCircle{380 + d[0]*60, 210 + d[1]*40, 45})
	}
	var placed []labelBox
	if l, ok := placeBubbleLabel(&placed, circles, own, "crowded_project_with_a_long_id"); ok {
		t.Errorf("label placed at %s,%s over other bubbles", l.X, l.Y)
	}
	if len(placed) != 0 {
		t.Errorf("placed %v", placed)
	}
}
