#!/usr/bin/env bash
# Installs the Weft C API: header, shared library, pkg-config file and CMake package config.
#
#   scripts/install-capi.sh [--build-dir DIR] [--prefix DIR]
#
#   --build-dir DIR  where SwiftPM put libCWeft.so (default .build/release; build it first with
#                    `swift build -c release --product CWeft`)
#   --prefix DIR     install prefix (default /usr/local)
#
# Installs, with VERSION and MAJOR read from include/weft.h:
#   PREFIX/include/weft.h
#   PREFIX/lib/libweft.so.VERSION, libweft.so.MAJOR -> it (the soname), libweft.so -> libweft.so.MAJOR
#   PREFIX/lib/pkgconfig/weft.pc                      (pkg-config --cflags --libs weft)
#   PREFIX/lib/cmake/Weft/WeftConfig{,Version}.cmake  (find_package(Weft) → Weft::weft)
# The pkg-config and CMake files locate the prefix from their own directory, so the tree may be moved.
# The library finds the Swift runtime through its RUNPATH (the toolchain's lib/swift/linux).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="$root/.build/release"
prefix="/usr/local"
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) build_dir="$2"; shift 2 ;;
    --prefix) prefix="$2"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install-capi.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

header="$root/include/weft.h"
library="$build_dir/libCWeft.so"
templates="$root/Sources/CWeft/Install"
[ -f "$library" ] || { echo "install-capi.sh: $library not found; build it with: swift build -c release --product CWeft" >&2; exit 1; }

macro() { sed -n "s/^#define $1 \\([0-9][0-9]*\\)\$/\\1/p" "$header"; }
major="$(macro WEFT_VERSION_MAJOR)"; minor="$(macro WEFT_VERSION_MINOR)"; patch="$(macro WEFT_VERSION_PATCH)"
[ -n "$major" ] && [ -n "$minor" ] && [ -n "$patch" ] || { echo "install-capi.sh: no WEFT_VERSION_* macros in $header" >&2; exit 1; }
version="$major.$minor.$patch"
soname="$(readelf -d "$library" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')"
[ "$soname" = "libweft.so.$major" ] || { echo "install-capi.sh: $library has soname '$soname', expected libweft.so.$major" >&2; exit 1; }

fill() {
  sed -e "s/@VERSION@/$version/g" -e "s/@VERSION_MAJOR@/$major/g" -e "s/@VERSION_MINOR@/$minor/g" \
      -e "s/@SOVERSION@/$major/g" "$1"
}

mkdir -p "$prefix/include" "$prefix/lib/pkgconfig" "$prefix/lib/cmake/Weft"
install -m 644 "$header" "$prefix/include/weft.h"
install -m 755 "$library" "$prefix/lib/libweft.so.$version"
ln -sfn "libweft.so.$version" "$prefix/lib/libweft.so.$major"
ln -sfn "libweft.so.$major" "$prefix/lib/libweft.so"
fill "$templates/weft.pc.in" > "$prefix/lib/pkgconfig/weft.pc"
fill "$templates/WeftConfig.cmake.in" > "$prefix/lib/cmake/Weft/WeftConfig.cmake"
fill "$templates/WeftConfigVersion.cmake.in" > "$prefix/lib/cmake/Weft/WeftConfigVersion.cmake"
echo "installed Weft C API $version under $prefix"
