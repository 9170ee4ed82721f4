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

}  // namespace weft_shim
