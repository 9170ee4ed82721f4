// Adaptive Runge–Kutta–Nyström integration of dr/ds = t, dt/ds = (q/p) k t x B(r), with optional
// transport of the free-state Jacobian, and the search for a surface crossing.
#include "RungeKuttaStepper.hpp"

#include "RootFinding.hpp"
#include "Support.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace weft_shim {

namespace {

using Eigen::Matrix3d;
using Eigen::Vector3d;

// A reported crossing lies within this distance of the surface, mm.
constexpr double kSurfaceTolerance = 1e-9;
// Error control gives up below this step length, mm: the field is then not smooth enough to
// integrate (a tolerance of even 1e-9 mm is met by any smooth field at such a step).
constexpr double kMinStep = 1e-9;

// X(b) with X(b) v = v x b.
Matrix3d crossMatrix(const Vector3d &b) {
    Matrix3d m;
    m << 0, b.z(), -b.y(), -b.z(), 0, b.x(), b.y(), -b.x(), 0;
    return m;
}

// Smallest h > 0 with d + a h + q h^2 = 0, or +infinity. The stable quadratic formula avoids the
// cancellation of -a + sqrt(a^2 - 4qd) when q d is small.
double firstPositiveRoot(double d, double a, double q) {
    constexpr double none = std::numeric_limits<double>::infinity();
    double roots[2] = {none, none};
    if (q == 0) {
        if (a != 0) roots[0] = -d / a;
    } else {
        const double discriminant = a * a - 4 * q * d;
        if (discriminant < 0) return none;
        const double w = -0.5 * (a + std::copysign(std::sqrt(discriminant), a));
        roots[0] = w / q;
        if (w != 0) roots[1] = d / w;
    }
    double best = none;
    for (double h : roots) {
        if (h > 0 && h < best) best = h;
    }
    return best;
}

// Step-size factor from the error estimate: the RKN4 error scales as h^4. Bounded to [1/4, 4].
double stepFactor(double tolerance, double error) {
    if (!(error > 0)) return error == 0 ? 4.0 : 0.25;
    return std::clamp(0.9 * std::pow(tolerance / error, 0.25), 0.25, 4.0);
}

}  // namespace

int FieldSource::at(const Vector3d &r, Vector3d &b) const {
    const double pos[3] = {r.x(), r.y(), r.z()};
    double out[3] = {0, 0, 0};
    function(context, pos, out);
    b = Vector3d(out[0], out[1], out[2]);
    return b.allFinite() ? WEFT_SHIM_OK : WEFT_SHIM_ERR_BAD_FIELD;
}

bool resolveOptions(const weft_shim_rk_options *options, weft_shim_rk_options &out) {
    out = options ? *options : weft_shim_rk_default_options();
    auto positive = [](double x) { return std::isfinite(x) && x > 0; };
    return positive(out.tolerance) && positive(out.initial_step) && positive(out.max_step) &&
           out.max_steps > 0;
}

RkPropagator::RkPropagator(FieldSource field, const weft_shim_rk_options &options, double qop,
                           bool trackJacobian)
    : field_(field),
      options_(options),
      qop_(qop),
      trackJacobian_(trackJacobian),
      hNext_(std::min(options.initial_step, options.max_step)),
      stepsLeft_(options.max_steps) {}

int RkPropagator::start(RkState &state) const {
    // A neutral track ignores the field: no callback at all.
    if (qop_ == 0) {
        state.b.setZero();
        return WEFT_SHIM_OK;
    }
    return field_.at(state.r, state.b);
}

Vector3d RkPropagator::bending(const RkState &state) const {
    return qop_ * kMomentumPerFieldRadius * state.t.cross(state.b);
}

int RkPropagator::trial(const RkState &state, double h, Trial &out) const {
    const double lk = qop_ * kMomentumPerFieldRadius;
    const Vector3d &r = state.r, &t = state.t;
    const double half = 0.5 * h;
    // Nyström stages: the field is sampled at the start, the middle and the end of the step.
    out.k1 = lk * t.cross(state.b);
    out.b2.setZero();
    out.b3.setZero();
    if (qop_ != 0) {
        const int status = field_.at(r + half * t + (h * h / 8) * out.k1, out.b2);
        if (status != WEFT_SHIM_OK) return status;
    }
    out.t2 = t + half * out.k1;
    out.k2 = lk * out.t2.cross(out.b2);
    out.t3 = t + half * out.k2;
    out.k3 = lk * out.t3.cross(out.b2);
    if (qop_ != 0) {
        const int status = field_.at(r + h * t + (h * h / 2) * out.k3, out.b3);
        if (status != WEFT_SHIM_OK) return status;
    }
    out.t4 = t + h * out.k3;
    out.k4 = lk * out.t4.cross(out.b3);
    out.r = r + h * t + (h * h / 6) * (out.k1 + out.k2 + out.k3);
    out.t = t + (h / 6) * (out.k1 + 2 * out.k2 + 2 * out.k3 + out.k4);
    // Difference between the stage curvatures, scaled to a position error in mm.
    out.error = h * h * (out.k1 - out.k2 - out.k3 + out.k4).lpNorm<1>();
    return WEFT_SHIM_OK;
}

FreeMatrix RkPropagator::stepJacobian(const RkState &state, const Trial &tr, double h) const {
    // Derivatives of the stages with respect to the start direction t and to q/p, differentiating
    // the RKN4 formulas themselves so that the Jacobian is consistent with the integrated path.
    // The field gradient is neglected (exact in a uniform field, the usual approximation else).
    const double k = kMomentumPerFieldRadius, lk = qop_ * k, half = 0.5 * h;
    const Matrix3d x1 = lk * crossMatrix(state.b), x2 = lk * crossMatrix(tr.b2),
                   x3 = lk * crossMatrix(tr.b3);
    const Matrix3d identity = Matrix3d::Identity();
    const Matrix3d dk1 = x1;
    const Matrix3d dk2 = x2 * (identity + half * dk1);
    const Matrix3d dk3 = x2 * (identity + half * dk2);
    const Matrix3d dk4 = x3 * (identity + h * dk3);
    const Vector3d dl1 = k * state.t.cross(state.b);
    const Vector3d dl2 = k * tr.t2.cross(tr.b2) + half * (x2 * dl1);
    const Vector3d dl3 = k * tr.t3.cross(tr.b2) + half * (x2 * dl2);
    const Vector3d dl4 = k * tr.t4.cross(tr.b3) + h * (x3 * dl3);
    FreeMatrix d = FreeMatrix::Identity();
    d.block<3, 3>(0, 3) = h * identity + (h * h / 6) * (dk1 + dk2 + dk3);
    d.block<3, 3>(3, 3) = identity + (h / 6) * (dk1 + 2 * dk2 + 2 * dk3 + dk4);
    d.block<3, 1>(0, 6) = (h * h / 6) * (dl1 + dl2 + dl3);
    d.block<3, 1>(3, 6) = (h / 6) * (dl1 + 2 * dl2 + 2 * dl3 + dl4);
    return d;
}

int RkPropagator::accept(RkState &state, const Trial &tr, double h) const {
    if (trackJacobian_) state.jacobian = stepJacobian(state, tr, h) * state.jacobian;
    state.r = tr.r;
    // A magnetic field does no work: restore |t| = 1 against the O(h^5) drift.
    state.t = tr.t.normalized();
    state.s += h;
    return start(state);
}

int RkPropagator::step(RkState &state, double hLimit, double &hTaken, bool &reachedLimit) {
    const double direction = hLimit < 0 ? -1.0 : 1.0;
    double length = std::min(hNext_, std::abs(hLimit));
    bool limited = length == std::abs(hLimit);
    for (;;) {
        if (stepsLeft_-- <= 0) return WEFT_SHIM_ERR_NOT_CONVERGED;
        Trial tr;
        const int status = trial(state, direction * length, tr);
        if (status != WEFT_SHIM_OK) return status;
        const double factor = stepFactor(options_.tolerance, tr.error);
        if (tr.error <= options_.tolerance) {
            // A step shortened by the caller says nothing about the step the field allows.
            if (!limited) hNext_ = std::min(options_.max_step, length * factor);
            hTaken = direction * length;
            reachedLimit = limited;
            return accept(state, tr, hTaken);
        }
        length *= factor;
        hNext_ = length;
        limited = false;
        if (length < kMinStep) return WEFT_SHIM_ERR_NOT_CONVERGED;
    }
}

int RkPropagator::advance(RkState &state, double length) {
    double remaining = length;
    while (remaining != 0) {
        double taken = 0;
        bool reached = false;
        const int status = step(state, remaining, taken, reached);
        if (status != WEFT_SHIM_OK) return status;
        if (reached) break;
        remaining -= taken;
    }
    return WEFT_SHIM_OK;
}

int RkPropagator::toSurface(RkState &state, const Surface &surface, double sMin, double sMax) {
    if (sMin > state.s) {
        const int status = advance(state, sMin - state.s);
        if (status != WEFT_SHIM_OK) return status;
    }
    double d = surface.distance(state.r);
    for (;;) {
        // Quadratic model of the distance along the step, d + a h + q h^2, from the direction and
        // the bending at the start: its first root bounds the step, so the stepper lands close to
        // the surface instead of jumping over it, including when the track curls back onto it.
        const Vector3d g = surface.gradient(state.r);
        const double a = g.dot(state.t);
        const double q = 0.5 * (g.dot(bending(state)) + surface.curvature(state.r, state.t));
        const double window = sMax - state.s;
        const double hLimit = std::min(window, firstPositiveRoot(d, a, q));
        const RkState before = state;
        double taken = 0;
        bool reached = false;
        const int status = step(state, hLimit, taken, reached);
        if (status != WEFT_SHIM_OK) return status;
        const double dEnd = surface.distance(state.r);
        if (std::abs(dEnd) <= kSurfaceTolerance) return WEFT_SHIM_OK;
        if (d != 0 && (dEnd < 0) != (d < 0)) {
            return solveInStep(state, before, surface, d, taken, dEnd);
        }
        if (reached && hLimit == window) return WEFT_SHIM_ERR_NO_INTERSECTION;
        d = dEnd;
    }
}

int RkPropagator::solveInStep(RkState &state, const RkState &start, const Surface &surface,
                              double dStart, double hTaken, double dEnd) {
    // The crossing lies inside the last step: solve d(h) = 0 for the length h of a single RK
    // step from the step's start (a smooth function of h), by safeguarded Newton iteration.
    int fieldStatus = WEFT_SHIM_OK;
    auto fdf = [&](double h) {
        Trial tr;
        const int status = trial(start, h, tr);
        if (status != WEFT_SHIM_OK) {
            fieldStatus = status;
            return std::make_pair(0.0, 0.0);
        }
        return std::make_pair(surface.distance(tr.r), surface.gradient(tr.r).dot(tr.t));
    };
    const double h = solveBracketed(fdf, 0, dStart, hTaken, dEnd, 1e-2 * kSurfaceTolerance);
    if (fieldStatus != WEFT_SHIM_OK) return fieldStatus;
    Trial tr;
    const int status = trial(start, h, tr);
    if (status != WEFT_SHIM_OK) return status;
    state = start;
    return accept(state, tr, h);
}

}  // namespace weft_shim
