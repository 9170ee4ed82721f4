// Internal: the analytic helix in a uniform field along z, and the turning points that split a
// surface-distance function into monotonic pieces.
#pragma once

#include "Support.hpp"

#include <eigen3/Eigen/Core>

#include <algorithm>
#include <cmath>
#include <limits>

namespace weft_shim {

// sin(x)/x, exact to double precision near 0 (the Taylor remainder x^4/120 is below 1e-18 there).
inline double sinc(double x) {
    return std::abs(x) < 1e-4 ? 1.0 - x * x / 6.0 : std::sin(x) / x;
}

// r(s) = r0 + [t0x S + t0y C, t0y S - t0x C, t0z s],  t(s) = R(-hs) t0,
// with S = sin(hs)/h and C = (1 - cos(hs))/h written as s*sinc(hs) and s*sin(hs/2)*sinc(hs/2), so
// that h -> 0 (no field or no charge) continuously becomes the straight line r0 + s t0.
struct Helix {
    Eigen::Vector3d r0;  // start position, mm
    Eigen::Vector3d t0;  // unit start direction
    double h;            // signed transverse turning rate q * k * bz / |p|, 1/mm

    Helix(const double pos[3], const double mom[3], double charge, double bz)
        : r0(pos[0], pos[1], pos[2]), t0(mom[0], mom[1], mom[2]) {
        const double p = t0.norm();
        t0 /= p;
        h = charge * kMomentumPerFieldRadius * bz / p;
    }

    // From a position, a unit direction and q/p (e/GeV): h = q/p k bz.
    Helix(const Eigen::Vector3d &position, const Eigen::Vector3d &direction, double qop, double bz)
        : r0(position), t0(direction), h(qop * kMomentumPerFieldRadius * bz) {}

    Eigen::Vector3d position(double s) const {
        const double a = h * s;
        const double sinTerm = s * sinc(a);
        const double cosTerm = s * std::sin(0.5 * a) * sinc(0.5 * a);
        return {r0.x() + t0.x() * sinTerm + t0.y() * cosTerm,
                r0.y() + t0.y() * sinTerm - t0.x() * cosTerm, r0.z() + t0.z() * s};
    }

    Eigen::Vector3d direction(double s) const {
        const double c = std::cos(h * s), sn = std::sin(h * s);
        return {t0.x() * c + t0.y() * sn, -t0.x() * sn + t0.y() * c, t0.z()};
    }

    // d(r(s), t(s), q/p) / d(r0, t0, q/p) at a fixed path length s, where h = (q/p) g (g = k bz, the
    // turning rate per unit q/p). With a = hs, r - r0 = [t0x S + t0y C, t0y S - t0x C, t0z s] has
    // S = s sinc(a) and C = s (1 - cos a)/a, so dS/dh = s^2 sinc'(a), dC/dh = s^2 cosc'(a), and
    // dt/dh = s [ty(s), -tx(s), 0]. Exact for the helix: in a uniform field there is nothing to neglect.
    Eigen::Matrix<double, 7, 7> freeJacobian(double s, double g) const {
        const double a = h * s, c = std::cos(a), sn = std::sin(a);
        const double sTerm = s * sinc(a);
        const double cTerm = s * std::sin(0.5 * a) * sinc(0.5 * a);
        // sinc'(a) = (a cos a - sin a)/a^2 and cosc'(a) = (a sin a - 1 + cos a)/a^2, by their Taylor
        // series where the closed forms cancel (|a| < 0.01: remainders below 1e-13).
        double sincPrime, coscPrime;
        if (std::abs(a) < 1e-2) {
            sincPrime = -a / 3 + a * a * a / 30;
            coscPrime = 0.5 - a * a / 8 + a * a * a * a / 144;
        } else {
            sincPrime = (a * c - sn) / (a * a);
            coscPrime = (a * sn - 1 + c) / (a * a);
        }
        const double dS = s * s * sincPrime, dC = s * s * coscPrime;
        const Eigen::Vector3d t = direction(s);
        Eigen::Matrix<double, 7, 7> j = Eigen::Matrix<double, 7, 7>::Zero();
        j.block<3, 3>(0, 0).setIdentity();
        j.block<3, 1>(0, 3) = Eigen::Vector3d(sTerm, -cTerm, 0);
        j.block<3, 1>(0, 4) = Eigen::Vector3d(cTerm, sTerm, 0);
        j.block<3, 1>(0, 5) = Eigen::Vector3d(0, 0, s);
        j.block<3, 1>(3, 3) = Eigen::Vector3d(c, -sn, 0);
        j.block<3, 1>(3, 4) = Eigen::Vector3d(sn, c, 0);
        j(5, 5) = 1;
        j.block<3, 1>(0, 6) = g * Eigen::Vector3d(t0.x() * dS + t0.y() * dC, t0.y() * dS - t0.x() * dC, 0);
        j.block<3, 1>(3, 6) = g * s * Eigen::Vector3d(t.y(), -t.x(), 0);
        j(6, 6) = 1;
        return j;
    }

    // dt/ds at path length s: h [ty, -tx, 0], 1/mm.
    Eigen::Vector3d bending(double s) const {
        const Eigen::Vector3d t = direction(s);
        return {h * t.y(), -h * t.x(), 0};
    }

    // Transverse period of the motion in s, mm (infinite for a straight line).
    double period() const {
        return h != 0 ? 2 * M_PI / std::abs(h) : std::numeric_limits<double>::infinity();
    }
};

// The stationary points, in increasing order beyond sMin, of a function f along the helix whose
// derivative has the form f'(s) ∝ c + P cos(hs) + Q sin(hs). Between two consecutive points f is
// monotonic, so each piece holds at most one root and a sign change brackets it. The points repeat
// with the helix period: at most two bases in [sMin, sMin + period).
class TurningPoints {
  public:
    static TurningPoints none() { return TurningPoints(); }

    // A single stationary point (straight-line cases).
    static TurningPoints single(double s) {
        TurningPoints tp;
        tp.base_[0] = s;
        tp.count_ = 1;
        return tp;
    }

    static TurningPoints periodic(double c, double p, double q, double h, double sMin) {
        TurningPoints tp;
        const double m = std::hypot(p, q);
        // |c| >= M: f' never changes sign, f is monotonic everywhere.
        if (h == 0 || !(m > std::abs(c))) return tp;
        tp.period_ = 2 * M_PI / std::abs(h);
        const double phase = std::atan2(q, p), alpha = std::acos(-c / m);
        // hs = phase ± alpha (mod 2π); normalise each solution into [sMin, sMin + period).
        for (double root : {phase + alpha, phase - alpha}) {
            double offset = std::fmod(root / h - sMin, tp.period_);
            if (offset < 0) offset += tp.period_;
            tp.base_[tp.count_++] = sMin + offset;
        }
        if (tp.base_[1] < tp.base_[0]) std::swap(tp.base_[0], tp.base_[1]);
        return tp;
    }

    // The next stationary point, or +infinity when there is none left.
    double next() {
        if (count_ == 0) return std::numeric_limits<double>::infinity();
        if (!std::isfinite(period_)) {
            return index_ < count_ ? base_[index_++] : std::numeric_limits<double>::infinity();
        }
        const double value = base_[index_ % count_] + double(index_ / count_) * period_;
        ++index_;
        return value;
    }

  private:
    TurningPoints() = default;
    double base_[2] = {0, 0};
    unsigned long count_ = 0;
    unsigned long index_ = 0;
    double period_ = std::numeric_limits<double>::infinity();
};

// The first path length in (sMin, sMax] where the helix crosses the plane through `point` with
// normal `normal` (any length), into `s`: WEFT_SHIM_OK or WEFT_SHIM_ERR_NO_INTERSECTION.
int helixPlaneCrossing(const Helix &helix, const Eigen::Vector3d &point, const Eigen::Vector3d &normal,
                       double sMin, double sMax, double &s);

}  // namespace weft_shim
