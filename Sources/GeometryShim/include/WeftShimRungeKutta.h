/*
 * Adaptive Runge–Kutta–Nyström (RKN4) propagation of a charged track through an arbitrary static
 * magnetic field given by a C callback.
 *
 * The equations of motion in the path length s (mm) are
 *     dr/ds = t,    dt/ds = (q/p) * 0.299792458e-3 * t x B(r),
 * with t the unit direction, q/p in e/GeV and B in Tesla. Each step evaluates the field three
 * times (start, middle, end). The local error estimate h^2 * |k1 - k2 - k3 + k4| (mm) is kept
 * below `tolerance`; steps grow or shrink by at most a factor 4. The direction is re-normalised
 * after every step (a magnetic field does no work). Energy loss and scattering are not modelled.
 *
 * Surface targets are approached with a quadratic model of the signed distance (it limits each step
 * to the model's first root, so loopers that curl back onto the surface are caught); a step that
 * overshoots is re-solved by safeguarded Newton iteration on the step length from its start. The
 * reported point lies within 1e-9 mm of the surface. As with the helix functions, the crossing is
 * the first one with s in (s_min, s_max]; pass a small positive s_min to leave a surface the state
 * lies on. A crossing shorter than one step of a strongly grazing trajectory may be missed.
 *
 * Thread-safety: the functions are reentrant; the field callback is called only from the calling
 * thread, so it needs no locking unless the caller shares its context across threads.
 */
#ifndef WEFT_SHIM_RUNGE_KUTTA_H
#define WEFT_SHIM_RUNGE_KUTTA_H

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Magnetic-field callback: writes the field at `pos` (3 doubles, mm) to `b` (3 doubles, Tesla).
 * `ctx` is passed through unchanged. It must not throw or longjmp; a non-finite field makes the
 * propagation fail with WEFT_SHIM_ERR_BAD_FIELD.
 */
typedef void (*weft_shim_field_fn)(void *ctx, const double pos[3], double b[3]);

/** Step control of the Runge–Kutta propagator. */
typedef struct weft_shim_rk_options {
    /** Largest accepted local error estimate per step, mm (default 1e-4). */
    double tolerance;
    /** First trial step length, mm (default 50). */
    double initial_step;
    /** Largest step length, mm (default 1000); bounds how far the field is trusted to be smooth. */
    double max_step;
    /** Largest number of accepted plus rejected steps (default 100000). */
    int max_steps;
} weft_shim_rk_options;

/** The default options documented in weft_shim_rk_options. */
weft_shim_rk_options weft_shim_rk_default_options(void);

/**
 * Propagates a state by a fixed path length.
 *
 * @param pos      start position, 3 doubles, mm.
 * @param mom      start momentum, 3 doubles, GeV (non-zero).
 * @param charge   charge, e (0 gives a straight line).
 * @param field    field callback; `ctx` is its context.
 * @param options  step control, or NULL for the defaults; all values must be positive and finite.
 * @param length   path length, mm; negative values propagate backwards.
 * @param out_pos  end position, 3 doubles, mm.
 * @param out_dir  end unit direction, 3 doubles.
 * @return WEFT_SHIM_OK, WEFT_SHIM_ERR_NULL_POINTER, WEFT_SHIM_ERR_INVALID_ARGUMENT,
 *         WEFT_SHIM_ERR_BAD_FIELD, WEFT_SHIM_ERR_NOT_CONVERGED or WEFT_SHIM_ERR_INTERNAL.
 */
int weft_shim_rk_advance(const double pos[3], const double mom[3], double charge,
                         weft_shim_field_fn field, void *ctx, const weft_shim_rk_options *options,
                         double length, double out_pos[3], double out_dir[3]);

/**
 * Propagates a state forwards to its first crossing with a plane.
 *
 * @param plane_point   a point of the plane, 3 doubles, mm.
 * @param plane_normal  the plane normal, 3 doubles, any non-zero length.
 * s_min, s_max: path-length window, mm, 0 <= s_min < s_max, finite.
 * out_pos, out_dir, out_s: crossing position (mm), unit direction and path length (mm).
 * @return as weft_shim_rk_advance, plus WEFT_SHIM_ERR_NO_INTERSECTION.
 */
int weft_shim_rk_plane(const double pos[3], const double mom[3], double charge,
                       weft_shim_field_fn field, void *ctx, const weft_shim_rk_options *options,
                       const double plane_point[3], const double plane_normal[3],
                       double s_min, double s_max,
                       double out_pos[3], double out_dir[3], double *out_s);

/**
 * Propagates a state forwards to its first crossing with the cylinder x^2 + y^2 = radius^2
 * (radius in mm, > 0) about the z axis. Parameters and results as weft_shim_rk_plane.
 */
int weft_shim_rk_cylinder(const double pos[3], const double mom[3], double charge,
                          weft_shim_field_fn field, void *ctx, const weft_shim_rk_options *options,
                          double radius, double s_min, double s_max,
                          double out_pos[3], double out_dir[3], double *out_s);

#ifdef __cplusplus
}
#endif

#endif
