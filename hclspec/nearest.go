package hclspec

// Nearest returns the candidate closest to name when it is close enough to
// be a likely typo, or "": the suggestion behind every "Did you mean"
// here, for later stages (evaluate's checks) to offer the same.
func Nearest(name string, candidates []string) string {
	return nearest(name, candidates)
}
