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
	kind    string // "p" project, "g" goal
	id      string
	title   string
	details []string
	class   string // scheduled | deferred | dropped | goal
}

type graphEdge struct {
	from, to string
	toGoal   bool
	label    string
	weight   float64
}

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
		}
		fmt.Fprintf(&b, "\t%s [%s];\n", dotQuote(dotID(n.kind, n.id)), strings.Join(attrs, ", "))
	}
	for _, e := range g.edges {
		if e.toGoal {
			fmt.Fprintf(&b, "\t%s -> %s [style=dotted, label=%s, penwidth=%s];\n", dotQuote(dotID("p", e.from)), dotQuote(dotID("g", e.to)),
				dotQuote(e.label), fixed(1+2*e.weight, 2))
		} else {
			fmt.Fprintf(&b, "\t%s -> %s;\n", dotQuote(dotID("p", e.from)), dotQuote(dotID("p", e.to)))
		}
	}
	b.WriteString("}\n")
	return b.String()
}

// dotID keeps project ids as they are and puts goals in their own
// namespace, so a goal and a project may share an id.
func dotID(kind, id string) string {
	if kind == "g" {
		return "goal:" + id
	}
	return id
}

// dotQuote is a DOT double-quoted string.
func dotQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", "")
	return `"` + r.Replace(s) + `"`
}
