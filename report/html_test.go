package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

func TestRenderHTMLGolden(t *testing.T) {
	plans := picsPlans(t)
	for _, name := range slices.Sorted(maps.Keys(plans)) {
		p := plans[name]
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := RenderPlan(&buf, p, "html", Options{}); err != nil {
				t.Fatal(err)
			}
			assertPicsGolden(t, name+".html", buf.Bytes())
			checkHTMLReport(t, p, buf.Bytes())
		})
	}
}

func TestRenderHTMLIsDeterministic(t *testing.T) {
	p := loadPicsFixture(t, "portfolio")
	var first bytes.Buffer
	if err := renderHTML(&first, p, Options{}); err != nil {
		t.Fatal(err)
	}
	for range 5 {
		var again bytes.Buffer
		if err := renderHTML(&again, p, Options{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), again.Bytes()) {
			t.Fatal("two renders of the same plan differ")
		}
	}
}

func TestRenderHTMLRejectsUnknownPeriod(t *testing.T) {
	p := loadPicsFixture(t, "portfolio")
	p.Roadmap.Period = "fortnight"
	var buf bytes.Buffer
	err := renderHTML(&buf, p, Options{})
	if err == nil || !strings.Contains(err.Error(), `unknown period "fortnight"`) {
		t.Fatalf("err = %v, want an unknown period error", err)
	}
}

// checkHTMLReport parses the page and checks what a reader must find in it:
// every project, team and period, one Gantt bar per scheduled project, an
// accessible name on every chart, and nothing fetched from elsewhere.
func checkHTMLReport(t *testing.T, p *evaluate.Plan, page []byte) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	text := nodeText(doc)
	for _, pr := range p.Projects {
		if !strings.Contains(text, pr.ID) {
			t.Errorf("project %s is not in the page's text", pr.ID)
		}
	}
	for _, tm := range p.Teams {
		if !strings.Contains(text, tm.ID) {
			t.Errorf("team %s is not in the page's text", tm.ID)
		}
	}
	for _, per := range p.Periods {
		if !strings.Contains(text, per.Label) {
			t.Errorf("period %s is not in the page's text", per.Label)
		}
	}

	scheduled := map[string]bool{}
	for _, pr := range p.Projects {
		if pr.Status == evaluate.StatusScheduled {
			scheduled[pr.ID] = true
		}
	}
	bars := map[string]int{}
	var titles []string
	var svgs int
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "title":
			if n.Parent != nil && n.Parent.Data == "head" {
				titles = append(titles, nodeText(n))
			}
		case "script", "link", "iframe", "img", "object", "embed":
			t.Errorf("the page has a <%s> element; it must be self-contained", n.Data)
		case "svg":
			svgs++
			if attr(n, "role") != "img" || attr(n, "aria-labelledby") == "" {
				t.Errorf("<svg class=%q> lacks role=img and aria-labelledby", attr(n, "class"))
			}
			if c := firstElement(n); c == nil || c.Data != "title" || nodeText(c) == "" {
				t.Errorf("<svg class=%q> does not start with a <title>", attr(n, "class"))
			}
		case "rect":
			if hasClass(n, "gantt-bar") {
				bars[attr(n, "data-project")]++
			}
		}
		for _, a := range n.Attr {
			if a.Key == "src" || (a.Key == "href" && !strings.HasPrefix(a.Val, "#")) ||
				strings.Contains(a.Val, "http://") && a.Key != "xmlns" || strings.Contains(a.Val, "https://") {
				t.Errorf("<%s %s=%q> refers outside the page", n.Data, a.Key, a.Val)
			}
		}
	})
	if len(titles) != 1 || titles[0] == "" {
		t.Errorf("page titles = %q, want one non-empty <title>", titles)
	}
	if svgs == 0 && len(p.Projects) > 0 {
		t.Error("the page has no charts")
	}
	for id := range scheduled {
		if bars[id] != 1 {
			t.Errorf("project %s has %d Gantt bars, want 1", id, bars[id])
		}
	}
	for id, n := range bars {
		if !scheduled[id] {
			t.Errorf("project %s is not scheduled but has %d Gantt bars", id, n)
		}
	}
	if bytes.Contains(page, []byte("ZgotmplZ")) {
		t.Error("html/template rejected a value (ZgotmplZ in the page)")
	}
	if bytes.Contains(page, []byte("@import")) || bytes.Contains(page, []byte("url(http")) {
		t.Error("the style sheet fetches something")
	}
}

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	walk(n, func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
	})
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

func firstElement(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

// largePlan repeats the portfolio's projects until there are n, with ids
// made unique (the periods stay the portfolio's).
func largePlan(b *testing.B, n int) *evaluate.Plan {
	b.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "pics", "portfolio.json"))
	if err != nil {
		b.Fatal(err)
	}
	var base evaluate.Plan
	if err := json.Unmarshal(data, &base); err != nil {
		b.Fatal(err)
	}
	p := base
	p.Projects = nil
	for i := 0; len(p.Projects) < n; i++ {
		for _, pr := range base.Projects {
			pr.ID = fmt.Sprintf("%s_%d", pr.ID, i)
			pr.Rank = len(p.Projects) + 1
			deps := make([]string, len(pr.DependsOn))
			for j, d := range pr.DependsOn {
				deps[j] = fmt.Sprintf("%s_%d", d, i)
			}
			pr.DependsOn = deps
			p.Projects = append(p.Projects, pr)
		}
	}
	return &p
}

func BenchmarkRenderHTML(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		p := largePlan(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var size int
			for b.Loop() {
				var buf bytes.Buffer
				if err := renderHTML(&buf, p, Options{}); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(size)/1024, "KiB")
		})
	}
}

func BenchmarkMermaidGantt(b *testing.B) {
	p := largePlan(b, 1000)
	for b.Loop() {
		_ = mermaidGantt(p)
	}
}

// TestHTMLOptimisationInAppendix: the optimiser's details come after the
// checks, in an appendix the navigation links to, not above the timeline.
func TestHTMLOptimisationInAppendix(t *testing.T) {
	p := loadFixture(t, "wide16")
	if p.Optimization == nil {
		t.Fatal("fixture has no optimisation")
	}
	var buf bytes.Buffer
	if err := RenderPlan(&buf, p, "html", Options{}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	timeline, checks, appendix := strings.Index(page, `id="timeline"`), strings.Index(page, `id="checks"`), strings.Index(page, `id="appendix"`)
	table := strings.Index(page, `<table class="optimization">`)
	if appendix < 0 || appendix < checks || table < appendix || table < timeline {
		t.Errorf("optimisation at %d, appendix at %d; timeline %d, checks %d", table, appendix, timeline, checks)
	}
	if !strings.Contains(page, `<a href="#appendix">Appendix</a>`) {
		t.Error("no navigation link to the appendix")
	}
	buf.Reset()
	if err := RenderPlan(&buf, loadFixture(t, "it2027"), "html", Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "appendix") {
		t.Error("a plan without optimisation has an appendix")
	}
}
