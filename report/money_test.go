package report

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

func TestFormatMoney(t *testing.T) {
	cases := []struct {
		v        float64
		currency string
		want     string
	}{
		{0, "EUR", "EUR 0"},
		{math.Copysign(0, -1), "EUR", "EUR 0"},
		{-0.4, "EUR", "EUR 0"},
		{0.5, "EUR", "EUR 1"},
		{999, "USD", "USD 999"},
		{1000, "USD", "USD 1,000"},
		{1234567, "EUR", "EUR 1,234,567"},
		{1234567.5, "EUR", "EUR 1,234,568"},
		{-25000, "EUR", "EUR -25,000"},
		{-1234567.49, "GBP", "GBP -1,234,567"},
		{100000, "", "100,000"},
		{1e15, "JPY", "JPY 1,000,000,000,000,000"},
		{math.NaN(), "EUR", "EUR —"},
		{math.Inf(1), "EUR", "EUR —"},
	}
	for _, c := range cases {
		if got := formatMoney(c.v, c.currency); got != c.want {
			t.Errorf("formatMoney(%v, %q) = %q, want %q", c.v, c.currency, got, c.want)
		}
	}
}

func TestFormatCompact(t *testing.T) {
	cases := []struct {
		v    float64
		want string
	}{
		{0, "0"},
		{-0.2, "0"},
		{950, "950"},
		{999.4, "999"},
		{999.6, "1k"},
		{1000, "1k"},
		{1234, "1.23k"},
		{12345, "12.3k"},
		{99950, "100k"},
		{123456, "123k"},
		{999999, "1M"},
		{1200000, "1.2M"},
		{-1200000, "-1.2M"},
		{25000000, "25M"},
		{3e9, "3B"},
		{4.5e12, "4.5T"},
		{4.5e15, "4500T"},
	}
	for _, c := range cases {
		if got := formatCompact(c.v); got != c.want {
			t.Errorf("formatCompact(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestFormatPercentRatioQuantity(t *testing.T) {
	irr := 0.28649
	cases := []struct{ got, want string }{
		{formatPercent(0.2865), "28.6%"}, // 28.65 is 28.649999... in binary
		{formatPercent(1.5), "150.0%"},
		{formatPercent(-0.266666), "-26.7%"},
		{formatPercent(-0.00001), "0.0%"},
		{formatPercent(100), "10000.0%"},
		{formatPercent(100.001), ">10,000%"},
		{formatPercent(139854278448116e14), ">10,000%"},
		{formatPercent(-100), "-10000.0%"},
		{formatPercent(-100.001), "<-10,000%"},
		{formatPercentPtr(nil), "—"},
		{formatPercentPtr(&irr), "28.6%"},
		{formatRatio(0.825), "0.82"},
		{formatRatio(-0.001), "0.00"},
		{formatRatio(1), "1.00"},
		{formatQuantity(2), "2"},
		{formatQuantity(2.5), "2.5"},
		{formatQuantity(1.0 / 3), "0.33"},
		{formatQuantity(-0.001), "0"},
		{formatQuantityPtr(nil), "—"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: got %q, want %q", i, c.got, c.want)
		}
	}
}

// Absurd inputs give IRRs and ROIs of many digits: the human formats bound
// them, JSON keeps the number.
func TestRenderPlanBoundsHugePercentages(t *testing.T) {
	p := loadFixture(t, "it2027")
	huge, hugeLoss := 139854278448116e14, -2e6
	var pr *evaluate.ProjectPlan
	for i := range p.Projects {
		if p.Projects[i].Status == "scheduled" {
			pr = &p.Projects[i]
			break
		}
	}
	if pr == nil {
		t.Fatal("the fixture has no scheduled project")
	}
	pr.IRR, pr.ROI = &huge, &hugeLoss
	for _, tt := range []struct {
		format string
		wants  []string
	}{
		{"table", []string{">10,000%", "<-10,000%"}},
		{"markdown", []string{">10,000%", "<-10,000%"}},
		{"html", []string{"&lt;-10,000%"}}, // the page shows ROI, not IRR
	} {
		t.Run(tt.format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := RenderPlan(&buf, p, tt.format, Options{}); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			for _, want := range tt.wants {
				if !strings.Contains(out, want) {
					t.Errorf("%s output lacks %q", tt.format, want)
				}
			}
			if strings.Contains(out, "13985427844811") {
				t.Errorf("%s output prints the huge IRR in full", tt.format)
			}
		})
	}
	var buf bytes.Buffer
	if err := RenderPlan(&buf, p, "json", Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"irr": 1.39854278448116e+28`) {
		t.Errorf("JSON does not keep the IRR as a number:\n%s", buf.String())
	}
}
