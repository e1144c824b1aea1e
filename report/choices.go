package report

import (
	"slices"
	"strings"

	"github.com/roadmap-as-code/roadmap/evaluate"
)

// The "Choices" and "Together groups" sections: each choice block with
// its options, the one chosen and what chose it, and why the others are
// out; each together group with its members' fates. Both sections are
// left out of plans without choices or groups.

// choiceView is one choice as the sections show it.
type choiceView struct {
	ID, Title string
	Summary   string // "build_crm chosen by the strategy" or "no option chosen"
	Rows      []optionView
}

// optionView is one option of a choice, or one member of a together
// group.
type optionView struct {
	ID, Status, Reason string
	Chosen             bool
}

// decidedText names what picked a choice's option.
func decidedText(by string) string {
	switch by {
	case evaluate.DecidedForced:
		return "forced in"
	case evaluate.DecidedMandatory:
		return "mandatory"
	case evaluate.DecidedStrategy:
		return "chosen by the strategy"
	case evaluate.DecidedOptimizer:
		return "chosen by the optimiser"
	}
	return "chosen"
}

func projectByID(p *evaluate.Plan, id string) *evaluate.ProjectPlan {
	for i := range p.Projects {
		if p.Projects[i].ID == id {
			return &p.Projects[i]
		}
	}
	return nil
}

// choiceViews are p's choices; an option the plan does not list (a view
// narrowed to some stakeholders) is left out.
func choiceViews(p *evaluate.Plan) []choiceView {
	var out []choiceView
	for _, c := range p.Choices {
		v := choiceView{ID: c.ID, Title: c.Title, Summary: "no option chosen"}
		if c.Chosen != nil {
			v.Summary = *c.Chosen + " " + decidedText(c.DecidedBy)
		}
		for _, id := range c.Options {
			pr := projectByID(p, id)
			if pr == nil {
				continue
			}
			o := optionView{ID: id, Status: pr.Status, Reason: strings.Join(pr.Reasons, "; ")}
			if c.Chosen != nil && *c.Chosen == id {
				o.Chosen, o.Status = true, "chosen"
				if c.Reason != "" {
					o.Reason = c.Reason
				}
			}
			v.Rows = append(v.Rows, o)
		}
		if len(v.Rows) > 0 {
			out = append(out, v)
		}
	}
	return out
}

// togetherGroupsOf joins the projects' together lists into groups, as
// Plan.TogetherGroups has them, for a plan without that list (saved
// before it, when each project listed all its partners).
func togetherGroupsOf(p *evaluate.Plan) [][]string {
	seen := map[string]bool{}
	groups := [][]string{}
	for _, pr := range p.Projects {
		if len(pr.Together) == 0 || seen[pr.ID] {
			continue
		}
		g := append([]string{pr.ID}, pr.Together...)
		slices.Sort(g)
		g = slices.Compact(g)
		for _, id := range g {
			seen[id] = true
		}
		groups = append(groups, g)
	}
	slices.SortFunc(groups, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return groups
}

// togetherViews are p's together groups, by first id, with the fate of
// each member the plan holds (a stakeholder view may hold only some).
func togetherViews(p *evaluate.Plan) [][]optionView {
	groups := p.TogetherGroups
	if groups == nil {
		groups = togetherGroupsOf(p)
	}
	byID := make(map[string]*evaluate.ProjectPlan, len(p.Projects))
	for i := range p.Projects {
		byID[p.Projects[i].ID] = &p.Projects[i]
	}
	var out [][]optionView
	for _, g := range groups {
		var rows []optionView
		for _, id := range g {
			if pr := byID[id]; pr != nil {
				rows = append(rows, optionView{ID: id, Status: pr.Status, Reason: memberReason(pr)})
			}
		}
		if len(rows) > 0 {
			out = append(out, rows)
		}
	}
	return out
}

// memberReason is why a together group's member is out, or, for
// committed or started work kept in the plan while a partner is out (its
// together warning), that the group is broken.
func memberReason(pr *evaluate.ProjectPlan) string {
	if len(pr.Reasons) > 0 {
		return strings.Join(pr.Reasons, "; ")
	}
	var warnings []string
	for _, f := range pr.Findings {
		if f.Gate == evaluate.GateTogether && f.Severity == evaluate.SeverityWarning {
			warnings = append(warnings, "warning: "+f.Message)
		}
	}
	return strings.Join(warnings, "; ")
}

// groupName is a together group's members joined by " + ".
func groupName(rows []optionView) string {
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	return strings.Join(ids, " + ")
}

func choiceLabel(c choiceView) string {
	if c.Title == "" || c.Title == c.ID {
		return c.ID
	}
	return c.ID + " (" + c.Title + ")"
}

func (t *tableRenderer) choices() {
	if cs := choiceViews(t.p); len(cs) > 0 {
		t.heading("Choices")
		t.paragraph("", "At most one option of each choice runs: rank order takes the best-ranked option that fits, --optimize the one the optimiser picks.")
		g := grid{columns: []column{{header: "Choice", wrap: true}, {header: "Option", wrap: true}, {header: "Status"}, {header: "Reason", wrap: true}}, keys: 2}
		for _, c := range cs {
			for i, o := range c.Rows {
				key := ""
				if i == 0 {
					key = choiceLabel(c)
				}
				id := o.ID
				if o.Chosen {
					id += " ✓"
				}
				g.rows = append(g.rows, []string{key, id, o.Status, o.Reason})
				style := statusStyle(o.Status)
				if o.Chosen {
					style = ansiGreen
				}
				g.styles = append(g.styles, []string{"", "", style})
			}
		}
		t.grid(g)
	}
	if gs := togetherViews(t.p); len(gs) > 0 {
		t.heading("Together groups")
		t.paragraph("", "The projects of a group run all or none.")
		g := grid{columns: []column{{header: "Group", wrap: true}, {header: "Project", wrap: true}, {header: "Status"}, {header: "Reason", wrap: true}}, keys: 2}
		for _, rows := range gs {
			for i, o := range rows {
				key := ""
				if i == 0 {
					key = groupName(rows)
				}
				g.rows = append(g.rows, []string{key, o.ID, o.Status, o.Reason})
				g.styles = append(g.styles, []string{"", "", statusStyle(o.Status)})
			}
		}
		t.grid(g)
	}
}

func (m *markdownRenderer) choices() {
	if cs := choiceViews(m.p); len(cs) > 0 {
		m.heading(2, "Choices")
		m.buf.WriteString("At most one option of each choice runs: rank order takes the best-ranked option that fits, `--optimize` the one the optimiser picks.\n\n")
		var rows [][]string
		for _, c := range cs {
			for i, o := range c.Rows {
				key := ""
				if i == 0 {
					key = mdCode(c.ID)
					if c.Title != "" && c.Title != c.ID {
						key += " " + mdEscape(c.Title)
					}
				}
				status := mdEscape(o.Status)
				if o.Chosen {
					status = "**chosen**"
				}
				rows = append(rows, []string{key, mdCode(o.ID), status, mdEscape(o.Reason)})
			}
		}
		m.table([]string{"Choice", "Option", "Status", "Reason"}, nil, rows)
	}
	if gs := togetherViews(m.p); len(gs) > 0 {
		m.heading(2, "Together groups")
		m.buf.WriteString("The projects of a group run all or none.\n\n")
		var rows [][]string
		for _, g := range gs {
			for i, o := range g {
				key := ""
				if i == 0 {
					key = mdEscape(groupName(g))
				}
				rows = append(rows, []string{key, mdCode(o.ID), mdEscape(o.Status), mdEscape(o.Reason)})
			}
		}
		m.table([]string{"Group", "Project", "Status", "Reason"}, nil, rows)
	}
}

// htmlChoices is the HTML page's choices section; nil without choices
// and groups.
type htmlChoices struct {
	Choices  []choiceView
	Together []htmlGroup
}

type htmlGroup struct {
	Name string
	Rows []optionView
}

func buildHTMLChoices(p *evaluate.Plan) *htmlChoices {
	h := &htmlChoices{Choices: choiceViews(p)}
	for _, g := range togetherViews(p) {
		h.Together = append(h.Together, htmlGroup{Name: groupName(g), Rows: g})
	}
	if len(h.Choices) == 0 && len(h.Together) == 0 {
		return nil
	}
	return h
}

// htmlChoicesTemplate is the choices and together groups section.
const htmlChoicesTemplate = `{{define "choices"}}
<section id="choices" aria-labelledby="choices-h">
<h2 id="choices-h">Choices</h2>
{{- if .Choices}}
<p>At most one option of each choice runs: rank order takes the best-ranked option that fits, <code>--optimize</code> the one the optimiser picks.</p>
<div class="wide"><table class="choices"><thead><tr><th scope="col">Choice</th><th scope="col">Option</th><th scope="col">Status</th><th scope="col">Reason</th></tr></thead>
<tbody>{{range .Choices}}{{$c := .}}{{range $i, $o := .Rows}}<tr>{{if eq $i 0}}<th scope="rowgroup" rowspan="{{len $c.Rows}}">{{if $c.Title}}{{$c.Title}} {{end}}<code>{{$c.ID}}</code><br><span class="note">{{$c.Summary}}</span></th>{{end}}<td><code>{{$o.ID}}</code></td><td>{{if $o.Chosen}}<span class="badge scheduled">chosen</span>{{else}}<span class="badge {{$o.Status}}">{{$o.Status}}</span>{{end}}</td><td>{{$o.Reason}}</td></tr>{{end}}{{end}}</tbody></table></div>
{{- end}}
{{- if .Together}}
<h3>Together groups</h3>
<p>The projects of a group run all or none.</p>
<div class="wide"><table class="together"><thead><tr><th scope="col">Group</th><th scope="col">Project</th><th scope="col">Status</th><th scope="col">Reason</th></tr></thead>
<tbody>{{range .Together}}{{$g := .}}{{range $i, $o := .Rows}}<tr>{{if eq $i 0}}<th scope="rowgroup" rowspan="{{len $g.Rows}}">{{$g.Name}}</th>{{end}}<td><code>{{$o.ID}}</code></td><td><span class="badge {{$o.Status}}">{{$o.Status}}</span></td><td>{{$o.Reason}}</td></tr>{{end}}{{end}}</tbody></table></div>
{{- end}}
</section>
{{- end}}`
