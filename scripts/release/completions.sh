#!/usr/bin/env bash
# Writes roadmap's shell completion scripts into completions/, for the
# release archives (.goreleaser.yaml runs it before building).
set -euo pipefail
cd "$(dirname "$0")/../.."
rm -rf completions
mkdir -p completions
go run ./cmd/roadmap completion bash >completions/roadmap.bash
go run ./cmd/roadmap completion zsh >completions/_roadmap
go run ./cmd/roadmap completion fish >completions/roadmap.fish
go run ./cmd/roadmap completion powershell >completions/roadmap.ps1
