/*
 * Bound track parameters on a plane surface and their propagation with a transport Jacobian,
 * the state representation of the Kalman filter.
 *
 * A plane surface is a module frame as in WeftShimTransforms.h: centre (3 doubles, mm) and
 * row-major rotation (9 doubles) whose columns are the local axes u, v (in the plane) and w
 * (normal). Bound parameters are 5 doubles, in this order:
 *     [0] l0    local u of the position, mm
 *     [1] l1    local v of the position, mm
 *     [2] phi   azimuth of the direction in the global frame, rad, in (-pi, pi]
 *     [3] theta polar angle of the direction in the global frame, rad, in [0, pi]
 *     [4] q/p   charge over momentum, e/GeV
 * Their 5x5 covariances and Jacobians are row-major (index i * 5 + j). A neutral track has
 * q/p = 0 and propagates as a straight line. theta = 0 or pi makes phi (and the Jacobian)
 * degenerate. All functions are reentrant.
 */
#ifndef WEFT_SHIM_BOUND_H
#define WEFT_SHIM_BOUND_H

#include "WeftShimRungeKutta.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Free state -> bound parameters on a plane. The position is projected along w onto the plane.
 *
 * centre, rot: the plane, 3 doubles (mm) and 9 doubles (row-major rotation).
 * @param pos          position, 3 doubles, mm.
 * @param mom          momentum, 3 doubles, GeV (non-zero).
 * @param charge       charge, e.
 * @param out_params   bound parameters, 5 doubles.
 * @return WEFT_SHIM_OK, WEFT_SHIM_ERR_NULL_POINTER, WEFT_SHIM_ERR_INVALID_ARGUMENT or WEFT_SHIM_ERR_INTERNAL.
 */
int weft_shim_free_to_bound(const double centre[3], const double rot[9], const double pos[3],
                            const double mom[3], double charge, double out_params[5]);

/**
 * Bound parameters on a plane -> global position (3 doubles, mm) and unit direction (3 doubles).
 * The momentum magnitude is |q / (q/p)| and is left to the caller, who knows the charge.
 */
int weft_shim_bound_to_free(const double centre[3], const double rot[9], const double params[5],
                            double out_pos[3], double out_dir[3]);

/**
 * Propagates bound parameters from a source plane forwards to their first crossing with a
 * destination plane by Runge–Kutta, and optionally the 5x5 transport Jacobian
 * J = d(out_params)/d(params) for the covariance transport C' = J C J^T (weft_shim_cov_transport).
 *
 * The Jacobian is transported through every step with the stage derivatives of the RKN4 scheme
 * (field gradients neglected, as is standard) and includes the change of path length needed to
 * stay on the destination plane.
 *
 * src_centre, src_rot: source plane (mm, row-major rotation).
 * @param params               bound parameters on the source plane, 5 doubles.
 * dst_centre, dst_rot: destination plane.
 * field, ctx, options: field callback, its context, step control (NULL = defaults).
 * s_min, s_max: path-length window, mm, 0 <= s_min < s_max.
 * @param out_params           bound parameters on the destination plane, 5 doubles.
 * @param out_jacobian         transport Jacobian, 25 doubles row-major, or NULL if not needed.
 * @param out_s                path length travelled, mm.
 * @return as weft_shim_rk_plane.
 */
int weft_shim_rk_bound_plane(const double src_centre[3], const double src_rot[9],
                             const double params[5],
                             const double dst_centre[3], const double dst_rot[9],
                             weft_shim_field_fn field, void *ctx,
                             const weft_shim_rk_options *options, double s_min, double s_max,
                             double out_params[5], double *out_jacobian, double *out_s);

/**
 * The same propagation in a uniform field B = (0, 0, bz) (Tesla), by the analytic helix: the
 * crossing is solved to rounding precision and the transport Jacobian is exact, at a fraction of
 * the cost of the Runge–Kutta steps. bz = 0 or q/p = 0 gives the straight line.
 *
 * @return WEFT_SHIM_OK, WEFT_SHIM_ERR_NULL_POINTER, WEFT_SHIM_ERR_INVALID_ARGUMENT,
 *         WEFT_SHIM_ERR_NO_INTERSECTION (no crossing in the window) or WEFT_SHIM_ERR_INTERNAL.
 */
int weft_shim_helix_bound_plane(const double src_centre[3], const double src_rot[9],
                                const double params[5],
                                const double dst_centre[3], const double dst_rot[9], double bz,
                                double s_min, double s_max, double out_params[5],
                                double *out_jacobian, double *out_s);

#ifdef __cplusplus
}
#endif

#endif
