package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// JUnit XML as CI test reports read it (GitLab, Jenkins, GitHub test
// reporters). No timestamps or durations, so the output is deterministic.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// renderJUnit writes a test case per diagnostic and per check. Error
// diagnostics and failed checks (of either severity) are failures; a warning
// diagnostic passes with its text in system-out. Validation with no
// diagnostics is one passing case, so the report is never empty.
func renderJUnit(w io.Writer, r ciReport) error {
	out := junitSuites{Name: "roadmap"}
	if !r.hasPlan || len(r.diagnostics) > 0 {
		s := junitSuite{Name: "roadmap validate", Cases: []junitCase{}}
		for _, it := range r.diagnostics {
			c := junitCaseOf(it, "roadmap.diagnostics", junitDiagnosticName(it))
			if it.severity == "warning" {
				c.Failure = nil
				c.SystemOut = "warning: " + junitText(it)
			}
			s.Cases = append(s.Cases, c)
		}
		if len(r.diagnostics) == 0 {
			s.Cases = append(s.Cases, junitCase{Name: "configuration is valid", ClassName: "roadmap.diagnostics"})
		}
		out.Suites = append(out.Suites, s)
	}
	if r.hasPlan {
		s := junitSuite{Name: "roadmap checks", Cases: []junitCase{}}
		for _, it := range r.checks {
			class := "roadmap.checks"
			if strings.HasPrefix(it.ruleID, "policy.") {
				class = "roadmap.policies"
			}
			s.Cases = append(s.Cases, junitCaseOf(it, class, it.name))
		}
		out.Suites = append(out.Suites, s)
	}
	for i := range out.Suites {
		s := &out.Suites[i]
		s.Tests = len(s.Cases)
		for _, c := range s.Cases {
			if c.Failure != nil {
				s.Failures++
			}
		}
		out.Tests += s.Tests
		out.Failures += s.Failures
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	buf.WriteString("\n")
	// "##[" (text and attribute values only: no name holds '#') as
	// "##&#91;", the same text: the stream guard would write "##\[".
	_, err := w.Write(bytes.ReplaceAll(buf.Bytes(), []byte("##["), []byte("##&#91;")))
	return err
}

func junitCaseOf(it ciItem, class, name string) junitCase {
	c := junitCase{Name: name, ClassName: class}
	if it.rng != nil {
		c.File, c.Line = ciPath(it.rng.Filename), it.rng.Line
	}
	if it.failed {
		c.Failure = &junitFailure{Message: it.title, Type: it.severity, Text: junitText(it)}
	}
	return c
}

// junitDiagnosticName keeps diagnostic cases apart: "main.hcl:3:5: summary".
func junitDiagnosticName(it ciItem) string {
	if it.rng == nil {
		return it.name
	}
	return fmt.Sprintf("%s:%d:%d: %s", ciPath(it.rng.Filename), it.rng.Line, it.rng.Column, it.name)
}

// junitText is the failure body: where, then the whole message.
func junitText(it ciItem) string {
	where := ""
	if it.rng != nil {
		where = fmt.Sprintf("%s:%d:%d: ", ciPath(it.rng.Filename), it.rng.Line, it.rng.Column)
	}
	return where + it.message
}
