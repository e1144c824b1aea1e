// Command worstcase writes the inputs docs/security.md measures at the
// limits ("Cost at the limits") into a directory, one roadmap directory
// per case, and prints "case<TAB>command" lines for scripts/limits.sh.
// A "plan" case's plan is saved (--out) for a "show" case of the same
// name; another "show" case's directory holds plan.json.
//
//	go run ./scripts/worstcase OUTDIR
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

const header = "roadmap {\n  start = \"2027-01\"\n}\n"

type worstCase struct {
	name, command string
	files         func() map[string]string
}

var cases = []worstCase{
	{"locals_10k", "validate", func() map[string]string {
		return map[string]string{"main.hcl": header + locals(10_000, false)}
	}},
	{"locals_100k", "validate", func() map[string]string {
		return map[string]string{"main.hcl": header + locals(100_000, false)}
	}},
	{"locals_chain_80k", "validate", func() map[string]string {
		return map[string]string{"main.hcl": header + locals(80_000, true)}
	}},
	{"number_1mib", "validate", func() map[string]string {
		return map[string]string{"main.hcl": header + "locals {\n  x = " + strings.Repeat("1", 1<<20) + "\n}\n"}
	}},
	{"numbers_at_limit", "validate", func() map[string]string {
		var b strings.Builder
		b.WriteString(header + "locals {\n")
		for i := range 30_000 { // 30 MB of 1,000-character numbers
			fmt.Fprintf(&b, "  n%d = 1.%s\n", i, strings.Repeat("7", 998))
		}
		b.WriteString("}\n")
		return map[string]string{"main.hcl": b.String()}
	}},
	{"errors_end_of_20mb", "validate", func() map[string]string {
		var b strings.Builder
		b.WriteString(header)
		line := "# " + strings.Repeat("x", 78) + "\n"
		for range 20_000_000 / len(line) {
			b.WriteString(line)
		}
		b.WriteString("locals {\n")
		for i := range 100 {
			fmt.Fprintf(&b, "  e%d = 1 + \"a\"\n", i)
		}
		b.WriteString("}\n")
		return map[string]string{"main.hcl": b.String()}
	}},
	{"vendor_scores", "plan", func() map[string]string {
		var b strings.Builder
		b.WriteString(header)
		for v := range 300 {
			fmt.Fprintf(&b, "vendor \"v%d\" {\n  category = \"c\"\n}\n", v)
		}
		var crit []string
		for c := range 60 {
			crit = append(crit, fmt.Sprintf("k%d = 1", c))
		}
		for e := range 100 {
			fmt.Fprintf(&b, "evaluation \"e%d\" {\n  category = \"c\"\n  criteria = { %s }\n}\n", e, strings.Join(crit, ", "))
		}
		return map[string]string{"main.hcl": b.String()}
	}},
	{"blocks_over_limit", "validate", func() map[string]string {
		files := map[string]string{"a_main.hcl": header}
		for k := range 5 {
			var b strings.Builder
			for i := k * 10_000; i < (k+1)*10_000; i++ {
				fmt.Fprintf(&b, "project \"p%d\" {\n  vendor = evaluation.e%d\n  cost {\n    one_time = 1\n  }\n  benefit {\n    per_year = 1\n  }\n}\n", i, i%5000)
			}
			files[fmt.Sprintf("b%d.hcl", k)] = b.String()
		}
		var b strings.Builder
		for i := range 5000 {
			fmt.Fprintf(&b, "evaluation \"e%d\" {\n  category = \"c\"\n}\n", i)
		}
		files["z_evals.hcl"] = b.String()
		return files
	}},
	{"setproduct", "validate", func() map[string]string {
		return map[string]string{"main.hcl": header + "locals {\n  x = setproduct(range(1000), range(1000), range(1000), range(100))\n}\n"}
	}},
	{"nested_for", "validate", func() map[string]string {
		return map[string]string{"main.hcl": header + "locals {\n  x = length([for a in range(1024) : [for b in range(1024) : [for c in range(1024) : a]]])\n}\n"}
	}},
	{"templates_in_for", "validate", func() map[string]string {
		return map[string]string{"main.hcl": header + "locals {\n  s = join(\"\", [for i in range(1000) : \"" + strings.Repeat("a", 62) + "\"])\n  l = flatten([for i in range(50) : range(1000)])\n  x = length([for a in local.l : \"${local.s}${local.s}\"])\n}\n"}
	}},
	{"literal_list_50k", "validate", func() map[string]string {
		needs := make([]string, 50_000)
		for i := range needs {
			needs[i] = fmt.Sprintf("%q", fmt.Sprint("need ", i))
		}
		return map[string]string{"main.hcl": header + "department \"d\" {\n  title = \"D\"\n  needs = [" + strings.Join(needs, ", ") + "]\n}\n"}
	}},
	{"conversions_50k", "validate", func() map[string]string {
		return map[string]string{"main.hcl": header + "locals {\n  l = flatten([for i in range(50) : range(1000)])\n" +
			"  a = length(tolist([for x in local.l : \"a\"]))\n" +
			"  b = length(tolist(toset([for x in local.l : x % 2 == 0 ? x : \"s\"])))\n" +
			"  c = length(tomap({ for i, x in local.l : \"k${i}\" => x }))\n" +
			"  d = join(\",\", [for x in flatten([for i in range(30) : range(1000)]) : \"a\"])\n}\n"}
	}},
	// The largest plan the planner makes (10,000,000 cash-flow periods
	// less 1%): plan saves it (189 MB of JSON), then show reads it.
	{"plan_cash_flow_limit", "plan", func() map[string]string {
		var b strings.Builder
		b.WriteString("roadmap {\n  start   = \"2027-01\"\n  period  = \"month\"\n  horizon = 12\n}\n")
		for i := range 1100 {
			fmt.Fprintf(&b, "project \"p%d\" {\n  duration = 1\n  cost {\n    one_time = 1\n  }\n  benefit {\n    per_year = 1234567.891\n    years    = 750\n  }\n}\n", i)
		}
		return map[string]string{"main.hcl": b.String()}
	}},
	{"plan_cash_flow_limit", "show", nil}, // the plan saved by the case above
	// 256 MiB of short numbers in one project's cash flows: 8 bytes each
	// once decoded, for 2 bytes of JSON.
	{"show_short_numbers", "show", func() map[string]string {
		const head = `{"format_version":"1","roadmap":{},"periods":[],"totals":{},"projects":[{"id":"p","cash_flows":[`
		n := (256<<20 - len(head) - 8) / 2
		return map[string]string{"plan.json": head + strings.Repeat("0,", n) + "0]}]}"}
	}},
}

func locals(n int, chain bool) string {
	var b strings.Builder
	b.WriteString("locals {\n  l0 = 0\n")
	for i := 1; i < n; i++ {
		if chain {
			fmt.Fprintf(&b, "  l%d = local.l%d + 1\n", i, i-1)
		} else {
			fmt.Fprintf(&b, "  l%d = %d\n", i, i)
		}
	}
	b.WriteString("}\n")
	return b.String()
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: worstcase OUTDIR")
		os.Exit(2)
	}
	for _, c := range cases {
		if c.files == nil {
			fmt.Printf("%s\t%s\n", c.name, c.command)
			continue
		}
		dir := filepath.Join(os.Args[1], c.name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		for name, content := range c.files() {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
		fmt.Printf("%s\t%s\n", c.name, c.command)
	}
}
