package hclspec

import "github.com/zclconf/go-cty/cty"

// typeHint says what a value of ty looks like in a roadmap file, for
// type errors: "Write a whole map, such as { platform = 2 }." reads better
// than "map of number required" alone.
func typeHint(ty cty.Type) string {
	switch {
	case ty == cty.Number:
		return "Write a number without quotes, such as 4 or 0.25."
	case ty == cty.String:
		return `Write a quoted string, such as "2027-Q1".`
	case ty == cty.Bool:
		return "Write true or false, without quotes."
	case ty.IsListType() && ty.ElementType() == cty.String:
		return `Write a list of quoted strings, such as ["sso", "crm"], or [] for none.`
	case ty.IsListType():
		return "Write a list in square brackets, such as [1, 2]."
	case ty.IsMapType() && ty.ElementType() == cty.Number:
		return "Write a map of numbers in braces, such as { platform = 2, data = 0.5 } for effort or { cut_costs = 1 } for goals."
	case ty.IsMapType():
		return `Write a map in braces, such as { key = "value" }.`
	}
	return ""
}
