package action

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The rules of GitHub's metadata syntax for actions that apply to a
// composite action (docs.github.com: "Metadata syntax for GitHub Actions").
var (
	topLevelKeys  = []string{"name", "author", "description", "inputs", "outputs", "runs", "branding"}
	inputKeys     = []string{"description", "required", "default", "deprecationMessage"}
	outputKeys    = []string{"description", "value"}
	compositeKeys = []string{"using", "steps"}
	stepKeys      = []string{"run", "shell", "uses", "with", "name", "id", "if", "env", "working-directory", "continue-on-error"}
	brandingKeys  = []string{"icon", "color"}
	colors        = []string{"white", "black", "yellow", "blue", "green", "orange", "red", "purple", "gray-dark"}
	identifier    = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)
	expressionRef = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)
	setOutput     = regexp.MustCompile(`set_output ([A-Za-z0-9_-]+)`)
	scriptInRun   = regexp.MustCompile(`\$GITHUB_ACTION_PATH/([A-Za-z0-9_./-]+)`)
)

// validateAction checks action.yml (at root) against the metadata rules,
// and what the rules cannot see: every ${{ }} refers to a declared input,
// an earlier step or an output that step's script sets; no expression is
// spliced into a script; the scripts exist.
func validateAction(root string, data []byte) []string {
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	var doc map[string]any
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return []string{err.Error()}
	}
	keys := func(where string, m map[string]any, allowed, required []string) {
		for k := range m {
			if !slices.Contains(allowed, k) {
				bad("%s: unknown key %q (allowed: %s)", where, k, strings.Join(allowed, ", "))
			}
		}
		for _, k := range required {
			if _, ok := m[k]; !ok {
				bad("%s: %q is required", where, k)
			}
		}
	}
	str := func(where string, v any) string {
		s, ok := v.(string)
		if !ok {
			bad("%s: want a string, got %T", where, v)
		}
		return s
	}
	mapping := func(where string, v any) map[string]any {
		m, ok := v.(map[string]any)
		if !ok {
			bad("%s: want a mapping, got %T", where, v)
		}
		return m
	}
	keys("action.yml", doc, topLevelKeys, []string{"name", "description", "runs"})
	str("name", doc["name"])
	str("description", doc["description"])

	inputs := mapping("inputs", doc["inputs"])
	for id, v := range inputs {
		where := "inputs." + id
		if !identifier.MatchString(id) {
			bad("%s: an input id starts with a letter or _ and holds letters, digits, - and _", where)
		}
		in := mapping(where, v)
		keys(where, in, inputKeys, []string{"description"})
		if r, ok := in["required"]; ok {
			if _, isBool := r.(bool); !isBool {
				bad("%s.required: want true or false", where)
			}
		}
		if d, ok := in["default"]; ok {
			for _, ref := range refs(str(where+".default", d)) {
				if !strings.HasPrefix(ref, "github.") {
					bad("%s.default: only the github context is available to defaults, not %q", where, ref)
				}
			}
		}
	}

	runs := mapping("runs", doc["runs"])
	keys("runs", runs, compositeKeys, compositeKeys)
	if runs["using"] != "composite" {
		bad("runs.using: %v, want composite", runs["using"])
	}
	rawSteps, ok := runs["steps"].([]any)
	if !ok || len(rawSteps) == 0 {
		bad("runs.steps: want a list of steps")
	}
	stepOutputs := map[string][]string{} // step id -> outputs its script sets
	for i, raw := range rawSteps {
		where := fmt.Sprintf("runs.steps[%d]", i)
		step := mapping(where, raw)
		keys(where, step, stepKeys, nil)
		_, hasRun := step["run"]
		_, hasUses := step["uses"]
		switch {
		case hasRun == hasUses:
			bad("%s: a step has either run or uses", where)
		case hasRun:
			if _, ok := step["shell"]; !ok {
				bad("%s: a run step of a composite action needs shell", where)
			}
			run := str(where+".run", step["run"])
			if len(refs(run)) > 0 {
				bad("%s.run: ${{ }} in a script can inject shell; pass values through env", where)
			}
			for _, m := range scriptInRun.FindAllStringSubmatch(run, -1) {
				script := filepath.Join(root, m[1])
				body, err := os.ReadFile(script)
				if err != nil {
					bad("%s.run: %v", where, err)
					continue
				}
				if id, ok := step["id"].(string); ok {
					for _, o := range setOutput.FindAllStringSubmatch(string(body), -1) {
						stepOutputs[id] = append(stepOutputs[id], o[1])
					}
				}
			}
		}
		check := func(field, text string) {
			for _, ref := range refs(text) {
				if msg := checkRef(ref, inputs, stepOutputs); msg != "" {
					bad("%s.%s: %s", where, field, msg)
				}
			}
		}
		if env, ok := step["env"]; ok {
			for k, v := range mapping(where+".env", env) {
				check("env."+k, str(where+".env."+k, v))
			}
		}
		if cond, ok := step["if"]; ok {
			check("if", str(where+".if", cond))
		}
		if id, ok := step["id"]; ok {
			s := str(where+".id", id)
			if !identifier.MatchString(s) {
				bad("%s.id: %q is not a valid id", where, s)
			}
			if _, dup := stepOutputs[s+"#seen"]; dup {
				bad("%s.id: %q is used twice", where, s)
			}
			stepOutputs[s+"#seen"] = nil
			if _, ok := stepOutputs[s]; !ok {
				stepOutputs[s] = nil
			}
		}
	}

	for id, v := range mapping("outputs", doc["outputs"]) {
		where := "outputs." + id
		out := mapping(where, v)
		keys(where, out, outputKeys, outputKeys)
		for _, ref := range refs(str(where+".value", out["value"])) {
			if msg := checkRef(ref, nil, stepOutputs); msg != "" || !strings.HasPrefix(ref, "steps.") {
				bad("%s.value: %s (an output's value comes from a step)", where, msg)
			}
		}
	}

	if b, ok := doc["branding"]; ok {
		branding := mapping("branding", b)
		keys("branding", branding, brandingKeys, nil)
		if c, ok := branding["color"]; ok && !slices.Contains(colors, str("branding.color", c)) {
			bad("branding.color: %v is not one of %s", c, strings.Join(colors, ", "))
		}
		if i, ok := branding["icon"]; ok && !regexp.MustCompile(`^[a-z0-9-]+$`).MatchString(str("branding.icon", i)) {
			bad("branding.icon: %v is not a Feather icon name", i)
		}
	}
	slices.Sort(errs)
	return errs
}

// refs lists the expressions in s.
func refs(s string) []string {
	var out []string
	for _, m := range expressionRef.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

// checkRef says what is wrong with an expression, or "".
func checkRef(ref string, inputs map[string]any, stepOutputs map[string][]string) string {
	switch {
	case ref == "always()" || ref == "success()" || ref == "failure()" || ref == "cancelled()":
		return ""
	case strings.HasPrefix(ref, "inputs."):
		if _, ok := inputs[strings.TrimPrefix(ref, "inputs.")]; !ok {
			return fmt.Sprintf("%q names no declared input", ref)
		}
	case strings.HasPrefix(ref, "github."):
	case strings.HasPrefix(ref, "steps."):
		parts := strings.Split(ref, ".")
		if len(parts) != 4 || parts[2] != "outputs" {
			return fmt.Sprintf("%q: want steps.<id>.outputs.<name>", ref)
		}
		outs, ok := stepOutputs[parts[1]]
		if !ok {
			return fmt.Sprintf("%q: no earlier step has id %q", ref, parts[1])
		}
		if !slices.Contains(outs, parts[3]) {
			return fmt.Sprintf("%q: the script of step %q never sets output %q", ref, parts[1], parts[3])
		}
	default:
		return fmt.Sprintf("%q: the action uses only inputs, github and steps", ref)
	}
	return ""
}

func TestActionMetadata(t *testing.T) {
	root := filepath.Join("..", "..")
	data, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if errs := validateAction(root, data); len(errs) > 0 {
		t.Errorf("action.yml breaks the metadata rules:\n%s", strings.Join(errs, "\n"))
	}
}

// TestActionMetadataValidator: the validator catches what it is for.
func TestActionMetadataValidator(t *testing.T) {
	root := filepath.Join("..", "..")
	valid, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, old, new, want string
	}{
		{"unknown top-level key", "\nruns:", "\nrun:", `action.yml: unknown key "run"`},
		{"input without description", "  directory:\n    description: The roadmap directory, relative to the repository's root.\n", "  directory:\n", `inputs.directory: "description" is required`},
		{"expression in a script", `run: bash "$GITHUB_ACTION_PATH/scripts/action/check.sh"`, `run: bash "$GITHUB_ACTION_PATH/scripts/action/check.sh" "${{ inputs.directory }}"`, "can inject shell"},
		{"undeclared input", "INPUT_BASE: ${{ inputs.base }}", "INPUT_BASE: ${{ inputs.bse }}", `"inputs.bse" names no declared input`},
		{"output no script sets", "${{ steps.check.outputs.changed }}", "${{ steps.check.outputs.changes }}", `never sets output "changes"`},
		{"run step without shell", "      id: check\n      shell: bash\n", "      id: check\n", "needs shell"},
		{"bad colour", "color: blue", "color: teal", "branding.color: teal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(string(valid), tt.old) {
				t.Fatalf("action.yml has no %q to break", tt.old)
			}
			broken := strings.Replace(string(valid), tt.old, tt.new, 1)
			errs := validateAction(root, []byte(broken))
			if !strings.Contains(strings.Join(errs, "\n"), tt.want) {
				t.Errorf("errors %q lack %q", errs, tt.want)
			}
		})
	}
}

// TestWorkflowsUseDeclaredInputs: the example workflow (which init --ci
// writes) passes the action only inputs it declares, and checks out the
// history the plan diff needs.
func TestWorkflowsUseDeclaredInputs(t *testing.T) {
	root := filepath.Join("..", "..")
	meta := loadAction(t, filepath.Join(root, "action.yml"))
	data, err := os.ReadFile(filepath.Join(root, "examples", "ci", "github-actions.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var workflow struct {
		On          map[string]any `yaml:"on"`
		Permissions map[string]string
		Jobs        map[string]struct {
			Steps []struct {
				Uses string
				With map[string]any
			}
		}
	}
	if err := yaml.Unmarshal(data, &workflow); err != nil {
		t.Fatal(err)
	}
	if workflow.Permissions["pull-requests"] != "write" {
		t.Errorf("permissions: %v, want pull-requests: write for the comment", workflow.Permissions)
	}
	used := false
	for _, job := range workflow.Jobs {
		for _, step := range job.Steps {
			switch {
			case strings.HasPrefix(step.Uses, "actions/checkout@"):
				if step.With["fetch-depth"] != 0 {
					t.Errorf("checkout with fetch-depth %v: the plan diff needs the base branch's history (0)", step.With["fetch-depth"])
				}
			case strings.HasPrefix(step.Uses, "roadmap-as-code/roadmap@"):
				used = true
				for k := range step.With {
					if _, ok := meta.Inputs[k]; !ok {
						t.Errorf("the workflow passes %q, which action.yml does not declare", k)
					}
				}
			}
		}
	}
	if !used {
		t.Error("the example workflow does not use the roadmap Action")
	}
}
