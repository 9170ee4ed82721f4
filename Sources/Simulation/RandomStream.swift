#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A deterministic random-number stream (xoshiro256**), keyed by a seed and up to three stream ids.
///
/// Every random choice of the simulation comes from a stream derived from `(seed, event, object)`,
/// for example `(seed, event, interaction)` for the generator or `(seed, event, particle barcode)`
/// for the propagation of one particle. A stream's output therefore depends only on its key, never
/// on which thread runs it or in which order: events are bit-identical whatever the thread count.
///
/// The algorithms are fixed (xoshiro256** by Blackman & Vigna, seeded through SplitMix64; Box–Muller
/// normals; Marsaglia–Tsang gammas; Hörmann's PTRS Poisson sampler), so a seed gives the same event
/// on every platform whose `log`, `sin`, `cos`, `exp` and `lgamma` are correctly rounded alike.
public struct RandomStream: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A stream for `seed` and the stream ids `a`, `b`, `c` (any values; distinct keys give
    /// statistically independent streams).
    public init(seed: UInt64, _ a: UInt64 = 0, _ b: UInt64 = 0, _ c: UInt64 = 0) {
        // Fold the key through the SplitMix64 finaliser so that nearby keys (event 1, 2, 3 …)
        // start far apart, then expand it into the 256-bit state.
        var key = Self.mix(seed &+ 0x9E37_79B9_7F4A_7C15)
        key = Self.mix(key ^ (a &* 0xD1B5_4A32_D192_ED03))
        key = Self.mix(key ^ (b &* 0x8CB9_2BA7_2F3D_8DD7))
        key = Self.mix(key ^ (c &* 0xABC9_8388_FB8F_AC03))
        var sm = key
        func next() -> UInt64 { sm &+= 0x9E37_79B9_7F4A_7C15; return Self.mix(sm) }
        s0 = next(); s1 = next(); s2 = next(); s3 = next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }   // the all-zero state is the one fixed point
    }

    /// The SplitMix64 output function (a 64-bit bijective mixer).
    @inlinable static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inline(__always) public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in (0, 1]: safe as the argument of `log`.
    @inline(__always) public mutating func uniformPositive() -> Double {
        Double((next() >> 11) + 1) * 0x1.0p-53
    }

    /// A uniform double in [`low`, `high`).
    @inline(__always) public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// A standard normal deviate (Box–Muller; one of the pair is used, so the stream stays stateless
    /// between calls).
    public mutating func normal() -> Double {
        let u = uniformPositive(), v = uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    /// An exponential deviate with mean `mean`.
    public mutating func exponential(mean: Double) -> Double { -mean * log(uniformPositive()) }

    /// A gamma deviate of shape `shape` (> 0) and scale 1 (Marsaglia & Tsang 2000; shapes below 1
    /// through the boost `Γ(a) = Γ(a + 1) · U^(1/a)`).
    public mutating func gamma(shape: Double) -> Double {
        precondition(shape > 0, "gamma shape must be positive")
        if shape < 1 {
            let g = gamma(shape: shape + 1)
            return g * pow(uniformPositive(), 1 / shape)
        }
        let d = shape - 1.0 / 3.0, c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double, v: Double
            repeat { x = normal(); v = 1 + c * x } while v <= 0
            v = v * v * v
            let u = uniformPositive()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// A Poisson deviate of mean `mean` (≥ 0): inversion by multiplication below 10, Hörmann's
    /// transformed rejection (PTRS, 1993) above.
    public mutating func poisson(mean: Double) -> Int {
        precondition(mean >= 0 && mean.isFinite, "Poisson mean must be finite and non-negative")
        if mean == 0 { return 0 }
        if mean < 10 {
            let limit = exp(-mean)
            var k = 0, p = uniform()
            while p > limit { k += 1; p *= uniform() }
            return k
        }
        let smu = mean.squareRoot()
        let b = 0.931 + 2.53 * smu
        let a = -0.059 + 0.02483 * b
        let invAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        let logMean = log(mean)
        while true {
            let u = uniform() - 0.5, v = uniform()
            let us = 0.5 - abs(u)
            let k = floor((2 * a / us + b) * u + mean + 0.43)
            if us >= 0.07 && v <= vr { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + log(invAlpha) - log(a / (us * us) + b) <= -mean + k * logMean - lgamma(k + 1) {
                return Int(k)
            }
        }
    }

    /// A negative-binomial deviate with mean `mean` and shape `k` (variance `mean + mean²/k`),
    /// drawn as a gamma–Poisson mixture.
    public mutating func negativeBinomial(mean: Double, shape k: Double) -> Int {
        precondition(mean >= 0 && k > 0, "negative binomial needs mean ≥ 0 and shape > 0")
        if mean == 0 { return 0 }
        return poisson(mean: gamma(shape: k) * mean / k)
    }

    /// A unit vector distributed uniformly on the sphere, as (x, y, z).
    public mutating func isotropicDirection() -> (Double, Double, Double) {
        let cosT = uniform(-1, 1), phi = uniform(0, 2 * Double.pi)
        let sinT = (1 - cosT * cosT).squareRoot()
        return (sinT * cos(phi), sinT * sin(phi), cosT)
    }
}
