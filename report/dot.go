package report

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// GraphOptions tune the dependency graph.
type GraphOptions struct {
	Goals bool // add goal nodes and project -> goal edges
}

// GraphFormats lists the formats RenderGraph accepts.
func GraphFormats() []string { return []string{"dot", "mermaid"} }

// RenderGraph writes the plan's project dependency graph as Graphviz DOT
// ("dot") or a Mermaid flowchart ("mermaid").
func RenderGraph(w io.Writer, p *evaluate.Plan, format string, o GraphOptions) error {
	p = displayCopy(p) // see display.go
	var src string
	switch format {
	case "dot":
		src = dotGraph(p, o)
	case "mermaid":
		src = mermaidFlowchart(p, o)
	default:
		return fmt.Errorf("unknown graph format %q: use one of %s", format, strings.Join(GraphFormats(), ", "))
	}
	_, err := io.WriteString(w, src)
	return err
}

// graphModel is the dependency graph both formats draw.
type graphModel struct {
	nodes []graphNode
	edges []graphEdge
}

type graphNode struct {
	kind    string // "p" project, "g" goal, "c" choice, "s" system
	id      string
	title   string
	details []string
	class   string // scheduled | deferred | dropped | goal | choice | system
}

type graphEdge struct {
	from, to string
	toGoal   bool
	// kind is "" for depends_on and goal edges, else one of the edge
	// kinds below; label and weight are a goal edge's.
	kind   string
	label  string
	weight float64
}

// Edges between projects other than depends_on, each drawn its own way:
// a choice to each of its options (from the choice's node; the option
// chosen apart), the members of a together group in a chain (rank
// order, no arrowheads), a project to each system it replaces.
const (
	edgeOption   = "option"
	edgeChosen   = "chosen"
	edgeTogether = "together"
	edgeReplaces = "replaces"
)

// buildGraph lists projects in rank order, then goals in declaration order;
// dependency edges sorted by (from, to), then goal edges likewise.
// Dependencies on projects missing from the plan are left out.
func buildGraph(p *evaluate.Plan, o GraphOptions) graphModel {
	var g graphModel
	known := map[string]bool{}
	for _, pr := range p.Projects {
		known[pr.ID] = true
	}
	for _, pr := range p.Projects {
		n := graphNode{kind: "p", id: pr.ID, title: pr.Title, class: pr.Status}
		line := fmt.Sprintf("%s · rank %d", pr.ID, pr.Rank)
		if n.title == "" || n.title == pr.ID {
			// The id is the title: say it once.
			n.title, line = pr.ID, fmt.Sprintf("rank %d", pr.Rank)
		}
		if pr.Flagship {
			line += " · flagship"
		}
		if pr.Forced != "" {
			line += " · forced " + pr.Forced
		}
		switch {
		case pr.Status == evaluate.StatusScheduled && pr.Start != nil && pr.End != nil:
			if *pr.Start == *pr.End {
				line += " · " + *pr.Start
			} else {
				line += " · " + *pr.Start + "–" + *pr.End
			}
		default:
			line += " · " + pr.Status
			if pr.Gate != "" {
				line += " at " + pr.Gate
			}
		}
		n.details = append(n.details, line)
		g.nodes = append(g.nodes, n)
	}
	for _, pr := range p.Projects {
		for _, dep := range pr.DependsOn {
			if known[dep] {
				g.edges = append(g.edges, graphEdge{from: dep, to: pr.ID})
			}
		}
	}
	sortEdges(g.edges)
	g.addConstraints(p, known)
	if !o.Goals {
		return g
	}
	order := goalOrder(p)
	weight := map[string]float64{}
	for _, gi := range p.Goals {
		weight[gi.ID] = gi.Weight
	}
	var goalEdges []graphEdge
	for _, pr := range p.Projects {
		for _, goal := range slices.Sorted(maps.Keys(pr.Goals)) {
			c := pr.Goals[goal]
			if c <= 0 {
				continue
			}
			goalEdges = append(goalEdges, graphEdge{from: pr.ID, to: goal, toGoal: true, label: formatQuantity(c), weight: c})
		}
	}
	sortEdges(goalEdges)
	for _, id := range order {
		n := graphNode{kind: "g", id: id, title: goalTitle(p, id), class: "goal"}
		n.details = []string{"goal " + id}
		if w, ok := weight[id]; ok {
			n.details = []string{"goal " + id + " · weight " + formatQuantity(w)}
		}
		g.nodes = append(g.nodes, n)
	}
	g.edges = append(g.edges, goalEdges...)
	return g
}

// addConstraints adds the choices, together groups and replaced systems:
// a node per choice (in the plan's order) with an edge to each option,
// the chosen one's apart; an undirected edge between consecutive members
// of each together group, by rank; a node per system some project
// replaces (in the plan's order, then any the plan does not list, by
// id) with an edge from each project that replaces it.
func (g *graphModel) addConstraints(p *evaluate.Plan, known map[string]bool) {
	for _, c := range p.Choices {
		n := graphNode{kind: "c", id: c.ID, title: c.Title, class: "choice"}
		line := "choice " + c.ID
		if n.title == "" || n.title == c.ID {
			n.title, line = c.ID, "choice"
		}
		if c.Chosen != nil {
			line += " · chosen " + *c.Chosen
		} else {
			line += " · none chosen"
		}
		n.details = []string{line}
		g.nodes = append(g.nodes, n)
		for _, opt := range c.Options {
			if !known[opt] {
				continue
			}
			kind := edgeOption
			if c.Chosen != nil && *c.Chosen == opt {
				kind = edgeChosen
			}
			g.edges = append(g.edges, graphEdge{from: c.ID, to: opt, kind: kind})
		}
	}
	rank := map[string]int{}
	for k, pr := range p.Projects {
		rank[pr.ID] = k
	}
	grouped := map[string]bool{}
	for _, pr := range p.Projects {
		if grouped[pr.ID] || len(pr.Together) == 0 {
			continue
		}
		group := []string{pr.ID}
		for _, m := range pr.Together {
			if known[m] && !slices.Contains(group, m) {
				group = append(group, m)
			}
		}
		sort.SliceStable(group, func(a, b int) bool { return rank[group[a]] < rank[group[b]] })
		for k, m := range group {
			grouped[m] = true
			if k > 0 {
				g.edges = append(g.edges, graphEdge{from: group[k-1], to: m, kind: edgeTogether})
			}
		}
	}
	replaced := map[string]bool{}
	var replaces []graphEdge
	for _, pr := range p.Projects {
		for _, sys := range pr.Replaces {
			replaced[sys] = true
			replaces = append(replaces, graphEdge{from: pr.ID, to: sys, kind: edgeReplaces})
		}
	}
	sortEdges(replaces)
	listed := map[string]bool{}
	for _, sys := range p.Systems {
		if replaced[sys.ID] && !listed[sys.ID] {
			listed[sys.ID] = true
			g.nodes = append(g.nodes, systemNode(sys.ID, sys.Title, sys.EndOfSupport))
		}
	}
	for _, id := range slices.Sorted(maps.Keys(replaced)) {
		if !listed[id] {
			g.nodes = append(g.nodes, systemNode(id, "", nil))
		}
	}
	g.edges = append(g.edges, replaces...)
}

// systemNode is a replaced system: its title, id and end of support.
func systemNode(id, title string, endOfSupport *string) graphNode {
	n := graphNode{kind: "s", id: id, title: title, class: "system"}
	line := "system " + id
	if n.title == "" || n.title == id {
		n.title, line = id, "system"
	}
	if endOfSupport != nil {
		line += " · end of support " + *endOfSupport
	}
	n.details = []string{line}
	return n
}

func sortEdges(e []graphEdge) {
	sort.SliceStable(e, func(a, b int) bool {
		if e[a].from != e[b].from {
			return e[a].from < e[b].from
		}
		return e[a].to < e[b].to
	})
}

// dotGraph is the dependency graph in Graphviz DOT: scheduled projects
// filled blue, deferred dashed amber, dropped dashed red and greyed text;
// choices violet diamonds, a dashed line to each option and a bold arrow
// to the one chosen; together groups bold green lines; replaced systems
// grey cylinders, a red tee-ended arrow from each replacing project;
// goal edges dotted, thicker for larger contributions.
func dotGraph(p *evaluate.Plan, o GraphOptions) string {
	g := buildGraph(p, o)
	var b strings.Builder
	name := p.Roadmap.Name
	if name == "" {
		name = "Roadmap"
	}
	b.WriteString("digraph roadmap {\n")
	fmt.Fprintf(&b, "\tgraph [rankdir=LR, labelloc=t, fontname=\"Helvetica\", label=%s];\n", dotQuote(name+": project dependencies"))
	b.WriteString("\tnode [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11, fillcolor=\"#dbeafe\", color=\"#1d4ed8\", fontcolor=\"#111827\"];\n")
	b.WriteString("\tedge [color=\"#374151\", fontname=\"Helvetica\", fontsize=10];\n")
	for _, n := range g.nodes {
		label := strings.Join(append([]string{n.title}, n.details...), "\n")
		attrs := []string{"label=" + dotQuote(label)}
		switch n.class {
		case evaluate.StatusDeferred:
			attrs = append(attrs, `style="rounded,filled,dashed"`, `fillcolor="#fef3c7"`, `color="#b45309"`, `fontcolor="#78350f"`)
		case evaluate.StatusDropped:
			attrs = append(attrs, `style="rounded,filled,dashed"`, `fillcolor="#fee2e2"`, `color="#b91c1c"`, `fontcolor="#6b7280"`)
		case "goal":
			attrs = append(attrs, `shape=hexagon`, `style="filled"`, `fillcolor="#f3f4f6"`, `color="#4b5563"`)
		case "choice":
			attrs = append(attrs, `shape=diamond`, `style="filled"`, `fillcolor="#ede9fe"`, `color="#6d28d9"`)
		case "system":
			attrs = append(attrs, `shape=cylinder`, `style="filled"`, `fillcolor="#f3f4f6"`, `color="#6b7280"`)
		}
		fmt.Fprintf(&b, "\t%s [%s];\n", dotQuote(dotID(n.kind, n.id)), strings.Join(attrs, ", "))
	}
	for _, e := range g.edges {
		switch {
		case e.toGoal:
			fmt.Fprintf(&b, "\t%s -> %s [style=dotted, label=%s, penwidth=%s];\n", dotQuote(dotID("p", e.from)), dotQuote(dotID("g", e.to)),
				dotQuote(e.label), fixed(1+2*e.weight, 2))
		case e.kind == edgeOption:
			fmt.Fprintf(&b, "\t%s -> %s [style=dashed, color=\"#6d28d9\", arrowhead=none, label=\"option\"];\n", dotQuote(dotID("c", e.from)), dotQuote(dotID("p", e.to)))
		case e.kind == edgeChosen:
			fmt.Fprintf(&b, "\t%s -> %s [style=bold, color=\"#6d28d9\", label=\"chosen\"];\n", dotQuote(dotID("c", e.from)), dotQuote(dotID("p", e.to)))
		case e.kind == edgeTogether:
			fmt.Fprintf(&b, "\t%s -> %s [dir=none, style=bold, color=\"#047857\", label=\"together\"];\n", dotQuote(dotID("p", e.from)), dotQuote(dotID("p", e.to)))
		case e.kind == edgeReplaces:
			fmt.Fprintf(&b, "\t%s -> %s [color=\"#b91c1c\", arrowhead=tee, label=\"replaces\"];\n", dotQuote(dotID("p", e.from)), dotQuote(dotID("s", e.to)))
		default:
			fmt.Fprintf(&b, "\t%s -> %s;\n", dotQuote(dotID("p", e.from)), dotQuote(dotID("p", e.to)))
		}
	}
	b.WriteString("}\n")
	return b.String()
}

// dotID keeps project ids as they are and puts goals, choices and
// systems in their own namespaces, so they may share an id with a
// project.
func dotID(kind, id string) string {
	switch kind {
	case "g":
		return "goal:" + id
	case "c":
		return "choice:" + id
	case "s":
		return "system:" + id
	}
	return id
}

// dotQuote is a DOT double-quoted string.
func dotQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", "")
	return `"` + r.Replace(s) + `"`
}
