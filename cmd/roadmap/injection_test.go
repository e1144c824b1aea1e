package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	xhtml "golang.org/x/net/html"

	"github.com/roadmap-as-code/roadmap/internal/safetext"
	"github.com/roadmap-as-code/roadmap/report"
)

// The injection corpus (docs/security.md#threat-model): roadmaps under
// testdata/injection whose names, titles, check and validation messages
// carry payloads for a CI runner, a pull-request comment and a terminal,
// plus cases built at test time (file names, raw bytes in a source line,
// a saved plan with hostile ids, a diff far over a comment's size). Every
// command runs them in every output format, and both streams of every run
// must keep these guarantees:
//
//   - no line a GitHub Actions runner reads (split at \n and \r) starts
//     a workflow command after white space, none holds the legacy "##[";
//     with --format github, stdout is annotations only;
//   - no terminal control: no C0 or C1 control but tab and newline, no
//     DEL, no bidirectional override; on a terminal with colour, only
//     roadmap's own colours;
//   - Markdown (the plan and the PR comment), parsed with goldmark: no
//     HTML but roadmap's <br>, <details>, <summary> and marker, <details>
//     balanced, no fence but roadmap's, nothing after a fence swallowed,
//     no heading, list, quote, link, image, mention, issue reference or
//     bare URL from the payload, and no table cell split by it;
//   - the PR comment fits GitHub's limit of 65,536 characters.

const injectionRoot = "testdata/injection"

// fileNamePayload is a file name an attacker can commit (anything but /
// and NUL).
const fileNamePayload = "x\n::add-mask::FILE ##[set-output name=f]v \r::error::cr \x1b]0;t\x07\u202e<details>@octocat.hcl"

// injectionRun is one command line and what its outputs are.
type injectionRun struct {
	name     string
	run      cliRun
	codes    []int  // exit statuses it may end with
	markdown string // "plan", "comment" or "report" (another) when stdout is Markdown
	wantOut  string // text stdout must hold, so the payload did reach it
	wantErr  string // likewise for stderr
}

func TestInjectionCorpus(t *testing.T) {
	dir := filepath.Join(injectionRoot, "payloads")
	tmp := t.TempDir()
	base := filepath.Join(tmp, "base.json")
	runCLI(t, "plan", "--var", "capacity=2", "--format", "json", "--out", base, dir).wantExit(t, 1)
	hostile := filepath.Join(tmp, "hostile.json")
	writeHostilePlan(t, base, hostile)
	named := fileNameRoadmap(t, dir)
	raw := rawBytesRoadmap(t)

	var runs []injectionRun
	add := func(r injectionRun) { runs = append(runs, r) }
	fail := []int{1}
	// validate: the roadmap is valid; with --var over the limit, the
	// validation message is the payload.
	add(injectionRun{name: "validate", run: cliRun{Args: []string{"validate", dir}}, codes: []int{0}})
	add(injectionRun{name: "validate/terminal", run: cliRun{Args: []string{"validate", dir}, OutIsTerminal: true, ErrIsTerminal: true}, codes: []int{0}})
	for _, args := range [][]string{{}, {"--json"}, {"--format", "github"}, {"--format", "sarif"}, {"--format", "junit"}} {
		// Diagnostics go to stderr, and to stdout in a machine format.
		want := func(s string) (out, err string) {
			if len(args) == 0 {
				return "", s
			}
			return s, ""
		}
		out, errs := want("Capacity")
		add(injectionRun{name: "validate-var/" + strings.Join(args, ""), codes: fail, wantOut: out, wantErr: errs,
			run: cliRun{Args: append(append([]string{"validate", "--var", "capacity=200"}, args...), dir)}})
		out, errs = want("FILE")
		add(injectionRun{name: "validate-filename/" + strings.Join(args, ""), codes: fail, wantOut: out, wantErr: errs,
			run: cliRun{Args: append(append([]string{"validate"}, args...), named.broken)}})
		out, errs = want("titel")
		add(injectionRun{name: "validate-raw/" + strings.Join(args, ""), codes: fail, wantOut: out, wantErr: errs,
			run: cliRun{Args: append(append([]string{"validate"}, args...), raw)}})
	}
	add(injectionRun{name: "validate-raw/terminal", codes: fail, wantErr: "titel",
		run: cliRun{Args: []string{"validate", raw}, ErrIsTerminal: true, OutIsTerminal: true}})
	add(injectionRun{name: "plan-var/terminal", codes: fail, wantErr: "Capacity",
		run: cliRun{Args: []string{"plan", "--var", "capacity=200", dir}, ErrIsTerminal: true, OutIsTerminal: true}})

	// plan and show in every text format; the error check fails (exit 1).
	for _, f := range report.PlanFormats() {
		if report.BinaryFormat(f) {
			continue
		}
		md := ""
		if f == "markdown" {
			md = "plan"
		}
		extra := []string{}
		if f == "csv" {
			extra = []string{"--table", "ranked"}
		}
		add(injectionRun{name: "plan/" + f, codes: fail, markdown: md, wantErr: "fails_error",
			run: cliRun{Args: append(append([]string{"plan", "--format", f}, extra...), dir)}})
		add(injectionRun{name: "plan-filename/" + f, codes: fail, markdown: md,
			run: cliRun{Args: append(append([]string{"plan", "--format", f}, extra...), named.valid)}})
		add(injectionRun{name: "show/" + f, codes: []int{0}, markdown: md,
			run: cliRun{Args: append(append([]string{"show", "--format", f}, extra...), base)}})
		add(injectionRun{name: "show-hostile/" + f, codes: []int{0}, markdown: md,
			run: cliRun{Args: append(append([]string{"show", "--format", f}, extra...), hostile)}})
	}
	add(injectionRun{name: "plan/terminal", codes: fail, wantOut: "INJECTED_HEADING",
		run: cliRun{Args: []string{"plan", dir}, OutIsTerminal: true, ErrIsTerminal: true, TerminalWidth: 100}})
	add(injectionRun{name: "show-hostile/terminal", codes: []int{0},
		run: cliRun{Args: []string{"show", hostile}, OutIsTerminal: true, ErrIsTerminal: true, TerminalWidth: 100}})

	// The diff against the saved plan, in every diff format.
	for _, f := range diffFormats() {
		if report.BinaryFormat(f) {
			continue // a workbook: TestPlanDiffWorkbook reads it back
		}
		md := ""
		if f == "markdown" {
			md = "comment"
		}
		add(injectionRun{name: "compare/" + f, codes: fail, markdown: md,
			run: cliRun{Args: []string{"plan", "--compare", base, "--format", f, dir}}})
		add(injectionRun{name: "compare-hostile/" + f, codes: fail, markdown: md,
			run: cliRun{Args: []string{"plan", "--compare", hostile, "--format", f, dir}}})
	}
	add(injectionRun{name: "compare/terminal", codes: fail,
		run: cliRun{Args: []string{"plan", "--compare", base, dir}, OutIsTerminal: true, ErrIsTerminal: true}})

	for _, f := range report.SimulationFormats() {
		if report.BinaryFormat(f) {
			continue
		}
		md := ""
		if f == "markdown" {
			md = "report"
		}
		add(injectionRun{name: "simulate/" + f, codes: []int{0, 1}, markdown: md,
			run: cliRun{Args: []string{"simulate", "--runs", "20", "--format", f, dir}}})
	}
	add(injectionRun{name: "simulate/terminal", codes: []int{0, 1},
		run: cliRun{Args: []string{"simulate", "--runs", "20", dir}, OutIsTerminal: true, ErrIsTerminal: true}})

	// The audit (the payload in a system's title and vendor) and the
	// scenario comparison (in a scenario's description).
	for _, f := range []string{"table", "json", "markdown", "html"} {
		md := ""
		if f == "markdown" {
			md = "report"
		}
		add(injectionRun{name: "audit/" + f, codes: []int{0}, markdown: md,
			run: cliRun{Args: []string{"audit", "--format", f, dir}}})
	}
	for _, f := range report.ComparisonFormats() {
		if report.BinaryFormat(f) {
			continue
		}
		md := ""
		if f == "markdown" {
			md = "report"
		}
		add(injectionRun{name: "scenarios/" + f, codes: []int{0}, markdown: md,
			run: cliRun{Args: []string{"compare", "--format", f, dir}}})
	}
	add(injectionRun{name: "audit/terminal", codes: []int{0}, wantOut: "zero",
		run: cliRun{Args: []string{"audit", dir}, OutIsTerminal: true, ErrIsTerminal: true, TerminalWidth: 100}})

	for _, args := range [][]string{{"--format", "dot"}, {"--format", "mermaid"}, {"--format", "dot", "--goals"}, {"--format", "mermaid", "--goals"}} {
		add(injectionRun{name: "graph/" + strings.Join(args, ""), codes: []int{0},
			run: cliRun{Args: append(append([]string{"graph"}, args...), dir)}})
	}
	for _, args := range [][]string{{"--check", "-l"}, {"--diff"}} {
		add(injectionRun{name: "fmt/" + strings.Join(args, ""), codes: []int{0, 1},
			run: cliRun{Args: append(append([]string{"fmt"}, args...), named.valid)}})
	}

	for _, r := range runs {
		t.Run(r.name, func(t *testing.T) {
			res := r.run.run(t)
			if !slices.Contains(r.codes, res.Code) {
				t.Fatalf("exit status %d, want one of %v\nstderr:\n%s", res.Code, r.codes, res.Stderr)
			}
			annotations := slices.Contains(r.run.Args, "github")
			checkInertStream(t, "stdout", res.Stdout, r.run.OutIsTerminal, annotations)
			checkInertStream(t, "stderr", res.Stderr, r.run.ErrIsTerminal, false)
			if r.wantOut != "" && !strings.Contains(res.Stdout, r.wantOut) {
				t.Errorf("stdout lacks %q: the payload did not reach it", r.wantOut)
			}
			if r.wantErr != "" && !strings.Contains(res.Stderr, r.wantErr) {
				t.Errorf("stderr lacks %q: the payload did not reach it\n%s", r.wantErr, res.Stderr)
			}
			if r.markdown != "" {
				checkMarkdown(t, res.Stdout, r.markdown)
			}
			if slices.Contains(r.run.Args, "html") {
				checkHTML(t, res.Stdout)
			}
			if (slices.Contains(r.run.Args, "json") || slices.Contains(r.run.Args, "--json") || slices.Contains(r.run.Args, "sarif")) &&
				!json.Valid([]byte(res.Stdout)) {
				t.Errorf("stdout is not valid JSON:\n%.2000s", res.Stdout)
			}
			if slices.Contains(r.run.Args, "mermaid") && slices.Contains(r.run.Args, "graph") {
				checkMermaidNodes(t, res.Stdout)
			}
		})
	}
}

// TestInvisibleCharactersEscaped: invisible format characters (zero
// width space, word joiner, invisible operators, byte order mark, soft
// hyphen, tag characters) in a title are escaped like the bidirectional
// overrides beside them, in every format of plan, audit and compare
// (review F6: U+200B passed raw while U+202E was escaped); the joiners and
// direction marks written text needs are kept.
func TestInvisibleCharactersEscaped(t *testing.T) {
	dir := filepath.Join(injectionRoot, "payloads")
	invisible := []string{"\u200b", "\u2060", "\u2064", "\ufeff", "\u00ad", "\U000E0041"}
	var runs [][]string
	for _, f := range []string{"table", "json", "markdown", "html", "csv"} {
		runs = append(runs, []string{"plan", "--format", f, dir}, []string{"compare", "--format", f, dir})
	}
	for _, f := range []string{"table", "json", "markdown", "html"} {
		runs = append(runs, []string{"audit", "--format", f, dir})
	}
	for _, args := range runs {
		t.Run(strings.Join(args[:3], " "), func(t *testing.T) {
			res := runCLI(t, args...)
			for _, r := range invisible {
				if strings.Contains(res.Stdout, r) || strings.Contains(res.Stderr, r) {
					t.Errorf("raw %U in the output", []rune(r)[0])
				}
			}
			if !strings.Contains(res.Stdout, `\u202etxt.exe`) && !strings.Contains(res.Stdout, `\\u202etxt.exe`) {
				t.Fatalf("the payload did not reach stdout")
			}
			want := `zero\u200bwidth\u2060\u2064\ufeff\u00ad\udb40\udc41 FORGED`
			if !strings.Contains(res.Stdout, want) && !strings.Contains(res.Stdout, strings.ReplaceAll(want, `\`, `\\`)) {
				t.Errorf("stdout lacks %q", want)
			}
		})
	}
	kept := "می\u200cخواهم 👩\u200d💻 \u200fשלום\u200e"
	if got := safetext.Escape(kept); got != kept {
		t.Errorf("Escape(%q) = %q: joiners and direction marks must be kept", kept, got)
	}
}

// TestInjectionCommentFitsGitHub is the oversize comment: 400 changed
// projects whose titles are 3,000 characters of payload and 100 failing
// checks with as long messages, which once made a comment of hundreds of
// thousands of characters.
func TestInjectionCommentFitsGitHub(t *testing.T) {
	dir := t.TempDir()
	payload := strings.Repeat("</details><details> @octocat ``` ~~~ # x | y \n ::add-mask::z \x1b[2J ", 50)[:3000]
	var b strings.Builder
	fmt.Fprintf(&b, "roadmap {\n  name    = %s\n  start   = \"2027-Q1\"\n  horizon = 8\n}\n", hclString(payload))
	b.WriteString("variable \"cap\" {\n  type    = number\n  default = 400\n}\n")
	b.WriteString("goal \"g\" {\n  weight = 1\n}\n")
	b.WriteString("team \"t\" {\n  capacity     = var.cap\n  cost_per_fte = 1000\n}\n")
	for i := range 400 {
		fmt.Fprintf(&b, "project \"p%d\" {\n  title    = %s\n  goals    = { g = 1 }\n  duration = 2\n  effort   = { t = 1 }\n  cost {\n    one_time = %d\n  }\n  benefit {\n    per_year = %d\n  }\n}\n",
			i, hclString(fmt.Sprintf("%d %s", i, payload)), 1000+i, 5000+i)
	}
	for i := range 100 {
		fmt.Fprintf(&b, "check \"c%d\" {\n  condition     = var.cap > 1000\n  error_message = %s\n}\n", i, hclString(fmt.Sprintf("%d %s", i, payload)))
	}
	writeFiles(t, dir, map[string]string{"main.hcl": b.String()})
	base := filepath.Join(t.TempDir(), "base.json")
	runCLI(t, "plan", "--var", "cap=100", "--format", "json", "--out", base, dir).wantExit(t, 1)
	res := runCLI(t, "plan", "--compare", base, "--format", "markdown", dir)
	res.wantExit(t, 1)
	md := res.Stdout
	if md == "" {
		t.Fatalf("no comment; stderr:\n%.2000s", res.Stderr)
	}
	checkInertStream(t, "stdout", md, false, false)
	checkMarkdown(t, md, "comment")
	for _, want := range []string{"**Plan: ", "more: see the full diff", "cut to fit a GitHub comment", "| Totals | Before | After |"} {
		if !strings.Contains(md, want) {
			t.Errorf("the comment lacks %q", want)
		}
	}
	t.Logf("comment: %d characters, %d bytes", utf8.RuneCountInString(md), len(md))
}

// hclString is s as an HCL quoted string.
func hclString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case (r == '$' || r == '%') && strings.HasPrefix(s[i+1:], "{"):
			b.WriteRune(r)
			b.WriteRune(r)
		case r < 0x20 || r >= 0x7f && r <= 0x9f:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// checkInertStream checks the guarantees every stream keeps.
func checkInertStream(t *testing.T, name, out string, colour, annotations bool) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Errorf("%s is not UTF-8", name)
	}
	for _, line := range strings.FieldsFunc(out, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if annotations {
			if !strings.HasPrefix(line, "::error ") && !strings.HasPrefix(line, "::warning ") {
				t.Errorf("%s: a line of --format github is not an annotation: %q", name, line)
			}
			continue
		}
		if strings.HasPrefix(strings.TrimLeftFunc(line, isDotNetSpace), "::") {
			t.Errorf("%s: line starts a workflow command: %q", name, line)
		}
	}
	if i := strings.Index(out, "##["); i >= 0 {
		t.Errorf("%s holds the legacy command prefix: %q", name, out[max(i-40, 0):min(i+40, len(out))])
	}
	plain := out
	if colour {
		for _, s := range []string{safetext.Reset, safetext.Bold, safetext.Red, safetext.Green, safetext.Yellow, safetext.BoldGreen, safetext.BoldUnderline} {
			plain = strings.ReplaceAll(plain, s, "")
		}
		if strings.Contains(out, "FORGED\x1b") {
			t.Errorf("%s: a colour from user text reached the terminal", name)
		}
	} else if strings.Contains(out, "\x1b") {
		t.Errorf("%s: escape character without colour", name)
	}
	for i, r := range plain {
		if r == '\r' && strings.HasPrefix(plain[i:], "\r\n") {
			continue // CRLF (CSV): a line break
		}
		if safetext.Unsafe(r) {
			t.Errorf("%s: raw %U at byte %d: %q", name, r, i, plain[max(i-40, 0):min(i+40, len(plain))])
			return
		}
	}
}

// isDotNetSpace is .NET's char.IsWhiteSpace, which the runner's
// String.TrimStart uses before looking for "::".
func isDotNetSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// allowedHTML is the only HTML roadmap writes into Markdown.
var allowedHTML = map[string]bool{
	"<details><summary>Full plan diff</summary>":             true,
	"<details><summary>Schedule after this change</summary>": true,
	"</details>":             true,
	report.DiffCommentMarker: true,
	"<br>":                   true,
}

var (
	mentionOrReference = regexp.MustCompile(`(^|[^\w])(@[A-Za-z0-9]|#[0-9])`)
	bareURL            = regexp.MustCompile(`(?i)(https?:/|www\.|mailto:|[\w.]+@[\w-]+\.)`)
)

// checkMarkdown parses md as GitHub-flavoured Markdown and checks that
// user text stayed text. The pull-request comment (kind "comment") must
// also fit GitHub's limit and end with its marker; the plan ("plan") must
// hold its timeline and every section after it.
func checkMarkdown(t *testing.T, md string, kind string) {
	t.Helper()
	src := []byte(md)
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe()))
	doc := gm.Parser().Parse(text.NewReader(src))
	details, fences := 0, map[string]int{}
	var headings []string
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				line := strings.TrimSpace(string(seg.Value(src)))
				if !allowedHTML[line] {
					t.Errorf("HTML block from user text: %q", line)
				}
				details += strings.Count(line, "<details>") - strings.Count(line, "</details>")
				if details < 0 {
					t.Errorf("</details> closes more than was opened")
				}
			}
		case *ast.RawHTML:
			var raw strings.Builder
			for i := range n.Segments.Len() {
				seg := n.Segments.At(i)
				raw.Write(seg.Value(src))
			}
			if !allowedHTML[raw.String()] {
				t.Errorf("inline HTML from user text: %q", raw.String())
			}
		case *ast.Link, *ast.Image, *ast.AutoLink:
			t.Errorf("%s in the Markdown: %q", n.Kind(), plainText(n, src))
		case *ast.Heading:
			h := plainText(n, src)
			headings = append(headings, h)
			if strings.HasPrefix(h, "INJECTED") {
				t.Errorf("heading from user text: %q", h)
			}
		case *ast.FencedCodeBlock:
			lang := string(n.Language(src))
			fences[lang]++
			if lang != "diff" && lang != "mermaid" {
				t.Errorf("code fence %q from user text", lang)
			}
		case *ast.CodeBlock:
			t.Errorf("indented code block from user text: %q", plainText(n, src))
		case *ast.Blockquote:
			t.Errorf("block quote from user text: %q", plainText(n, src))
		case *ast.ListItem:
			if strings.HasPrefix(plainText(n, src), "INJECTED") {
				t.Errorf("list item from user text: %q", plainText(n, src))
			}
		case *east.Strikethrough:
			t.Errorf("strikethrough from user text: %q", plainText(n, src))
		case *ast.Emphasis:
			if e := plainText(n, src); e == "bold" || e == "em" {
				t.Errorf("emphasis from user text: %q", e)
			}
		case *east.TableCell:
			if c := strings.TrimSpace(plainText(n, src)); strings.HasSuffix(c, "PIPE") || strings.HasPrefix(c, "SPLIT") {
				t.Errorf("a pipe in user text split a table cell: %q", c)
			}
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if details != 0 {
		t.Errorf("<details> left open: %d", details)
	}
	var rendered bytes.Buffer
	if err := gm.Renderer().Render(&rendered, src, doc); err != nil {
		t.Fatal(err)
	}
	prose := proseOf(t, rendered.String())
	for _, re := range []*regexp.Regexp{mentionOrReference, bareURL} {
		if m := re.FindString(prose); m != "" {
			i := strings.Index(prose, m)
			t.Errorf("GitHub would link %q: %q", m, prose[max(i-60, 0):min(i+60, len(prose))])
		}
	}
	if strings.ContainsRune(prose, '\u202e') {
		t.Errorf("a character reference produced a bidirectional override")
	}
	switch kind {
	case "report":
		if len(fences) > 1 || len(fences) == 1 && fences["mermaid"] == 0 {
			t.Errorf("fences %v, want Mermaid charts only", fences)
		}
		return
	case "comment":
		if n := utf8.RuneCountInString(md); n > 65536 || len(md) > 65536 {
			t.Errorf("the comment is %d characters (%d bytes), over GitHub's 65,536", n, len(md))
		}
		if fences["diff"] != 1 || fences["mermaid"] > 1 {
			t.Errorf("fences %v, want one diff and at most one mermaid", fences)
		}
		last := doc.LastChild()
		if last == nil {
			t.Fatal("empty comment")
		}
		if hb, ok := last.(*ast.HTMLBlock); !ok || strings.TrimSpace(plainLines(hb, src)) != report.DiffCommentMarker {
			t.Errorf("the comment does not end with its marker: something swallowed the rest (last node %s)", last.Kind())
		}
		return
	}
	// The plan: one fenced block (the timeline), and the sections after it
	// were not swallowed by a fence.
	if fences["mermaid"] != 1 || len(fences) != 1 {
		t.Errorf("fences %v, want the timeline alone", fences)
	}
	if !slices.Contains(headings, "Checks") {
		t.Errorf("no Checks section after the timeline: headings %q", headings)
	}
}

// proseOf is the text of rendered HTML as a reader sees it, outside code
// (where GitHub links nothing), one line per element.
func proseOf(t *testing.T, rendered string) string {
	t.Helper()
	doc, err := xhtml.Parse(strings.NewReader(rendered))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && (n.Data == "code" || n.Data == "pre") {
			b.WriteByte('\n')
			return
		}
		if n.Type == xhtml.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == xhtml.ElementNode {
			b.WriteByte('\n')
		}
	}
	walk(doc)
	return b.String()
}

// plainText is the text under n, as its source segments hold it.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			if tx, ok := c.(*ast.Text); ok {
				b.Write(tx.Segment.Value(src))
			}
		}
		return ast.WalkContinue, nil
	})
	if b.Len() == 0 {
		return plainLines(n, src)
	}
	return b.String()
}

func plainLines(n ast.Node, src []byte) string {
	var b strings.Builder
	if n.Type() == ast.TypeBlock {
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			b.Write(seg.Value(src))
		}
	}
	return b.String()
}

// checkHTML checks that the HTML report holds no element or attribute
// that user text could have added.
func checkHTML(t *testing.T, page string) {
	t.Helper()
	doc, err := xhtml.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			switch n.Data {
			case "script", "img", "iframe", "object", "embed", "link", "form", "base":
				t.Errorf("<%s> in the HTML report", n.Data)
			case "summary":
				if strings.Contains(textOf(n), "No changes") {
					t.Errorf("a <summary> from user text")
				}
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("event handler %s= in the HTML report", a.Key)
				}
				if a.Key == "href" && !strings.HasPrefix(a.Val, "#") {
					t.Errorf("a link out of the HTML report: %q", a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

func textOf(n *xhtml.Node) string {
	if n.Type == xhtml.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}

var mermaidNode = regexp.MustCompile(`(?m)^    (\w+)(\["|\{\{")`)

// checkMermaidNodes checks the flowchart declares one node per project
// and goal: core-db, core_db, zürich and zärich are not merged.
func checkMermaidNodes(t *testing.T, src string) {
	t.Helper()
	seen := map[string]bool{}
	for _, m := range mermaidNode.FindAllStringSubmatch(src, -1) {
		if seen[m[1]] {
			t.Errorf("node %s declared twice", m[1])
		}
		seen[m[1]] = true
	}
	projects := 0
	for id := range seen {
		if strings.HasPrefix(id, "p_") {
			projects++
		}
	}
	if projects != 5 {
		t.Errorf("%d project nodes, want 5: %v", projects, seen)
	}
}

// namedRoadmaps are the payload roadmap copied under a hostile file name.
type namedRoadmaps struct{ valid, broken string }

// fileNameRoadmap copies the payload roadmap into a file named with a
// payload (valid), and adds a second one with a syntax error (broken).
func fileNameRoadmap(t *testing.T, dir string) namedRoadmaps {
	t.Helper()
	src := readFile(t, filepath.Join(dir, "main.hcl"))
	valid, broken := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(valid, fileNamePayload), []byte(src), 0o644); err != nil {
		t.Fatalf("this file system refuses the file name: %v", err)
	}
	writeFiles(t, broken, map[string]string{"main.hcl": src})
	if err := os.WriteFile(filepath.Join(broken, "z"+fileNamePayload), []byte("goal \"g\" {\n  weight = = 1\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return namedRoadmaps{valid: valid, broken: broken}
}

// rawBytesRoadmap is a roadmap whose source holds raw escape sequences and
// a bidirectional override on a line a diagnostic quotes.
func rawBytesRoadmap(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.hcl": "roadmap {\n  start = \"2027-Q1\"\n}\n" +
		"goal \"g\" {\n  weight = 1\n  titel  = \"\x1b]0;pwned\x07\x1b[2J\x1b]52;c;Y3VybA==\x07\u009b31m\u202e::add-mask::x ##[y]\"\n}\n"})
	return dir
}

// writeHostilePlan saves the plan at from with payloads where HCL allows
// none: in ids, labels and a vendor's id (a saved plan is input too).
func writeHostilePlan(t *testing.T, from, to string) {
	t.Helper()
	var plan map[string]any
	if err := json.Unmarshal([]byte(readFile(t, from)), &plan); err != nil {
		t.Fatal(err)
	}
	const idPayload = "id\n::add-mask::ID `|` ##[x] </details> @octocat \x1b]8;;https://evil.example\x1b\\"
	ids := map[string]string{}
	for i, p := range plan["projects"].([]any) {
		pm := p.(map[string]any)
		old := pm["id"].(string)
		ids[old] = fmt.Sprintf("%s%d", idPayload, i)
		pm["id"] = ids[old]
	}
	for _, p := range plan["projects"].([]any) {
		pm := p.(map[string]any)
		if deps, ok := pm["depends_on"].([]any); ok {
			for i, d := range deps {
				deps[i] = ids[d.(string)]
			}
		}
	}
	for _, pe := range plan["periods"].([]any) {
		// Period labels stay labels: a saved plan with anything else
		// there is refused (report.TestSavedPlanTokens).
		pm := pe.(map[string]any)
		if active, ok := pm["active"].([]any); ok {
			for i, a := range active {
				active[i] = ids[a.(string)]
			}
		}
	}
	data, err := json.Marshal(plan)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
