#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bin edges for one variable: bin `i` is `[edges[i], edges[i + 1])`.
///
/// Values below the first edge, at or above the last edge, or NaN fall in no bin (under/overflow is
/// not shown, as in HEP plots; totals over all values are reported separately).
public struct Binning: Codable, Sendable, Equatable {
    /// Strictly increasing, finite bin edges, in the variable's unit.
    public let edges: [Double]

    /// Bins with the given edges.
    ///
    /// - Throws: ``EvaluationError/invalidBinning(_:)`` unless there are at least two finite, strictly
    ///   increasing edges.
    public init(edges: [Double]) throws {
        guard edges.count >= 2 else { throw EvaluationError.invalidBinning("need at least two edges, got \(edges.count)") }
        guard edges.allSatisfy({ $0.isFinite }) else { throw EvaluationError.invalidBinning("edges must be finite") }
        for i in 1 ..< edges.count where !(edges[i] > edges[i - 1]) {
            throw EvaluationError.invalidBinning("edges must increase strictly (\(edges[i - 1]) then \(edges[i]))")
        }
        self.edges = edges
    }

    /// `count` equal bins from `lower` to `upper`.
    public static func uniform(from lower: Double, to upper: Double, count: Int) throws -> Binning {
        guard count >= 1 else { throw EvaluationError.invalidBinning("need at least one bin") }
        return try Binning(edges: (0 ... count).map { i in
            i == count ? upper : lower + (upper - lower) * Double(i) / Double(count)
        })
    }

    /// `count` bins of equal width in log(x) from `lower` to `upper` (both > 0).
    public static func logarithmic(from lower: Double, to upper: Double, count: Int) throws -> Binning {
        guard count >= 1 else { throw EvaluationError.invalidBinning("need at least one bin") }
        guard lower > 0, upper > lower else { throw EvaluationError.invalidBinning("log bins need 0 < lower < upper") }
        let a = log(lower), b = log(upper)
        return try Binning(edges: (0 ... count).map { i in
            i == 0 ? lower : i == count ? upper : exp(a + (b - a) * Double(i) / Double(count))
        })
    }

    /// Default pT bins: 20 logarithmic bins from 0.5 to 100 GeV.
    public static let defaultPt = try! Binning.logarithmic(from: 0.5, to: 100, count: 20)
    /// Default η bins: 16 bins of 0.5 from −4 to 4.
    public static let defaultEta = try! Binning.uniform(from: -4, to: 4, count: 16)

    /// The number of bins.
    @inlinable public var count: Int { edges.count - 1 }

    /// The bin holding `x`, or nil when it is outside the edges or NaN.
    ///
    /// - Complexity: O(log bins).
    @inlinable public func index(of x: Double) -> Int? {
        guard x >= edges[0], x < edges[edges.count - 1] else { return nil }
        var lo = 0, hi = edges.count - 1   // edges[lo] <= x < edges[hi]
        while hi - lo > 1 {
            let mid = (lo + hi) >> 1
            if edges[mid] <= x { lo = mid } else { hi = mid }
        }
        return lo
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        try self.init(edges: c.decode([Double].self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(edges)
    }
}
