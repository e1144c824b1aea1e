#!/usr/bin/env bash
# Runs fuzz targets one after the other, each for FUZZTIME (default 60s):
#   scripts/fuzz.sh hclspec:FuzzLoadDir report:FuzzReadPlan ...
# A failing input is saved under <pkg>/testdata/fuzz/<Target>/ and fails
# the run. Go 1.26's fuzz coordinator can also fail a target with
# "context deadline exceeded" and no input when -fuzztime ends while a
# worker is busy (go.dev/issue/75804, fixed in Go 1.27); that is reported
# as a flake, not a failure, since nothing was found.
set -u
GO=${GO:-go}
FUZZTIME=${FUZZTIME:-60s}
FUZZFLAGS=${FUZZFLAGS:--fuzzminimizetime=50x}
failed=()
for target in "$@"; do
	pkg=${target%%:*}
	name=${target##*:}
	corpus="$pkg/testdata/fuzz/$name"
	before=$(ls "$corpus" 2>/dev/null | sort)
	echo "== $name ($pkg, $FUZZTIME)"
	log=$(mktemp)
	# shellcheck disable=SC2086 # FUZZFLAGS holds several flags
	$GO test -run '^$' -fuzz "^$name\$" -fuzztime "$FUZZTIME" $FUZZFLAGS "./$pkg" 2>&1 | tee "$log"
	status=${PIPESTATUS[0]}
	after=$(ls "$corpus" 2>/dev/null | sort)
	if [ "$status" -ne 0 ]; then
		if [ "$before" = "$after" ] && grep -q '^    context deadline exceeded$' "$log"; then
			echo "== $name: flake of the fuzz coordinator (go.dev/issue/75804), no failing input"
		else
			failed+=("$name")
		fi
	fi
	rm -f "$log"
done
if [ ${#failed[@]} -gt 0 ]; then
	echo "== failed: ${failed[*]} (inputs under testdata/fuzz/)"
	exit 1
fi
