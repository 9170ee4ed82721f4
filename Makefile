# Weft — the two set-up commands of the README:
#   make demo   installs what is missing, builds in release, runs the main job
#   make test   installs what is missing, builds and runs the test suite
# Both are idempotent: a second run installs nothing and rebuilds only what changed.

SHELL := /bin/bash
APT_PACKAGES := libhdf5-dev libtbb-dev libeigen3-dev zlib1g-dev pkg-config hdf5-tools g++ cmake valgrind
VENV := .venv
PYTHON := $(VENV)/bin/python
SWIFT_BUILD_FLAGS ?=
DEMO_DIR ?= out/demo

.PHONY: deps pydeps build release demo test bench install-capi clean

# System packages, installed only when one is missing (apt-get update runs only then too).
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

# Python environment for plots (matplotlib + mplhep), local to the project.
pydeps: $(VENV)/.ready
$(VENV)/.ready: requirements-plots.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install -q --disable-pip-version-check -r requirements-plots.txt
	touch $@

build: deps
	swift build $(SWIFT_BUILD_FLAGS)

release: deps
	swift build -c release $(SWIFT_BUILD_FLAGS)

TRACKML_DATA ?= $(or $(WEFT_TRACKML_DATA),../shared/data/trackml)

demo: release pydeps
	.build/release/weft demo --output $(DEMO_DIR)

test: deps pydeps
	swift test $(SWIFT_BUILD_FLAGS)

bench: release
	.build/release/weft bench

PREFIX ?= /usr/local
# The C API under $(PREFIX): include/weft.h, lib/libweft.so*, lib/pkgconfig/weft.pc, lib/cmake/Weft/.
install-capi: deps
	swift build -c release --product CWeft $(SWIFT_BUILD_FLAGS)
	scripts/install-capi.sh --build-dir "$$(swift build -c release $(SWIFT_BUILD_FLAGS) --show-bin-path)" --prefix $(PREFIX)

clean:
	rm -rf .build $(VENV) out
