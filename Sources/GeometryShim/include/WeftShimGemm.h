/*
 * Single-precision dense kernels for the graph neural network: GEMM and per-row layer helpers.
 *
 * All matrices are row-major with an explicit leading dimension (the distance, in elements,
 * between the starts of consecutive rows; at least the row length). Large problems are split
 * into fixed blocks of rows processed in parallel with TBB; the block layout depends only on the
 * matrix shapes, so results are bit-identical for every thread count. All functions are
 * reentrant; the output must not overlap any input.
 */
#ifndef WEFT_SHIM_GEMM_H
#define WEFT_SHIM_GEMM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * C = alpha * op(A) * op(B) + beta * C, with op(X) = X or X^T (BLAS sgemm semantics, row-major).
 *
 * @param trans_a  0: op(A) = A, stored m x k (lda >= k); non-zero: op(A) = A^T, A stored k x m (lda >= m).
 * @param trans_b  0: op(B) = B, stored k x n (ldb >= n); non-zero: op(B) = B^T, B stored n x k (ldb >= k).
 * m, n, k: op(A) is m x k, op(B) is k x n, C is m x n. m or n = 0 does nothing;
 *                 k = 0 gives C = beta * C.
 * @param alpha    scale of the product.
 * a, lda: A and its leading dimension.
 * b, ldb: B and its leading dimension.
 * @param beta     scale of the old C; with beta = 0, C is not read (it may hold NaN).
 * c, ldc: C (m x n, ldc >= n), updated in place.
 * @return WEFT_SHIM_OK, WEFT_SHIM_ERR_NULL_POINTER, WEFT_SHIM_ERR_INVALID_ARGUMENT (leading
 *         dimension too small), WEFT_SHIM_ERR_OUT_OF_MEMORY or WEFT_SHIM_ERR_INTERNAL.
 */
int weft_shim_sgemm(int trans_a, int trans_b, size_t m, size_t n, size_t k,
                    float alpha, const float *a, size_t lda, const float *b, size_t ldb,
                    float beta, float *c, size_t ldc);

/** Element-wise activations for weft_shim_bias_activation. */
#define WEFT_SHIM_ACTIVATION_IDENTITY 0
/** max(0, x) */
#define WEFT_SHIM_ACTIVATION_RELU 1
/** tanh(x) */
#define WEFT_SHIM_ACTIVATION_TANH 2
/** 1 / (1 + exp(-x)) */
#define WEFT_SHIM_ACTIVATION_SIGMOID 3

/**
 * In place X[i][j] = act(X[i][j] + bias[j]) on a rows x cols matrix: the tail of a dense layer.
 *
 * x, ldx: X (row-major, ldx >= cols).
 * @param bias       cols floats, or NULL for no bias.
 * @param activation one of WEFT_SHIM_ACTIVATION_*.
 * @return WEFT_SHIM_OK, WEFT_SHIM_ERR_NULL_POINTER, WEFT_SHIM_ERR_INVALID_ARGUMENT (unknown
 *         activation, ldx < cols), WEFT_SHIM_ERR_INTERNAL.
 */
int weft_shim_bias_activation(size_t rows, size_t cols, float *x, size_t ldx, const float *bias,
                              int activation);

/**
 * In-place layer normalisation of every row of a rows x cols matrix, as torch.nn.LayerNorm:
 *     X[i][j] = (X[i][j] - mean_i) / sqrt(var_i + epsilon) * gamma[j] + beta[j],
 * with the biased (1/cols) variance, accumulated in double.
 *
 * x, ldx: X (row-major, ldx >= cols), cols >= 1.
 * @param gamma     cols floats (scale), or NULL for 1.
 * @param beta      cols floats (shift), or NULL for 0.
 * @param epsilon   variance regulariser, >= 0 (torch's default is 1e-5).
 * @return WEFT_SHIM_OK, WEFT_SHIM_ERR_NULL_POINTER, WEFT_SHIM_ERR_INVALID_ARGUMENT, WEFT_SHIM_ERR_INTERNAL.
 */
int weft_shim_layer_norm(size_t rows, size_t cols, float *x, size_t ldx, const float *gamma,
                         const float *beta, float epsilon);

#ifdef __cplusplus
}
#endif

#endif
