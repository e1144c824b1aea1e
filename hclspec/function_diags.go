package hclspec

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
)

// unknownFunctionDetail matches HCL's detail for a call to an unknown
// function. HCL suggests a name by iterating a map, so its suggestion can
// change from run to run between names equally close.
var unknownFunctionDetail = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^There is no function named "([^"]*)"`) })

// ExplainUnknownFunctions rewrites the detail of each "Call to unknown
// function" diagnostic: a deterministic suggestion, and for functions
// that Terraform has but roadmap leaves out on purpose (file, env,
// timestamp, ...) why they are missing and what to do instead.
func ExplainUnknownFunctions(diags hcl.Diagnostics) {
	var names []string
	for _, d := range diags {
		if d.Summary != "Call to unknown function" {
			continue
		}
		m := unknownFunctionDetail().FindStringSubmatch(d.Detail)
		if m == nil {
			continue
		}
		if names == nil {
			for n := range Functions() {
				names = append(names, n)
			}
			sort.Strings(names)
		}
		detail := fmt.Sprintf("There is no function named %q.", m[1])
		if readsOutside(m[1]) {
			detail += " Roadmap expressions cannot read files, the environment, the clock or the network, so a roadmap evaluates the same everywhere. Pass the value in with a variable (--var, --var-file or ROADMAP_VAR_<name>) instead."
		} else if near := nearest(m[1], names); near != "" {
			detail += fmt.Sprintf(" Did you mean %q?", near)
		}
		d.Detail = detail + " The functions available are listed in docs/language.md."
	}
}

// readsOutside reports whether name is a Terraform function that reads
// files, the environment, the clock or the network, or makes random or
// unique values: none is available to roadmap expressions.
func readsOutside(name string) bool {
	switch name {
	case "file", "fileexists", "fileset", "filebase64", "filebase64sha256", "filebase64sha512",
		"filemd5", "filesha1", "filesha256", "filesha512", "templatefile", "abspath", "pathexpand",
		"env", "getenv", "timestamp", "plantimestamp", "uuid", "uuidv5", "bcrypt", "http", "data":
		return true
	}
	return false
}

// missingLabel and extraLabel match HCL's details for a block with too
// few or too many labels ("All project blocks must have 1 labels (id).").
var (
	missingLabel = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^All (\w+) blocks must have 1 labels \((\w+)\)\.$`) })
	extraLabel   = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^Only 1 labels \((\w+)\) are expected for (\w+) blocks\.$`)
	})
)

// ExplainLabelErrors rewrites HCL's details for a block with a missing or
// an extra label into what to write instead.
func ExplainLabelErrors(diags hcl.Diagnostics) {
	for _, d := range diags {
		if m := missingLabel().FindStringSubmatch(d.Detail); m != nil {
			d.Detail = fmt.Sprintf("%s %s block needs its %s as a quoted label after the block type, such as %s \"example\" { ... }.", anArticle(m[1]), m[1], m[2], m[1])
		} else if m := extraLabel().FindStringSubmatch(d.Detail); m != nil {
			d.Detail = fmt.Sprintf("%s %s block takes one label, its %s, such as %s \"example\" { ... }. Remove the other labels.", anArticle(m[2]), m[2], m[1], m[2])
		}
	}
}

// anArticle is "An" before a vowel, else "A".
func anArticle(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "An"
	}
	return "A"
}
