# The two commands: `make run` and `make test`. Both install what is missing first.
BUILD_DIR := build

.PHONY: all deps build run test bench fuzz format clean

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD_DIR)/build.ninja
	ninja -C $(BUILD_DIR) -j2

run: build
	@bash scripts/run.sh

test: build
	@bash scripts/test.sh

bench: build
	@bash bench/run.sh

fuzz: deps
	@bash scripts/fuzz.sh 300

format:
	git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) build-fuzz
