/*
 * GeometryShim — Weft's numerical layer: C++17 (Eigen, oneTBB) behind a plain C99 interface.
 *
 * Every function is `extern "C"`, takes raw pointers plus counts, never lets a C++ exception
 * escape, and (except the few documented pure queries) returns an int status code:
 * WEFT_SHIM_OK (0) on success or one of the negative WEFT_SHIM_ERR_* codes of WeftShimStatus.h.
 * A function that fails writes no output, except that WEFT_SHIM_ERR_OUT_OF_MEMORY or
 * WEFT_SHIM_ERR_INTERNAL from a batched function (transforms, GEMM, layer helpers,
 * parallel_for) may leave its outputs partly written.
 *
 * Units throughout: mm, GeV, Tesla, radians, elementary charge e.
 * Matrices are row-major: element (i, j) of an r x c matrix is at index i * c + j.
 *
 * The interface is split by concern; this umbrella header includes all of it.
 */
#ifndef WEFT_GEOMETRY_SHIM_H
#define WEFT_GEOMETRY_SHIM_H

#include "WeftShimStatus.h"
#include "WeftShimTransforms.h"
#include "WeftShimHelix.h"
#include "WeftShimRungeKutta.h"
#include "WeftShimBound.h"
#include "WeftShimKalman.h"
#include "WeftShimGemm.h"
#include "WeftShimParallel.h"

#endif
