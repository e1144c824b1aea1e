package hclspec

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestFunctionTableFilledWhenCalled: the function table of a load is
// built when an expression first calls a function; every way to call one
// still finds it, including an error message evaluated without the meter
// and the suggestions for a misspelt name.
func TestFunctionTableFilledWhenCalled(t *testing.T) {
	tests := []struct {
		name, src string
		vars      []string
		want      string // in the diagnostics; "" for none
		local     string // expected value of local.x, when want is ""
	}{
		{
			name:  "local",
			src:   "locals {\n  x = upper(\"abc\")\n}\n",
			local: "ABC",
		},
		{
			name: "only in an error message",
			src: `variable "s" {
  type = string
  validation {
    condition     = var.s != "bad"
    error_message = format("%s is not allowed", upper(var.s))
  }
}
`,
			vars: []string{"s=bad"}, // a string --var is taken as it is, not evaluated
			want: "BAD is not allowed",
		},
		{
			name: "misspelt",
			src:  "locals {\n  x = uper(\"abc\")\n}\n",
			want: `Did you mean "upper"?`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "main.hcl"), "roadmap {\n  start = \"2027-01\"\n}\n\n"+tt.src)
			cfg, diags := NewLoader().LoadDir(dir, LoadOptions{Vars: tt.vars})
			var b strings.Builder
			for _, d := range diags {
				b.WriteString(d.Summary + ": " + d.Detail + "\n")
			}
			text := b.String()
			if tt.want != "" {
				if !strings.Contains(text, tt.want) {
					t.Fatalf("diagnostics without %q:\n%s", tt.want, text)
				}
				return
			}
			if diags.HasErrors() {
				t.Fatalf("diagnostics:\n%s", text)
			}
			if got := cfg.LocalValues["x"].AsString(); got != tt.local {
				t.Errorf("local.x = %q, want %q", got, tt.local)
			}
		})
	}
}
