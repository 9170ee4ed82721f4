/* Status codes and version of the GeometryShim interface. */
#ifndef WEFT_SHIM_STATUS_H
#define WEFT_SHIM_STATUS_H

#ifdef __cplusplus
extern "C" {
#endif

/** Success. */
#define WEFT_SHIM_OK 0
/** A required pointer argument was NULL. */
#define WEFT_SHIM_ERR_NULL_POINTER (-1)
/** An argument is out of its domain: non-finite number, zero-length vector, bad dimension or stride, empty interval. */
#define WEFT_SHIM_ERR_INVALID_ARGUMENT (-2)
/** The trajectory does not reach the surface within the allowed path-length window. */
#define WEFT_SHIM_ERR_NO_INTERSECTION (-3)
/** A matrix that must be inverted is singular (or, for covariances, not positive definite). */
#define WEFT_SHIM_ERR_SINGULAR (-4)
/** A module index is negative or not smaller than the module count. */
#define WEFT_SHIM_ERR_INDEX_OUT_OF_RANGE (-5)
/** The adaptive Runge–Kutta stepper hit its step-count limit or its minimum step size. */
#define WEFT_SHIM_ERR_NOT_CONVERGED (-6)
/** The magnetic-field callback returned a non-finite value. */
#define WEFT_SHIM_ERR_BAD_FIELD (-7)
/** Memory allocation failed inside the shim. */
#define WEFT_SHIM_ERR_OUT_OF_MEMORY (-8)
/** Any other C++ exception caught at the interface boundary. */
#define WEFT_SHIM_ERR_INTERNAL (-9)

/**
 * Version of the shim and of the libraries it was compiled against, e.g.
 * "weft-shim 1.0 (Eigen 3.4.0, oneTBB 2021.8)". Static storage; never NULL.
 */
const char *weft_shim_version(void);

/**
 * A short English description of a status code ("ok", "null pointer", ...). Unknown codes give
 * "unknown status". Static storage; never NULL; thread-safe.
 */
const char *weft_shim_status_message(int status);

#ifdef __cplusplus
}
#endif

#endif
