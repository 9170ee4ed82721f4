// Batched global <-> module-local rigid transforms (global = c + R * local, R row-major with the
// local axes as columns). Scalar code: 12 multiply-adds per point do not benefit from Eigen, and
// every element is independent, so TBB chunking cannot change results.
#include "WeftShimTransforms.h"

#include "ParallelRange.hpp"
#include "Support.hpp"

namespace {

using weft_shim::anyNull;
using weft_shim::forEachChunk;
using weft_shim::guarded;

// Below this many points a batch runs inline; a transform costs a few ns per point.
constexpr std::size_t kParallelThreshold = 16384;
constexpr std::size_t kGrain = 4096;

// local = R^T (g - c): row j of R^T is column j of the row-major R.
inline void toLocal(const double *c, const double *r, double gx, double gy, double gz, double &u,
                    double &v, double &w) {
    const double dx = gx - c[0], dy = gy - c[1], dz = gz - c[2];
    u = r[0] * dx + r[3] * dy + r[6] * dz;
    v = r[1] * dx + r[4] * dy + r[7] * dz;
    w = r[2] * dx + r[5] * dy + r[8] * dz;
}

// global = c + R l.
inline void toGlobal(const double *c, const double *r, double u, double v, double w, double &gx,
                     double &gy, double &gz) {
    gx = c[0] + r[0] * u + r[1] * v + r[2] * w;
    gy = c[1] + r[3] * u + r[4] * v + r[5] * w;
    gz = c[2] + r[6] * u + r[7] * v + r[8] * w;
}

template <class Kernel>
int transformPerPoint(std::size_t n, const double *centres, const double *rotations,
                      const double *in, double *out, Kernel kernel) {
    if (n == 0) return WEFT_SHIM_OK;
    if (anyNull(centres, rotations, in, out)) return WEFT_SHIM_ERR_NULL_POINTER;
    return guarded([&] {
        forEachChunk(n, kParallelThreshold, kGrain, [&](std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i) {
                const double *p = in + 3 * i;
                double a, b, c;
                kernel(centres + 3 * i, rotations + 9 * i, p[0], p[1], p[2], a, b, c);
                out[3 * i] = a;
                out[3 * i + 1] = b;
                out[3 * i + 2] = c;
            }
        });
        return WEFT_SHIM_OK;
    });
}

template <class Kernel>
int transformIndexed(std::size_t n, const float *x, const float *y, const float *z,
                     const int32_t *moduleIndex, std::size_t m, const double *cx,
                     const double *cy, const double *cz, const double *rot, float *u, float *v,
                     float *w, Kernel kernel) {
    if (n == 0) return WEFT_SHIM_OK;
    if (anyNull(x, y, z, moduleIndex, u, v, w)) return WEFT_SHIM_ERR_NULL_POINTER;
    if (m > 0 && anyNull(cx, cy, cz, rot)) return WEFT_SHIM_ERR_NULL_POINTER;
    // Validate every index before writing anything, so a bad index leaves the outputs intact.
    for (std::size_t i = 0; i < n; ++i) {
        if (moduleIndex[i] < 0 || std::size_t(moduleIndex[i]) >= m) {
            return WEFT_SHIM_ERR_INDEX_OUT_OF_RANGE;
        }
    }
    return guarded([&] {
        forEachChunk(n, kParallelThreshold, kGrain, [&](std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i) {
                const std::size_t j = std::size_t(moduleIndex[i]);
                const double c[3] = {cx[j], cy[j], cz[j]};
                double a, b, d;
                kernel(c, rot + 9 * j, x[i], y[i], z[i], a, b, d);
                u[i] = float(a);
                v[i] = float(b);
                w[i] = float(d);
            }
        });
        return WEFT_SHIM_OK;
    });
}

}  // namespace

extern "C" int weft_shim_global_to_local(size_t n, const double *centres,
                                         const double *rotations, const double *global,
                                         double *local) {
    return transformPerPoint(n, centres, rotations, global, local, toLocal);
}

extern "C" int weft_shim_local_to_global(size_t n, const double *centres,
                                         const double *rotations, const double *local,
                                         double *global) {
    return transformPerPoint(n, centres, rotations, local, global, toGlobal);
}

extern "C" int weft_shim_global_to_local_indexed(size_t n, const float *x, const float *y,
                                                 const float *z, const int32_t *module_index,
                                                 size_t m, const double *cx, const double *cy,
                                                 const double *cz, const double *rot, float *u,
                                                 float *v, float *w) {
    return transformIndexed(n, x, y, z, module_index, m, cx, cy, cz, rot, u, v, w, toLocal);
}

extern "C" int weft_shim_local_to_global_indexed(size_t n, const float *u, const float *v,
                                                 const float *w, const int32_t *module_index,
                                                 size_t m, const double *cx, const double *cy,
                                                 const double *cz, const double *rot, float *x,
                                                 float *y, float *z) {
    return transformIndexed(n, u, v, w, module_index, m, cx, cy, cz, rot, x, y, z, toGlobal);
}
