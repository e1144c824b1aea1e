package main

// `make docs` runs TestDocsAreGenerated with -update: it rewrites the
// generated blocks of docs/cli.md, the command reference in docs/cli/ and
// the man pages in docs/man/ from the cobra commands. Without -update the
// test fails when any of them differs from what the commands say.

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
	"github.com/spf13/pflag"

	"github.com/roadmap-as-code/roadmap/internal/golden"
)

const docsHint = "the docs are out of date with the commands: run `make docs` and commit the result"

// docsRoot is the command tree as the docs describe it.
func docsRoot() *cobra.Command {
	root := newRootCmd(infoForVersion("dev"), &Streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}, nil)
	root.DisableAutoGenTag = true
	return root
}

// documented lists the commands the docs cover, in cobra's order: every
// available command but help.
func documented(cmd *cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() && c.Name() != "help" {
			out = append(out, c)
		}
	}
	return out
}

// flagName is a flag as the docs write it: `-l`, `--list` or `--out FILE`.
func flagName(f *pflag.Flag) string {
	varname, _ := pflag.UnquoteUsage(f)
	name := "`--" + f.Name
	if varname != "" && f.Value.Type() != "bool" {
		name += " " + varname
	}
	name += "`"
	if f.Shorthand != "" {
		name = "`-" + f.Shorthand + "`, " + name
	}
	return name
}

// flagsTable is a Markdown table of fs, or "" when it has no flag.
func flagsTable(fs *pflag.FlagSet) string {
	var b strings.Builder
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Name == "help" {
			return
		}
		if b.Len() == 0 {
			b.WriteString("| Flag | Default | Meaning |\n|---|---|---|\n")
		}
		_, usage := pflag.UnquoteUsage(f)
		def := f.DefValue
		switch def {
		case "", "false", "0", "[]":
			def = ""
		default:
			def = "`" + def + "`"
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", flagName(f), def, strings.ReplaceAll(usage, "|", `\|`))
	})
	return b.String()
}

// commandBlock is the generated part of a command's section in
// docs/cli.md: its usage line(s) and flags, and its subcommands'.
func commandBlock(cmd *cobra.Command) string {
	var b strings.Builder
	runnable := []*cobra.Command{cmd}
	if subs := documented(cmd); len(subs) > 0 {
		runnable = subs
	}
	b.WriteString("```\n")
	for _, c := range runnable {
		b.WriteString(c.UseLine() + "\n")
	}
	b.WriteString("```\n")
	for _, c := range runnable {
		table := flagsTable(c.LocalFlags())
		if table == "" {
			continue
		}
		if len(runnable) > 1 {
			fmt.Fprintf(&b, "\nFlags of `%s`:\n", c.CommandPath())
		}
		b.WriteString("\n" + table)
	}
	fmt.Fprintf(&b, "\nFull reference: [%s](cli/%s.md).\n", cmd.CommandPath(), strings.ReplaceAll(cmd.CommandPath(), " ", "_"))
	return b.String()
}

// commandsBlock is the overview of every command.
func commandsBlock(root *cobra.Command) string {
	var b strings.Builder
	b.WriteString("```\n")
	width := 0
	for _, c := range documented(root) {
		width = max(width, len(c.CommandPath()+" "+strings.TrimPrefix(c.Use, c.Name())))
	}
	for _, c := range documented(root) {
		fmt.Fprintf(&b, "%-*s  %s\n", width, c.CommandPath()+strings.TrimPrefix(c.Use, c.Name()), c.Short)
	}
	b.WriteString("```\n")
	return b.String()
}

var generatedBlock = regexp.MustCompile(`(?s)<!-- BEGIN GENERATED ([a-z -]+?) \(make docs\) -->\n.*?<!-- END GENERATED ([a-z -]+?) -->\n`)

// updateCLIDoc rewrites the generated blocks of doc: "commands", "global
// flags" and one per command. A command without a block gets a new section
// at the end (write its prose around the block); the block of a command
// that no longer exists is dropped.
func updateCLIDoc(doc string, root *cobra.Command) (string, error) {
	blocks := map[string]string{"commands": commandsBlock(root), "global flags": flagsTable(root.PersistentFlags())}
	var order []string
	for _, c := range documented(root) {
		blocks[c.CommandPath()] = commandBlock(c)
		order = append(order, c.CommandPath())
	}
	seen := map[string]bool{}
	var err error
	doc = generatedBlock.ReplaceAllStringFunc(doc, func(m string) string {
		parts := generatedBlock.FindStringSubmatch(m)
		name := parts[1]
		if parts[2] != name {
			err = fmt.Errorf("docs/cli.md: the block BEGIN %q ends with END %q", name, parts[2])
		}
		seen[name] = true
		body, ok := blocks[name]
		if !ok {
			return "" // a command that is gone
		}
		return wrapBlock(name, body)
	})
	if err != nil {
		return "", err
	}
	for _, name := range []string{"commands", "global flags"} {
		if !seen[name] {
			return "", fmt.Errorf("docs/cli.md has no %q block: put <!-- BEGIN GENERATED %s (make docs) --> and <!-- END GENERATED %s --> where it goes", name, name, name)
		}
	}
	for _, name := range order {
		if !seen[name] {
			doc = strings.TrimRight(doc, "\n") + "\n\n## " + name + "\n\n" + wrapBlock(name, blocks[name])
		}
	}
	return doc, nil
}

func wrapBlock(name, body string) string {
	return "<!-- BEGIN GENERATED " + name + " (make docs) -->\n" + body + "<!-- END GENERATED " + name + " -->\n"
}

// generatedDocs returns every generated file (path from the repository's
// root -> content).
func generatedDocs(t *testing.T, repo string) map[string][]byte {
	t.Helper()
	root := docsRoot()
	files := map[string][]byte{}

	cli, err := os.ReadFile(filepath.Join(repo, "docs", "cli.md"))
	if err != nil {
		t.Fatal(err)
	}
	updated, err := updateCLIDoc(string(cli), root)
	if err != nil {
		t.Fatal(err)
	}
	files["docs/cli.md"] = []byte(updated)

	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		base := strings.ReplaceAll(c.CommandPath(), " ", "_")
		var md bytes.Buffer
		if err := doc.GenMarkdownCustom(c, &md, func(name string) string { return name }); err != nil {
			t.Fatal(err)
		}
		files["docs/cli/"+base+".md"] = md.Bytes()
		var man bytes.Buffer
		header := &doc.GenManHeader{Title: strings.ToUpper(strings.ReplaceAll(c.CommandPath(), " ", "-")), Section: "1", Source: "roadmap", Manual: "roadmap manual"}
		if err := doc.GenMan(c, header, &man); err != nil {
			t.Fatal(err)
		}
		// The page's date would change every day: leave it out.
		files["docs/man/"+strings.ReplaceAll(c.CommandPath(), " ", "-")+".1"] = manWithoutDate(man.Bytes())
		for _, sub := range documented(c) {
			walk(sub)
		}
	}
	walk(root)
	return files
}

// manWithoutDate blanks the date field of the .TH line.
func manWithoutDate(page []byte) []byte {
	return regexp.MustCompile(`(?m)^(\.TH "[^"]*" "[^"]*" )"[^"]*"`).ReplaceAll(page, []byte(`$1""`))
}

func TestDocsAreGenerated(t *testing.T) {
	repo := filepath.Join("..", "..")
	want := generatedDocs(t, repo)
	// The generated directories hold exactly the generated files.
	for _, dir := range []string{"docs/cli", "docs/man"} {
		entries, _ := os.ReadDir(filepath.Join(repo, dir))
		for _, e := range entries {
			name := dir + "/" + e.Name()
			if _, ok := want[name]; ok {
				continue
			}
			if golden.Update() {
				if err := os.Remove(filepath.Join(repo, name)); err != nil {
					t.Fatal(err)
				}
				continue
			}
			t.Errorf("%s documents no command: %s", name, docsHint)
		}
	}
	names := make([]string, 0, len(want))
	for name := range want {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		path := filepath.Join(repo, filepath.FromSlash(name))
		if golden.Update() {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, want[name], 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: %v; %s", name, err, docsHint)
			continue
		}
		if diff := cmp.Diff(string(want[name]), string(got)); diff != "" {
			t.Errorf("%s: %s (-generated +committed):\n%s", name, docsHint, diff)
		}
	}
}
