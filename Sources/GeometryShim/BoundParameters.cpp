// Bound track parameters (l0, l1, phi, theta, q/p) on planes: conversions to and from free
// states, and propagation between planes with the transport Jacobian — Runge–Kutta in any field,
// the analytic helix in a uniform one.
#include "WeftShimBound.h"

#include "HelixModel.hpp"
#include "RungeKuttaStepper.hpp"
#include "Support.hpp"

#include <eigen3/Eigen/Core>

namespace {

using Eigen::Matrix3d;
using Eigen::Vector3d;
using weft_shim::allFinite;
using weft_shim::anyNull;
using weft_shim::FieldSource;
using weft_shim::FreeFromBound;
using weft_shim::FreeMatrix;
using weft_shim::guarded;
using weft_shim::Helix;
using weft_shim::RkPropagator;
using weft_shim::RkState;
using weft_shim::Surface;

using RowMatrix3d = Eigen::Matrix<double, 3, 3, Eigen::RowMajor>;
using BoundMatrix = Eigen::Matrix<double, 5, 5, Eigen::RowMajor>;
using BoundFromFree = Eigen::Matrix<double, 5, 7>;

// A plane as a module frame: columns of `axes` are u, v, w in global coordinates.
struct Plane {
    Vector3d centre;
    Matrix3d axes;

    Plane(const double *c, const double *rot)
        : centre(c[0], c[1], c[2]), axes(Eigen::Map<const RowMatrix3d>(rot)) {}
};

bool validPlane(const double *centre, const double *rot) {
    return allFinite(centre, 3) && allFinite(rot, 9);
}

Vector3d directionFromAngles(double phi, double theta) {
    return {std::cos(phi) * std::sin(theta), std::sin(phi) * std::sin(theta), std::cos(theta)};
}

void writeBound(const Plane &plane, const Vector3d &r, const Vector3d &t, double qop,
                double *out) {
    const Vector3d local = plane.axes.transpose() * (r - plane.centre);
    out[0] = local.x();
    out[1] = local.y();
    out[2] = std::atan2(t.y(), t.x());
    out[3] = std::atan2(std::hypot(t.x(), t.y()), t.z());
    out[4] = qop;
}

// d(r, t, q/p)/d(l0, l1, phi, theta, q/p) on the plane.
FreeFromBound boundToFreeJacobian(const Plane &plane, double phi, double theta) {
    FreeFromBound j = FreeFromBound::Zero();
    j.block<3, 1>(0, 0) = plane.axes.col(0);
    j.block<3, 1>(0, 1) = plane.axes.col(1);
    j.block<3, 1>(3, 2) = Vector3d(-std::sin(phi) * std::sin(theta),
                                   std::cos(phi) * std::sin(theta), 0);
    j.block<3, 1>(3, 3) = Vector3d(std::cos(phi) * std::cos(theta),
                                   std::sin(phi) * std::cos(theta), -std::sin(theta));
    j(6, 4) = 1;
    return j;
}

// d(bound)/d(free) at a point of the plane. The angle rows are the gradients of phi and theta
// restricted to the unit sphere (orthogonal to t), so a change of |t| alone changes nothing.
BoundFromFree freeToBoundJacobian(const Plane &plane, const Vector3d &t) {
    const double phi = std::atan2(t.y(), t.x());
    const double theta = std::atan2(std::hypot(t.x(), t.y()), t.z());
    BoundFromFree j = BoundFromFree::Zero();
    j.block<1, 3>(0, 0) = plane.axes.col(0).transpose();
    j.block<1, 3>(1, 0) = plane.axes.col(1).transpose();
    const double sinTheta = std::sin(theta);
    j.block<1, 3>(2, 3) = Eigen::RowVector3d(-std::sin(phi) / sinTheta, std::cos(phi) / sinTheta, 0);
    j.block<1, 3>(3, 3) = Eigen::RowVector3d(std::cos(phi) * std::cos(theta),
                                             std::sin(phi) * std::cos(theta), -sinTheta);
    j(4, 6) = 1;
    return j;
}

// The free-state variation transported to a fixed path length must be moved along the trajectory
// to stay on the destination plane: ds = -w·dr / (w·t), so dy -> (I - (dy/ds) w^T / (w·t)) dy.
FreeMatrix pathCorrection(const Plane &plane, const Vector3d &t, const Vector3d &bending) {
    const Vector3d w = plane.axes.col(2);
    Eigen::Matrix<double, 7, 1> dyds = Eigen::Matrix<double, 7, 1>::Zero();
    dyds.head<3>() = t;
    dyds.segment<3>(3) = bending;
    Eigen::Matrix<double, 1, 7> dsdy = Eigen::Matrix<double, 1, 7>::Zero();
    dsdy.head<3>() = -w.transpose() / w.dot(t);
    return FreeMatrix::Identity() + dyds * dsdy;
}

// The transport Jacobian on the destination plane from `j` = d(free state)/d(source bound
// parameters) at the crossing, where the direction is `t` and dt/ds is `bending`.
BoundMatrix boundTransportJacobian(const Plane &destination, const Vector3d &t,
                                   const Vector3d &bending, const FreeFromBound &j) {
    return freeToBoundJacobian(destination, t) * pathCorrection(destination, t, bending) * j;
}

// The checks every plane-to-plane propagation makes: finite planes and parameters, and a path
// window 0 <= sMin < sMax.
bool validTransport(const double *srcCentre, const double *srcRot, const double *params,
                    const double *dstCentre, const double *dstRot, double sMin, double sMax) {
    return validPlane(srcCentre, srcRot) && validPlane(dstCentre, dstRot) && allFinite(params, 5) &&
           std::isfinite(sMin) && std::isfinite(sMax) && sMin >= 0 && sMin < sMax;
}

}  // namespace

extern "C" int weft_shim_free_to_bound(const double centre[3], const double rot[9],
                                       const double pos[3], const double mom[3], double charge,
                                       double out_params[5]) {
    if (anyNull(centre, rot, pos, mom, out_params)) return WEFT_SHIM_ERR_NULL_POINTER;
    if (!validPlane(centre, rot) || !allFinite(pos, 3) || !allFinite(mom, 3) ||
        !std::isfinite(charge)) {
        return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    }
    const Vector3d p(mom[0], mom[1], mom[2]);
    if (p.squaredNorm() == 0) return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    return guarded([&] {
        writeBound(Plane(centre, rot), Vector3d(pos[0], pos[1], pos[2]), p, charge / p.norm(),
                   out_params);
        return WEFT_SHIM_OK;
    });
}

extern "C" int weft_shim_bound_to_free(const double centre[3], const double rot[9],
                                       const double params[5], double out_pos[3],
                                       double out_dir[3]) {
    if (anyNull(centre, rot, params, out_pos, out_dir)) return WEFT_SHIM_ERR_NULL_POINTER;
    if (!validPlane(centre, rot) || !allFinite(params, 5)) return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    return guarded([&] {
        const Plane plane(centre, rot);
        const Vector3d r = plane.centre + plane.axes * Vector3d(params[0], params[1], 0);
        const Vector3d t = directionFromAngles(params[2], params[3]);
        for (int i = 0; i < 3; ++i) {
            out_pos[i] = r[i];
            out_dir[i] = t[i];
        }
        return WEFT_SHIM_OK;
    });
}

extern "C" int weft_shim_rk_bound_plane(const double src_centre[3], const double src_rot[9],
                                        const double params[5], const double dst_centre[3],
                                        const double dst_rot[9], weft_shim_field_fn field,
                                        void *ctx, const weft_shim_rk_options *options,
                                        double s_min, double s_max, double out_params[5],
                                        double *out_jacobian, double *out_s) {
    if (anyNull(src_centre, src_rot, params, dst_centre, dst_rot, out_params, out_s) ||
        field == nullptr) {
        return WEFT_SHIM_ERR_NULL_POINTER;
    }
    weft_shim_rk_options resolved;
    if (!validTransport(src_centre, src_rot, params, dst_centre, dst_rot, s_min, s_max) ||
        !weft_shim::resolveOptions(options, resolved)) {
        return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    }
    return guarded([&] {
        const Plane source(src_centre, src_rot), destination(dst_centre, dst_rot);
        const bool wantJacobian = out_jacobian != nullptr;
        RkPropagator propagator(FieldSource{field, ctx}, resolved, params[4], wantJacobian);
        RkState state;
        state.r = source.centre + source.axes * Vector3d(params[0], params[1], 0);
        state.t = directionFromAngles(params[2], params[3]);
        if (wantJacobian) state.jacobian = boundToFreeJacobian(source, params[2], params[3]);
        int status = propagator.start(state);
        if (status == WEFT_SHIM_OK) {
            status = propagator.toSurface(
                state, Surface::plane(destination.centre, destination.axes.col(2)), s_min, s_max);
        }
        if (status != WEFT_SHIM_OK) return status;
        if (wantJacobian) {
            const BoundMatrix j = boundTransportJacobian(destination, state.t,
                                                         propagator.bending(state), state.jacobian);
            Eigen::Map<BoundMatrix> out(out_jacobian);
            out = j;
        }
        writeBound(destination, state.r, state.t, params[4], out_params);
        *out_s = state.s;
        return WEFT_SHIM_OK;
    });
}

extern "C" int weft_shim_helix_bound_plane(const double src_centre[3], const double src_rot[9],
                                           const double params[5], const double dst_centre[3],
                                           const double dst_rot[9], double bz, double s_min,
                                           double s_max, double out_params[5],
                                           double *out_jacobian, double *out_s) {
    if (anyNull(src_centre, src_rot, params, dst_centre, dst_rot, out_params, out_s)) {
        return WEFT_SHIM_ERR_NULL_POINTER;
    }
    if (!validTransport(src_centre, src_rot, params, dst_centre, dst_rot, s_min, s_max) ||
        !std::isfinite(bz)) {
        return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    }
    return guarded([&] {
        const Plane source(src_centre, src_rot), destination(dst_centre, dst_rot);
        const Helix helix(source.centre + source.axes * Vector3d(params[0], params[1], 0),
                          directionFromAngles(params[2], params[3]), params[4], bz);
        double s = 0;
        const int status = weft_shim::helixPlaneCrossing(helix, destination.centre,
                                                         destination.axes.col(2), s_min, s_max, s);
        if (status != WEFT_SHIM_OK) return status;
        const Vector3d t = helix.direction(s).normalized();
        if (out_jacobian != nullptr) {
            const FreeFromBound free = helix.freeJacobian(s, weft_shim::kMomentumPerFieldRadius * bz) *
                                       boundToFreeJacobian(source, params[2], params[3]);
            const BoundMatrix j = boundTransportJacobian(destination, t, helix.bending(s), free);
            Eigen::Map<BoundMatrix> out(out_jacobian);
            out = j;
        }
        writeBound(destination, helix.position(s), t, params[4], out_params);
        *out_s = s;
        return WEFT_SHIM_OK;
    });
}
