# The front door: `make run` and `make test` work on a fresh Debian 12 machine.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
RUNS_ROOT ?= $(CURDIR)/runs

.PHONY: deps configure build run test test-loaded fuzz bench package check-structure clean

deps:
	./scripts/install-deps.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

configure: $(BUILD_DIR)/build.ninja

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: deps
	$(MAKE) build
	./scripts/run-demo.sh $(BUILD_DIR) $(RUNS_ROOT)

# TRAINBENCH_LANG=en: the tests compare English texts, which a Chinese desktop would translate.
test: deps
	$(MAKE) build
	cd $(BUILD_DIR) && TRAINBENCH_LANG=en ctest --output-on-failure -j $(JOBS) --timeout 900

# The whole suite (or TESTS=regex) with two busy loops running beside it.
test-loaded: deps
	$(MAKE) build
	./scripts/test-loaded.sh $(BUILD_DIR) '$(TESTS)'

# libFuzzer targets (clang, ASan, UBSan) in build-fuzz: corpora replayed, each fuzzed
# FUZZ_SECONDS (default 20).
fuzz: deps
	./scripts/fuzz.sh $(BUILD_DIR)-fuzz $(FUZZ_SECONDS)

bench: deps
	$(MAKE) build
	./bench/run-all.sh $(BUILD_DIR)

# build/trainbench_VERSION_ARCH.deb: install with `sudo apt install ./build/trainbench_*.deb`.
package: deps
	$(MAKE) build
	cd $(BUILD_DIR) && cpack -G DEB

# Forbidden includes (QtWidgets below ui/, libssh outside remote/, torch outside the trainer)
# and clang-format on the lines changed since BASE (default: see scripts/check-structure.sh).
check-structure: deps
	./scripts/check-structure.sh $(BASE)

clean:
	rm -rf $(BUILD_DIR) $(BUILD_DIR)-fuzz
