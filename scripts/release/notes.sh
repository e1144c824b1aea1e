#!/usr/bin/env bash
# Prints the release notes of version $1 (v1.2.3): its section of
# CHANGELOG.md, without the heading. Fails when there is none, so a
# release cannot go out without notes.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=${1:?usage: scripts/release/notes.sh vX.Y.Z}
number=${version#v}
notes=$(awk -v v="$number" '
	/^## \[/ { inside = (index($0, "## [" v "]") == 1); next }
	inside { print }
' CHANGELOG.md)
if [ -z "$(printf '%s' "$notes" | tr -d '[:space:]')" ]; then
	echo "CHANGELOG.md has no section \"## [$number]\"" >&2
	exit 1
fi
printf '%s\n' "$notes"
