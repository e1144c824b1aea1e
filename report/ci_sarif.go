package report

import (
	"bytes"
	"encoding/json"
	"io"
	"net/url"
	"path"
	"sort"
	"strings"
)

// SARIF 2.1.0, as code-scanning tools read it. Only the fields we fill.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name,omitempty"`
	ShortDescription     sarifMessage       `json:"shortDescription"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"` // always one
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"` // exclusive, as in HCL
}

// sarifInformationURI is the project's home page, for the tool driver.
const sarifInformationURI = "https://github.com/roadmap-as-code/roadmap"

// renderSARIF writes one run: a rule per check and per kind of diagnostic,
// a result per diagnostic and per failed check.
func renderSARIF(w io.Writer, r ciReport, o Options) error {
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name: "roadmap", Version: o.Version, InformationURI: sarifInformationURI,
				Rules: []sarifRule{},
			}},
			Results: []sarifResult{},
		}},
	}
	run := &log.Runs[0]

	// Rules: diagnostics by id (the first summary seen names the rule),
	// then checks in the plan's order.
	ruleIndex := map[string]int{}
	addRule := func(it ciItem, description string) {
		if _, ok := ruleIndex[it.ruleID]; ok {
			return
		}
		ruleIndex[it.ruleID] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID: it.ruleID, ShortDescription: sarifMessage{Text: description},
			DefaultConfiguration: sarifConfiguration{Level: sarifLevel(it.severity)},
		})
	}
	diags := append([]ciItem(nil), r.diagnostics...)
	sort.SliceStable(diags, func(i, j int) bool { return diags[i].ruleID < diags[j].ruleID })
	for _, it := range diags {
		addRule(it, it.rule)
	}
	for _, it := range r.checks {
		addRule(it, it.rule)
	}

	for _, items := range [][]ciItem{r.diagnostics, r.checks} {
		for _, it := range items {
			if !it.failed {
				continue
			}
			res := sarifResult{
				RuleID: it.ruleID, RuleIndex: ruleIndex[it.ruleID], Level: sarifLevel(it.severity),
				Message: sarifMessage{Text: sarifText(it)},
			}
			res.Locations = []sarifLocation{sarifLocationOf(it, o.Root)}
			run.Results = append(run.Results, res)
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(log); err != nil {
		return err
	}
	_, err := w.Write(escapeJSONText(buf.Bytes()))
	return err
}

func sarifText(it ciItem) string {
	if it.kind == "diagnostic" && it.message != it.title {
		return it.title + ": " + it.message
	}
	return it.message
}

func sarifLevel(severity string) string {
	if severity == "warning" {
		return "warning"
	}
	return "error"
}

// sarifLocationOf is where a result points: its source range, or root for
// the few problems that have none (no .hcl file in the directory, a
// --var-file that cannot be read, a --var naming no variable), since code
// scanning refuses a result without a location.
func sarifLocationOf(it ciItem, root string) sarifLocation {
	rg := it.rng
	if rg == nil || rg.Filename == "" {
		return sarifArtifact(ciPath(root), true)
	}
	loc := sarifArtifact(ciPath(rg.Filename), false)
	if rg.Line > 0 {
		loc.PhysicalLocation.Region = &sarifRegion{
			StartLine: rg.Line, StartColumn: rg.Column, EndLine: rg.EndLine, EndColumn: rg.EndCol,
		}
	}
	return loc
}

// sarifArtifact locates the file or directory name: a file URI when it is
// absolute, else a path relative to %SRCROOT% (where CI runs the command).
// A directory's URI ends in a slash, as RFC 3986 resolution needs.
func sarifArtifact(name string, dir bool) sarifLocation {
	if dir {
		name = path.Clean(name)
		if name == "." {
			name = "./"
		} else if !strings.HasSuffix(name, "/") {
			name += "/"
		}
	}
	loc := sarifLocation{}
	if path.IsAbs(name) {
		loc.PhysicalLocation.ArtifactLocation.URI = (&url.URL{Scheme: "file", Path: name}).String()
	} else {
		// Relative to the repository root, where CI runs the command.
		loc.PhysicalLocation.ArtifactLocation.URI = (&url.URL{Path: name}).String()
		loc.PhysicalLocation.ArtifactLocation.URIBaseID = "%SRCROOT%"
	}
	return loc
}
