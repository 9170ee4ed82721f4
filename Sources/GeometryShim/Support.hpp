// Internal helpers shared by the shim's translation units (not part of the C interface).
#pragma once

#include "WeftShimStatus.h"

#include <cmath>
#include <cstddef>
#include <new>

namespace weft_shim {

// GeV per (e * Tesla * mm): p[GeV] = kMomentumPerFieldRadius * |q| * B[T] * R[mm], the
// curvature relation R[mm] = pT[GeV] / (0.299792458e-3 * B[T]) for unit charge.
constexpr double kMomentumPerFieldRadius = 0.299792458e-3;

// Runs `body` (which returns a status code) and turns any escaping C++ exception into a status
// code: no exception may unwind through the C interface into Swift or C callers.
template <class Body>
int guarded(Body &&body) noexcept {
    try {
        return body();
    } catch (const std::bad_alloc &) {
        return WEFT_SHIM_ERR_OUT_OF_MEMORY;
    } catch (...) {
        return WEFT_SHIM_ERR_INTERNAL;
    }
}

template <class... Pointers>
bool anyNull(const Pointers *...pointers) {
    return ((pointers == nullptr) || ...);
}

inline bool allFinite(const double *values, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        if (!std::isfinite(values[i])) return false;
    }
    return true;
}

}  // namespace weft_shim
