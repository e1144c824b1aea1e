package action

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// TestSummaryCodeKeepsTextInItsBlock: summary_code puts a file into the
// job summary as one code block that no line of the file can close, so a
// diagnostic or a check's message from a pull request (a ``` line, a
// </details>, a heading) stays text.
func TestSummaryCodeKeepsTextInItsBlock(t *testing.T) {
	for name, content := range map[string]string{
		"plain":           "Error: Unknown team\n\n  on plans/projects.hcl line 3:\n",
		"backtick fence":  "Error: check \"x\" failed: a\n```\n</details><img src=x>\n# Heading\n",
		"longer fence":    "````\n`````` inline ``` \n",
		"tilde fence":     "~~~\n<details><summary>No changes</summary>\n",
		"indented fence":  "   ```\n",
		"no last newline": "```\nlast",
		"empty":           "",
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			file, summary := filepath.Join(dir, "in.txt"), filepath.Join(dir, "summary.md")
			if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("bash", "-c", `. "$LIB" && summary "before" "" && summary_code text "$FILE" && summary "" "after"`)
			cmd.Env = append(os.Environ(), "LIB="+filepath.Join(".", "lib.sh"), "FILE="+file, "GITHUB_STEP_SUMMARY="+summary)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%v: %s", err, out)
			}
			src, err := os.ReadFile(summary)
			if err != nil {
				t.Fatal(err)
			}
			doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(src))
			var kinds []string
			for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
				kinds = append(kinds, n.Kind().String())
			}
			if strings.Join(kinds, ",") != "Paragraph,FencedCodeBlock,Paragraph" {
				t.Fatalf("blocks %v in:\n%s", kinds, src)
			}
			block := doc.FirstChild().NextSibling().(*ast.FencedCodeBlock)
			var got strings.Builder
			for i := range block.Lines().Len() {
				seg := block.Lines().At(i)
				got.Write(seg.Value(src))
			}
			want := content
			if want != "" && !strings.HasSuffix(want, "\n") {
				want += "\n"
			}
			if got.String() != want {
				t.Errorf("the block holds %q, want %q", got.String(), want)
			}
			if lang := string(block.Language(src)); lang != "text" {
				t.Errorf("language %q", lang)
			}
		})
	}
}
