package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
	"github.com/roadmap-as-code/roadmap/report"
)

// exampleName is the example roadmap the README walks through.
const exampleName = "it-department"

// fixtures are the example, the hand-built plans of the pictures' goldens
// (report/testdata/pics) and two of the other renderers' (plans/...).
func fixtures() []string {
	return []string{exampleName, "portfolio", "monthly", "weekly-nothing-scheduled", "installed-base", "plans/wide16", "plans/empty"}
}

// outDir is where screenshots, PDFs and the rendered pages are kept for a
// person to look at; the repository ignores it.
const outDir = "../testout/browser"

// mermaidJS is the npm mermaid package's browser bundle, installed by
// scripts/ci-deps.sh (npm ci in this directory).
const mermaidJS = "node_modules/mermaid/dist/mermaid.min.js"

// unavailable skips the test, or fails it in CI (CI set), where
// scripts/ci-deps.sh must have installed what it needs.
func unavailable(t *testing.T, what string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s; CI must install it: run scripts/ci-deps.sh before the tests", what)
	}
	t.Skipf("skipping browser test: %s (scripts/ci-deps.sh installs it)", what)
}

// chromium finds the browser: $ROADMAP_CHROMIUM, else chromium on PATH.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("ROADMAP_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	unavailable(t, "no headless browser: chromium is not installed")
	return ""
}

func startBrowser(t *testing.T) *Browser {
	t.Helper()
	path := chromium(t)
	b, err := Launch(path, t.TempDir())
	if err != nil {
		t.Fatalf("start %s: %v", path, err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// loadPlan reads a fixture, or loads and evaluates examples/it-department.
func loadPlan(t *testing.T, name string) *evaluate.Plan {
	t.Helper()
	if name == exampleName {
		loader := hclspec.NewLoader()
		cfg, diags := loader.LoadDir(filepath.Join("..", "examples", exampleName), hclspec.LoadOptions{})
		if diags.HasErrors() {
			t.Fatalf("load: %s", diags.Error())
		}
		p, diags := evaluate.Evaluate(context.Background(), cfg, evaluate.Options{})
		if diags.HasErrors() {
			t.Fatalf("evaluate: %s", diags.Error())
		}
		return p
	}
	if rest, ok := strings.CutPrefix(name, "plans/"); ok {
		f, err := os.Open(filepath.Join("..", "report", "testdata", "plans", rest+".json"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		p, err := report.ReadPlan(f)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return p
	}
	data, err := os.ReadFile(filepath.Join("..", "report", "testdata", "pics", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var p evaluate.Plan
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &p
}

func writeOut(t *testing.T, name string, data []byte) string {
	t.Helper()
	dir, err := filepath.Abs(outDir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func scheduledIDs(p *evaluate.Plan) []string {
	ids := []string{}
	for _, pr := range p.Projects {
		if pr.Status == evaluate.StatusScheduled {
			ids = append(ids, pr.ID)
		}
	}
	sort.Strings(ids)
	return ids
}

// hasTeams reports whether the plan has a team to draw a heat map of.
func hasTeams(p *evaluate.Plan) bool {
	if len(p.Teams) > 0 {
		return true
	}
	for _, per := range p.Periods {
		if len(per.Teams) > 0 {
			return true
		}
	}
	return false
}

// pageFacts is what the HTML report test reads from the live DOM.
type pageFacts struct {
	Title   string   `json:"title"`
	BarIDs  []string `json:"barIDs"`
	MinBarW float64  `json:"minBarWidth"`
	Charts  []struct {
		Class  string  `json:"class"`
		Width  float64 `json:"width"`
		Height float64 `json:"height"`
		Label  string  `json:"label"`
	} `json:"charts"`
	Scripts int `json:"scripts"`
}

const pageFactsJS = `(() => {
  const bars = [...document.querySelectorAll('svg.gantt rect.gantt-bar')];
  return {
    title: document.title,
    barIDs: bars.map(b => b.dataset.project).sort(),
    minBarWidth: bars.length ? Math.min(...bars.map(b => b.getBoundingClientRect().width)) : 0,
    charts: [...document.querySelectorAll('svg.chart')].map(s => {
      const r = s.getBoundingClientRect();
      const ids = (s.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);
      return {class: s.getAttribute('class'), width: r.width, height: r.height,
              label: ids.map(id => (document.getElementById(id) || {}).textContent || '').join(' ')};
    }),
    scripts: document.scripts.length,
  };
})()`

func TestHTMLReportInBrowser(t *testing.T) {
	b := startBrowser(t)
	for _, name := range fixtures() {
		t.Run(name, func(t *testing.T) {
			ctx := testContext(t)
			p := loadPlan(t, name)
			var buf bytes.Buffer
			if err := report.RenderPlan(&buf, p, "html", report.Options{}); err != nil {
				t.Fatal(err)
			}
			file := strings.ReplaceAll(name, "/", "-")
			path := writeOut(t, file+".html", buf.Bytes())
			page, err := b.NewPage(ctx)
			if err != nil {
				t.Fatalf("%v\nbrowser stderr:\n%s", err, b.Stderr())
			}
			url := "file://" + path
			if err := page.Navigate(ctx, url); err != nil {
				t.Fatal(err)
			}
			var facts pageFacts
			if err := page.Evaluate(ctx, pageFactsJS, &facts); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(scheduledIDs(p), facts.BarIDs); diff != "" {
				t.Errorf("Gantt bars differ from the scheduled projects (-want +got):\n%s", diff)
			}
			if len(facts.BarIDs) > 0 && facts.MinBarW < 4 {
				t.Errorf("narrowest Gantt bar is %.1f px wide; bars must be visible", facts.MinBarW)
			}
			if !strings.Contains(facts.Title, p.Roadmap.Name) {
				t.Errorf("document title %q lacks the roadmap name %q", facts.Title, p.Roadmap.Name)
			}
			if facts.Scripts != 0 {
				t.Errorf("page has %d scripts, want none", facts.Scripts)
			}
			wantCharts := 0
			if len(scheduledIDs(p)) > 0 {
				wantCharts++ // Gantt
			}
			if hasTeams(p) {
				wantCharts++ // heat map
			}
			if len(p.Projects) > 0 {
				wantCharts++ // cost-benefit
			}
			if len(facts.Charts) != wantCharts {
				t.Errorf("page shows %d charts, want %d", len(facts.Charts), wantCharts)
			}
			for _, c := range facts.Charts {
				if c.Width < 100 || c.Height < 50 {
					t.Errorf("chart %q is drawn %.0fx%.0f px", c.Class, c.Width, c.Height)
				}
				if len(c.Label) < 20 {
					t.Errorf("chart %q has accessible name %q", c.Class, c.Label)
				}
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
			writeOut(t, file+".png", shot)
			assertNotBlank(t, shot)

			pdf, err := page.PrintPDF(ctx)
			if err != nil {
				t.Fatal(err)
			}
			writeOut(t, file+".pdf", pdf)
			if pages := pdfPages(pdf); pages < 1 {
				t.Errorf("printing gave %d bytes that are not a PDF with pages", len(pdf))
			}
			if cut := cutInPrint(t, ctx, page); len(cut) > 0 {
				t.Errorf("printed on A4 landscape, these are wider than the page and get cut: %v", cut)
			}
		})
	}
}

// a4LandscapeWidth is the printable width of A4 landscape with the report's
// 12 mm margins, in CSS pixels (273 mm at 96 px per inch).
const a4LandscapeWidth = 1031

// cutInPrint lays the page out with its print style sheet at the width of
// a printed page and names the tables and charts wider than that page,
// which print would cut at its edge.
func cutInPrint(t *testing.T, ctx context.Context, page *Page) []string {
	t.Helper()
	if err := page.Call(ctx, "Emulation.setEmulatedMedia", map[string]any{"media": "print"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := page.Call(ctx, "Emulation.setDeviceMetricsOverride", map[string]any{
		"width": a4LandscapeWidth, "height": 800, "deviceScaleFactor": 1, "mobile": false,
	}, nil); err != nil {
		t.Fatal(err)
	}
	var cut []string
	js := `[...document.querySelectorAll('main table, main svg.chart')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .map(e => (e.closest('section') || {}).id + ' ' + e.tagName.toLowerCase())`
	if err := page.Evaluate(ctx, js, &cut); err != nil {
		t.Fatal(err)
	}
	return cut
}

// pdfPages is the page count of a PDF's page tree (its largest /Count), or
// 0 when data is not a PDF.
func pdfPages(data []byte) int {
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return 0
	}
	n := 0
	for _, m := range regexp.MustCompile(`/Count (\d+)`).FindAllSubmatch(data, -1) {
		if c, err := strconv.Atoi(string(m[1])); err == nil && c > n {
			n = c
		}
	}
	return n
}

// assertNotBlank decodes a screenshot and checks it shows something.
func assertNotBlank(t *testing.T, data []byte) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	if why := blankness(img); why != "" {
		t.Error(why)
	}
}

// blankness says why an image looks blank, or "" when it shows something:
// a page of charts and tables has many colours, a fair share of non-white
// pixels and a real size.
func blankness(img image.Image) string {
	colours, ink, total := countColours(img)
	if b := img.Bounds(); b.Dx() < 800 || b.Dy() < 400 {
		return fmt.Sprintf("screenshot is only %dx%d", b.Dx(), b.Dy())
	}
	if colours < 16 {
		return fmt.Sprintf("screenshot has %d distinct colours; it looks blank", colours)
	}
	if share := float64(ink) / float64(total); share < 0.02 {
		return fmt.Sprintf("only %.2f%% of the screenshot is not white; it looks blank", share*100)
	}
	return ""
}

func countColours(img image.Image) (distinct, nonWhite, total int) {
	seen := map[uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			r, g, bl = r>>8, g>>8, bl>>8
			seen[r<<16|g<<8|bl] = true
			if r < 245 || g < 245 || bl < 245 {
				nonWhite++
			}
			total++
		}
	}
	return len(seen), nonWhite, total
}

// mermaidResult is what mermaid.render gave back.
type mermaidResult struct {
	OK      bool     `json:"ok"`
	Error   string   `json:"error"`
	SVG     int      `json:"svgLength"`
	Tasks   []string `json:"tasks"`
	Nodes   []string `json:"nodes"`
	Text    string   `json:"text"`
	Invalid bool     `json:"invalid"`
}

// renderMermaidJS renders source with the real Mermaid library in the page
// and reports what it drew.
func renderMermaidJS(id, source string) string {
	src, _ := json.Marshal(source)
	return fmt.Sprintf(`(async () => {
  try {
    const {svg} = await mermaid.render(%q, %s);
    const box = document.createElement('div');
    box.innerHTML = svg;
    document.body.appendChild(box);
    const root = box.querySelector('svg');
    const res = {
      ok: root !== null,
      svgLength: svg.length,
      tasks: [...box.querySelectorAll('rect.task')].map(r => r.id.replace(%q + '-', '')).sort(),
      nodes: [...box.querySelectorAll('g.node')].map(n => n.id),
      text: box.textContent,
      invalid: /Syntax error|Parse error/i.test(box.textContent),
    };
    box.remove();
    return res;
  } catch (e) {
    return {ok: false, error: String((e && e.message) || e)};
  }
})()`, id, src, id)
}

func mermaidPage(t *testing.T, b *Browser, ctx context.Context) *Page {
	t.Helper()
	js, err := filepath.Abs(mermaidJS)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(js); err != nil {
		unavailable(t, "the mermaid npm package is not installed in e2e/node_modules")
	}
	host := writeOut(t, "mermaid-host.html", []byte(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>mermaid</title>`+
		`<script src="file://`+js+`"></script></head><body></body></html>`))
	page, err := b.NewPage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := page.Navigate(ctx, "file://"+host); err != nil {
		t.Fatal(err)
	}
	if err := page.Evaluate(ctx, `mermaid.initialize({startOnLoad: false, securityLevel: 'strict'})`, nil); err != nil {
		t.Fatalf("mermaid did not load from %s: %v", js, err)
	}
	if pkg, err := os.ReadFile(filepath.Join(filepath.Dir(js), "..", "package.json")); err == nil {
		var v struct{ Version string }
		if json.Unmarshal(pkg, &v) == nil {
			t.Logf("mermaid %s", v.Version)
		}
	}
	return page
}

func TestMermaidRendersInBrowser(t *testing.T) {
	b := startBrowser(t)
	ctx := testContext(t)
	page := mermaidPage(t, b, ctx)
	n := 0
	render := func(t *testing.T, source string) mermaidResult {
		t.Helper()
		n++
		mark := len(page.Events())
		var res mermaidResult
		if err := page.Evaluate(ctx, renderMermaidJS(fmt.Sprintf("diagram%d", n), source), &res); err != nil {
			t.Fatal(err)
		}
		if !res.OK || res.Invalid || res.SVG == 0 {
			t.Fatalf("mermaid could not render it: %s\n%s", res.Error, source)
		}
		for _, pr := range page.ProblemsSince(mark) {
			t.Errorf("while rendering: %s: %s", pr.Kind, pr.Text)
		}
		return res
	}
	for _, name := range fixtures() {
		p := loadPlan(t, name)
		t.Run(name+"/gantt", func(t *testing.T) {
			var buf bytes.Buffer
			if err := report.RenderPlan(&buf, p, "mermaid", report.Options{}); err != nil {
				t.Fatal(err)
			}
			writeOut(t, strings.ReplaceAll(name, "/", "-")+".gantt.mmd", buf.Bytes())
			res := render(t, buf.String())
			var want []string
			for _, id := range scheduledIDs(p) {
				want = append(want, report.MermaidID("p", id))
			}
			sort.Strings(want)
			var got []string
			for _, id := range res.Tasks {
				if strings.HasPrefix(id, "p_") {
					got = append(got, id)
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("gantt tasks differ from the scheduled projects (-want +got):\n%s", diff)
			}
			// Titles come back exactly as written, so the escaping of ':', '#', ';' and the like round-trips.
			for _, pr := range p.Projects {
				if pr.Status == evaluate.StatusScheduled && !strings.Contains(res.Text, pr.Title) {
					t.Errorf("rendered gantt lacks the title %q", pr.Title)
				}
			}
		})
		for _, goals := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/flowchart-goals=%v", name, goals), func(t *testing.T) {
				var buf bytes.Buffer
				if err := report.RenderGraph(&buf, p, "mermaid", report.GraphOptions{Goals: goals}); err != nil {
					t.Fatal(err)
				}
				res := render(t, buf.String())
				want := graphNodes(p, goals)
				if len(res.Nodes) != want {
					t.Errorf("flowchart has %d nodes, want %d", len(res.Nodes), want)
				}
				for _, pr := range p.Projects {
					if !strings.Contains(res.Text, pr.Title) {
						t.Errorf("rendered flowchart lacks the title %q", pr.Title)
					}
				}
			})
		}
	}
	// A broken diagram must fail, or the checks above could not fail.
	t.Run("syntax error is caught", func(t *testing.T) {
		var res mermaidResult
		if err := page.Evaluate(ctx, renderMermaidJS("broken", "gantt\n    dateFormat YYYY-MM-DD\n    a task : x, y, z: w\n    section\n"), &res); err != nil {
			t.Fatal(err)
		}
		if res.OK && !res.Invalid {
			t.Error("mermaid accepted a broken gantt; the render check cannot tell good from bad")
		}
	})
}

// trickyPlan has titles and ids that Mermaid would read as syntax if they
// were not escaped: keywords at the start of a line, separators, comment
// and entity markers, HTML, quotes, and ids that are Mermaid keywords.
func trickyPlan() *evaluate.Plan {
	titles := []string{
		"section 2 rollout", "click here; then: go", "title #1 %% not a comment", "excludes weekends",
		`Quotes "double" and 'single' <b>bold</b> & more`, "dateFormat YYYY", "end", "", "Ünïcödé — ✓ #35;",
	}
	// "" is a project without a title (it is optional): it must be drawn by its id.
	ids := []string{"section", "click", "title", "excludes", "html", "dateFormat", "end", "untitled", "done"}
	p := &evaluate.Plan{
		FormatVersion: evaluate.FormatVersion,
		Roadmap:       evaluate.RoadmapInfo{Name: "Tricky: names; #1", Currency: "EUR", Start: "2027-01", Period: "month", Horizon: 12},
		Goals:         []evaluate.GoalInfo{{ID: "end", Title: "section: end", Weight: 1}},
	}
	for i, title := range titles {
		s, e := i, i+2
		pr := evaluate.ProjectPlan{ID: ids[i], Title: title, Rank: i + 1, Status: evaluate.StatusScheduled,
			StartPeriod: &s, EndPeriod: &e, Goals: map[string]float64{"end": 0.5}, DependsOn: []string{}, Reasons: []string{}}
		if i > 0 {
			pr.DependsOn = []string{ids[i-1]}
		}
		if i == len(titles)-1 {
			pr.Status, pr.StartPeriod, pr.EndPeriod, pr.Gate = evaluate.StatusDropped, nil, nil, "risk"
		}
		p.Projects = append(p.Projects, pr)
	}
	return p
}

func TestMermaidTrickyNames(t *testing.T) {
	b := startBrowser(t)
	ctx := testContext(t)
	page := mermaidPage(t, b, ctx)
	p := trickyPlan()
	sources := map[string]string{}
	var buf bytes.Buffer
	if err := report.RenderPlan(&buf, p, "mermaid", report.Options{}); err != nil {
		t.Fatal(err)
	}
	sources["gantt"] = buf.String()
	for _, goals := range []bool{false, true} {
		buf.Reset()
		if err := report.RenderGraph(&buf, p, "mermaid", report.GraphOptions{Goals: goals}); err != nil {
			t.Fatal(err)
		}
		sources[fmt.Sprintf("flowchart-goals=%v", goals)] = buf.String()
	}
	for _, kind := range []string{"gantt", "flowchart-goals=false", "flowchart-goals=true"} {
		t.Run(kind, func(t *testing.T) {
			src := sources[kind]
			mark := len(page.Events())
			var res mermaidResult
			if err := page.Evaluate(ctx, renderMermaidJS("tricky"+strings.TrimPrefix(kind, "flowchart-goals="), src), &res); err != nil {
				t.Fatal(err)
			}
			if !res.OK || res.Invalid {
				t.Fatalf("mermaid could not render it: %s\n%s", res.Error, src)
			}
			for _, pr := range page.ProblemsSince(mark) {
				t.Errorf("while rendering: %s: %s", pr.Kind, pr.Text)
			}
			// Mermaid's own sanitiser drops HTML tags from labels, keeping their text.
			for _, pr := range p.Projects {
				if kind == "gantt" && pr.Status != evaluate.StatusScheduled {
					continue
				}
				want := strings.NewReplacer("<b>", "", "</b>", "").Replace(pr.Title)
				if pr.Title == "" {
					want = pr.ID
				}
				if !strings.Contains(res.Text, want) && !strings.Contains(res.Text, pr.Title) {
					t.Errorf("rendered %s lacks the title %q", kind, pr.Title)
				}
			}
			if kind == "gantt" {
				var got []string
				for _, id := range res.Tasks {
					if strings.HasPrefix(id, "p_") {
						got = append(got, id)
					}
				}
				if len(got) != len(p.Projects)-1 {
					t.Errorf("gantt has tasks %v, want one per scheduled project (%d)\n%s", got, len(p.Projects)-1, src)
				}
			}
		})
	}
}
