# Developer tasks for roadmap. `make test` is what CI runs (.ci/run).

GO         ?= go
BIN        := bin/roadmap
VERSION    ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
# Built as releases are (.goreleaser.yaml): static (no cgo: the dynamic
# loader and libc no longer start with every run, about 60 fewer page
# faults), without file paths or symbol tables (a 7 MB smaller file; no
# measurable change in run time). docs/performance.md, "A 30-job roadmap".
BUILD_ENV  := CGO_ENABLED=0
BUILDFLAGS := -trimpath
LDFLAGS    := -s -w -X main.version=$(VERSION)
EXAMPLE    ?= examples/it-department
# Release tools (scripts/ci-deps.sh installs them into $(GOBIN_DIR)).
GOBIN_DIR  := $(shell $(GO) env GOPATH)/bin
GORELEASER_VERSION      ?= v2.17.0
CYCLONEDX_GOMOD_VERSION ?= v1.10.0
RELEASE_PATH := $(GOBIN_DIR):$(PATH)
GORELEASER ?= env PATH="$(RELEASE_PATH)" goreleaser

.PHONY: all build install run validate \
	test test-go fmt fmt-check docs \
	bench bench-psplib bench-startup bench-scale bench-simulate bench-analyses fuzz limits \
	release-check release-snapshot release-test clean

all: build

# --- build and run ----------------------------------------------------------

build:
	$(BUILD_ENV) $(GO) build $(BUILDFLAGS) -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/roadmap

install:
	$(BUILD_ENV) $(GO) install $(BUILDFLAGS) -ldflags "$(LDFLAGS)" ./cmd/roadmap

# Evaluate the main example and print its plan.
run: build
	./$(BIN) plan $(EXAMPLE)

validate: build
	./$(BIN) validate $(EXAMPLE)

# --- tests ------------------------------------------------------------------

# What CI runs: install what the tests need beyond Go (scripts/ci-deps.sh:
# git, Chromium, Graphviz, the npm mermaid package), vet, then every test
# with the race detector (needs cgo; gcc is enough).
test:
	bash scripts/ci-deps.sh
	$(GO) vet ./...
	CGO_ENABLED=1 $(GO) test -race -timeout 30m ./...

# The release build checked end to end: installs goreleaser and
# cyclonedx-gomod (minutes: kept out of make test), then release-snapshot.
release-test:
	GORELEASER_VERSION=$(GORELEASER_VERSION) CYCLONEDX_GOMOD_VERSION=$(CYCLONEDX_GOMOD_VERSION) bash scripts/ci-deps.sh --release-tools
	$(MAKE) release-snapshot

# The Go tests alone, installing nothing: the browser and Graphviz tests
# skip when their tools are missing (outside CI).
test-go:
	$(GO) vet ./...
	$(GO) test ./...

fmt: build
	gofmt -w $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './bin/*')
	./$(BIN) fmt --recursive examples

fmt-check: build
	@test -z "$$(gofmt -l .)" || { gofmt -l .; echo "gofmt needed"; exit 1; }
	./$(BIN) fmt --check --recursive examples

# Regenerate the command reference from the cobra commands: the generated
# blocks of docs/cli.md, docs/cli/*.md and the man pages docs/man/*.1.
# `make test` fails when they are out of date.
docs:
	$(GO) test ./cmd/roadmap -run '^TestDocsAreGenerated$$' -update

# --- benchmarks and fuzzing -------------------------------------------------

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Benchmarks of the optimiser and of planning at scale (see docs/performance.md).
# PSPLIB data: $(ROADMAP_BENCHMARKS_DIR)/psplib, by default ../shared/benchmarks.
# Each instance gets the CLI's schedule budget for its size; no time limit, so
# the figures are the same on every machine (-time-limit 5s is the CLI's).
# Then `roadmap plan` as a whole process on j301_1 written as a roadmap.
bench-psplib:
	$(GO) run ./cmd/psplibbench -workers 1 -time-limit 0 -sets j30,j120,mknap1,mknapcb1
	$(GO) test -run '^$$' -bench 'PlanPSPLIB|PlanOptimizePSPLIB120' -benchtime 20x ./cmd/psplibbench

# Instructions (callgrind: needs valgrind) of `roadmap --version` and of
# `roadmap plan` of PSPLIB's j301_1 written as a roadmap, in table and
# JSON: a small plan's whole process, measured in a way the machine's load
# does not change (docs/performance.md, "A 30-job roadmap"). The hand-made
# test instance stands in when the PSPLIB data is absent.
STARTUP_DATA := $(or $(ROADMAP_BENCHMARKS_DIR),../shared/benchmarks)
bench-startup:
	@mkdir -p bin/startup
	$(BUILD_ENV) $(GO) build $(BUILDFLAGS) -ldflags "$(LDFLAGS)" -o bin/startup/roadmap ./cmd/roadmap
	$(GO) run ./cmd/psplibbench -sets j30 -only j301_1 -emit-hcl bin/startup \
		-dir $(if $(wildcard $(STARTUP_DATA)/psplib/j30/j301_1.sm),$(STARTUP_DATA),cmd/psplibbench/testdata)
	scripts/instructions.sh 3 bin/startup/roadmap --version
	scripts/instructions.sh 3 bin/startup/roadmap plan bin/startup/j301_1
	scripts/instructions.sh 3 bin/startup/roadmap plan --format json bin/startup/j301_1

# Load, evaluate, schedule, render and the whole `roadmap plan` process at
# 100, 1,000 and 10,000 generated projects.
bench-scale:
	$(GO) test -run '^$$' -bench 'Load|Evaluate|Render|PlanProcess' -benchtime 3x ./internal/synth/
	$(GO) test -run '^$$' -bench 'SerialSGS|OptimizeSchedules' -benchtime 3x ./evaluate/schedule/

# Benchmarks of compare, frontier and shortfall (issue 14's targets; see
# docs/performance.md#scenarios-frontier-and-shortfall): CPU time per run
# besides wall time.
bench-analyses:
	$(GO) test -run '^$$' -bench 'Compare|Frontier' -benchtime 3x ./cmd/roadmap/
	$(GO) test -run '^$$' -bench Shortfall -benchtime 1x ./evaluate/shortfall/

# Fuzz each target for FUZZTIME, one after the other (`make test` runs
# their seed corpora), with go test -run '^$' -fuzz '^Target$' -fuzztime
# $(FUZZTIME) ./pkg. Minimising an input is capped at 50 runs so the time
# goes to fuzzing; failing inputs are saved under the package's
# testdata/fuzz/. See scripts/fuzz.sh and docs/security.md.
FUZZTIME  ?= 60s
FUZZFLAGS ?= -fuzzminimizetime=50x
FUZZ_TARGETS := \
	hclspec:FuzzLoadDir hclspec:FuzzLoadDirFiles hclspec:FuzzVariableValues hclspec:FuzzFormat hclspec:FuzzNestingBound \
	hclspec:FuzzParseFast \
	report:FuzzReadPlan report:FuzzEvaluate report:FuzzComparePlans report:FuzzMermaidIDInjective \
	internal/safetext:FuzzWriter \
	cmd/roadmap:FuzzShow cmd/roadmap:FuzzPlanCompare finance:FuzzIRR
fuzz:
	GO=$(GO) FUZZTIME=$(FUZZTIME) FUZZFLAGS='$(FUZZFLAGS)' scripts/fuzz.sh $(FUZZ_TARGETS)

# Regenerate the worst-case inputs of docs/security.md and measure them
# (time and peak memory); see scripts/limits.sh.
limits: build
	scripts/limits.sh $(BIN)

# Benchmarks of roadmap simulate (see docs/performance.md#simulation): the
# simulation in-process on 1 worker and on every core, then the whole
# process on 1 and 2 cores with CPU time and peak memory, for
# examples/it-department-ranges (10,000 runs) and generated roadmaps of
# 100 and 1,000 (1,000 runs) and 10,000 projects (20 runs).
bench-simulate:
	$(GO) test -run '^$$' -bench 'SimulateExample|SimulateSynth' -benchtime 1x -count 3 ./evaluate/simulate/
	$(GO) test -run '^$$' -bench 'SimulateProcess' -benchtime 1x -count 3 -timeout 60m ./internal/synth/

# --- releases (docs/releasing.md) -------------------------------------------

# Validate .goreleaser.yaml. Needs goreleaser (scripts/ci-deps.sh, or
# go install github.com/goreleaser/goreleaser/v2@$(GORELEASER_VERSION)).
release-check:
	$(GORELEASER) check

# Build every release archive (six platforms), checksums and SBOMs into
# dist/ without publishing, then check what the archives hold (make test
# runs it). Also needs cyclonedx-gomod (go install
# github.com/CycloneDX/cyclonedx-gomod/cmd/cyclonedx-gomod@$(CYCLONEDX_GOMOD_VERSION)).
release-snapshot: release-check
	$(GORELEASER) release --snapshot --clean
	$(GO) test ./scripts/release -run '^TestSnapshot$$' -count=1 -args -dist $(CURDIR)/dist

clean:
	rm -rf bin dist completions
