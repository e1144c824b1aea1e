package hclspec

import (
	"fmt"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// SortDiagnostics orders diagnostics by file and position, as Terraform
// prints them; those without a source range (command-line problems) come
// first. The sort is stable, so diagnostics at one position keep the order
// they were found in.
func SortDiagnostics(diags hcl.Diagnostics) {
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := diags[i].Subject, diags[j].Subject
		switch {
		case a == nil || b == nil:
			return a == nil && b != nil
		case a.Filename != b.Filename:
			return a.Filename < b.Filename
		default:
			return a.Start.Byte < b.Start.Byte
		}
	})
}

// maxQuotedBytes bounds a user's string quoted in a diagnostic.
const maxQuotedBytes = 80

// Quote is %q of s, clipped to its first maxQuotedBytes bytes (with its
// length) when longer: diagnostics quote ids, names and values that may
// be 64 KiB long, and may be repeated for every block that uses them.
func Quote(s string) string {
	if len(s) <= maxQuotedBytes {
		return strconv.Quote(s)
	}
	end := maxQuotedBytes
	for end > 0 && !utf8.RuneStart(s[end]) {
		end--
	}
	return fmt.Sprintf("%q... (%d bytes)", s[:end], len(s))
}
