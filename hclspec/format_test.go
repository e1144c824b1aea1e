package hclspec

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFormat(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{
			name: "aligns and indents",
			src:  "team \"platform\" {\ncapacity=6\n    cost_per_fte = 32000\n}\n",
			want: "team \"platform\" {\n  capacity     = 6\n  cost_per_fte = 32000\n}\n",
		},
		{
			name: "keeps comments",
			src:  "# head\ngoal \"g\" { # why\n  // line\n  weight=3 /* inline */\n}\n",
			want: "# head\ngoal \"g\" { # why\n  // line\n  weight = 3 /* inline */\n}\n",
		},
		{
			name: "spaces in expressions",
			src:  "locals {\n  x = [1,2,3]\n  y = {a=1, b=2}\n  z = max(1,2)*3\n}\n",
			want: "locals {\n  x = [1, 2, 3]\n  y = { a = 1, b = 2 }\n  z = max(1, 2) * 3\n}\n",
		},
		{name: "empty", src: "", want: ""},
		// Editors on Windows write these; formatting used to drop the BOM.
		{name: "keeps a byte order mark", src: "\xef\xbb\xbfa    =   1\n", want: "\xef\xbb\xbfa = 1\n"},
		{name: "keeps CRLF", src: "a    =   1\r\nb=2\r\n", want: "a = 1\r\nb = 2\r\n"},
		{name: "a BOM alone", src: "\xef\xbb\xbf", want: "\xef\xbb\xbf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, file, diags := Format([]byte(tt.src), "test.hcl")
			if diags.HasErrors() {
				t.Fatalf("unexpected diagnostics: %s", diags.Error())
			}
			if file == nil {
				t.Fatal("no parsed file returned")
			}
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("Format (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFormatRefusesSyntaxErrors(t *testing.T) {
	tests := []struct {
		name        string
		src         string
		wantSummary string
		wantLine    int
	}{
		{name: "missing value", src: "team \"t\" {\n  capacity = \n}\n", wantSummary: "Invalid expression", wantLine: 2},
		{name: "unclosed block", src: "team \"t\" {\n  capacity = 1\n", wantSummary: "Unclosed configuration block", wantLine: 1},
		{name: "unterminated string", src: "goal \"g\" {\n  title = \"oops\n}\n", wantSummary: "Invalid multi-line string", wantLine: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, file, diags := Format([]byte(tt.src), "bad.hcl")
			if got != nil {
				t.Errorf("Format returned output for a file that does not parse:\n%s", got)
			}
			if file == nil || string(file.Bytes) != tt.src {
				t.Error("the parsed file with its source was not returned")
			}
			if !diags.HasErrors() {
				t.Fatal("no error diagnostics")
			}
			d := diags[0]
			if d.Summary != tt.wantSummary || d.Subject == nil || d.Subject.Start.Line != tt.wantLine || d.Subject.Filename != "bad.hcl" {
				t.Errorf("first diagnostic = %q at %v, want %q on bad.hcl line %d", d.Summary, d.Subject, tt.wantSummary, tt.wantLine)
			}
		})
	}
}

// repoHCLFiles lists every .hcl file in the repository: examples, testdata
// and anything else, so formatting is checked on all the HCL we ship.
func repoHCLFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != ".." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "bin") {
			return filepath.SkipDir
		}
		if d.Type().IsRegular() && strings.HasSuffix(path, ".hcl") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestFormatIsIdempotent formats every .hcl file in the repository twice:
// the second pass must change nothing. Files with syntax errors (invalid
// testdata) must be refused instead.
func TestFormatIsIdempotent(t *testing.T) {
	files := repoHCLFiles(t)
	if len(files) == 0 {
		t.Fatal("found no .hcl files in the repository")
	}
	formatted := 0
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		once, _, diags := Format(src, path)
		if diags.HasErrors() {
			if once != nil {
				t.Errorf("%s: output despite syntax errors", path)
			}
			continue
		}
		twice, _, diags := Format(once, path)
		if diags.HasErrors() {
			t.Errorf("%s: formatted output does not parse: %s", path, diags.Error())
			continue
		}
		if diff := cmp.Diff(string(once), string(twice)); diff != "" {
			t.Errorf("%s: formatting is not idempotent (-once +twice):\n%s", path, diff)
		}
		formatted++
	}
	t.Logf("%d of %d .hcl files formatted twice", formatted, len(files))
}

// TestExamplesAreFormatted keeps `roadmap fmt --check examples` passing:
// users copy these files, so they must be canonical.
func TestExamplesAreFormatted(t *testing.T) {
	examples := filepath.Join("..", "examples")
	n := 0
	for _, path := range repoHCLFiles(t) {
		if !strings.HasPrefix(path, examples+string(filepath.Separator)) {
			continue
		}
		n++
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		got, _, diags := Format(src, path)
		if diags.HasErrors() {
			t.Errorf("%s does not parse: %s", path, diags.Error())
			continue
		}
		if diff := cmp.Diff(string(src), string(got)); diff != "" {
			t.Errorf("%s is not formatted; run `roadmap fmt -r examples` (-file +formatted):\n%s", path, diff)
		}
	}
	if _, err := os.Stat(examples); err == nil && n == 0 {
		t.Error("examples/ holds no .hcl files")
	}
}

// BenchmarkFormatExample formats every file of the main example, the size
// of a real roadmap.
func BenchmarkFormatExample(b *testing.B) {
	paths, err := filepath.Glob(filepath.Join("..", "examples", "it-department", "*.hcl"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no example files: %v", err)
	}
	srcs := make([][]byte, len(paths))
	size := 0
	for i, p := range paths {
		if srcs[i], err = os.ReadFile(p); err != nil {
			b.Fatal(err)
		}
		size += len(srcs[i])
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for i, src := range srcs {
			if _, _, diags := Format(src, paths[i]); diags.HasErrors() {
				b.Fatal(diags.Error())
			}
		}
	}
}

// BenchmarkFormatAtLimit formats a file of short attributes just under
// MaxFormatTokens, every other line misaligned (review qa17 A6's shape:
// hclwrite aligns every line), and one just over, refused before parsing.
func BenchmarkFormatAtLimit(b *testing.B) {
	misaligned := func(lines int) []byte {
		var s strings.Builder
		s.WriteString("locals {\n")
		for i := range lines {
			if i%2 == 0 {
				s.WriteString("    a" + strconv.Itoa(i) + "   =   1\n")
			} else {
				s.WriteString("a" + strconv.Itoa(i) + "=1\n")
			}
		}
		s.WriteString("}\n")
		return []byte(s.String())
	}
	for _, c := range []struct {
		name  string
		src   []byte
		fails bool
	}{{"under", misaligned(MaxFormatTokens/4 - 10), false}, {"over", misaligned(MaxFormatTokens / 4), true}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.src)))
			for b.Loop() {
				if _, _, diags := Format(c.src, "main.hcl"); diags.HasErrors() != c.fails {
					b.Fatalf("diagnostics %v, want errors: %v", diags, c.fails)
				}
			}
		})
	}
}

// TestDocSnippetsAreFormatted keeps the HCL in the README and docs/ valid
// and canonical, since readers copy it.
func TestDocSnippetsAreFormatted(t *testing.T) {
	docs, err := filepath.Glob(filepath.Join("..", "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	examples, err := filepath.Glob(filepath.Join("..", "examples", "*", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	snippets := 0
	for _, path := range append(append([]string{filepath.Join("..", "README.md")}, docs...), examples...) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for i, block := range strings.Split(string(data), "```hcl\n")[1:] {
			src, _, ok := strings.Cut(block, "```")
			if !ok {
				t.Errorf("%s: hcl snippet %d is not closed", path, i+1)
				continue
			}
			snippets++
			got, _, diags := Format([]byte(src), path)
			if diags.HasErrors() {
				t.Errorf("%s: hcl snippet %d does not parse: %s", path, i+1, diags.Error())
				continue
			}
			if diff := cmp.Diff(src, string(got)); diff != "" {
				t.Errorf("%s: hcl snippet %d is not formatted (-doc +formatted):\n%s", path, i+1, diff)
			}
		}
	}
	if snippets == 0 {
		t.Error("found no hcl snippets in the docs")
	}
}
