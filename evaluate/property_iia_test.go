package evaluate

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/roadmap-as-code/roadmap/hclspec"
)

// leaves are the projects no other project depends on, but the mandatory
// ones with dependencies (they carry them past the soft gates): adding,
// removing or changing one of them cannot change another project's gates.
func leaves(cfg *hclspec.Config) []*hclspec.Project {
	needed := map[string]bool{}
	for _, p := range cfg.Projects {
		for _, d := range p.DependsOn {
			needed[d] = true
		}
	}
	var out []*hclspec.Project
	for _, p := range cfg.Projects {
		if !needed[p.ID] && !(p.Mandatory && len(p.DependsOn) > 0) {
			out = append(out, p)
		}
	}
	return out
}

// randomizeProject gives p new figures: goals, cost, benefit, risk, effort.
func randomizeProject(r *rand.Rand, cfg *hclspec.Config, p *hclspec.Project) {
	p.Goals = map[string]float64{}
	for _, g := range cfg.Goals {
		p.Goals[g.ID] = float64(r.IntN(5)) / 4
	}
	p.Cost = hclspec.Cost{OneTime: float64(r.IntN(1000)) * 1000, PerYear: float64(r.IntN(50)) * 1000}
	p.Benefit = hclspec.Benefit{PerYear: float64(r.IntN(2000)) * 1000, RampPeriods: r.IntN(3), Years: float64(1 + r.IntN(5))}
	p.Risk = hclspec.Risk{Disruption: r.Float64() / 3, Security: r.Float64() / 3, Failure: r.Float64() / 2}
	p.Effort = map[string]float64{}
	for _, t := range cfg.Teams {
		if r.IntN(2) == 0 {
			p.Effort[t.ID] = float64(1+r.IntN(4)) / 2
		}
	}
}

// scoresAndOrder evaluates cfg and returns every project's score and the
// ids in rank order.
func scoresAndOrder(t *testing.T, seed uint64, cfg *hclspec.Config) (map[string]float64, []string) {
	t.Helper()
	plan, diags := Evaluate(context.Background(), cfg, Options{})
	if diags.HasErrors() || plan == nil {
		t.Fatalf("seed %d: %v", seed, diags)
	}
	scores := map[string]float64{}
	var order []string
	for _, p := range plan.Projects {
		scores[p.ID] = p.Score
		order = append(order, p.ID)
	}
	return scores, order
}

// Independence of irrelevant alternatives (DESIGN.md, "Decisions you can
// defend"): adding, removing or changing a project never changes another
// project's score, and under strategy "value" never swaps two others.
func TestPropertyScoresIndependentOfOtherProjects(t *testing.T) {
	checked := map[string]int{}
	for seed := uint64(1); seed <= propertyRuns; seed++ {
		r := rand.New(rand.NewPCG(seed, 0x11a))
		base := randomConfig(seed)
		if r.IntN(2) == 0 {
			base.Roadmap.Strategy = hclspec.StrategyValue // more runs under value
		}
		baseScores, baseOrder := scoresAndOrder(t, seed, base)

		variants := []struct {
			name   string
			mutate func(cfg *hclspec.Config) string // returns the id that changed
		}{
			{"add", func(cfg *hclspec.Config) string {
				p := addProject(cfg, newProject("zz_added", 1+r.IntN(4)))
				randomizeProject(r, cfg, p)
				if len(cfg.Budgets) > 0 {
					p.Funding = cfg.Budgets[r.IntN(len(cfg.Budgets))].ID
				}
				p.Mandatory = r.IntN(8) == 0
				return p.ID
			}},
			{"remove", func(cfg *hclspec.Config) string {
				ls := leaves(cfg)
				if len(ls) == 0 {
					return ""
				}
				gone := ls[r.IntN(len(ls))]
				cfg.Projects = slices.DeleteFunc(cfg.Projects, func(p *hclspec.Project) bool { return p == gone })
				return gone.ID
			}},
			{"change", func(cfg *hclspec.Config) string {
				ls := leaves(cfg)
				if len(ls) == 0 {
					return ""
				}
				p := ls[r.IntN(len(ls))]
				randomizeProject(r, cfg, p)
				return p.ID
			}},
		}
		for _, v := range variants {
			cfg := randomConfig(seed)
			cfg.Roadmap.Strategy = base.Roadmap.Strategy
			changed := v.mutate(cfg)
			if changed == "" {
				continue
			}
			scores, order := scoresAndOrder(t, seed, cfg)
			for id, s := range baseScores {
				if id == changed {
					continue
				}
				if got, ok := scores[id]; ok && got != s {
					t.Errorf("seed %d, %s %q: %q's score went from %v to %v", seed, v.name, changed, id, s, got)
				}
			}
			checked[v.name]++
			if base.Roadmap.Strategy != hclspec.StrategyValue {
				continue
			}
			others := func(ids []string) []string {
				return slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return id == changed })
			}
			if diff := cmp.Diff(others(baseOrder), others(order), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("seed %d, %s %q: the other projects' rank order changed (-before +after):\n%s", seed, v.name, changed, diff)
			}
			checked[v.name+" under value"]++
		}
	}
	for _, name := range []string{"add", "remove", "change", "add under value", "remove under value", "change under value"} {
		if checked[name] < propertyRuns/4 {
			t.Errorf("only %d roadmaps checked for %q", checked[name], name)
		}
	}
	t.Logf("roadmaps checked: %v", checked)
}

// A vendor that fails the technical threshold never changes another
// candidate's score, the winner, or anything about the projects.
func TestPropertyBelowThresholdVendorChangesNothing(t *testing.T) {
	checked := 0
	for seed := uint64(1); seed <= propertyRuns; seed++ {
		base := randomConfig(seed)
		if len(base.Evaluations) == 0 || base.Evaluations[0].MinimumScore == 0 {
			continue
		}
		r := rand.New(rand.NewPCG(seed, 0xbad))
		withJunk := randomConfig(seed)
		ev := withJunk.Evaluations[0]
		withJunk.Vendors = append(withJunk.Vendors, &hclspec.Vendor{
			ID: "zz_junk", Category: ev.Category, OneTime: float64(r.IntN(3)) * 100, Annual: float64(r.IntN(3)) * 100,
			Provides: []string{"sso", "crm", "dwh", "vm"},
			Scores:   map[string]float64{"fit": r.Float64() * (ev.MinimumScore - 0.01)},
		})
		before, diags := Evaluate(context.Background(), base, Options{})
		if diags.HasErrors() {
			t.Fatalf("seed %d: %v", seed, diags)
		}
		after, diags := Evaluate(context.Background(), withJunk, Options{})
		if diags.HasErrors() {
			t.Fatalf("seed %d: %v", seed, diags)
		}
		vb, va := before.Vendors[0], after.Vendors[0]
		if fmt.Sprint(vb.Winner) != fmt.Sprint(va.Winner) && (vb.Winner == nil || va.Winner == nil || *vb.Winner != *va.Winner) {
			t.Errorf("seed %d: winner %v became %v after a bid below the threshold", seed, deref(vb.Winner), deref(va.Winner))
		}
		junkless := slices.DeleteFunc(slices.Clone(va.Candidates), func(c VendorCandidate) bool { return c.Vendor == "zz_junk" })
		if diff := cmp.Diff(vb.Candidates, junkless); diff != "" {
			t.Errorf("seed %d: the other candidates changed (-before +after):\n%s", seed, diff)
		}
		// Without a winner the viability reason names the candidate
		// nearest the threshold, which may be the new one; everything
		// else about the projects stays.
		projects := func(ps []ProjectPlan) []ProjectPlan {
			out := slices.Clone(ps)
			for i := range out {
				if vb.Winner == nil {
					out[i].Reasons, out[i].Findings = nil, nil
				}
			}
			return out
		}
		if diff := cmp.Diff(projects(before.Projects), projects(after.Projects)); diff != "" {
			t.Errorf("seed %d: the projects changed (-before +after):\n%s", seed, diff)
		}
		checked++
	}
	if checked < propertyRuns/3 {
		t.Errorf("only %d roadmaps with a threshold checked", checked)
	}
}

func deref(s *string) string {
	if s == nil {
		return "(none)"
	}
	return *s
}
