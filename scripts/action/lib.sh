# Shared by the roadmap Action's scripts (sourced, not run).

# gh_data escapes a workflow command's message: %, CR and LF.
gh_data() {
	local s=${1//'%'/'%25'}
	s=${s//$'\r'/'%0D'}
	printf '%s' "${s//$'\n'/'%0A'}"
}

# gh_property escapes a workflow command's property (file=, title=):
# also : and ,.
gh_property() {
	local s
	s=$(gh_data "$1")
	s=${s//':'/'%3A'}
	printf '%s' "${s//','/'%2C'}"
}

# set_output NAME VALUE appends a one-line step output.
set_output() {
	printf '%s=%s\n' "$1" "$2" >>"${GITHUB_OUTPUT:-/dev/null}"
}

# summary appends its arguments as lines to the job summary.
summary() {
	printf '%s\n' "$@" >>"${GITHUB_STEP_SUMMARY:-/dev/null}"
}

# die prints an error annotation and stops the step.
die() {
	echo "::error title=roadmap::$(gh_data "$*")"
	exit 1
}
