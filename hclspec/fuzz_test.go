package hclspec

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoadDir feeds arbitrary single-file roadmaps to the loader; it must
// return diagnostics, never panic. The seeds are every test roadmap.
func FuzzLoadDir(f *testing.F) {
	for _, root := range []string{"valid", "invalid"} {
		files, _ := filepath.Glob(filepath.Join("testdata", root, "*", "*.hcl"))
		for _, file := range files {
			if src, err := os.ReadFile(file); err == nil {
				f.Add(string(src))
			}
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, _ := NewLoader().LoadDir(dir, LoadOptions{Vars: []string{"x=1"}})
		if cfg == nil || cfg.Roadmap == nil {
			t.Fatal("LoadDir returned no Config or no Roadmap")
		}
	})
}

// BenchmarkLoadDir loads a generated roadmap of 1000 projects over 20
// teams, goals and departments, split across five files.
func BenchmarkLoadDir(b *testing.B) {
	dir := b.TempDir()
	var main strings.Builder
	main.WriteString("roadmap {\n  start = \"2027-01\"\n  period = \"month\"\n  horizon = 36\n}\n")
	main.WriteString("budget \"capex\" {\n  amount = 1e9\n}\n")
	for i := range 20 {
		fmt.Fprintf(&main, "goal \"g%d\" {\n  weight = %d\n}\n", i, i+1)
		fmt.Fprintf(&main, "department \"d%d\" {\n  title = \"D%d\"\n}\n", i, i)
		fmt.Fprintf(&main, "team \"t%d\" {\n  capacity = 10\n  cost_per_fte = 8000\n  capacity_by_period = { \"2027-06\" = 5 }\n}\n", i)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(main.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	for f := range 5 {
		var s strings.Builder
		for i := f * 200; i < (f+1)*200; i++ {
			dep := ""
			if i > 0 {
				dep = fmt.Sprintf("project.p%d", i-1)
			}
			fmt.Fprintf(&s, `project "p%d" {
  title       = "Project %d"
  goals       = { g%d = 0.5, g%d = 0.25 }
  endorsed_by = [department.d%d]
  depends_on  = [%s]
  duration    = "%d months"
  effort      = { t%d = 2, t%d = 1 }
  cost {
    one_time = %d
  }
  benefit {
    per_year = %d
  }
  risk {
    failure = 0.1
  }
}
`, i, i, i%20, (i+1)%20, i%20, dep, 1+i%6, i%20, (i+3)%20, 10000+i, 20000+i)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("projects%d.hcl", f)), []byte(s.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		cfg, diags := NewLoader().LoadDir(dir, LoadOptions{})
		if diags.HasErrors() || len(cfg.Projects) != 1000 {
			b.Fatalf("%d projects, diagnostics: %s", len(cfg.Projects), diags.Error())
		}
	}
}
