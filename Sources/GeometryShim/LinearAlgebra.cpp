// General small dense matrix helpers: 5x5 inverse and symmetrisation.
#include "WeftShimKalman.h"

#include "Support.hpp"

#include <eigen3/Eigen/Core>
#include <eigen3/Eigen/LU>

extern "C" int weft_shim_inverse5(const double matrix[25], double out_inv[25]) {
    using Matrix5 = Eigen::Matrix<double, 5, 5, Eigen::RowMajor>;
    if (weft_shim::anyNull(matrix, out_inv)) return WEFT_SHIM_ERR_NULL_POINTER;
    if (!weft_shim::allFinite(matrix, 25)) return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    return weft_shim::guarded([&] {
        // Full pivoting reveals the numerical rank: a pivot below 5 * eps * (largest pivot)
        // counts as zero and the matrix as singular.
        const Eigen::FullPivLU<Matrix5> lu{Matrix5(Eigen::Map<const Matrix5>(matrix))};
        if (!lu.isInvertible()) return WEFT_SHIM_ERR_SINGULAR;
        const Matrix5 inverse = lu.inverse();
        Eigen::Map<Matrix5> out(out_inv);
        out = inverse;
        return WEFT_SHIM_OK;
    });
}

extern "C" int weft_shim_symmetrize(size_t n, double *matrix) {
    if (n == 0) return WEFT_SHIM_OK;
    if (matrix == nullptr) return WEFT_SHIM_ERR_NULL_POINTER;
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = i + 1; j < n; ++j) {
            const double mean = 0.5 * (matrix[i * n + j] + matrix[j * n + i]);
            matrix[i * n + j] = mean;
            matrix[j * n + i] = mean;
        }
    }
    return WEFT_SHIM_OK;
}
