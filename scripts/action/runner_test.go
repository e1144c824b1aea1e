package action

// A small stand-in for the GitHub Actions runner: it reads action.yml and
// runs its composite steps the way the runner does (bash --noprofile
// --norc -eo pipefail, the step's env with ${{ }} expressions evaluated,
// GITHUB_OUTPUT, GITHUB_PATH and GITHUB_STEP_SUMMARY files, if: always()),
// so the tests exercise the action exactly as written.

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// actionMetadata is the part of action.yml the runner needs.
type actionMetadata struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionStep struct {
	Name  string            `yaml:"name"`
	ID    string            `yaml:"id"`
	If    string            `yaml:"if"`
	Shell string            `yaml:"shell"`
	Run   string            `yaml:"run"`
	Env   map[string]string `yaml:"env"`
}

// workflowRun is one use of the action in a job.
type workflowRun struct {
	Inputs    map[string]string // the with: of the workflow step
	Env       map[string]string // GITHUB_*, RUNNER_* and the rest
	Workspace string            // GITHUB_WORKSPACE, the checked-out repository
	Token     string            // github.token
	ActionRef string            // github.action_ref
}

// runResult is what the job shows.
type runResult struct {
	Log     string            // every step's stdout and stderr
	Failed  []string          // names of the steps that failed
	Skipped []string          // names of the steps not run
	Outputs map[string]string // the action's outputs
	Summary string            // the job summary
	Path    []string          // directories added with GITHUB_PATH
}

// annotations are the workflow commands (::error ..., ::warning ...) in the log.
func (r runResult) annotations() []string {
	var out []string
	for _, line := range strings.Split(r.Log, "\n") {
		if strings.HasPrefix(line, "::error") || strings.HasPrefix(line, "::warning") || strings.HasPrefix(line, "::notice") {
			out = append(out, line)
		}
	}
	return out
}

var expression = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)

func loadAction(t *testing.T, path string) actionMetadata {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var meta actionMetadata
	if err := yaml.Unmarshal(data, &meta); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return meta
}

// runAction runs the composite action at dir (GITHUB_ACTION_PATH).
func runAction(t *testing.T, dir string, run workflowRun) runResult {
	t.Helper()
	meta := loadAction(t, filepath.Join(dir, "action.yml"))
	if meta.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q", meta.Runs.Using)
	}
	tmp := t.TempDir()
	summaryFile := filepath.Join(tmp, "summary.md")
	pathFile := filepath.Join(tmp, "path")
	for _, f := range []string{summaryFile, pathFile} {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	inputs := map[string]string{}
	github := map[string]string{"token": run.Token, "action_ref": run.ActionRef}
	for name, in := range meta.Inputs {
		// Defaults may be expressions themselves (${{ github.token }}).
		inputs[name] = evaluate(t, in.Default, map[string]map[string]string{"github": github})
	}
	for name, v := range run.Inputs {
		if _, ok := meta.Inputs[name]; !ok {
			t.Fatalf("the workflow passes input %q, which action.yml does not declare", name)
		}
		inputs[name] = v
	}
	steps := map[string]map[string]string{}
	var res runResult
	var log bytes.Buffer
	failed := false
	for i, step := range meta.Runs.Steps {
		name := step.Name
		if name == "" {
			name = fmt.Sprintf("step %d", i+1)
		}
		if failed && step.If != "always()" {
			res.Skipped = append(res.Skipped, name)
			continue
		}
		ctx := map[string]map[string]string{"inputs": inputs, "github": github}
		for id, outs := range steps {
			ctx["steps."+id+".outputs"] = outs
		}
		outputFile := filepath.Join(tmp, fmt.Sprintf("output-%d", i))
		script := filepath.Join(tmp, fmt.Sprintf("step-%d.sh", i))
		if err := os.WriteFile(outputFile, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(script, []byte(step.Run), 0o644); err != nil {
			t.Fatal(err)
		}
		env := map[string]string{}
		for k, v := range run.Env {
			env[k] = v
		}
		pathDirs := strings.Fields(strings.ReplaceAll(readString(t, pathFile), "\n", " "))
		res.Path = pathDirs
		if len(pathDirs) > 0 {
			// GITHUB_PATH entries come first, the newest first.
			var rev []string
			for j := len(pathDirs) - 1; j >= 0; j-- {
				rev = append(rev, pathDirs[j])
			}
			env["PATH"] = strings.Join(rev, string(os.PathListSeparator)) + string(os.PathListSeparator) + env["PATH"]
		}
		env["GITHUB_ACTION_PATH"] = dir
		env["GITHUB_WORKSPACE"] = run.Workspace
		env["GITHUB_OUTPUT"] = outputFile
		env["GITHUB_PATH"] = pathFile
		env["GITHUB_STEP_SUMMARY"] = summaryFile
		for k, v := range step.Env {
			env[k] = evaluate(t, v, ctx)
		}
		if step.Shell != "bash" {
			t.Fatalf("step %q: shell %q, the runner here knows bash", name, step.Shell)
		}
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir = run.Workspace
		for k, v := range env {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		cmd.Stdout, cmd.Stderr = &log, &log
		fmt.Fprintf(&log, "##[group]%s\n", name)
		err := cmd.Run()
		fmt.Fprintf(&log, "##[endgroup]\n")
		if err != nil {
			failed = true
			res.Failed = append(res.Failed, name)
		}
		if step.ID != "" {
			steps[step.ID] = parseOutputs(t, outputFile)
		}
	}
	ctx := map[string]map[string]string{}
	for id, outs := range steps {
		ctx["steps."+id+".outputs"] = outs
	}
	res.Outputs = map[string]string{}
	for name, out := range meta.Outputs {
		res.Outputs[name] = evaluate(t, out.Value, ctx)
	}
	res.Log = log.String()
	res.Summary = readString(t, summaryFile)
	return res
}

// evaluate replaces the ${{ context.name }} expressions of s; an unknown
// context fails the test, an unset value is "" as in GitHub.
func evaluate(t *testing.T, s string, ctx map[string]map[string]string) string {
	t.Helper()
	return expression.ReplaceAllStringFunc(s, func(m string) string {
		expr := expression.FindStringSubmatch(m)[1]
		dot := strings.LastIndex(expr, ".")
		if dot < 0 {
			t.Fatalf("expression %q: the runner here knows only context.name", expr)
		}
		values, ok := ctx[expr[:dot]]
		if !ok {
			t.Fatalf("expression %q: unknown context %q here", expr, expr[:dot])
		}
		return values[expr[dot+1:]]
	})
}

// parseOutputs reads a GITHUB_OUTPUT file: name=value lines and
// name<<DELIMITER blocks.
func parseOutputs(t *testing.T, path string) map[string]string {
	t.Helper()
	out := map[string]string{}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if name, delim, ok := strings.Cut(line, "<<"); ok && !strings.Contains(name, "=") {
			var lines []string
			for sc.Scan() && sc.Text() != delim {
				lines = append(lines, sc.Text())
			}
			out[name] = strings.Join(lines, "\n")
			continue
		}
		name, value, ok := strings.Cut(line, "=")
		if !ok {
			t.Fatalf("GITHUB_OUTPUT line %q is neither name=value nor name<<DELIMITER", line)
		}
		out[name] = value
	}
	return out
}

func readString(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
