// Analytic helix propagation and helix–surface intersections in a uniform field along z.
#include "WeftShimHelix.h"

#include "HelixModel.hpp"
#include "RootFinding.hpp"
#include "Support.hpp"

#include <eigen3/Eigen/Core>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace {

using Eigen::Vector3d;
using weft_shim::allFinite;
using weft_shim::anyNull;
using weft_shim::guarded;
using weft_shim::Helix;
using weft_shim::solveBracketed;
using weft_shim::TurningPoints;

bool validState(const double *pos, const double *mom, double charge, double bz) {
    return allFinite(pos, 3) && allFinite(mom, 3) && std::isfinite(charge) &&
           std::isfinite(bz) && (mom[0] != 0 || mom[1] != 0 || mom[2] != 0);
}

bool validWindow(double sMin, double sMax) {
    return std::isfinite(sMin) && std::isfinite(sMax) && sMin < sMax;
}

// Scans the monotonic pieces of f between consecutive turning points, in order, and solves the
// first piece whose ends differ in sign. A periodic f (finite `period`) repeats its roots, so the
// scan stops after one full period beyond sMin.
template <class FDF>
int firstCrossing(FDF &&fdf, TurningPoints turning, double sMin, double sMax, double period,
                  double ftol, double &sOut) {
    const double end = std::min(sMax, sMin + period);
    double a = sMin, fa = fdf(a).first;
    while (a < end) {
        double b = turning.next();
        if (b <= a) continue;
        b = std::min(b, sMax);
        const double fb = fdf(b).first;
        // A piece that starts on the surface (f(a) = 0) cannot reach it again: it is monotonic.
        if (fa != 0 && (fb == 0 || (fa < 0) != (fb < 0))) {
            sOut = solveBracketed(fdf, a, fa, b, fb, ftol);
            return WEFT_SHIM_OK;
        }
        a = b;
        fa = fb;
    }
    return WEFT_SHIM_ERR_NO_INTERSECTION;
}

void writeResult(const Helix &helix, double s, double *outPos, double *outDir, double *outS) {
    const Vector3d r = helix.position(s), t = helix.direction(s).normalized();
    for (int i = 0; i < 3; ++i) {
        outPos[i] = r[i];
        outDir[i] = t[i];
    }
    *outS = s;
}

// Distance tolerance for the Newton iteration, mm: a few rounding errors of the coordinates
// (about 5e-12 mm at 3 m); Newton's quadratic convergence reaches it in one or two extra steps.
double distanceTolerance(const Helix &helix, double extent) {
    const double scale = std::max({1.0, helix.r0.cwiseAbs().maxCoeff(), std::abs(extent)});
    return 8 * std::numeric_limits<double>::epsilon() * scale;
}

int planeCrossing(const Helix &helix, const Vector3d &point, const Vector3d &normal, double sMin,
                  double sMax, double *outPos, double *outDir, double *outS) {
    double s = 0;
    const int status = weft_shim::helixPlaneCrossing(helix, point, normal, sMin, sMax, s);
    if (status == WEFT_SHIM_OK) writeResult(helix, s, outPos, outDir, outS);
    return status;
}

}  // namespace

int weft_shim::helixPlaneCrossing(const Helix &helix, const Vector3d &point, const Vector3d &normal,
                                  double sMin, double sMax, double &s) {
    const Vector3d n = normal.normalized();
    const Vector3d &t = helix.t0;
    // f(s) = n·(r(s) - point);  f'(s) = n·t(s) = nz tz + (nx tx + ny ty) cos(hs) + (nx ty - ny tx) sin(hs).
    const double c = n.z() * t.z();
    const double p = n.x() * t.x() + n.y() * t.y();
    const double q = n.x() * t.y() - n.y() * t.x();
    const TurningPoints turning = TurningPoints::periodic(c, p, q, helix.h, sMin);
    // With no drift along the normal (c = 0) the distance is periodic in s.
    const double period = c == 0 ? helix.period() : std::numeric_limits<double>::infinity();
    auto fdf = [&](double x) {
        return std::make_pair(n.dot(helix.position(x) - point), n.dot(helix.direction(x)));
    };
    return firstCrossing(fdf, turning, sMin, sMax, period,
                         distanceTolerance(helix, point.cwiseAbs().maxCoeff()), s);
}

extern "C" int weft_shim_helix_advance(const double pos[3], const double mom[3], double charge,
                                       double bz, double s, double out_pos[3],
                                       double out_dir[3]) {
    if (anyNull(pos, mom, out_pos, out_dir)) return WEFT_SHIM_ERR_NULL_POINTER;
    if (!validState(pos, mom, charge, bz) || !std::isfinite(s)) {
        return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    }
    return guarded([&] {
        double ignored;
        writeResult(Helix(pos, mom, charge, bz), s, out_pos, out_dir, &ignored);
        return WEFT_SHIM_OK;
    });
}

extern "C" int weft_shim_helix_plane(const double pos[3], const double mom[3], double charge,
                                     double bz, const double plane_point[3],
                                     const double plane_normal[3], double s_min, double s_max,
                                     double out_pos[3], double out_dir[3], double *out_s) {
    if (anyNull(pos, mom, plane_point, plane_normal, out_pos, out_dir, out_s)) {
        return WEFT_SHIM_ERR_NULL_POINTER;
    }
    if (!validState(pos, mom, charge, bz) || !allFinite(plane_point, 3) ||
        !allFinite(plane_normal, 3) || !validWindow(s_min, s_max)) {
        return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    }
    const Vector3d normal(plane_normal[0], plane_normal[1], plane_normal[2]);
    if (normal.squaredNorm() == 0) return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    return guarded([&] {
        return planeCrossing(Helix(pos, mom, charge, bz),
                             Vector3d(plane_point[0], plane_point[1], plane_point[2]), normal,
                             s_min, s_max, out_pos, out_dir, out_s);
    });
}

extern "C" int weft_shim_helix_zplane(const double pos[3], const double mom[3], double charge,
                                      double bz, double z_plane, double s_min, double s_max,
                                      double out_pos[3], double out_dir[3], double *out_s) {
    const double point[3] = {0, 0, z_plane};
    const double normal[3] = {0, 0, 1};
    return weft_shim_helix_plane(pos, mom, charge, bz, point, normal, s_min, s_max, out_pos,
                                 out_dir, out_s);
}

extern "C" int weft_shim_helix_cylinder(const double pos[3], const double mom[3], double charge,
                                        double bz, double radius, double s_min, double s_max,
                                        double out_pos[3], double out_dir[3], double *out_s) {
    if (anyNull(pos, mom, out_pos, out_dir, out_s)) return WEFT_SHIM_ERR_NULL_POINTER;
    if (!validState(pos, mom, charge, bz) || !std::isfinite(radius) || !(radius > 0) ||
        !validWindow(s_min, s_max)) {
        return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    }
    return guarded([&] {
        const Helix helix(pos, mom, charge, bz);
        const Vector3d &r = helix.r0, &t = helix.t0;
        // f(s) = rho(s) - R. rho' ∝ r_T·t_T = centre·t_T(s) (the radius vector from the circle's
        // centre is orthogonal to t_T) = P cos(hs) + Q sin(hs), where the 1/h terms of the centre
        // (x0 + ty/h, y0 - tx/h) cancel in P, leaving P = r_T·t_T and Q = x ty - y tx + tT^2/h.
        // The distance to the axis is periodic; a straight line has one turning point (closest
        // approach to the axis) or none (a line parallel to it).
        const double tT2 = t.x() * t.x() + t.y() * t.y();
        const double p = r.x() * t.x() + r.y() * t.y();
        TurningPoints turning = TurningPoints::none();
        double period = std::numeric_limits<double>::infinity();
        if (helix.h != 0) {
            const double q = r.x() * t.y() - r.y() * t.x() + tT2 / helix.h;
            turning = TurningPoints::periodic(0, p, q, helix.h, s_min);
            period = helix.period();
        } else if (tT2 > 0) {
            turning = TurningPoints::single(-p / tT2);
        }
        auto fdf = [&](double s) {
            const Vector3d x = helix.position(s), d = helix.direction(s);
            const double rho = std::hypot(x.x(), x.y());
            return std::make_pair(rho - radius, rho > 0 ? (x.x() * d.x() + x.y() * d.y()) / rho : 0.0);
        };
        double s = 0;
        const int status = firstCrossing(fdf, turning, s_min, s_max, period,
                                         distanceTolerance(helix, radius), s);
        if (status == WEFT_SHIM_OK) writeResult(helix, s, out_pos, out_dir, out_s);
        return status;
    });
}
