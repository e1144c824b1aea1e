package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/hclspec"
)

// renderMermaid writes the Mermaid source of the plan's Gantt chart, without
// Markdown fences, ready for a .mmd file or mermaid-cli. The Markdown plan
// and diff embed the same chart fenced (mermaidGantt).
func renderMermaid(w io.Writer, p *evaluate.Plan, o Options) error {
	src, err := ganttSource(p)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, src)
	return err
}

// mermaidGantt is the plan's scheduled projects as a fenced ```mermaid
// gantt block, so GitHub draws a timeline inside Markdown. A plan whose
// calendar cannot be rebuilt gets a block that says so instead of a chart.
func mermaidGantt(p *evaluate.Plan) string {
	src, err := ganttSource(p)
	if err != nil {
		src = "gantt\n    title " + mermaidText(p.Roadmap.Name) + "\n    %% no timeline: " + strings.ReplaceAll(err.Error(), "\n", " ") + "\n"
	}
	return "```mermaid\n" + src + "```\n"
}

// timeline adds the Mermaid gantt block to the Markdown plan, so GitHub
// draws the schedule inside a pull-request comment.
func (m *markdownRenderer) timeline() {
	m.heading(2, "Timeline")
	m.buf.WriteString(mermaidGantt(m.p))
}

// ganttSource builds the gantt diagram: one section per goal (the goal a
// project serves most), tasks by start then rank, mandatory projects marked
// crit, and a Deadlines section of milestones.
func ganttSource(p *evaluate.Plan) (string, error) {
	cal, err := planCalendar(p)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	name := p.Roadmap.Name
	if name == "" {
		name = "Roadmap"
	}
	b.WriteString("gantt\n")
	fmt.Fprintf(&b, "    title %s\n", mermaidText(name+" roadmap"))
	b.WriteString("    dateFormat YYYY-MM-DD\n")
	fmt.Fprintf(&b, "    axisFormat %s\n", mermaidAxisFormat(cal.Unit))

	rows := scheduledByStart(p)
	if len(rows) == 0 {
		// Mermaid draws an empty gantt with broken axes; say what happened.
		b.WriteString("    section Nothing scheduled\n")
		fmt.Fprintf(&b, "    No project is scheduled :milestone, m_start, %s, 0d\n", ganttDate(cal, 0))
		return b.String(), nil
	}
	order := goalOrder(p)
	sections := append(append([]string(nil), order...), "")
	for _, goal := range sections {
		var tasks []*evaluate.ProjectPlan
		for _, pr := range rows {
			if primaryGoal(pr, order) == goal {
				tasks = append(tasks, pr)
			}
		}
		if len(tasks) == 0 {
			continue
		}
		title := "No goal"
		if goal != "" {
			title = goalTitle(p, goal)
		}
		fmt.Fprintf(&b, "    section %s\n", mermaidLineText(title))
		for _, pr := range tasks {
			tags, title := "", projectTitle(pr)
			switch {
			case pr.Mandatory:
				tags = "crit, "
			case pr.Flagship:
				tags, title = "active, ", title+" (flagship)"
			}
			if pr.Forced == evaluate.ForcedIn {
				title += " (forced in)"
			}
			fmt.Fprintf(&b, "    %s :%s%s, %s, %s\n", mermaidLineText(title), tags, mermaidID("p", pr.ID),
				ganttDate(cal, *pr.StartPeriod), ganttDate(cal, *pr.EndPeriod))
		}
	}
	var deadlines []string
	for _, pr := range rows {
		if pr.Deadline == nil {
			continue
		}
		last, err := cal.LastPeriod(*pr.Deadline)
		if err != nil {
			continue // a deadline the calendar cannot place is listed in the tables, not drawn
		}
		deadlines = append(deadlines, fmt.Sprintf("    %s :milestone, %s, %s, 0d\n",
			mermaidText("Deadline of "+pr.ID+" ("+*pr.Deadline+")"), mermaidID("d", pr.ID), ganttDate(cal, last+1)))
	}
	if len(deadlines) > 0 {
		b.WriteString("    section Deadlines\n")
		for _, d := range deadlines {
			b.WriteString(d)
		}
	}
	return b.String(), nil
}

func ganttDate(cal hclspec.Calendar, period int) string {
	return cal.PeriodDate(period).Format("2006-01-02")
}

func mermaidAxisFormat(u hclspec.PeriodUnit) string {
	switch u {
	case hclspec.Week:
		return "%d %b"
	case hclspec.Year:
		return "%Y"
	}
	return "%Y-%m"
}

// mermaidText makes user text safe inside a Mermaid statement: characters
// that end a task (':'), start a comment ('#', '%%'), separate statements
// (';') or would be read as HTML become Mermaid entity codes, which Mermaid
// decodes back when it draws.
func mermaidText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case ':':
			b.WriteString("#58;")
		case '#':
			b.WriteString("#35;")
		case ';':
			b.WriteString("#59;")
		case '%':
			b.WriteString("#37;")
		case '<':
			b.WriteString("#lt;")
		case '>':
			b.WriteString("#gt;")
		case '"':
			b.WriteString("#quot;")
		case '&':
			b.WriteString("#amp;")
		case '`':
			b.WriteString("#96;")
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// mermaidLineText is mermaidText for text that starts a gantt line (a task
// or section name): a leading gantt keyword ("section", "click", "title",
// ...) gets its first letter as an entity code, so Mermaid reads the line
// as a task and still draws the word.
func mermaidLineText(s string) string {
	t := mermaidText(s)
	lower := strings.ToLower(t)
	for _, kw := range []string{"accdescr", "acctitle", "axisformat", "click", "dateformat", "excludes", "includes",
		"inclusiveenddates", "section", "tickinterval", "title", "todaymarker", "topaxis", "weekday", "weekend"} {
		if strings.HasPrefix(lower, kw) {
			r := []rune(t)
			return fmt.Sprintf("#%d;", r[0]) + string(r[1:])
		}
	}
	return t
}

// mermaidID is a Mermaid id for an object: its kind as a prefix (so no id
// is a keyword such as "end" or "crit") and its id, encoded so that two
// different ids never share a Mermaid id (Mermaid would merge them into
// one node). An id of letters and digits joined by single underscores is
// kept as it is ("p_crm_migration"); any other is written after an extra
// underscore with '_' doubled and every other character as _<hex>_, so
// "core-db" is p__core_2d_db, "core_db" stays p_core_db, "zürich" is
// p__z_fc_rich and "zärich" p__z_e4_rich.
func mermaidID(prefix, id string) string {
	if plainMermaidID(id) {
		return prefix + "_" + id
	}
	var b strings.Builder
	b.WriteString(prefix)
	b.WriteString("__")
	for i := 0; i < len(id); {
		r, size := utf8.DecodeRuneInString(id[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, "_z%02x_", id[i]) // not UTF-8 (a saved plan): z is not a hex digit
		case r == '_':
			b.WriteString("__")
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "_%x_", r)
		}
		i += size
	}
	return b.String()
}

// MermaidID is the Mermaid node or task id the mermaid renderers give the
// object id of the given kind ("p" for a project, "g" for a goal).
func MermaidID(kind, id string) string { return mermaidID(kind, id) }

// plainMermaidID reports whether id is ASCII letters and digits, joined
// by single underscores: the ids mermaidID keeps as they are.
func plainMermaidID(id string) bool {
	if id == "" || id[0] == '_' || id[len(id)-1] == '_' || strings.Contains(id, "__") {
		return false
	}
	for i := range len(id) {
		c := id[i]
		if c != '_' && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// mermaidFlowchart is the dependency graph as a Mermaid flowchart (no
// fences): arrows run from a project to the projects that depend on it;
// a choice (a diamond) has a dotted line to each option and a thick
// arrow to the one chosen; together groups are thick lines; a replaced
// system (a cylinder) has a cross-ended line from each replacing project;
// with goals, dotted arrows run from projects to the goals they serve,
// labelled with the contribution.
func mermaidFlowchart(p *evaluate.Plan, o GraphOptions) string {
	g := buildGraph(p, o)
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	for _, n := range g.nodes {
		label := mermaidText(n.title)
		for _, l := range n.details {
			label += "<br/>" + mermaidText(l)
		}
		id := mermaidID(n.kind, n.id)
		switch n.kind {
		case "g":
			fmt.Fprintf(&b, "    %s{{\"%s\"}}\n", id, label)
		case "c":
			fmt.Fprintf(&b, "    %s{\"%s\"}\n", id, label)
		case "s":
			fmt.Fprintf(&b, "    %s[(\"%s\")]\n", id, label)
		default:
			fmt.Fprintf(&b, "    %s[\"%s\"]\n", id, label)
		}
	}
	for _, e := range g.edges {
		switch {
		case e.toGoal:
			fmt.Fprintf(&b, "    %s -.->|%s| %s\n", mermaidID("p", e.from), e.label, mermaidID("g", e.to))
		case e.kind == edgeOption:
			fmt.Fprintf(&b, "    %s -.-|option| %s\n", mermaidID("c", e.from), mermaidID("p", e.to))
		case e.kind == edgeChosen:
			fmt.Fprintf(&b, "    %s ==>|chosen| %s\n", mermaidID("c", e.from), mermaidID("p", e.to))
		case e.kind == edgeTogether:
			fmt.Fprintf(&b, "    %s ===|together| %s\n", mermaidID("p", e.from), mermaidID("p", e.to))
		case e.kind == edgeReplaces:
			fmt.Fprintf(&b, "    %s --x|replaces| %s\n", mermaidID("p", e.from), mermaidID("s", e.to))
		default:
			fmt.Fprintf(&b, "    %s --> %s\n", mermaidID("p", e.from), mermaidID("p", e.to))
		}
	}
	b.WriteString("    classDef scheduled fill:#dbeafe,stroke:#1d4ed8,color:#111827\n")
	b.WriteString("    classDef deferred fill:#fef3c7,stroke:#b45309,stroke-dasharray:5 3,color:#78350f\n")
	b.WriteString("    classDef dropped fill:#fee2e2,stroke:#b91c1c,stroke-dasharray:2 3,color:#7f1d1d\n")
	b.WriteString("    classDef goal fill:#f3f4f6,stroke:#4b5563,color:#111827\n")
	// Choices and systems only when the graph has them.
	if slices.ContainsFunc(g.nodes, func(n graphNode) bool { return n.class == "choice" }) {
		b.WriteString("    classDef choice fill:#ede9fe,stroke:#6d28d9,color:#111827\n")
	}
	if slices.ContainsFunc(g.nodes, func(n graphNode) bool { return n.class == "system" }) {
		b.WriteString("    classDef system fill:#f3f4f6,stroke:#6b7280,color:#111827\n")
	}
	for _, class := range []string{evaluate.StatusScheduled, evaluate.StatusDeferred, evaluate.StatusDropped, "goal", "choice", "system"} {
		var ids []string
		for _, n := range g.nodes {
			if n.class == class {
				ids = append(ids, mermaidID(n.kind, n.id))
			}
		}
		if len(ids) > 0 {
			fmt.Fprintf(&b, "    class %s %s\n", strings.Join(ids, ","), class)
		}
	}
	return b.String()
}
