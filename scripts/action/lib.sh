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

# summary_code LANG FILE appends FILE to the job summary as a code block
# whose fence is longer than any run of backticks in the file, so no line
# of it (text from the roadmap: a diagnostic, a check's message, a diff)
# can close the block early and be read as Markdown.
summary_code() {
	local fence
	fence=$(awk 'BEGIN { m = 2 }
		{ s = $0; while (match(s, /`+/)) { if (RLENGTH > m) m = RLENGTH; s = substr(s, RSTART + RLENGTH) } }
		END { f = ""; for (i = 0; i <= m; i++) f = f "`"; print f }' "$2")
	summary "$fence$1"
	cat "$2" >>"${GITHUB_STEP_SUMMARY:-/dev/null}"
	if [ -s "$2" ] && [ -n "$(tail -c 1 "$2")" ]; then
		summary "" # the file's last line has no newline
	fi
	summary "$fence"
}

# die prints an error annotation and stops the step.
die() {
	echo "::error title=roadmap::$(gh_data "$*")"
	exit 1
}
