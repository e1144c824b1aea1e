package main

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		res := runCLI(t, args...)
		res.wantExit(t, 0)
		if !strings.HasPrefix(res.Stdout, "roadmap test (go") || !strings.HasSuffix(res.Stdout, ")\n") {
			t.Errorf("%v printed %q", args, res.Stdout)
		}
	}
	res := runCLI(t, "version", "extra")
	res.wantExit(t, 1)
	if diff := cmp.Diff("Error: unknown command \"extra\" for \"roadmap version\"\n", res.Stderr); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
}

func TestCompletion(t *testing.T) {
	want := map[string]string{
		"bash":       "# bash completion V2 for roadmap",
		"zsh":        "#compdef roadmap",
		"fish":       "# fish completion for roadmap",
		"powershell": "# powershell completion for roadmap",
	}
	for shell, prefix := range want {
		t.Run(shell, func(t *testing.T) {
			res := runCLI(t, "completion", shell)
			res.wantExit(t, 0)
			if !strings.HasPrefix(res.Stdout, prefix) {
				t.Errorf("output starts %q, want %q", res.Stdout[:min(len(res.Stdout), 60)], prefix)
			}
		})
	}
}

func TestCommandLineErrors(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantStderr string
	}{
		{
			name:       "unknown command",
			args:       []string{"frobnicate"},
			wantStderr: "Error: unknown command \"frobnicate\" for \"roadmap\"\n",
		},
		{
			name:       "misspelt command",
			args:       []string{"valdate"},
			wantStderr: "Error: unknown command \"valdate\" for \"roadmap\"\n\nDid you mean this?\n\tvalidate\n\n",
		},
		{
			name:       "unknown flag",
			args:       []string{"fmt", "--frobnicate"},
			wantStderr: "Error: unknown flag: --frobnicate\nRun 'roadmap fmt --help' for usage.\n",
		},
		{
			name:       "too many arguments",
			args:       []string{"validate", "a", "b"},
			wantStderr: "Error: accepts at most 1 arg(s), received 2\n",
		},
		{
			name:       "unknown shell for completion",
			args:       []string{"completion", "bsh"},
			wantStderr: "Error: unknown command \"bsh\" for \"roadmap completion\"\n",
		},
		{
			name:       "bad boolean",
			args:       []string{"fmt", "--check=maybe"},
			wantStderr: "Error: invalid argument \"maybe\" for \"--check\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\nRun 'roadmap fmt --help' for usage.\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := runCLI(t, tt.args...)
			res.wantExit(t, 1)
			if diff := cmp.Diff(tt.wantStderr, res.Stderr); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
			if res.Stdout != "" {
				t.Errorf("stdout = %q, want nothing", res.Stdout)
			}
		})
	}
}

func TestColor(t *testing.T) {
	tests := []struct {
		name     string
		noColor  bool
		env      []string
		terminal bool
		want     bool
	}{
		{name: "terminal", terminal: true, want: true},
		{name: "not a terminal", terminal: false, want: false},
		{name: "--no-color", noColor: true, terminal: true, want: false},
		{name: "NO_COLOR set", env: []string{"NO_COLOR=1"}, terminal: true, want: false},
		{name: "NO_COLOR empty", env: []string{"NO_COLOR="}, terminal: true, want: true},
		{name: "NO_COLOR unset again later", env: []string{"NO_COLOR=1", "NO_COLOR="}, terminal: true, want: true},
		{name: "TERM=dumb", env: []string{"TERM=dumb"}, terminal: true, want: false},
		{name: "other variables", env: []string{"NO_COLORS=1", "TERM=xterm"}, terminal: true, want: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := &globalOptions{noColor: tt.noColor}
			if got := g.color(&Streams{Env: tt.env}, tt.terminal); got != tt.want {
				t.Errorf("color = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestWidth(t *testing.T) {
	tests := []struct {
		name     string
		s        Streams
		terminal bool
		want     int
	}{
		{name: "not a terminal", s: Streams{TerminalWidth: 100}, want: 0},
		{name: "known width", s: Streams{TerminalWidth: 100, Env: []string{"COLUMNS=50"}}, terminal: true, want: 100},
		{name: "COLUMNS", s: Streams{Env: []string{"COLUMNS=50"}}, terminal: true, want: 50},
		{name: "bad COLUMNS", s: Streams{Env: []string{"COLUMNS=wide"}}, terminal: true, want: 78},
		{name: "unknown", terminal: true, want: 78},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := &globalOptions{}
			if got := g.width(&tt.s, tt.terminal); got != tt.want {
				t.Errorf("width = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestNoColorFlagReachesDiagnostics(t *testing.T) {
	run := func(args []string, env []string) string {
		res := cliRun{Args: args, Stdin: "a = {\n", Env: env, ErrIsTerminal: true}.run(t)
		res.wantExit(t, 1)
		return res.Stderr
	}
	if got := run([]string{"fmt", "-"}, nil); !strings.Contains(got, "\x1b[31m") {
		t.Errorf("no colour on a terminal:\n%q", got)
	}
	if got := run([]string{"fmt", "--no-color", "-"}, nil); strings.Contains(got, "\x1b[") {
		t.Errorf("colour despite --no-color:\n%q", got)
	}
	if got := run([]string{"--no-color", "fmt", "-"}, nil); strings.Contains(got, "\x1b[") {
		t.Errorf("colour despite --no-color before the command:\n%q", got)
	}
	if got := run([]string{"fmt", "-"}, []string{"NO_COLOR=1"}); strings.Contains(got, "\x1b[") {
		t.Errorf("colour despite NO_COLOR:\n%q", got)
	}
}

func TestLoadOptions(t *testing.T) {
	s := &Streams{Env: []string{"HOME=/root", "ROADMAP_VAR_capex=5", "ROADMAP_VARIANT=x", "ROADMAP_VAR_name=a=b"}}
	got := loadOptions(context.Background(), s, []string{"a=1", "b=x,y"}, []string{"prod.vars.hcl"}, "")
	if diff := cmp.Diff([]string{"a=1", "b=x,y"}, got.Vars); diff != "" {
		t.Errorf("Vars (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"prod.vars.hcl"}, got.VarFiles); diff != "" {
		t.Errorf("VarFiles (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"ROADMAP_VAR_capex=5", "ROADMAP_VAR_name=a=b"}, got.Env); diff != "" {
		t.Errorf("Env (-want +got):\n%s", diff)
	}
}

func TestArgumentCompletion(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{args: []string{"__complete", "fmt", ""}, want: "hcl\n:8\n"},      // .hcl files
		{args: []string{"__complete", "validate", ""}, want: ":16\n"},     // directories
		{args: []string{"__complete", "validate", "x", ""}, want: ":4\n"}, // nothing more
		{args: []string{"__complete", "validate", "--var-file", ""}, want: "hcl\njson\n:8\n"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[1:], " "), func(t *testing.T) {
			res := runCLI(t, tt.args...)
			res.wantExit(t, 0)
			if diff := cmp.Diff(tt.want, res.Stdout); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
		})
	}
}
