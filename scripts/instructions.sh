#!/bin/bash
# instructions.sh RUNS COMMAND [ARGS...]: the median, least and most
# instructions of RUNS complete runs of COMMAND under callgrind (valgrind),
# a measure of a short process's cost that does not depend on the load of
# a shared machine. docs/performance.md ("A 30-job roadmap") uses it.
#
# GODEBUG=cpu.rdtscp=off is needed: valgrind cannot execute RDTSCP, which
# the Go runtime uses when a lock is contended; without it a run can die
# of SIGILL part-way and callgrind still prints a (smaller) count. Runs
# that died are rejected. asyncpreemptoff and GOMAXPROCS=1 keep the
# signal-driven preemption and a second P's scheduling out of the count.
set -euo pipefail
runs=$1
shift
command -v valgrind >/dev/null || { echo "instructions.sh: valgrind not found" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
counts=()
for i in $(seq "$runs"); do
	if ! GODEBUG=asyncpreemptoff=1,cpu.rdtscp=off GOMAXPROCS=1 \
		valgrind --tool=callgrind --callgrind-out-file="$tmp/out" "$@" >/dev/null 2>"$tmp/err"; then
		echo "instructions.sh: run $i failed:" >&2
		grep -v '^==' "$tmp/err" | head -5 >&2
		exit 1
	fi
	if grep -q 'SIGILL\|unhandled instruction' "$tmp/err"; then
		echo "instructions.sh: run $i died of an instruction valgrind cannot run" >&2
		exit 1
	fi
	counts+=("$(grep -o 'refs: *[0-9,]*' "$tmp/err" | tr -dc 0-9)")
done
printf '%s\n' "${counts[@]}" | sort -n | awk '{a[NR] = $1}
END {
	m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
	printf "median %.1fM instructions (least %.1fM, most %.1fM, %d runs)\n", m / 1e6, a[1] / 1e6, a[NR] / 1e6, NR
}'
