#!/usr/bin/env bash
# Installs roadmap for the Action: the release binary of INPUT_VERSION (a
# tag vX.Y.Z, a major tag such as v1, or "latest"), checked against the
# release's checksums; when there is no such release (a branch, a commit,
# a release without binaries), `go install ...@VERSION`. An empty version
# is the Action's own ref (ACTION_REF).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

repo=${GITHUB_ACTION_REPOSITORY:-}
[ -n "$repo" ] || repo=roadmap-as-code/roadmap
server=${GITHUB_SERVER_URL:-https://github.com}
api=${GITHUB_API_URL:-https://api.github.com}
version=${INPUT_VERSION:-}
[ -n "$version" ] || version=${ACTION_REF:-}
[ -n "$version" ] || version=latest
case $version in
-* | *[!A-Za-z0-9._/-]*) die "version \"$version\" is not a release tag, a branch or a commit" ;;
esac

bin_dir=${RUNNER_TEMP:-${TMPDIR:-/tmp}}/roadmap-bin
mkdir -p "$bin_dir"

# The platform, in the release archives' names.
os=${RUNNER_OS:-$(uname -s)}
arch=${RUNNER_ARCH:-$(uname -m)}
case $os in
Linux | linux) os=linux ;;
macOS | Darwin | darwin) os=darwin ;;
Windows | windows | MINGW* | MSYS* | CYGWIN*) os=windows ;;
*) os= ;;
esac
case $arch in
X64 | x86_64 | amd64) arch=amd64 ;;
ARM64 | arm64 | aarch64) arch=arm64 ;;
*) arch= ;;
esac
exe=roadmap
[ "$os" = windows ] && exe=roadmap.exe

curl_api() {
	local auth=()
	[ -n "${GITHUB_TOKEN:-}" ] && auth=(-H "Authorization: Bearer $GITHUB_TOKEN")
	curl -fsSL --retry 3 ${auth[@]+"${auth[@]}"} -H "Accept: application/vnd.github+json" "$@"
}

# release_tag prints the release tag that version names, or nothing.
release_tag() {
	case $1 in
	latest)
		curl_api "$api/repos/$repo/releases/latest" 2>/dev/null | jq -r '.tag_name // empty'
		;;
	v[0-9]*.[0-9]*.[0-9]*)
		echo "$1"
		;;
	v[0-9] | v[0-9][0-9])
		# A major tag: its newest release.
		curl_api "$api/repos/$repo/releases?per_page=100" 2>/dev/null |
			jq -r --arg p "$1." '[.[] | select((.draft | not) and (.prerelease | not) and (.tag_name | startswith($p)))][0].tag_name // empty'
		;;
	esac
}

# download_release TAG installs the release binary, or fails.
download_release() {
	local tag=$1 number=${1#v} ext=tar.gz tmp
	[ -n "$os" ] && [ -n "$arch" ] || return 1
	[ "$os" = windows ] && ext=zip
	local archive="roadmap_${number}_${os}_${arch}.${ext}"
	local base="$server/$repo/releases/download/$tag"
	tmp=$(mktemp -d)
	curl -fsSL --retry 3 -o "$tmp/$archive" "$base/$archive" || return 1
	curl -fsSL --retry 3 -o "$tmp/checksums.txt" "$base/checksums.txt" || return 1
	local want got
	want=$(awk -v f="$archive" '$2 == f || $2 == "*" f { print $1 }' "$tmp/checksums.txt")
	if command -v sha256sum >/dev/null; then
		got=$(sha256sum "$tmp/$archive" | awk '{ print $1 }')
	else
		got=$(shasum -a 256 "$tmp/$archive" | awk '{ print $1 }')
	fi
	if [ -z "$want" ] || [ "$want" != "$got" ]; then
		die "the checksum of $archive does not match the release's checksums.txt"
	fi
	if [ "$ext" = zip ]; then
		unzip -q -o "$tmp/$archive" "$exe" -d "$tmp/x"
	else
		mkdir -p "$tmp/x" && tar -xzf "$tmp/$archive" -C "$tmp/x" "$exe"
	fi
	install -m 0755 "$tmp/x/$exe" "$bin_dir/$exe"
	rm -rf "$tmp"
}

tag=$(release_tag "$version" || true)
if [ -n "$tag" ] && download_release "$tag"; then
	echo "Installed roadmap $tag (release binary, $os/$arch)."
else
	ref=$version
	[ -n "$tag" ] && ref=$tag
	command -v go >/dev/null ||
		die "no release binary of roadmap $version for ${os:-this OS}/${arch:-this CPU}, and Go is not installed to build it: add actions/setup-go before this Action, or name a release in the version input"
	echo "No release binary of roadmap $version: building it with go install ...@$ref."
	GOBIN="$bin_dir" go install "github.com/roadmap-as-code/roadmap/cmd/roadmap@$ref"
fi
echo "$bin_dir" >>"${GITHUB_PATH:-/dev/null}"
"$bin_dir/$exe" version
