// C interface of the Runge–Kutta propagator for free track states (position, momentum, charge).
#include "WeftShimRungeKutta.h"

#include "RungeKuttaStepper.hpp"
#include "Support.hpp"

namespace {

using Eigen::Vector3d;
using weft_shim::allFinite;
using weft_shim::anyNull;
using weft_shim::FieldSource;
using weft_shim::guarded;
using weft_shim::RkPropagator;
using weft_shim::RkState;
using weft_shim::Surface;

bool validState(const double *pos, const double *mom, double charge) {
    return allFinite(pos, 3) && allFinite(mom, 3) && std::isfinite(charge) &&
           (mom[0] != 0 || mom[1] != 0 || mom[2] != 0);
}

// Builds the propagator and the start state, runs `body(propagator, state)` and, on success,
// writes the end state. outS may be NULL.
template <class Body>
int propagate(const double *pos, const double *mom, double charge, weft_shim_field_fn field,
              void *ctx, const weft_shim_rk_options *options, double *outPos, double *outDir,
              double *outS, Body &&body) {
    weft_shim_rk_options resolved;
    if (!validState(pos, mom, charge) || !weft_shim::resolveOptions(options, resolved)) {
        return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    }
    return guarded([&] {
        const Vector3d p(mom[0], mom[1], mom[2]);
        RkPropagator propagator(FieldSource{field, ctx}, resolved, charge / p.norm(), false);
        RkState state;
        state.r = Vector3d(pos[0], pos[1], pos[2]);
        state.t = p.normalized();
        int status = propagator.start(state);
        if (status == WEFT_SHIM_OK) status = body(propagator, state);
        if (status != WEFT_SHIM_OK) return status;
        for (int i = 0; i < 3; ++i) {
            outPos[i] = state.r[i];
            outDir[i] = state.t[i];
        }
        if (outS) *outS = state.s;
        return WEFT_SHIM_OK;
    });
}

int propagateToSurface(const double *pos, const double *mom, double charge,
                       weft_shim_field_fn field, void *ctx, const weft_shim_rk_options *options,
                       const Surface &surface, double sMin, double sMax, double *outPos,
                       double *outDir, double *outS) {
    if (!std::isfinite(sMin) || !std::isfinite(sMax) || sMin < 0 || !(sMin < sMax)) {
        return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    }
    return propagate(pos, mom, charge, field, ctx, options, outPos, outDir, outS,
                     [&](RkPropagator &propagator, RkState &state) {
                         return propagator.toSurface(state, surface, sMin, sMax);
                     });
}

}  // namespace

extern "C" weft_shim_rk_options weft_shim_rk_default_options(void) {
    weft_shim_rk_options options;
    // 1e-4 mm per step (the ACTS default) keeps tracks of 0.1-10 GeV in 2 T within 0.01 µm of
    // the exact helix over 1 m (measured); the error scales about linearly with the tolerance.
    options.tolerance = 1e-4;
    options.initial_step = 50;
    options.max_step = 1000;
    options.max_steps = 100000;
    return options;
}

extern "C" int weft_shim_rk_advance(const double pos[3], const double mom[3], double charge,
                                    weft_shim_field_fn field, void *ctx,
                                    const weft_shim_rk_options *options, double length,
                                    double out_pos[3], double out_dir[3]) {
    if (anyNull(pos, mom, out_pos, out_dir) || field == nullptr) {
        return WEFT_SHIM_ERR_NULL_POINTER;
    }
    if (!std::isfinite(length)) return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    return propagate(pos, mom, charge, field, ctx, options, out_pos, out_dir, nullptr,
                     [&](RkPropagator &propagator, RkState &state) {
                         return propagator.advance(state, length);
                     });
}

extern "C" int weft_shim_rk_plane(const double pos[3], const double mom[3], double charge,
                                  weft_shim_field_fn field, void *ctx,
                                  const weft_shim_rk_options *options,
                                  const double plane_point[3], const double plane_normal[3],
                                  double s_min, double s_max, double out_pos[3],
                                  double out_dir[3], double *out_s) {
    if (anyNull(pos, mom, plane_point, plane_normal, out_pos, out_dir, out_s) ||
        field == nullptr) {
        return WEFT_SHIM_ERR_NULL_POINTER;
    }
    const Vector3d point(plane_point[0], plane_point[1], plane_point[2]);
    const Vector3d normal(plane_normal[0], plane_normal[1], plane_normal[2]);
    if (!point.allFinite() || !normal.allFinite() || normal.squaredNorm() == 0) {
        return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    }
    return propagateToSurface(pos, mom, charge, field, ctx, options, Surface::plane(point, normal),
                              s_min, s_max, out_pos, out_dir, out_s);
}

extern "C" int weft_shim_rk_cylinder(const double pos[3], const double mom[3], double charge,
                                     weft_shim_field_fn field, void *ctx,
                                     const weft_shim_rk_options *options, double radius,
                                     double s_min, double s_max, double out_pos[3],
                                     double out_dir[3], double *out_s) {
    if (anyNull(pos, mom, out_pos, out_dir, out_s) || field == nullptr) {
        return WEFT_SHIM_ERR_NULL_POINTER;
    }
    if (!std::isfinite(radius) || !(radius > 0)) return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    return propagateToSurface(pos, mom, charge, field, ctx, options, Surface::cylinder(radius),
                              s_min, s_max, out_pos, out_dir, out_s);
}
