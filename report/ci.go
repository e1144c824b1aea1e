package report

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/roadmap-as-code/roadmap/evaluate"
	"github.com/roadmap-as-code/roadmap/internal/safetext"
)

// CI report formats: GitHub Actions workflow commands, SARIF 2.1.0 and
// JUnit XML. They report validation diagnostics and plan checks (check
// blocks and built-in policies, ids "policy.*").
const (
	FormatGitHub = "github"
	FormatSARIF  = "sarif"
	FormatJUnit  = "junit"
)

// CIFormats lists the CI formats, sorted.
func CIFormats() []string { return []string{FormatGitHub, FormatJUnit, FormatSARIF} }

// IsCIFormat reports whether format is one of CIFormats.
func IsCIFormat(format string) bool {
	for _, f := range CIFormats() {
		if f == format {
			return true
		}
	}
	return false
}

// RenderCI writes diags and, when p is not nil, p's checks in a CI format.
// `validate` passes its diagnostics and no plan; `plan` passes its plan
// (and any diagnostics it wants reported with it).
func RenderCI(w io.Writer, format string, diags hcl.Diagnostics, p *evaluate.Plan, o Options) error {
	r := ciReportOf(LimitDiagnostics(SortDiagnostics(diags)), p)
	switch format {
	case FormatGitHub:
		return renderGitHub(w, r)
	case FormatSARIF:
		return renderSARIF(w, r, o)
	case FormatJUnit:
		return renderJUnit(w, r)
	}
	return fmt.Errorf("unknown CI format %q: use one of %v", format, CIFormats())
}

func renderPlanGitHub(w io.Writer, p *evaluate.Plan, o Options) error {
	return RenderCI(w, FormatGitHub, nil, p, o)
}

func renderPlanSARIF(w io.Writer, p *evaluate.Plan, o Options) error {
	return RenderCI(w, FormatSARIF, nil, p, o)
}

func renderPlanJUnit(w io.Writer, p *evaluate.Plan, o Options) error {
	return RenderCI(w, FormatJUnit, nil, p, o)
}

// ciReport is what every CI format reports, in output order.
type ciReport struct {
	hasPlan     bool
	diagnostics []ciItem // sorted by file, line, column, summary
	checks      []ciItem // in the plan's order
}

// ciItem is one diagnostic or check.
type ciItem struct {
	kind     string // "diagnostic" or "check"
	ruleID   string // check id, or "diagnostic/<summary as a slug>"
	name     string // check id or diagnostic summary
	severity string // error | warning
	failed   bool   // a diagnostic always counts as failed
	rule     string // what the rule checks, one line
	title    string // one line
	message  string // may be several lines
	rng      *evaluate.SourceRange
}

func ciReportOf(diags hcl.Diagnostics, p *evaluate.Plan) ciReport {
	r := ciReport{hasPlan: p != nil, diagnostics: []ciItem{}, checks: []ciItem{}}
	for _, d := range diags {
		if d == nil {
			continue
		}
		sev := "error"
		if d.Severity == hcl.DiagWarning {
			sev = "warning"
		}
		msg := d.Detail
		if msg == "" {
			msg = d.Summary
		}
		var rng *evaluate.SourceRange
		if d.Subject != nil && d.Subject.Filename != "" {
			rng = &evaluate.SourceRange{
				Filename: d.Subject.Filename,
				Line:     d.Subject.Start.Line, Column: d.Subject.Start.Column,
				EndLine: d.Subject.End.Line, EndCol: d.Subject.End.Column,
			}
		}
		r.diagnostics = append(r.diagnostics, ciItem{
			kind: "diagnostic", ruleID: "diagnostic/" + ciSlug(d.Summary), name: d.Summary, rule: d.Summary,
			severity: sev, failed: true, title: d.Summary, message: msg, rng: rng,
		})
	}
	sort.SliceStable(r.diagnostics, func(i, j int) bool {
		a, b := r.diagnostics[i], r.diagnostics[j]
		af, al, ac := ciPos(a.rng)
		bf, bl, bc := ciPos(b.rng)
		if af != bf {
			return af < bf
		}
		if al != bl {
			return al < bl
		}
		if ac != bc {
			return ac < bc
		}
		return a.name < b.name
	})
	if p != nil {
		for _, c := range p.Checks {
			sev := c.Severity
			if sev != "warning" {
				sev = "error"
			}
			what := "Check " + c.ID
			if strings.HasPrefix(c.ID, "policy.") {
				what = "Policy " + strings.TrimPrefix(c.ID, "policy.")
			}
			title := what + " failed"
			msg := c.Message
			if msg == "" {
				msg = title + "."
			}
			r.checks = append(r.checks, ciItem{
				kind: "check", ruleID: c.ID, name: c.ID, rule: what + " holds.", severity: sev, failed: !c.Passed,
				title: title, message: msg, rng: c.Range,
			})
		}
	}
	// Shown in logs, code scanning and test reports: see display.go.
	for _, items := range [][]ciItem{r.diagnostics, r.checks} {
		for i := range items {
			items[i] = items[i].display()
		}
	}
	return r
}

// display is it with its text escaped for output (see display.go).
func (it ciItem) display() ciItem {
	for _, s := range []*string{&it.ruleID, &it.name, &it.rule, &it.title, &it.message} {
		*s = safetext.Escape(*s)
	}
	if it.rng != nil && safetext.NeedsEscape(it.rng.Filename) {
		rng := *it.rng
		rng.Filename = safetext.Escape(rng.Filename)
		it.rng = &rng
	}
	return it
}

func ciPos(r *evaluate.SourceRange) (string, int, int) {
	if r == nil {
		return "", 0, 0
	}
	return r.Filename, r.Line, r.Column
}

// ciSlug turns a summary into a rule id: "Reference to undeclared project"
// becomes "reference-to-undeclared-project".
func ciSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "problem"
	}
	return b.String()
}

// ciPath is a file name as CI tools expect it: forward slashes.
func ciPath(name string) string { return filepath.ToSlash(name) }

// renderGitHub writes a workflow command per diagnostic and failed check,
// so GitHub Actions shows them as annotations on the pull request's lines.
func renderGitHub(w io.Writer, r ciReport) error {
	var b strings.Builder
	for _, items := range [][]ciItem{r.diagnostics, r.checks} {
		for _, it := range items {
			if !it.failed {
				continue
			}
			b.WriteString(gitHubCommand(it))
			b.WriteByte('\n')
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// gitHubCommand is "::error file=F,line=L,col=C,endLine=EL,endColumn=EC,
// title=T::message" (or ::warning). Columns are given only for a range on
// one line, as GitHub's annotations accept them only then.
func gitHubCommand(it ciItem) string {
	level := "error"
	if it.severity == "warning" {
		level = "warning"
	}
	var props []string
	if rg := it.rng; rg != nil && rg.Filename != "" {
		props = append(props, "file="+gitHubProperty(ciPath(rg.Filename)))
		if rg.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", rg.Line))
			oneLine := rg.EndLine == 0 || rg.EndLine == rg.Line
			if oneLine && rg.Column > 0 {
				props = append(props, fmt.Sprintf("col=%d", rg.Column))
			}
			if rg.EndLine >= rg.Line {
				props = append(props, fmt.Sprintf("endLine=%d", rg.EndLine))
			}
			if oneLine && rg.EndCol > 0 {
				props = append(props, fmt.Sprintf("endColumn=%d", rg.EndCol))
			}
		}
	}
	props = append(props, "title="+gitHubProperty(it.title))
	return "::" + level + " " + strings.Join(props, ",") + "::" + gitHubData(it.message)
}

// gitHubData escapes a workflow command's message as the Actions toolkit
// does: % \r \n.
func gitHubData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// gitHubProperty escapes a workflow command property: also : and ,.
func gitHubProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
