package e2e

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/report"
)

// layoutProblemsJS measures the laid-out page and lists what a reader
// would not see whole: a table cell whose content is wider than the cell,
// a table or chart wider than the page, a scroll box hiding part of a
// table, a chart label cut with an ellipsis or reaching past its column,
// and chart labels that overlap each other.
const layoutProblemsJS = `(() => {
  const out = [];
  const pageW = document.documentElement.clientWidth;
  const where = e => ((e.closest('section') || {}).id || '?') + ' ' + e.tagName.toLowerCase() +
    (e.className && e.className.baseVal === undefined && e.className ? '.' + e.className.split(' ')[0] : '');
  const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  for (const c of document.querySelectorAll('main td, main th')) {
    if (!visible(c)) continue;
    if (c.scrollWidth > c.clientWidth + 1) out.push('cell overflows: ' + where(c) + ' "' + c.textContent.trim().slice(0, 40) + '"');
  }
  for (const e of document.querySelectorAll('main table, main svg.chart')) {
    if (!visible(e)) continue;
    if (e.getBoundingClientRect().right > pageW + 1) out.push('wider than the page: ' + where(e));
  }
  for (const w of document.querySelectorAll('main .wide, main figure')) {
    if (!visible(w)) continue;
    if (w.scrollWidth > w.clientWidth + 1) out.push('scrolls sideways, hiding part: ' + where(w) + ' (' + w.scrollWidth + ' > ' + w.clientWidth + ')');
  }
  for (const svg of document.querySelectorAll('main svg.chart')) {
    if (!visible(svg)) continue;
    const vb = svg.viewBox.baseVal;
    const labels = [...svg.querySelectorAll('text.label, text.bubble-label')];
    for (const t of labels) {
      if (t.textContent.includes('…')) out.push('label cut: ' + t.textContent);
      const b = t.getBBox();
      if (b.x < vb.x - 1 || b.x + b.width > vb.x + vb.width + 1) out.push('label outside its chart: ' + t.textContent);
    }
    // Gantt and heat map labels end before the first period column.
    const firstCol = [...svg.querySelectorAll('line.grid')].map(l => +l.getAttribute('x1')).sort((a, b) => a - b)[0];
    if (svg.classList.contains('gantt') || svg.classList.contains('heatmap')) {
      for (const t of svg.querySelectorAll('text.label')) {
        const b = t.getBBox();
        if (firstCol !== undefined && b.x + b.width > firstCol + 1) out.push('label runs into the chart: ' + t.textContent);
      }
    }
    // A bubble label must not cover another bubble: the closest point of
    // the label's box to the circle's centre lies outside the circle.
    const circles = [...svg.querySelectorAll('circle.bubble')].map(c => ({id: c.dataset.project, x: +c.getAttribute('cx'), y: +c.getAttribute('cy'), r: +c.getAttribute('r')}));
    for (const t of svg.querySelectorAll('text.bubble-label')) {
      const b = t.getBBox();
      for (const c of circles) {
        if (c.id === t.textContent) continue;
        const nx = Math.max(b.x, Math.min(c.x, b.x + b.width)), ny = Math.max(b.y, Math.min(c.y, b.y + b.height));
        if ((nx - c.x) ** 2 + (ny - c.y) ** 2 < (c.r - 0.5) ** 2) out.push('label covers a bubble: ' + t.textContent + ' on ' + c.id);
      }
    }
    const boxes = labels.map(t => ({t: t.textContent, b: t.getBBox()}));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].b, c = boxes[j].b;
      if (a.x < c.x + c.width - 0.5 && c.x < a.x + a.width - 0.5 && a.y < c.y + c.height - 0.5 && c.y < a.y + a.height - 0.5)
        out.push('labels overlap: ' + boxes[i].t + ' / ' + boxes[j].t);
    }
  }
  return out;
})()`

// layoutFixtures are the plans the layout is checked with: the example,
// its optimised plan, a wide monthly plan and a busy portfolio.
func layoutFixtures(t *testing.T) map[string]*evaluate.Plan {
	return map[string]*evaluate.Plan{
		exampleName:    loadPlan(t, exampleName),
		"plans/wide16": loadPlan(t, "plans/wide16"),
		"portfolio":    loadPlan(t, "portfolio"),
		"monthly":      loadPlan(t, "monthly"),
	}
}

// TestHTMLLayoutBoardReady: at 1280, 1440 and 1920 px and printed on A4
// landscape, no table cell overflows, nothing is wider than the page or
// hidden in a sideways scroll, no chart label is cut or runs into the
// chart, and no two chart labels overlap.
func TestHTMLLayoutBoardReady(t *testing.T) {
	b := startBrowser(t)
	for name, p := range layoutFixtures(t) {
		t.Run(name, func(t *testing.T) {
			ctx := testContext(t)
			var buf bytes.Buffer
			if err := report.RenderPlan(&buf, p, "html", report.Options{}); err != nil {
				t.Fatal(err)
			}
			path := writeOut(t, "layout-"+strings.ReplaceAll(name, "/", "-")+".html", buf.Bytes())
			page, err := b.NewPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if err := page.Navigate(ctx, "file://"+path); err != nil {
				t.Fatal(err)
			}
			for _, width := range []int{1280, 1440, 1920} {
				for _, p := range layoutAt(t, ctx, page, "screen", width) {
					t.Errorf("%d px: %s", width, p)
				}
			}
			for _, p := range layoutAt(t, ctx, page, "print", a4LandscapeWidth) {
				t.Errorf("print (A4 landscape): %s", p)
			}
		})
	}
}

func layoutAt(t *testing.T, ctx context.Context, page *Page, media string, width int) []string {
	t.Helper()
	if err := page.Call(ctx, "Emulation.setEmulatedMedia", map[string]any{"media": media}, nil); err != nil {
		t.Fatal(err)
	}
	if err := page.Call(ctx, "Emulation.setDeviceMetricsOverride", map[string]any{
		"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": false,
	}, nil); err != nil {
		t.Fatal(err)
	}
	var problems []string
	if err := page.Evaluate(ctx, layoutProblemsJS, &problems); err != nil {
		t.Fatal(err)
	}
	if len(problems) > 12 {
		problems = append(problems[:12], fmt.Sprintf("… and %d more", len(problems)-12))
	}
	return problems
}
