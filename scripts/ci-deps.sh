#!/usr/bin/env bash
# Installs what the tests need beyond Go, only when it is missing: git for
# the plan diff tests, gcc for the race detector, pre-commit for the hook
# tests; for the browser tests (e2e/) Debian's Chromium with a font and the
# npm mermaid package; Graphviz (to check the DOT output parses); and
# goreleaser and cyclonedx-gomod for make release-snapshot. .ci/run and
# `make test` run it before the tests; running it again when everything is
# there does nothing.
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
# gcc: go test -race needs cgo.
if ! command -v gcc >/dev/null 2>&1; then
	missing+=(gcc libc6-dev)
fi
# pre-commit: scripts/precommit runs the hooks of .pre-commit-hooks.yaml
# with it (Debian's package).
if ! command -v pre-commit >/dev/null 2>&1; then
	missing+=(pre-commit)
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

# goreleaser and cyclonedx-gomod (SBOMs) for make release-snapshot, only
# when asked (`scripts/ci-deps.sh --release-tools`, as make release-test
# does): building goreleaser downloads hundreds of modules and takes minutes,
# too long for every CI run. Go modules, built into $(go env GOPATH)/bin;
# the versions are the Makefile's.
if [ "${1:-}" != "--release-tools" ]; then
	exit 0
fi
gobin=$(go env GOPATH)/bin
for tool in "goreleaser github.com/goreleaser/goreleaser/v2@${GORELEASER_VERSION:-v2.17.0}" \
	"cyclonedx-gomod github.com/CycloneDX/cyclonedx-gomod/cmd/cyclonedx-gomod@${CYCLONEDX_GOMOD_VERSION:-v1.10.0}"; do
	name=${tool%% *}
	if ! command -v "$name" >/dev/null 2>&1 && [ ! -x "$gobin/$name" ]; then
		echo "ci-deps: go install ${tool#* }" >&2
		GOBIN=$gobin go install "${tool#* }"
	fi
done
