#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The transverse-momentum spectrum `dN/dpT ∝ pT · (1 + pT/p0)^(−n)` above a threshold, sampled by
/// inverting its tabulated cumulative distribution.
///
/// This power law (a Tsallis/Hagedorn form) describes soft hadron production: exponential-like at
/// low pT, a power-law tail at high pT. The table is computed once in the initialiser (4 096
/// logarithmic nodes from the threshold to the upper bound); sampling is a binary search plus a
/// linear interpolation, deterministic and O(log nodes).
public struct TransverseMomentumSpectrum: Sendable, Equatable {
    /// Scale `p0` in GeV.
    public let scale: Double
    /// Power `n` (dimensionless).
    public let power: Double
    /// Lowest pT in GeV.
    public let minimum: Double
    /// Highest pT in GeV.
    public let maximum: Double
    private let nodes: [Double]
    private let cdf: [Double]

    /// Builds the sampler.
    ///
    /// - Throws: ``SimulationError/invalidConfiguration(_:)`` unless `0 < minimum < maximum`,
    ///   `scale > 0` and `power > 2` (a smaller power would not have a finite mean).
    public init(scale: Double, power: Double, minimum: Double, maximum: Double) throws {
        guard scale > 0, scale.isFinite else { throw SimulationError.invalidConfiguration("pT spectrum scale must be > 0 GeV") }
        guard power > 2, power.isFinite else { throw SimulationError.invalidConfiguration("pT spectrum power must be > 2") }
        guard minimum > 0, maximum > minimum, maximum.isFinite else {
            throw SimulationError.invalidConfiguration("pT range must satisfy 0 < min < max")
        }
        self.scale = scale; self.power = power; self.minimum = minimum; self.maximum = maximum
        let count = 4096
        let ratio = log(maximum / minimum) / Double(count - 1)
        var x = [Double](), c = [Double]()
        x.reserveCapacity(count); c.reserveCapacity(count)
        var sum = 0.0, previous = 0.0
        for i in 0 ..< count {
            let pt = minimum * exp(ratio * Double(i))
            let density = pt * pow(1 + pt / scale, -power)
            if i > 0 { sum += 0.5 * (density + previous) * (pt - x[i - 1]) }
            x.append(pt); c.append(sum); previous = density
        }
        for i in c.indices { c[i] /= sum }
        nodes = x; cdf = c
    }

    /// A pT in GeV distributed as the spectrum.
    public func sample(_ rng: inout RandomStream) -> Double {
        let u = rng.uniform()
        var lo = 0, hi = cdf.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) >> 1
            if cdf[mid] <= u { lo = mid } else { hi = mid }
        }
        let span = cdf[hi] - cdf[lo]
        let f = span > 0 ? (u - cdf[lo]) / span : 0
        return nodes[lo] + f * (nodes[hi] - nodes[lo])
    }

    /// The mean pT in GeV of the tabulated spectrum.
    public var mean: Double {
        var m = 0.0
        for i in 1 ..< nodes.count { m += 0.5 * (nodes[i] + nodes[i - 1]) * (cdf[i] - cdf[i - 1]) }
        return m
    }
}
