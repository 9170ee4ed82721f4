// Version string and status-code messages.
#include "WeftShimStatus.h"

#include <eigen3/Eigen/Core>
#include <tbb/version.h>

#define WEFT_SHIM_STR2(x) #x
#define WEFT_SHIM_STR(x) WEFT_SHIM_STR2(x)

extern "C" const char *weft_shim_version(void) {
    return "weft-shim 1.0 (Eigen " WEFT_SHIM_STR(EIGEN_WORLD_VERSION) "." WEFT_SHIM_STR(
        EIGEN_MAJOR_VERSION) "." WEFT_SHIM_STR(EIGEN_MINOR_VERSION) ", oneTBB " TBB_VERSION_STRING ")";
}

extern "C" const char *weft_shim_status_message(int status) {
    switch (status) {
        case WEFT_SHIM_OK: return "ok";
        case WEFT_SHIM_ERR_NULL_POINTER: return "null pointer";
        case WEFT_SHIM_ERR_INVALID_ARGUMENT: return "invalid argument";
        case WEFT_SHIM_ERR_NO_INTERSECTION: return "no intersection within the path-length window";
        case WEFT_SHIM_ERR_SINGULAR: return "singular or non-positive-definite matrix";
        case WEFT_SHIM_ERR_INDEX_OUT_OF_RANGE: return "module index out of range";
        case WEFT_SHIM_ERR_NOT_CONVERGED: return "step control did not converge";
        case WEFT_SHIM_ERR_BAD_FIELD: return "field callback returned a non-finite value";
        case WEFT_SHIM_ERR_OUT_OF_MEMORY: return "out of memory";
        case WEFT_SHIM_ERR_INTERNAL: return "internal error";
        default: return "unknown status";
    }
}
