#!/usr/bin/env bash
# Installs what the tests need beyond Go, only when it is missing: git for
# the plan diff tests, and for the browser tests (e2e/)
# Debian's Chromium with a font, Graphviz (to check the DOT output parses),
# .ci/run and `make test` before go test; running it again when everything
# is there does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
# git: the plan diff tests build repositories (plan --base).
if ! command -v git >/dev/null 2>&1; then
	missing+=(git)
fi
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
	missing+=(chromium fonts-dejavu-core)
fi
if ! command -v dot >/dev/null 2>&1; then
	missing+=(graphviz)
fi
if [ ! -f e2e/node_modules/mermaid/dist/mermaid.min.js ] && ! command -v npm >/dev/null 2>&1; then
	missing+=(nodejs npm)
fi
if [ "${#missing[@]}" -gt 0 ]; then
	echo "ci-deps: installing ${missing[*]} (apt-get)" >&2
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -f e2e/node_modules/mermaid/dist/mermaid.min.js ]; then
	echo "ci-deps: installing the mermaid npm package into e2e/node_modules" >&2
	(cd e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
