/*
 * Batched rigid transforms between the global frame and module-local frames.
 *
 * A module is a centre c (mm, global) and a rotation R (9 doubles, row-major) whose columns are the
 * local u, v, w axes expressed in global coordinates, so that
 *     global = c + R * local,        local = R^T * (global - c).
 * This is exactly the TrackML detectors.csv convention: the row-major R is
 * (rot_xu, rot_xv, rot_xw, rot_yu, rot_yv, rot_yw, rot_zu, rot_zv, rot_zw).
 * w is the coordinate along the module normal; a point on the module plane has w = 0.
 *
 * Large batches run in parallel with TBB; every element is computed independently, so results do
 * not depend on the thread count. All functions are thread-safe (they only read their inputs).
 */
#ifndef WEFT_SHIM_TRANSFORMS_H
#define WEFT_SHIM_TRANSFORMS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Global -> local for n points, point i on its own module i (array-of-structures, doubles).
 *
 * @param n          number of points (0 is allowed and does nothing).
 * @param centres    3n doubles, mm: module centre of point i at [3i, 3i+1, 3i+2] = (cx, cy, cz).
 * @param rotations  9n doubles: row-major rotation of point i's module at [9i, 9i+9).
 * @param global     3n doubles, mm: (x, y, z) of point i at [3i, 3i+3).
 * @param local      3n doubles, mm, output: (u, v, w) of point i. May alias `global`.
 * @return WEFT_SHIM_OK, WEFT_SHIM_ERR_NULL_POINTER, WEFT_SHIM_ERR_OUT_OF_MEMORY or WEFT_SHIM_ERR_INTERNAL.
 */
int weft_shim_global_to_local(size_t n, const double *centres, const double *rotations,
                              const double *global, double *local);

/**
 * Local -> global for n points, point i on its own module i; the inverse of weft_shim_global_to_local.
 *
 * @param n          number of points.
 * @param centres    3n doubles, mm, module centres as in weft_shim_global_to_local.
 * @param rotations  9n doubles, row-major rotations.
 * @param local      3n doubles, mm: (u, v, w) of point i.
 * @param global     3n doubles, mm, output: (x, y, z) of point i. May alias `local`.
 * @return WEFT_SHIM_OK, WEFT_SHIM_ERR_NULL_POINTER, WEFT_SHIM_ERR_OUT_OF_MEMORY or WEFT_SHIM_ERR_INTERNAL.
 */
int weft_shim_local_to_global(size_t n, const double *centres, const double *rotations,
                              const double *local, double *global);

/**
 * Global -> local for n hits in structure-of-arrays form, hit i on module module_index[i] of an
 * SoA module table of m modules. Arithmetic is done in double; only the storage is float.
 * All indices are checked before anything is written: on WEFT_SHIM_ERR_INDEX_OUT_OF_RANGE the
 * outputs are untouched.
 *
 * @param n             number of hits.
 * x, y, z: n floats each, mm, global hit coordinates.
 * @param module_index  n int32 indices into the module table, each in [0, m).
 * @param m             number of modules in the table.
 * cx, cy, cz: m doubles each, mm, module centres.
 * @param rot           9m doubles, module j's row-major rotation at [9j, 9j+9).
 * u, v, w: n floats each, mm, output local coordinates (may alias x, y, z).
 * @return WEFT_SHIM_OK, WEFT_SHIM_ERR_NULL_POINTER, WEFT_SHIM_ERR_INDEX_OUT_OF_RANGE,
 *         WEFT_SHIM_ERR_OUT_OF_MEMORY or WEFT_SHIM_ERR_INTERNAL.
 */
int weft_shim_global_to_local_indexed(size_t n, const float *x, const float *y, const float *z,
                                      const int32_t *module_index, size_t m,
                                      const double *cx, const double *cy, const double *cz,
                                      const double *rot, float *u, float *v, float *w);

/**
 * Local -> global for n hits in SoA form; the inverse of weft_shim_global_to_local_indexed.
 *
 * @param n             number of hits.
 * u, v, w: n floats each, mm, local coordinates.
 * @param module_index  n int32 indices into the module table, each in [0, m).
 * @param m             number of modules.
 * cx, cy, cz: m doubles each, mm, module centres.
 * @param rot           9m doubles, row-major rotations.
 * x, y, z: n floats each, mm, output global coordinates (may alias u, v, w).
 * @return as weft_shim_global_to_local_indexed.
 */
int weft_shim_local_to_global_indexed(size_t n, const float *u, const float *v, const float *w,
                                      const int32_t *module_index, size_t m,
                                      const double *cx, const double *cy, const double *cz,
                                      const double *rot, float *x, float *y, float *z);

#ifdef __cplusplus
}
#endif

#endif
