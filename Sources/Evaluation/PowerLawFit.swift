import Foundation

/// A least-squares power law `y = a · x^k` fitted as a straight line in log–log space,
/// `ln y = ln a + k ln x`, with the exponent's standard error.
///
/// The uncertainty of `k` comes from the scatter of the points about the line (the residual variance
/// `s² = Σ r² / (n − 2)`, so `σ_k = s / √Σ (ln x − mean ln x)²`): it needs at least three points and
/// measures how well a single power law describes the data, which for a scaling study is the honest
/// figure (per-point timing errors from two or three events are themselves poorly known). When
/// per-point relative errors are given, the fit is weighted by `1 / σ_ln y²` and `σ_k` is the larger of
/// the weighted-fit error scaled by `√(χ²/ndf)` and the unscaled one (never smaller than the errors say).
///
/// - Complexity: O(n).
public struct PowerLawFit: Codable, Equatable, Sendable {
    /// The exponent `k`.
    public var exponent: Double
    /// Standard error of `k`.
    public var exponentError: Double
    /// The prefactor `a` (units of y per unit of x^k).
    public var amplitude: Double
    /// Points used.
    public var points: Int
    /// Root-mean-square residual of `ln y` about the line (0.1 ≈ 10 % scatter).
    public var logResidualRMS: Double
    /// Smallest and largest x used.
    public var xMin: Double
    public var xMax: Double

    enum CodingKeys: String, CodingKey {
        case exponent, exponentError = "exponent_error", amplitude, points
        case logResidualRMS = "log_residual_rms", xMin = "x_min", xMax = "x_max"
    }

    /// Why a fit cannot be made.
    public enum FitError: Error, Equatable, CustomStringConvertible {
        /// Fewer than three points (no scatter to estimate σ_k from), or arrays of different lengths.
        case tooFewPoints(Int)
        /// A value that is not finite and positive (a power law needs logs).
        case nonPositive(x: Double, y: Double)
        /// Every x is the same: no lever arm.
        case noLeverArm

        public var description: String {
            switch self {
            case .tooFewPoints(let n): return "a power-law fit needs at least 3 points with matching x and y, got \(n)"
            case .nonPositive(let x, let y): return "a power-law fit needs finite positive values, got x = \(x), y = \(y)"
            case .noLeverArm: return "a power-law fit needs at least two different x values"
            }
        }
    }

    /// Fits `y = a · x^k` to the points; `relativeErrors` (σ_y / y per point, optional) weight them.
    ///
    /// - Throws: ``FitError``.
    public init(x: [Double], y: [Double], relativeErrors: [Double]? = nil) throws {
        guard x.count == y.count, x.count >= 3, relativeErrors.map({ $0.count == x.count }) ?? true else {
            throw FitError.tooFewPoints(min(x.count, y.count))
        }
        for (xi, yi) in zip(x, y) where !(xi.isFinite && yi.isFinite && xi > 0 && yi > 0) {
            throw FitError.nonPositive(x: xi, y: yi)
        }
        let u = x.map { Foundation.log($0) }, v = y.map { Foundation.log($0) }
        // Weights 1/σ²; a zero or missing error falls back to unit weight for every point.
        var w = [Double](repeating: 1, count: x.count)
        let weighted = relativeErrors.map { errs in errs.allSatisfy { $0.isFinite && $0 > 0 } } ?? false
        if weighted, let errs = relativeErrors { w = errs.map { 1 / ($0 * $0) } }
        let sw = w.reduce(0, +)
        let mu = zip(w, u).reduce(0) { $0 + $1.0 * $1.1 } / sw
        let mv = zip(w, v).reduce(0) { $0 + $1.0 * $1.1 } / sw
        var sxx = 0.0, sxy = 0.0
        for i in u.indices {
            sxx += w[i] * (u[i] - mu) * (u[i] - mu)
            sxy += w[i] * (u[i] - mu) * (v[i] - mv)
        }
        guard sxx > 1e-300 * sw else { throw FitError.noLeverArm }
        let k = sxy / sxx
        let lnA = mv - k * mu
        var chi2 = 0.0, rss = 0.0
        for i in u.indices {
            let r = v[i] - (lnA + k * u[i])
            chi2 += w[i] * r * r
            rss += r * r
        }
        let ndf = Double(x.count - 2)
        if weighted {
            // σ_k from the errors alone is 1/√Sxx; scale it up when the points scatter more than that.
            exponentError = (1 / sxx).squareRoot() * max(1, (chi2 / ndf).squareRoot())
        } else {
            exponentError = (chi2 / ndf / sxx).squareRoot()
        }
        exponent = k
        amplitude = Foundation.exp(lnA)
        points = x.count
        logResidualRMS = (rss / Double(x.count)).squareRoot()
        xMin = x.min()!
        xMax = x.max()!
    }

    /// The fitted `a · x^k` at `x`.
    public func value(at x: Double) -> Double { amplitude * Foundation.pow(x, exponent) }
}
