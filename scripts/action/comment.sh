#!/usr/bin/env bash
# Posts the plan diff (COMMENT_FILE) on the pull request, or updates the
# comment posted before: the one holding the hidden marker written by a bot
# (the Actions token, a GitHub App) or by the token's own user. A token that
# may not write (pull requests from forks) gets a warning, not a failure:
# the diff is in the job summary either way.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

marker='<!-- roadmap-plan-diff -->'
if [ "${INPUT_COMMENT:-true}" != true ]; then
	echo "Not commenting (comment: ${INPUT_COMMENT:-})."
	exit 0
fi
file=${COMMENT_FILE:-}
if [ -z "$file" ] || [ ! -s "$file" ] || ! grep -qF -- "$marker" "$file"; then
	echo "No plan diff to post (no base revision, or the checks stopped before the plan)."
	exit 0
fi
number=
if [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ]; then
	number=$(jq -r '.pull_request.number // empty' "$GITHUB_EVENT_PATH")
fi
if [ -z "$number" ]; then
	echo "Not a pull request: the plan diff is in the job summary only."
	exit 0
fi
[ -n "${GITHUB_TOKEN:-}" ] || die "no token to post the comment with: set the github-token input"
api=${GITHUB_API_URL:-https://api.github.com}
repo=${GITHUB_REPOSITORY:?}

# request METHOD URL [BODY-FILE] calls the API: the response body goes to
# the file $response, the status to $http_status; it fails on an HTTP error.
response=$(mktemp)
http_status=000
request() {
	local data=()
	[ $# -ge 3 ] && data=(--data-binary "@$3" -H "Content-Type: application/json")
	http_status=$(curl -sS --retry 3 -o "$response" -w '%{http_code}' -X "$1" \
		-H "Authorization: Bearer $GITHUB_TOKEN" -H "Accept: application/vnd.github+json" \
		-H "X-GitHub-Api-Version: 2022-11-28" ${data[@]+"${data[@]}"} "$2") || http_status=000
	[ "$http_status" -ge 200 ] && [ "$http_status" -lt 300 ]
}

# cannot_comment WHAT ends the step: with a warning when the token lacks
# the permission, else with an error.
cannot_comment() {
	if [ "$http_status" = 403 ] || [ "$http_status" = 404 ]; then
		echo "::warning title=roadmap::$(gh_data "Could not post the plan comment ($1: HTTP $http_status): the token may not write to this pull request, as for pull requests from forks. The plan diff is in the job summary.")"
		exit 0
	fi
	die "$1: HTTP $http_status $(head -c 300 "$response")"
}

# The comment to update: the newest with the marker by a bot; failing
# that, by the token's user.
comments=$(mktemp)
echo '[]' >"$comments"
page=1
while :; do
	if ! request GET "$api/repos/$repo/issues/$number/comments?per_page=100&page=$page"; then
		cannot_comment "listing the pull request's comments"
	fi
	jq -s 'add' "$comments" "$response" >"$comments.new" && mv "$comments.new" "$comments"
	[ "$(jq 'length' "$response")" -lt 100 ] && break
	page=$((page + 1))
done
id=$(jq -r --arg m "$marker" '[.[] | select((.body // "" | contains($m)) and .user.type == "Bot")] | last | .id // empty' "$comments")
if [ -z "$id" ] && jq -e --arg m "$marker" 'any(.[]; .body // "" | contains($m))' "$comments" >/dev/null; then
	if request GET "$api/user"; then
		login=$(jq -r '.login // empty' "$response")
		id=$(jq -r --arg m "$marker" --arg l "$login" '[.[] | select((.body // "" | contains($m)) and .user.login == $l)] | last | .id // empty' "$comments")
	fi
fi

body=$(mktemp)
jq -Rs '{body: .}' <"$file" >"$body"
if [ -n "$id" ]; then
	if request PATCH "$api/repos/$repo/issues/comments/$id" "$body" >/dev/null; then
		echo "Updated the plan comment ($id)."
		set_output comment-id "$id"
		exit 0
	fi
else
	if request POST "$api/repos/$repo/issues/$number/comments" "$body"; then
		id=$(jq -r '.id' "$response")
		echo "Posted the plan comment ($id)."
		set_output comment-id "$id"
		exit 0
	fi
fi
cannot_comment "posting the plan comment"
