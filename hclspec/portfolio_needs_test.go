package hclspec

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// TestNeedsIndexMatchesWalk: on random portfolios (depends_on, together,
// choices, mandatory, excluded, started options), the load checks built on
// the component index give the diagnostics of a plain walk of each
// project's needs (the rule as first written, cubic in a together chain's
// length).
func TestNeedsIndexMatchesWalk(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 5))
	clashes := 0
	for trial := range 3000 {
		cfg := randomPortfolio(rng)
		got := diagTexts(checkPortfolioConstraints(cfg))
		want := diagTexts(walkConstraints(cfg))
		if diff := gocmp.Diff(want, got); diff != "" {
			t.Fatalf("trial %d %s: diagnostics differ (-walk +index):\n%s", trial, describePortfolio(cfg), diff)
		}
		if len(want) > 0 {
			clashes++
		}
	}
	if clashes < 300 {
		t.Errorf("only %d of 3000 portfolios had a diagnostic: the generator tests too little", clashes)
	}
}

// TestTogetherChainIsOneComponent: the shape that took 14 s to load at
// 800 projects (each member's walk took in the whole group for each
// member it visited) is one component of the index, walked once.
func TestTogetherChainIsOneComponent(t *testing.T) {
	cfg := &Config{}
	const n = 5000
	for i := range n {
		p := &Project{ID: fmt.Sprintf("c%d", i)}
		if i+1 < n {
			p.Together = []string{fmt.Sprintf("c%d", i+1)}
		}
		cfg.Projects = append(cfg.Projects, p)
	}
	x := newNeedsIndex(cfg, map[string]*Choice{}, TogetherGroups(cfg.Projects))
	if len(x.order) != 1 || len(x.order[0]) != n {
		t.Fatalf("%d components, want the chain as one", len(x.order))
	}
}

func diagTexts(diags hcl.Diagnostics) []string {
	var out []string
	for _, d := range diags {
		out = append(out, d.Summary+": "+d.Detail)
	}
	slices.Sort(out)
	return out
}

func describePortfolio(cfg *Config) string {
	var b strings.Builder
	for _, p := range cfg.Projects {
		fmt.Fprintf(&b, "\n%s dep=%v tog=%v mand=%v excl=%v status=%v", p.ID, p.DependsOn, p.Together, p.Mandatory, p.Excluded, p.Status)
	}
	for _, c := range cfg.Choices {
		fmt.Fprintf(&b, "\nchoice %s %v", c.ID, c.Options)
	}
	return b.String()
}

func randomPortfolio(rng *rand.Rand) *Config {
	n := 3 + rng.IntN(8)
	cfg := &Config{}
	for i := range n {
		p := &Project{ID: fmt.Sprintf("p%d", i)}
		for j := range n {
			// depends_on forward only (the loader rejects cycles first)
			if j > i && rng.IntN(5) == 0 {
				p.DependsOn = append(p.DependsOn, fmt.Sprintf("p%d", j))
			}
		}
		if rng.IntN(4) == 0 {
			p.Together = append(p.Together, fmt.Sprintf("p%d", rng.IntN(n)))
		}
		p.Mandatory = rng.IntN(5) == 0
		p.Excluded = rng.IntN(8) == 0
		switch rng.IntN(8) {
		case 0:
			p.Status = InProgress
		case 1:
			p.Status = Committed
		case 2:
			p.Status = OnHold
		case 3:
			p.Status = Cancelled
		}
		cfg.Projects = append(cfg.Projects, p)
	}
	used := map[int]bool{}
	for c := range rng.IntN(3) {
		ch := &Choice{ID: fmt.Sprintf("k%d", c)}
		for range 2 + rng.IntN(2) {
			if o := rng.IntN(n); !used[o] {
				used[o] = true
				ch.Options = append(ch.Options, fmt.Sprintf("p%d", o))
			}
		}
		cfg.Choices = append(cfg.Choices, ch)
	}
	return cfg
}

// walkConstraints is checkPortfolioConstraints' clash and mandatory rules
// as first written: a breadth-first walk of each project's needs.
func walkConstraints(cfg *Config) hcl.Diagnostics {
	var diags hcl.Diagnostics
	byID := map[string]*Project{}
	for _, p := range cfg.Projects {
		byID[p.ID] = p
	}
	choiceOf := map[string]*Choice{}
	for _, c := range cfg.Choices {
		for _, id := range c.Options {
			if _, dup := choiceOf[id]; !dup {
				choiceOf[id] = c
			}
		}
	}
	groupOf := map[string][]string{}
	for _, g := range TogetherGroups(cfg.Projects) {
		for _, id := range g {
			groupOf[id] = g
		}
	}
	needs := func(p *Project) []string {
		seen := map[string]bool{p.ID: true}
		queue := []string{p.ID}
		for k := 0; k < len(queue); k++ {
			q, ok := byID[queue[k]]
			if !ok {
				continue
			}
			for _, n := range append(slices.Clone(q.DependsOn), groupOf[q.ID]...) {
				if !seen[n] {
					seen[n] = true
					queue = append(queue, n)
				}
			}
		}
		slices.Sort(queue)
		return queue
	}
	type need struct {
		p   *Project
		ids []string
	}
	var all []need
	for _, p := range cfg.Projects {
		all = append(all, need{p, needs(p)})
	}
	lists := func(p *Project) int {
		if len(p.Together) > 0 || len(p.DependsOn) > 0 {
			return 0
		}
		return 1
	}
	slices.SortStableFunc(all, func(a, b need) int {
		return cmp.Or(cmp.Compare(len(a.ids), len(b.ids)), cmp.Compare(lists(a.p), lists(b.p)))
	})
	reported := map[string]bool{}
	for _, n := range all {
		picked := map[*Choice]string{}
		for _, id := range n.ids {
			c, ok := choiceOf[id]
			if !ok {
				continue
			}
			other, clash := picked[c]
			if !clash {
				picked[c] = id
				continue
			}
			key := c.ID + " " + other + " " + id
			if reported[key] {
				continue
			}
			reported[key] = true
			diags = append(diags, &hcl.Diagnostic{Summary: "Project needs two options of one choice",
				Detail: fmt.Sprintf("Project %q can never run: it needs both %q and %q (through depends_on and together), but they are options of choice %q, of which at most one runs.", n.p.ID, other, id, c.ID)})
		}
	}
	diags = append(diags, walkMandatoryOptions(cfg, choiceOf, needs)...)
	diags = append(diags, walkMandatoryExcluded(cfg, byID, needs)...)
	for _, p := range cfg.Projects {
		g := groupOf[p.ID]
		if !p.Excluded || len(g) < 2 {
			continue
		}
		others := slices.DeleteFunc(slices.Clone(g), func(id string) bool { return id == p.ID })
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "Excluded project takes its together group out",
			Detail:   fmt.Sprintf("Project %q is excluded, so the projects that run together with it are out too: %s.", p.ID, strings.Join(others, ", ")),
			Subject:  p.Ranges.Range("excluded", p.DeclRange).Ptr(),
		})
	}
	return diags
}

func walkMandatoryOptions(cfg *Config, choiceOf map[string]*Choice, needs func(*Project) []string) hcl.Diagnostics {
	var diags hcl.Diagnostics
	type taker struct {
		option string
		by     *Project // a mandatory project, or the option itself when its status decides
	}
	words := func(t taker) string {
		switch {
		case t.by.Mandatory:
			return mandatoryNeed(t.by, t.option)
		case t.by.ID != t.option:
			return fmt.Sprintf("%q is %s (%s) and needs %q", t.by.ID, t.by.Status.Words(), t.by.Ranges.Range("status", t.by.DeclRange), t.option)
		}
		return fmt.Sprintf("%q is %s (%s)", t.option, t.by.Status.Words(), t.by.Ranges.Range("status", t.by.DeclRange))
	}
	taken := map[*Choice]taker{}
	reported := map[*Choice]bool{}
	for _, p := range cfg.Projects {
		if p.Excluded && !p.Status.DecidesChoice() {
			continue
		}
		var takes []string
		if p.Mandatory || p.Status == Committed || p.Status == InProgress {
			takes = needs(p)
		} else if p.Status.DecidesChoice() {
			takes = []string{p.ID}
		}
		for _, id := range takes {
			c, ok := choiceOf[id]
			if !ok {
				continue
			}
			first, ok := taken[c]
			if !ok {
				taken[c] = taker{id, p}
				continue
			}
			if first.option == id || first.by == p || reported[c] {
				continue
			}
			reported[c] = true
			second := taker{id, p}
			d := &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Mandatory projects need two options of one choice",
				Detail: fmt.Sprintf("%s and %s, but they are options of choice %q, of which at most one runs, so one mandatory project could never run. Make one of them not mandatory, or take one option out of the choice.",
					words(first), words(second), c.ID),
				Subject: c.Ranges.Range("options."+id, c.DeclRange).Ptr(),
				Context: c.Ranges.Range("options", c.DeclRange).Ptr(),
			}
			if !first.by.Mandatory || !p.Mandatory {
				remedy := `cancel one (status = "cancelled") or take one option out of the choice`
				switch {
				case first.by.Mandatory || p.Mandatory:
					remedy = `make the mandatory project not need it, cancel the other (status = "cancelled"), or take one option out of the choice`
				case first.by.ID != first.option || p.ID != id:
					remedy = `make the committed or started project not need it, cancel one (status = "cancelled"), or take one option out of the choice`
				}
				d.Summary = "Two options of one choice must run"
				d.Detail = fmt.Sprintf("%s and %s, but they are options of choice %q, of which at most one runs. A committed, started or finished option decides its choice, and so does an option committed or started work needs: %s.",
					words(first), words(second), c.ID, remedy)
			}
			diags = append(diags, d)
		}
	}
	return diags
}

func walkMandatoryExcluded(cfg *Config, byID map[string]*Project, needs func(*Project) []string) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, p := range cfg.Projects {
		if !p.Mandatory {
			continue
		}
		if p.Excluded {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Mandatory project is excluded",
				Detail: fmt.Sprintf("Project %q is mandatory (%s) and excluded, so it could never run. Remove one of the two (--force-in and --force-out try it either way for one run).",
					p.ID, p.Ranges.Range("mandatory", p.DeclRange)),
				Subject: p.Ranges.Range("excluded", p.DeclRange).Ptr(),
			})
			continue
		}
		for _, id := range needs(p) {
			q, ok := byID[id]
			if !ok || q == p {
				continue
			}
			if !q.Excluded && (q.Status == OnHold || q.Status == Cancelled) {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagWarning,
					Summary:  "Mandatory project needs " + q.Status.AProject(),
					Detail: fmt.Sprintf("Project %q is mandatory (%s) and cannot run without %q (through depends_on and together), which is %s, so every plan fails policy.mandatory until %q's status changes.",
						p.ID, p.Ranges.Range("mandatory", p.DeclRange), id, q.Status.Words(), id),
					Subject: q.Ranges.Range("status", q.DeclRange).Ptr(),
				})
			}
			if !q.Excluded {
				continue
			}
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Mandatory project needs an excluded project",
				Detail: fmt.Sprintf("Project %q is mandatory (%s) and cannot run without %q (through depends_on and together), which is excluded here, so it could never run. Make it not mandatory, or stop excluding %q.",
					p.ID, p.Ranges.Range("mandatory", p.DeclRange), id, id),
				Subject: q.Ranges.Range("excluded", q.DeclRange).Ptr(),
			})
		}
	}
	return diags
}

// TestTogetherGroupSizeLimit: a together group of MaxTogetherGroup
// projects loads; one more is an error at the first member's together.
func TestTogetherGroupSizeLimit(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{
		{MaxTogetherGroup, ""},
		{MaxTogetherGroup + 1, `Project "c0" runs together with 1000 other projects (through together, directly or not); a together group may hold at most 1000 projects.`},
	} {
		var b strings.Builder
		b.WriteString("roadmap {\n  start = \"2027-Q1\"\n}\n")
		for i := range tt.n {
			fmt.Fprintf(&b, "project \"c%d\" {\n  duration = 1\n", i)
			if i+1 < tt.n {
				fmt.Fprintf(&b, "  together = [project.c%d]\n", i+1)
			}
			b.WriteString("}\n")
		}
		_, diags := NewLoader().LoadSources("r", map[string][]byte{"r.hcl": []byte(b.String())}, LoadOptions{})
		var got []string
		for _, d := range diags {
			if d.Severity == hcl.DiagError {
				got = append(got, fmt.Sprintf("%s: %s at %s", d.Summary, d.Detail, d.Subject))
			}
		}
		if tt.want == "" {
			if len(got) > 0 {
				t.Errorf("%d projects: %d errors, the first %s", tt.n, len(got), got[0])
			}
			continue
		}
		if len(got) != 1 || !strings.Contains(got[0], "Together group too large: "+tt.want) || !strings.Contains(got[0], "r.hcl:6,") {
			t.Errorf("%d projects: %d errors: %.600v", tt.n, len(got), got)
		}
	}
}

// TestPairLimits: the together groups' partners and the choices' pairs
// of options are bounded in all (review qa15g F3, F4: 33 groups of 1,000
// took 18 s and 1.6 GB to plan, one choice of 20,000 options 43 s and
// 2.7 GB); one group or one choice of 1,000 loads.
func TestPairLimits(t *testing.T) {
	for _, tt := range []struct {
		name    string
		groups  []int // sizes of together chains
		choices []int // options per choice
		want    string
	}{
		{"one group of 1000", []int{1000}, nil, ""},
		{"two groups of 710", []int{710, 710}, nil, `Together groups too large: Project "g1_0" runs together with 709 other projects, which takes the together groups to 1006780 partners`},
		{"one choice of 1000", nil, []int{1000}, ""},
		{"one choice of 1001", nil, []int{1001}, `Choices too large: Choice "k0" has 1001 options, which takes the choices to 1001000 pairs`},
		{"choices of 500, 700 and 3", nil, []int{500, 700, 3}, ""},
		{"choices of 3, 710 and 710", nil, []int{3, 710, 710}, `Choices too large: Choice "k2" has 710 options, which takes the choices to 1006786 pairs`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("roadmap {\n  start = \"2027-Q1\"\n}\n")
			for g, n := range tt.groups {
				for i := range n {
					fmt.Fprintf(&b, "project \"g%d_%d\" {\n  duration = 1\n", g, i)
					if i+1 < n {
						fmt.Fprintf(&b, "  together = [project.g%d_%d]\n", g, i+1)
					}
					b.WriteString("}\n")
				}
			}
			for c, n := range tt.choices {
				var opts []string
				for i := range n {
					fmt.Fprintf(&b, "project \"k%d_%d\" {\n  duration = 1\n}\n", c, i)
					opts = append(opts, fmt.Sprintf("project.k%d_%d", c, i))
				}
				fmt.Fprintf(&b, "choice \"k%d\" {\n  options = [%s]\n}\n", c, strings.Join(opts, ", "))
			}
			_, diags := NewLoader().LoadSources("r", map[string][]byte{"r.hcl": []byte(b.String())}, LoadOptions{})
			var got []string
			for _, d := range diags {
				if d.Severity == hcl.DiagError {
					got = append(got, fmt.Sprintf("%s: %s at %s", d.Summary, d.Detail, d.Subject))
				}
			}
			if tt.want == "" {
				if len(got) > 0 {
					t.Errorf("%d errors, the first %s", len(got), got[0])
				}
				return
			}
			if len(got) != 1 || !strings.Contains(got[0], tt.want) {
				t.Errorf("%d errors: %.600v, want %s", len(got), got, tt.want)
			}
		})
	}
}

// TestExcludedStartedOptionsStillDecide: excluding work under way or done
// does not stop it, so two such options of one choice are the same load
// error with excluded = true on one (review qa15d: it hid the clash).
func TestExcludedStartedOptionsStillDecide(t *testing.T) {
	src := `roadmap {
  start = "2027-Q1"
  as_of = "2027-07-01"
}
project "a" {
  duration = 1
  status   = "done"
  started  = "2027-01-01"
  finished = "2027-03-01"
}
project "b" {
  duration = 1
  status   = "in_progress"
  started  = "2027-04-01"
  excluded = true
}
choice "k" {
  options = [project.a, project.b]
}
`
	_, diags := NewLoader().LoadSources("r", map[string][]byte{"r.hcl": []byte(src)}, LoadOptions{})
	var got []string
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			got = append(got, d.Summary)
		}
	}
	if diff := gocmp.Diff([]string{"Two options of one choice must run"}, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s\n%v", diff, diags)
	}
}

// TestStartedWorkTakesTheOptionItNeeds: work in progress takes the
// options it needs as committed work does (review Q7), so one it needs
// and another option committed are the same load error.
func TestStartedWorkTakesTheOptionItNeeds(t *testing.T) {
	src := `roadmap {
  start = "2027-Q1"
  as_of = "2027-07-01"
}
project "a" {
  duration = 1
}
project "b" {
  duration = 1
  status   = "committed"
}
project "w" {
  duration   = 2
  status     = "in_progress"
  started    = "2027-04-01"
  depends_on = [project.a]
}
choice "k" {
  options = [project.a, project.b]
}
`
	_, diags := NewLoader().LoadSources("r", map[string][]byte{"r.hcl": []byte(src)}, LoadOptions{})
	var got []string
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			got = append(got, d.Summary+": "+d.Detail)
		}
	}
	want := `Two options of one choice must run: "b" is committed (r.hcl:10,14-25) and "w" is in progress (r.hcl:14,16-29) and needs "a"`
	if len(got) != 1 || !strings.HasPrefix(got[0], want) {
		t.Errorf("errors %q; want one starting %q", got, want)
	}
}

// TestDuplicateTogetherPartner: a partner listed twice is an error at the
// second, as a duplicate option or replaced system is (review qa15d D4).
func TestDuplicateTogetherPartner(t *testing.T) {
	src := "roadmap {\n  start = \"2027-Q1\"\n}\nproject \"a\" {\n  duration = 1\n  together = [project.b, project.b]\n}\nproject \"b\" {\n  duration = 1\n}\n"
	_, diags := NewLoader().LoadSources("r", map[string][]byte{"r.hcl": []byte(src)}, LoadOptions{})
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%s: %s at %d,%d", d.Summary, d.Detail, d.Subject.Start.Line, d.Subject.Start.Column))
	}
	want := []string{`Duplicate project: Project "b" is listed twice in the together of project "a"; list each partner once. at 6,26`}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// TestReplacedTwiceOncePerSystem: a system replaced by many projects is
// one warning, at its second replacer, counting the others (review
// qa15g F6: one per replacer, 900,000 from 300 systems x 3,000 projects).
func TestReplacedTwiceOncePerSystem(t *testing.T) {
	var b strings.Builder
	b.WriteString("roadmap {\n  start = \"2027-Q1\"\n}\nsystem \"s\" {}\nsystem \"u\" {}\n")
	for i := range 4 {
		fmt.Fprintf(&b, "project \"p%d\" {\n  duration = 1\n  replaces = [system.s, system.u]\n}\n", i)
	}
	_, diags := NewLoader().LoadSources("r", map[string][]byte{"r.hcl": []byte(b.String())}, LoadOptions{})
	var got []string
	for _, d := range diags {
		if d.Summary == "System replaced by two projects" {
			detail, _, _ := strings.Cut(d.Detail, ". ")
			got = append(got, fmt.Sprintf("%s at %s", detail, d.Subject))
		}
	}
	want := []string{
		`System "s" is replaced by "p0" (r.hcl:8,15-23) and by "p1" (and by 2 more) at r.hcl:12,15-23`,
		`System "u" is replaced by "p0" (r.hcl:8,25-33) and by "p1" (and by 2 more) at r.hcl:12,25-33`,
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}

// TestIDLength: an id of MaxIDBytes loads; one byte more is an error at
// the label (review qa15g F9).
func TestIDLength(t *testing.T) {
	for _, n := range []int{MaxIDBytes, MaxIDBytes + 1} {
		id := "p" + strings.Repeat("x", n-1)
		src := fmt.Sprintf("roadmap {\n  start = \"2027-Q1\"\n}\nproject %q {\n  duration = 1\n}\n", id)
		_, diags := NewLoader().LoadSources("r", map[string][]byte{"r.hcl": []byte(src)}, LoadOptions{})
		var got []string
		for _, d := range diags {
			if d.Severity == hcl.DiagError {
				got = append(got, fmt.Sprintf("%s at %s", d.Summary, d.Subject))
			}
		}
		want := []string(nil)
		if n > MaxIDBytes {
			want = []string{fmt.Sprintf("Id too long at r.hcl:4,9-%d", 9+n+2)}
		}
		if diff := gocmp.Diff(want, got); diff != "" {
			t.Errorf("id of %d bytes (-want +got):\n%s", n, diff)
		}
	}
}
