#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Confidence intervals for a binomial proportion `passed / total`.
///
/// Weft quotes the **Clopper–Pearson** ("exact") central interval, the convention of ROOT's
/// `TEfficiency` and of ATLAS/CMS tracking plots: it never leaves [0, 1], covers at least the nominal
/// probability, and stays sensible at 0 % and 100 % where the normal approximation collapses.
public enum BinomialInterval {
    /// One standard deviation of a Gaussian: 68.27 %.
    public static let oneSigma = 0.682_689_492_137_086

    /// The Clopper–Pearson central interval `(lower, upper)` at `confidenceLevel` (0 < CL < 1).
    ///
    /// `lower = B⁻¹(α/2; k, n−k+1)` (0 when k = 0) and `upper = B⁻¹(1−α/2; k+1, n−k)` (1 when k = n),
    /// with `B⁻¹` the Beta quantile and `α = 1 − CL`. Returns nil when `total` is 0.
    ///
    /// - Precondition: `0 ≤ passed ≤ total`.
    /// - Complexity: O(√total) per Beta evaluation, about 60 evaluations (bisection to 1e-14).
    public static func clopperPearson(passed: Int, total: Int,
                                      confidenceLevel: Double = oneSigma) -> (lower: Double, upper: Double)? {
        precondition(passed >= 0 && passed <= total, "need 0 ≤ passed ≤ total")
        guard total > 0 else { return nil }
        let alpha = 1 - confidenceLevel
        let k = Double(passed), n = Double(total)
        let lower = passed == 0 ? 0 : betaQuantile(alpha / 2, a: k, b: n - k + 1)
        let upper = passed == total ? 1 : betaQuantile(1 - alpha / 2, a: k + 1, b: n - k)
        return (lower, upper)
    }

    /// The `x` in [0, 1] with `I_x(a, b) = p` (the Beta(a, b) quantile), by bisection.
    static func betaQuantile(_ p: Double, a: Double, b: Double) -> Double {
        var lo = 0.0, hi = 1.0
        for _ in 0 ..< 200 {
            let mid = 0.5 * (lo + hi)
            if regularizedIncompleteBeta(mid, a: a, b: b) < p { lo = mid } else { hi = mid }
            if hi - lo < 1e-14 { break }
        }
        return 0.5 * (lo + hi)
    }

    /// The regularized incomplete Beta function `I_x(a, b)` for a, b > 0 (continued fraction, modified
    /// Lentz; the symmetry `I_x(a, b) = 1 − I_{1−x}(b, a)` keeps it in its fast-converging region).
    public static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        let front = exp(logFront)
        if x < (a + 1) / (a + b + 2) {
            return front * continuedFraction(x, a: a, b: b) / a
        }
        return 1 - front * continuedFraction(1 - x, a: b, b: a) / b
    }

    private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300, eps = 1e-15
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1 ... 100_000 {
            let mm = Double(m), m2 = 2 * mm
            var aa = mm * (b - mm) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + mm) * (qab + mm) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < eps { break }
        }
        return h
    }
}
