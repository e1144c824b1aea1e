#!/usr/bin/env bash
# Installs what the browser tests (e2e/) need, only when it is missing:
# Debian's Chromium with a font, and the npm mermaid package pinned by
# e2e/package-lock.json. Run by .ci/run and `make test` before go test;
# running it again when everything is there does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
	echo "ci-deps: installing chromium (apt-get)" >&2
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi

if [ ! -f e2e/node_modules/mermaid/dist/mermaid.min.js ]; then
	if ! command -v npm >/dev/null 2>&1; then
		echo "ci-deps: installing nodejs and npm (apt-get)" >&2
		as_root apt-get update -qq
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
	fi
	echo "ci-deps: installing the mermaid npm package into e2e/node_modules" >&2
	(cd e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
