package e2e

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roadmap-as-code/roadmap/evaluate/simulate"
	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/report"
)

// TestSimulationReportInBrowser: the simulation's HTML page of the ranged
// example loads in a browser without scripts, requests or errors, draws
// its charts at a readable size with accessible names, shows something,
// and prints on A4 landscape without cutting a chart or a table.
func TestSimulationReportInBrowser(t *testing.T) {
	b := startBrowser(t)
	ctx := testContext(t)
	cfg, diags := hclspec.NewLoader().LoadDir(filepath.Join("..", "examples", "it-department-ranges"), hclspec.LoadOptions{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	res, diags := simulate.Simulate(context.Background(), cfg, simulate.Options{Runs: 1000, Seed: 1})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var buf bytes.Buffer
	if err := report.RenderSimulation(&buf, res, "html", report.Options{}); err != nil {
		t.Fatal(err)
	}
	path := writeOut(t, "simulation.html", buf.Bytes())
	page, err := b.NewPage(ctx)
	if err != nil {
		t.Fatalf("%v\nbrowser stderr:\n%s", err, b.Stderr())
	}
	url := "file://" + path
	if err := page.Navigate(ctx, url); err != nil {
		t.Fatal(err)
	}
	var facts struct {
		Title   string `json:"title"`
		Scripts int    `json:"scripts"`
		Charts  []struct {
			ID     string  `json:"id"`
			Label  string  `json:"label"`
			Width  float64 `json:"width"`
			Height float64 `json:"height"`
		} `json:"charts"`
		Ranges int `json:"ranges"`
	}
	js := `(() => ({
  title: document.title,
  scripts: document.scripts.length,
  charts: [...document.querySelectorAll('svg.chart')].map(s => {
    const r = s.getBoundingClientRect();
    return {id: s.id, label: s.getAttribute('aria-label') || '', width: r.width, height: r.height};
  }),
  ranges: document.querySelectorAll('svg#ranges rect.range').length,
}))()`
	if err := page.Evaluate(ctx, js, &facts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(facts.Title, res.Roadmap.Name) || facts.Scripts != 0 {
		t.Errorf("title %q, %d scripts", facts.Title, facts.Scripts)
	}
	// Portfolio curve, histogram, finish ranges, two tornados and a
	// sparkline per project.
	if want := 5 + len(res.Projects); len(facts.Charts) != want {
		t.Errorf("page shows %d charts, want %d", len(facts.Charts), want)
	}
	for _, c := range facts.Charts {
		small := strings.HasPrefix(c.ID, "spark-")
		if (!small && (c.Width < 300 || c.Height < 100)) || (small && (c.Width < 60 || c.Height < 10)) {
			t.Errorf("chart %q is drawn %.0fx%.0f px", c.ID, c.Width, c.Height)
		}
		if len(c.Label) < 10 {
			t.Errorf("chart %q has accessible name %q", c.ID, c.Label)
		}
	}
	withP10 := 0
	for _, p := range res.Projects {
		if p.P10EndPeriod != nil {
			withP10++
		}
	}
	if facts.Ranges != withP10 {
		t.Errorf("%d finish ranges drawn, want one per project with a P10 finish (%d)", facts.Ranges, withP10)
	}
	for _, pr := range page.Problems() {
		t.Errorf("%s: %s", pr.Kind, pr.Text)
	}
	for _, r := range page.Requests() {
		if r != url {
			t.Errorf("page requested %s; a report must not fetch anything", r)
		}
	}
	shot, err := page.Screenshot(ctx, 1400)
	if err != nil {
		t.Fatal(err)
	}
	writeOut(t, "simulation.png", shot)
	assertNotBlank(t, shot)
	if cut := cutInPrint(t, ctx, page); len(cut) > 0 {
		t.Errorf("printed on A4 landscape, these are wider than the page and get cut: %v", cut)
	}
}
