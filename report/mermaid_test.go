package report

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

func TestRenderMermaidGolden(t *testing.T) {
	plans := picsPlans(t)
	for _, name := range slices.Sorted(maps.Keys(plans)) {
		p := plans[name]
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := RenderPlan(&buf, p, "mermaid", Options{}); err != nil {
				t.Fatal(err)
			}
			assertPicsGolden(t, name+".gantt.mmd", buf.Bytes())
			checkGanttTasks(t, p, buf.String())
			if got, want := mermaidGantt(p), "```mermaid\n"+buf.String()+"```\n"; got != want {
				t.Errorf("mermaidGantt differs from --format mermaid in fences (-want +got):\n%s", cmp.Diff(want, got))
			}
		})
	}
}

// checkGanttTasks asserts one task line per scheduled project, and none for
// the others.
func checkGanttTasks(t *testing.T, p *evaluate.Plan, src string) {
	t.Helper()
	for _, pr := range p.Projects {
		n := strings.Count(src, ":"+mermaidID("p", pr.ID)+",") + strings.Count(src, ":crit, "+mermaidID("p", pr.ID)+",") +
			strings.Count(src, ":active, "+mermaidID("p", pr.ID)+",")
		want := 0
		if pr.Status == evaluate.StatusScheduled {
			want = 1
		}
		if n != want {
			t.Errorf("project %s (%s) has %d gantt tasks, want %d", pr.ID, pr.Status, n, want)
		}
	}
}

func TestMermaidGanttDates(t *testing.T) {
	tests := []struct {
		period, start string
		begin, end    int
		want          string
	}{
		{"quarter", "2027-Q1", 2, 5, ", 2027-07-01, 2028-04-01\n"},
		{"month", "2027-01", 11, 13, ", 2027-12-01, 2028-02-01\n"},
		{"week", "2027-W01", 0, 2, ", 2027-01-04, 2027-01-18\n"},
		{"year", "2027", 1, 2, ", 2028-01-01, 2029-01-01\n"},
	}
	for _, tt := range tests {
		t.Run(tt.period, func(t *testing.T) {
			b, e := tt.begin, tt.end
			p := &evaluate.Plan{Roadmap: evaluate.RoadmapInfo{Name: "x", Start: tt.start, Period: tt.period, Horizon: 20},
				Projects: []evaluate.ProjectPlan{{ID: "a", Title: "A", Rank: 1, Status: evaluate.StatusScheduled, StartPeriod: &b, EndPeriod: &e}}}
			src, err := ganttSource(p)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(src, "    A :p_a"+tt.want) {
				t.Errorf("gantt lacks the task with dates%q:\n%s", tt.want, src)
			}
		})
	}
}

func TestMermaidGanttBadCalendar(t *testing.T) {
	p := &evaluate.Plan{Roadmap: evaluate.RoadmapInfo{Name: "x", Start: "soon", Period: "quarter"}}
	if err := renderMermaid(&bytes.Buffer{}, p, Options{}); err == nil {
		t.Error("renderMermaid accepted a plan whose start is not a date")
	}
	got := mermaidGantt(p)
	if !strings.HasPrefix(got, "```mermaid\ngantt\n") || !strings.Contains(got, "%% no timeline: plan start:") {
		t.Errorf("mermaidGantt = %q, want a block explaining the missing timeline", got)
	}
}

func TestMermaidText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Plain title", "Plain title"},
		{"Data warehouse: finance", "Data warehouse#58; finance"},
		{"Portal #2", "Portal #35;2"},
		{"ERP; phase 1", "ERP#59; phase 1"},
		{`"quick" <wins> & 100%`, "#quot;quick#quot; #lt;wins#gt; #amp; 100#37;"},
		{"two\nlines\t", "two lines"},
		{"Café ünïcode", "Café ünïcode"},
	}
	for _, tt := range tests {
		if got := mermaidText(tt.in); got != tt.want {
			t.Errorf("mermaidText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMermaidLineText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"section 2 rollout", "#115;ection 2 rollout"},
		{"Click to buy", "#67;lick to buy"},
		{"Title: the sequel", "#84;itle#58; the sequel"},
		{"Sections of text", "#83;ections of text"},
		{"Selection", "Selection"},
		{"CRM", "CRM"},
	}
	for _, tt := range tests {
		if got := mermaidLineText(tt.in); got != tt.want {
			t.Errorf("mermaidLineText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMermaidID(t *testing.T) {
	tests := []struct{ prefix, in, want string }{
		{"p", "crm_migration", "p_crm_migration"},
		{"p", "patch-automation", "p__patch_2d_automation"},
		{"p", "end", "p_end"},
		{"g", "cut.costs", "g__cut_2e_costs"},
		{"p", "core-db", "p__core_2d_db"},
		{"p", "core_db", "p_core_db"},
		{"p", "core__db", "p__core____db"},
		{"p", "_core", "p____core"},
		{"p", "zürich", "p__z_fc_rich"},
		{"p", "zärich", "p__z_e4_rich"},
		{"p", "", "p__"},
	}
	for _, tt := range tests {
		if got := mermaidID(tt.prefix, tt.in); got != tt.want {
			t.Errorf("mermaidID(%q, %q) = %q, want %q", tt.prefix, tt.in, got, tt.want)
		}
	}
}

// TestMermaidIDsNeverCollide: different ids (look-alikes, separators,
// underscores in every position) get different Mermaid ids, and every
// Mermaid id is made of letters, digits and underscores.
func TestMermaidIDsNeverCollide(t *testing.T) {
	ids := []string{"core-db", "core_db", "core__db", "core.db", "core db", "coreDb", "core_2d_db", "_core_2d_db",
		"zürich", "zärich", "zurich", "z_fc_rich", "_z_fc_rich", "a_", "a__", "_a", "__a", "a", "A", "end", "",
		"crm", "сrm", "e\u0301", "é", "_", "__", "___"}
	seen := map[string]string{}
	for _, id := range ids {
		got := mermaidID("p", id)
		if other, ok := seen[got]; ok {
			t.Errorf("%q and %q share the Mermaid id %q", other, id, got)
		}
		seen[got] = id
		for _, r := range got {
			if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
				t.Errorf("Mermaid id %q holds %q", got, r)
			}
		}
	}
}

func FuzzMermaidIDInjective(f *testing.F) {
	f.Add("core-db", "core_db")
	f.Add("zürich", "zärich")
	f.Fuzz(func(t *testing.T, a, b string) {
		if a != b && mermaidID("p", a) == mermaidID("p", b) {
			t.Fatalf("%q and %q share the Mermaid id %q", a, b, mermaidID("p", a))
		}
	})
}

func TestMarkdownPlanEmbedsGantt(t *testing.T) {
	p := loadPicsFixture(t, "portfolio")
	var buf bytes.Buffer
	if err := RenderPlan(&buf, p, "markdown", Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "\n## Timeline\n\n"+mermaidGantt(p)) {
		t.Errorf("the Markdown plan lacks the Timeline section with the gantt block:\n%s", buf.String())
	}
}

// TestUntitledProjectsAreLabelledByID: title is optional in the language,
// and a Mermaid task with an empty name is a syntax error (GitHub would show
// "Unable to render" in the pull-request comment); the HTML Gantt chart
// would show a bar without a label. Both fall back to the project's id.
func TestUntitledProjectsAreLabelledByID(t *testing.T) {
	b, e := 0, 2
	p := &evaluate.Plan{Roadmap: evaluate.RoadmapInfo{Name: "x", Start: "2027-01", Period: "month", Horizon: 6},
		Projects: []evaluate.ProjectPlan{{ID: "p1", Rank: 1, Status: evaluate.StatusScheduled, StartPeriod: &b, EndPeriod: &e,
			Reasons: []string{}, DependsOn: []string{}}}}
	src, err := ganttSource(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(src, "\n    p1 :p_p1, 2027-01-01, 2027-03-01\n") {
		t.Errorf("the gantt task of an untitled project is not named by its id:\n%s", src)
	}
	var buf bytes.Buffer
	if err := RenderPlan(&buf, p, "html", Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `class="label" x=`) || strings.Contains(buf.String(), `text-anchor="end"></text>`) {
		t.Errorf("the HTML Gantt chart has an empty label for an untitled project")
	}
	if !strings.Contains(buf.String(), "<title>p1: 2027-01 to 2027-02, rank 1</title>") {
		t.Errorf("the HTML Gantt bar's tooltip does not name the untitled project by its id")
	}
}

// TestMermaidSaysForcedIn: a project forced in (--force-in) is marked in
// the Gantt's label, as every other format says it (review qa15d D3).
func TestMermaidSaysForcedIn(t *testing.T) {
	p := examplePlan(t)
	var id string
	for k := range p.Projects {
		if p.Projects[k].Status == evaluate.StatusScheduled && !p.Projects[k].Flagship {
			p.Projects[k].Forced = evaluate.ForcedIn
			id = p.Projects[k].ID
			break
		}
	}
	var buf bytes.Buffer
	if err := RenderPlan(&buf, p, "mermaid", Options{}); err != nil {
		t.Fatal(err)
	}
	var line string
	for l := range strings.Lines(buf.String()) {
		if strings.Contains(l, mermaidID("p", id)+",") {
			line = l
		}
	}
	if !strings.Contains(line, "(forced in) :") || strings.Count(buf.String(), "(forced in)") != 1 {
		t.Errorf("%s forced in; its task line is %q", id, line)
	}
}
