# Benchmarks of the optimiser and of planning at scale (see docs/performance.md).
# PSPLIB data: $(ROADMAP_BENCHMARKS_DIR)/psplib, by default ../shared/benchmarks.
.PHONY: bench-psplib
bench-psplib:
	go run ./cmd/psplibbench -workers 1
