#!/usr/bin/env bash
# Fails the Action's job as INPUT_FAIL_ON says, once everything is
# reported: "error" (the default) on unformatted files, validation errors,
# or a plan error or failed error check; "changes" also when the plan
# changed; "never" not at all.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

fail_on=${INPUT_FAIL_ON:-error}
case $fail_on in
error | changes | never) ;;
*) die "fail-on \"$fail_on\" is not one of error, changes, never" ;;
esac
[ "$fail_on" = never ] && exit 0

reasons=()
[ "${FORMATTED:-true}" = true ] || reasons+=("files are not formatted")
[ "${VALID:-true}" = true ] || reasons+=("the roadmap has errors")
if [ "${VALID:-true}" = true ]; then
	case ${EXIT_CODE:-0} in
	0) ;;
	2) [ "$fail_on" = changes ] && reasons+=("the plan changes") ;;
	*) reasons+=("the plan failed (an error, or a failed check of severity error)") ;;
	esac
fi
if [ "${#reasons[@]}" -gt 0 ]; then
	msg=$(printf '%s; ' "${reasons[@]}")
	echo "::error title=roadmap::$(gh_data "${msg%; }")"
	exit 1
fi
