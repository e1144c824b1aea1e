package synth

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

func TestGenerateIsDeterministic(t *testing.T) {
	a, b := Generate(Sized(200, 1)), Generate(Sized(200, 1))
	if len(a) != len(b) {
		t.Fatalf("%d files then %d", len(a), len(b))
	}
	for k := range a {
		if a[k].Name != b[k].Name || !bytes.Equal(a[k].Content, b[k].Content) {
			t.Errorf("file %s differs between two runs with the same seed", a[k].Name)
		}
	}
	c := Generate(Sized(200, 2))
	if bytes.Equal(a[3].Content, c[3].Content) {
		t.Error("seeds 1 and 2 gave the same projects")
	}
}

// TestGenerateIsValidHCL parses every file and checks the block counts and
// that every project reference points at a project declared earlier.
func TestGenerateIsValidHCL(t *testing.T) {
	for _, c := range []Config{Sized(100, 7), Sized(1000, 7), {Seed: 3, Projects: 50, Teams: 3, Periods: 8, Period: "quarter", Optimize: true}} {
		t.Run(fmt.Sprintf("%d_%s", c.Projects, c.Period), func(t *testing.T) {
			counts := map[string]int{}
			declared := map[string]bool{}
			for _, f := range Generate(c) {
				file, diags := hclsyntax.ParseConfig(f.Content, f.Name, hcl.InitialPos)
				if diags.HasErrors() {
					t.Fatalf("%s: %s", f.Name, diags.Error())
				}
				for _, blk := range file.Body.(*hclsyntax.Body).Blocks {
					counts[blk.Type]++
					if blk.Type != "project" {
						continue
					}
					if deps, ok := blk.Body.Attributes["depends_on"]; ok {
						for _, tr := range deps.Expr.Variables() {
							name := tr.SimpleSplit().Rel[0].(hcl.TraverseAttr).Name
							if !declared[name] {
								t.Errorf("project %s depends on %s, not declared before it", blk.Labels[0], name)
							}
						}
					}
					declared[blk.Labels[0]] = true
				}
			}
			if counts["project"] != c.Projects || counts["team"] != c.Teams || counts["roadmap"] != 1 {
				t.Errorf("%d projects, %d teams, %d roadmap blocks; want %d, %d, 1", counts["project"], counts["team"], counts["roadmap"], c.Projects, c.Teams)
			}
			for _, kind := range []string{"goal", "department", "budget", "vendor", "evaluation", "check", "variable", "locals"} {
				if counts[kind] == 0 {
					t.Errorf("no %s block", kind)
				}
			}
		})
	}
}

func TestSized(t *testing.T) {
	for _, tt := range []struct{ projects, teams, periods int }{{100, 6, 24}, {1000, 20, 40}, {10000, 100, 80}} {
		c := Sized(tt.projects, 1)
		if c.Teams != tt.teams || c.Periods != tt.periods {
			t.Errorf("Sized(%d) = %d teams, %d periods; want %d, %d", tt.projects, c.Teams, c.Periods, tt.teams, tt.periods)
		}
	}
}

// Large portfolios are split so no file nears the loader's size limit.
func TestGenerateSplitsLargePortfolios(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 10,000 projects")
	}
	files := Generate(Sized(10000, 1))
	projectFiles := 0
	for _, f := range files {
		if len(f.Content) > 1<<20 {
			t.Errorf("%s is %d bytes, want at most 1 MiB", f.Name, len(f.Content))
		}
		if bytes.Contains(f.Content, []byte("project \"")) {
			projectFiles++
		}
	}
	if projectFiles != 10 {
		t.Errorf("%d files hold projects, want 10", projectFiles)
	}
	for k := 1; k < len(files); k++ {
		if files[k-1].Name >= files[k].Name {
			t.Errorf("files not in load order: %s before %s", files[k-1].Name, files[k].Name)
		}
	}
}
