#!/usr/bin/env bash
# Regenerates the worst-case inputs of docs/security.md ("Cost at the
# limits") and measures `roadmap` on each with /usr/bin/time -v: wall
# time, user CPU and peak memory. Not a test: the figures depend on the
# machine and its load. Usage: scripts/limits.sh [ROADMAP_BINARY]
set -euo pipefail
bin=${1:-bin/roadmap}
[ -x "$bin" ] || { echo "build first: make build (or pass the binary)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-22s %-9s %6s %9s %9s %10s\n' case command exit wall_s user_s peak_MB
go run ./scripts/worstcase "$work/in" | while IFS=$'\t' read -r name command; do
	args=("$command" "$work/in/$name")
	case $command in
	plan) args=(plan --out "$work/$name.json" "$work/in/$name") ;;
	show) args=(show "$work/in/$name/plan.json")
		[ -f "$work/$name.json" ] && args=(show "$work/$name.json") ;;
	esac
	set +e
	/usr/bin/time -v -o "$work/time" "$bin" "${args[@]}" >/dev/null 2>"$work/stderr"
	status=$?
	set -e
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for (i=1;i<=n;i++) s=s*60+p[i]; print s}' "$work/time")
	user=$(awk -F': ' '/User time/ {print $2}' "$work/time")
	rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$work/time")
	printf '%-22s %-9s %6s %9s %9s %10s\n' "$name" "$command" "$status" "$wall" "$user" "$rss"
done
