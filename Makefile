# quire's own tasks. `make build` builds this repo's docs into public/.
GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X github.com/quire-docs/quire/internal/cli.version=$(VERSION)
FUZZTIME ?= 20s

.PHONY: all build serve linkcheck quire test test-stress race vet fmt fuzz bench bench-search bench-go audit clean

all: build

## build: compile ./quire, then build this repo's docs (content/) into public/
build: quire
	./quire build

## serve: preview this repo's docs, drafts included, with live reload
serve: quire
	./quire serve --drafts

## linkcheck: check this repo's docs' links; LINKCHECK_FLAGS=--offline for internal links only
linkcheck: quire
	./quire linkcheck $(LINKCHECK_FLAGS)

## quire: compile the binary
quire:
	$(GO) build -ldflags '$(LDFLAGS)' -o quire ./cmd/quire

## test: run every test with the race detector
test:
	$(GO) test -race -timeout 30m ./...

## test-stress: the watcher's and server's tests, 20 times over, while four
## CPU-bound processes run beside them: tests that depend on timing fail
## here. The burners are stopped whatever happens. STRESS_FLAGS=-race adds
## the race detector (26 min rather than 10 on a busy 2-core machine).
STRESS_COUNT ?= 20
STRESS_FLAGS ?=
test-stress:
	@set -e; pids=; \
	trap 'kill -KILL $$pids 2>/dev/null' EXIT; trap 'exit 130' INT TERM; \
	for i in 1 2 3 4; do sh -c 'while :; do :; done' & pids="$$pids $$!"; done; \
	echo "4 CPU burners:$$pids"; \
	$(GO) test $(STRESS_FLAGS) -count=$(STRESS_COUNT) -timeout 30m ./internal/watch/ ./internal/server/

vet:
	$(GO) vet ./...

fmt:
	gofmt -l -w $$(git ls-files '*.go')

## fuzz: run every fuzz target for FUZZTIME (default 20s) each, going on
## past a failing one; every failure is listed at the end (.ci/fuzz)
fuzz:
	GO=$(GO) FUZZTIME=$(FUZZTIME) ./.ci/fuzz

## bench: quire vs Hugo vs a goldmark+chroma floor on generated sites (bench/run.sh;
## BENCH_SIZES, BENCH_RUNS, BENCH_DEFAULT_THEME=1 tune it)
bench:
	./bench/run.sh

## bench-search: quire's search vs Pagefind's on generated sites, in headless
## Chromium (bench/search.sh; BENCH_SIZES=1000,10000,100000 for the large one)
bench-search:
	./bench/search.sh

## bench-theme: time, peak RSS and output size of `quire build` with the
## default theme on generated sites (bench/theme.sh; BENCH_SIZES=1000,10000,30000)
.PHONY: bench-theme
bench-theme:
	./bench/theme.sh

## bench-go: run the Go benchmarks of every stage
bench-go:
	$(GO) test -run '^$$' -bench . -benchmem ./...

## audit: Lighthouse scores (performance, accessibility, best practices, SEO)
## of the home page and an FAQ page, with Debian's chromium; not part of test
AUDIT_PORT ?= 8391
AUDIT_DIR  ?= .quire/audit
audit: quire
	cd test/audit && { [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --ignore-scripts --no-audit --no-fund --loglevel=error; }
	./quire build --quiet --base-url http://127.0.0.1:$(AUDIT_PORT)/ --destination $(AUDIT_DIR)
	node test/audit/audit.mjs $(AUDIT_DIR) $(AUDIT_PORT) / /faq/security/

clean:
	rm -rf public quire
