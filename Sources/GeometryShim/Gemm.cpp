// Single-precision GEMM on row-major matrices through Eigen maps, split into fixed blocks of the
// output that TBB runs in parallel.
#include "WeftShimGemm.h"

#include "Support.hpp"

#include <eigen3/Eigen/Core>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>

#include <algorithm>

namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using ConstMap = Eigen::Map<const RowMatrix, 0, Eigen::OuterStride<>>;
using MutableMap = Eigen::Map<RowMatrix, 0, Eigen::OuterStride<>>;

// Output blocks of 256 rows (or columns): each is a full Eigen GEMM of at least 256 x n x k
// multiply-adds, large enough to amortise packing and TBB scheduling. The block layout depends
// only on the shapes, and Eigen's own cache blocking only on the block's shape, so every output
// element is summed in the same order whatever the thread count.
constexpr std::size_t kBlock = 256;
// Below ~2^21 multiply-adds (well under a millisecond) one thread does the whole product.
constexpr double kParallelWork = 2097152.0;

struct Problem {
    bool transA, transB;
    std::size_t m, n, k;
    float alpha, beta;
    const float *a, *b;
    float *c;
    std::size_t lda, ldb, ldc;

    // op(A) rows [r0, r1): A itself, or columns of the stored k x m matrix, transposed.
    template <class Body>
    void withRowsOfA(std::size_t r0, std::size_t r1, Body &&body) const {
        if (transA) {
            body(ConstMap(a + r0, Eigen::Index(k), Eigen::Index(r1 - r0), Eigen::OuterStride<>(lda))
                     .transpose());
        } else {
            body(ConstMap(a + r0 * lda, Eigen::Index(r1 - r0), Eigen::Index(k),
                          Eigen::OuterStride<>(lda)));
        }
    }

    // op(B) columns [c0, c1).
    template <class Body>
    void withColumnsOfB(std::size_t c0, std::size_t c1, Body &&body) const {
        if (transB) {
            body(ConstMap(b + c0 * ldb, Eigen::Index(c1 - c0), Eigen::Index(k),
                          Eigen::OuterStride<>(ldb))
                     .transpose());
        } else {
            body(ConstMap(b + c0, Eigen::Index(k), Eigen::Index(c1 - c0), Eigen::OuterStride<>(ldb)));
        }
    }

    // C[r0:r1, c0:c1] = alpha op(A)[r0:r1, :] op(B)[:, c0:c1] + beta C[r0:r1, c0:c1].
    void block(std::size_t r0, std::size_t r1, std::size_t c0, std::size_t c1) const {
        MutableMap out(c + r0 * ldc + c0, Eigen::Index(r1 - r0), Eigen::Index(c1 - c0),
                       Eigen::OuterStride<>(ldc));
        withRowsOfA(r0, r1, [&](const auto &opA) {
            withColumnsOfB(c0, c1, [&](const auto &opB) {
                // beta = 0 must not read C, which may be uninitialised (BLAS semantics).
                if (beta == 0) {
                    out.noalias() = alpha * (opA * opB);
                } else {
                    if (beta != 1) out *= beta;
                    out.noalias() += alpha * (opA * opB);
                }
            });
        });
    }

    void scaleOnly() const {
        for (std::size_t i = 0; i < m; ++i) {
            float *row = c + i * ldc;
            for (std::size_t j = 0; j < n; ++j) row[j] = beta == 0 ? 0.0f : beta * row[j];
        }
    }

    void run() const {
        if (k == 0 || alpha == 0) {
            scaleOnly();
            return;
        }
        const double work = double(m) * double(n) * double(k);
        const bool splitRows = m >= n;
        const std::size_t extent = splitRows ? m : n;
        if (work < kParallelWork || extent <= kBlock) {
            block(0, m, 0, n);
            return;
        }
        const std::size_t blocks = (extent + kBlock - 1) / kBlock;
        tbb::parallel_for(
            tbb::blocked_range<std::size_t>(0, blocks, 1),
            [&](const tbb::blocked_range<std::size_t> &range) {
                for (std::size_t i = range.begin(); i < range.end(); ++i) {
                    const std::size_t lo = i * kBlock, hi = std::min(extent, lo + kBlock);
                    if (splitRows) {
                        block(lo, hi, 0, n);
                    } else {
                        block(0, m, lo, hi);
                    }
                }
            },
            tbb::simple_partitioner());
    }
};

}  // namespace

extern "C" int weft_shim_sgemm(int trans_a, int trans_b, size_t m, size_t n, size_t k,
                               float alpha, const float *a, size_t lda, const float *b,
                               size_t ldb, float beta, float *c, size_t ldc) {
    if (m == 0 || n == 0) return WEFT_SHIM_OK;
    if (c == nullptr) return WEFT_SHIM_ERR_NULL_POINTER;
    if (ldc < n) return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    const Problem problem{trans_a != 0, trans_b != 0, m, n, k, alpha, beta, a, b, c, lda, ldb, ldc};
    if (k > 0 && alpha != 0) {
        if (a == nullptr || b == nullptr) return WEFT_SHIM_ERR_NULL_POINTER;
        if (lda < (problem.transA ? m : k) || ldb < (problem.transB ? k : n)) {
            return WEFT_SHIM_ERR_INVALID_ARGUMENT;
        }
    }
    return weft_shim::guarded([&] {
        problem.run();
        return WEFT_SHIM_OK;
    });
}
