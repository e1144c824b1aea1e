package hclspec

import "fmt"

// MinFTE is the smallest capacity or effort above zero a roadmap may
// give: a hundredth of a person, the precision every output prints FTE
// with (a capacity of 1e-7 used to print as "0 FTE" beside a project
// said not to fit in it). Zero stays allowed: a team away for a period.
const MinFTE = 0.01

// belowFTEResolution reports whether v is above zero but below MinFTE.
func belowFTEResolution(v float64) bool {
	return v > 0 && v < MinFTE
}

// fteResolutionDetail explains the refusal of what, v FTE.
func fteResolutionDetail(what string, v float64) string {
	return fmt.Sprintf("%s is %s FTE, above zero but below %g FTE, the smallest amount of people a roadmap plans with (and prints). Use 0 for none, or at least %g.", what, formatNumber(v), MinFTE, MinFTE)
}
