// Internal: safeguarded Newton iteration for a root bracketed by a sign change.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace weft_shim {

// Returns a root of f in [a, b], where fa = f(a) and fb = f(b) differ in sign (or fb == 0).
// `fdf(s)` returns {f(s), f'(s)}. Newton steps are taken while they stay strictly inside the
// shrinking bracket, bisection otherwise, so convergence is guaranteed and quadratic near a simple
// root. Iteration stops when |f| <= ftol, when the Newton correction falls to rounding level, or
// when the bracket does.
template <class FDF>
double solveBracketed(FDF &&fdf, double a, double fa, double b, double fb, double ftol) {
    if (fb == 0) return b;
    if (fa == 0) return a;
    constexpr double eps = std::numeric_limits<double>::epsilon();
    // Regula falsi start: exact for a linear function, e.g. a straight track and a plane.
    double s = a + (b - a) * (fa / (fa - fb));
    if (!(s > a && s < b)) s = 0.5 * (a + b);
    for (int iteration = 0; iteration < 200; ++iteration) {
        const std::pair<double, double> value = fdf(s);
        const double f = value.first, df = value.second;
        if (std::abs(f) <= ftol) return s;
        if ((f < 0) == (fa < 0)) {
            a = s;
            fa = f;
        } else {
            b = s;
        }
        const double scale = std::max({1.0, std::abs(a), std::abs(b)});
        double next = df != 0 ? s - f / df : a;
        const bool newtonInside = next > a && next < b;
        if (!newtonInside) next = 0.5 * (a + b);
        if ((newtonInside && std::abs(next - s) <= 4 * eps * scale) || (b - a) <= 4 * eps * scale) {
            return next;
        }
        s = next;
    }
    return s;
}

}  // namespace weft_shim
