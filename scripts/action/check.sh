#!/usr/bin/env bash
# The roadmap Action's checks, in the order a reviewer wants them: the
# formatting (roadmap fmt --check), the validation problems and failed
# checks as annotations on the changed lines, and the plan diff against the
# base revision, into the job summary and a file for the comment step.
#
# It never fails the step itself: finish.sh does, after the comment is
# posted, according to INPUT_FAIL_ON. Outputs: exit-code (of the plan:
# 0 no change, 1 error, 2 changes), changed, formatted, valid,
# comment-file, report-files.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

dir=${INPUT_DIRECTORY:-.}
[ -n "$dir" ] || dir=.
format=${INPUT_FORMAT:-github}
case $format in
github | sarif | junit) ;;
*) die "format \"$format\" is not one of github, sarif, junit" ;;
esac
base=${INPUT_BASE:-}
if [ -z "$base" ] && [ -n "${GITHUB_BASE_REF:-}" ]; then
	base=origin/$GITHUB_BASE_REF
fi
work=${RUNNER_TEMP:-${TMPDIR:-/tmp}}/roadmap-action
rm -rf "$work" && mkdir -p "$work"

summary "## roadmap: \`$dir\`" ""

# 1. Formatting.
formatted=true
roadmap fmt --check "$dir" >"$work/fmt.out" 2>"$work/fmt.err"
fmt_status=$?
if [ "$fmt_status" -ne 0 ]; then
	formatted=false
	while IFS= read -r file; do
		[ -n "$file" ] || continue
		echo "::error file=$(gh_property "$file"),title=Not formatted::$(gh_data "$file is not formatted: run roadmap fmt $dir")"
	done <"$work/fmt.out"
	cat "$work/fmt.err" >&2
	roadmap fmt --check --diff "$dir" >"$work/fmt.diff" 2>/dev/null
	summary "❌ **Formatting**: run \`roadmap fmt $dir\`." "" "<details><summary>What roadmap fmt would change</summary>" ""
	summary_code diff "$work/fmt.diff"
	summary "" "</details>" ""
else
	summary "✅ **Formatting**: every file is formatted." ""
fi
set_output formatted "$formatted"

# 2. Validation: annotations from --format github, the text in the log.
reports=()
roadmap validate --format github "$dir" >"$work/validate.github" 2>"$work/validate.txt"
valid_status=$?
cat "$work/validate.github"
cat "$work/validate.txt" >&2
if [ "$format" != github ]; then
	roadmap validate --format "$format" "$dir" >"$work/validate.$format" 2>/dev/null
	reports+=("$work/validate.$format")
fi
if [ "$valid_status" -ne 0 ]; then
	set_output valid false
	set_output exit-code 1
	set_output changed false
	set_output report-files "${reports[*]:-}"
	summary "❌ **Validation**: the roadmap has errors (see the annotations)." ""
	summary_code text "$work/validate.txt"
	exit 0
fi
set_output valid true
summary "✅ **Validation**: the roadmap is valid." ""

# 3. The new plan's failed checks, as annotations.
roadmap plan --format github "$dir" >"$work/checks.github" 2>/dev/null
cat "$work/checks.github"
if [ "$format" != github ]; then
	roadmap plan --format "$format" "$dir" >"$work/checks.$format" 2>/dev/null
	reports+=("$work/checks.$format")
fi
set_output report-files "${reports[*]:-}"

# 4. The plan diff against the base revision (or the plan itself).
if [ -n "$base" ]; then
	case $base in -*) die "base \"$base\" is not a git revision" ;; esac
	# A shallow checkout may lack the base branch: fetch it.
	if ! git rev-parse -q --verify "$base^{commit}" >/dev/null 2>&1 && [[ $base == origin/* ]]; then
		git fetch --no-tags --quiet origin "+refs/heads/${base#origin/}:refs/remotes/$base" || true
	fi
	roadmap plan --base "$base" --format markdown --detailed-exitcode "$dir" >"$work/comment.md" 2>"$work/plan.err"
	status=$?
else
	roadmap plan --format markdown "$dir" >"$work/comment.md" 2>"$work/plan.err"
	status=$?
fi
cat "$work/plan.err" >&2
set_output exit-code "$status"
changed=false
[ "$status" -eq 2 ] && changed=true
set_output changed "$changed"
case $status in
0 | 2) ;;
*) summary "❌ **Plan**: the plan failed (an error, or a failed check of severity error)." ""
	summary_code text "$work/plan.err"
	summary "" ;;
esac
if [ -s "$work/comment.md" ]; then
	cat "$work/comment.md" >>"${GITHUB_STEP_SUMMARY:-/dev/null}"
	# Only a diff carries the marker the comment step looks for.
	if [ -n "$base" ]; then
		set_output comment-file "$work/comment.md"
	fi
fi
exit 0
