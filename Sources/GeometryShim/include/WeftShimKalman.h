/*
 * Small dense linear algebra of the Kalman filter on 5-parameter track states (bound or perigee
 * parameters; see WeftShimBound.h), with 1- or 2-dimensional measurements.
 *
 * Layouts: a state vector is 5 doubles; every matrix is row-major (element (i, j) of an r x c
 * matrix at index i * c + j): covariances and Jacobians 25 doubles, measurement covariances V
 * dim * dim doubles, projectors H dim x 5 = dim * 5 doubles, measurements dim doubles.
 * No angle is wrapped: residuals and updated values are plain differences and sums, so callers
 * working with phi must keep it continuous or wrap it themselves.
 * Output arrays may alias input arrays (everything is computed before anything is written).
 * Inputs must be finite (WEFT_SHIM_ERR_INVALID_ARGUMENT otherwise). Output covariances are
 * exactly symmetric. All functions are pure and thread-safe.
 */
#ifndef WEFT_SHIM_KALMAN_H
#define WEFT_SHIM_KALMAN_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Covariance transport C' = J C J^T + Q.
 *
 * @param jacobian  J, 25 doubles.
 * @param cov       C, 25 doubles.
 * @param noise     Q (e.g. multiple scattering), 25 doubles, or NULL for Q = 0.
 * @param out_cov   C', 25 doubles, symmetrised.
 */
int weft_shim_cov_transport(const double jacobian[25], const double cov[25], const double *noise,
                            double out_cov[25]);

/**
 * Predicted chi-square of a measurement, r^T (V + H C H^T)^-1 r with residual r = m - H x,
 * without updating: the measurement-selection test of the combinatorial Kalman filter.
 *
 * @param dim       measurement dimension, 1 or 2.
 * x, cov: predicted state (5) and covariance (25).
 * @param meas      m, dim doubles.
 * @param meas_cov  V, dim * dim doubles.
 * @param proj      H, dim * 5 doubles.
 * @param out_chi2  the chi-square.
 * @return WEFT_SHIM_OK, WEFT_SHIM_ERR_NULL_POINTER, WEFT_SHIM_ERR_INVALID_ARGUMENT (dim not 1 or 2,
 *         non-finite input), WEFT_SHIM_ERR_SINGULAR (V + H C H^T not positive definite),
 *         WEFT_SHIM_ERR_INTERNAL.
 */
int weft_shim_kalman_chi2(int dim, const double x[5], const double cov[25], const double *meas,
                          const double *meas_cov, const double *proj, double *out_chi2);

/**
 * Kalman update (gain-matrix form) of a predicted state with one measurement:
 *     r = m - H x,  S = V + H C H^T,  K = C H^T S^-1,
 *     x' = x + K r,  C' = (I - K H) C (I - K H)^T + K V K^T   (Joseph form, stays positive
 *     definite under rounding),  chi2 = r^T S^-1 r.
 *
 * @param dim        measurement dimension, 1 or 2.
 * x, cov: predicted state (5) and covariance (25).
 * meas, meas_cov, proj: m (dim), V (dim * dim), H (dim * 5).
 * @param out_x      filtered state, 5 doubles.
 * @param out_cov    filtered covariance, 25 doubles.
 * @param out_chi2   chi-square of the update (may be NULL).
 * @return as weft_shim_kalman_chi2.
 */
int weft_shim_kalman_update(int dim, const double x[5], const double cov[25], const double *meas,
                            const double *meas_cov, const double *proj,
                            double out_x[5], double out_cov[25], double *out_chi2);

/**
 * One Rauch–Tung–Striebel smoother step, from measurement k+1 back to k:
 *     A = C_f J^T C_p^-1,  x_s = x_f + A (x_s1 - x_p),  C_s = C_f + A (C_s1 - C_p) A^T,
 * where (x_f, C_f) is the filtered state at k, J the transport Jacobian from k to k+1,
 * (x_p, C_p) the predicted state at k+1 (C_p = J C_f J^T + Q) and (x_s1, C_s1) the smoothed
 * state at k+1.
 *
 * @return WEFT_SHIM_OK, WEFT_SHIM_ERR_NULL_POINTER, WEFT_SHIM_ERR_INVALID_ARGUMENT,
 *         WEFT_SHIM_ERR_SINGULAR (C_p not positive definite), WEFT_SHIM_ERR_INTERNAL.
 */
int weft_shim_rts_smooth(const double x_filt[5], const double cov_filt[25],
                         const double jacobian[25],
                         const double x_pred_next[5], const double cov_pred_next[25],
                         const double x_smooth_next[5], const double cov_smooth_next[25],
                         double out_x[5], double out_cov[25]);

/**
 * Inverse of a general 5x5 matrix (full-pivoting LU).
 *
 * @param matrix  25 doubles.
 * @param out_inv 25 doubles.
 * @return WEFT_SHIM_OK, WEFT_SHIM_ERR_NULL_POINTER, WEFT_SHIM_ERR_INVALID_ARGUMENT (non-finite),
 *         WEFT_SHIM_ERR_SINGULAR (numerically rank-deficient), WEFT_SHIM_ERR_INTERNAL.
 */
int weft_shim_inverse5(const double matrix[25], double out_inv[25]);

/**
 * In-place symmetrisation A <- (A + A^T) / 2 of an n x n row-major matrix (n * n doubles),
 * removing the asymmetry that rounding leaves in covariance products.
 *
 * @return WEFT_SHIM_OK or WEFT_SHIM_ERR_NULL_POINTER (n > 0 and matrix NULL).
 */
int weft_shim_symmetrize(size_t n, double *matrix);

#ifdef __cplusplus
}
#endif

#endif
