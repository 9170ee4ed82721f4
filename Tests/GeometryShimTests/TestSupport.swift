// Helpers shared by the GeometryShim tests: a seeded RNG, random rotations, tiny row-major
// matrix algebra written independently of the shim, and a uniform-field callback.
import Foundation
import GeometryShim

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, fast, fixed-seed generator for reproducible tests.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) with 53 random bits.
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    mutating func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * uniform() }

    /// Standard normal deviate (Box–Muller).
    mutating func gaussian() -> Double {
        let u1 = 1 - uniform()  // in (0, 1]
        let u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A uniformly distributed rotation, row-major, from a random unit quaternion.
    mutating func rotation() -> [Double] {
        var q = (0..<4).map { _ in gaussian() }
        let norm = q.reduce(0) { $0 + $1 * $1 }.squareRoot()
        q = q.map { $0 / norm }
        let (w, x, y, z) = (q[0], q[1], q[2], q[3])
        return [
            1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
            2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y),
        ]
    }
}

/// Row-major matrix product of an r x k and a k x c matrix.
func matmul(_ a: [Double], _ b: [Double], _ r: Int, _ k: Int, _ c: Int) -> [Double] {
    var out = [Double](repeating: 0, count: r * c)
    for i in 0..<r {
        for j in 0..<c {
            var sum = 0.0
            for l in 0..<k { sum += a[i * k + l] * b[l * c + j] }
            out[i * c + j] = sum
        }
    }
    return out
}

/// Transpose of a row-major r x c matrix.
func transpose(_ a: [Double], _ r: Int, _ c: Int) -> [Double] {
    var out = [Double](repeating: 0, count: r * c)
    for i in 0..<r {
        for j in 0..<c { out[j * r + i] = a[i * c + j] }
    }
    return out
}

func identity(_ n: Int) -> [Double] {
    var out = [Double](repeating: 0, count: n * n)
    for i in 0..<n { out[i * n + i] = 1 }
    return out
}

func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).map { abs($0 - $1) }.max() ?? 0
}

func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }

func norm(_ a: [Double]) -> Double { dot(a, a).squareRoot() }

/// A random symmetric positive-definite n x n matrix L L^T + n * 0.1 I with entries of order `scale`^2.
func randomCovariance(_ n: Int, scale: [Double], _ rng: inout SplitMix64) -> [Double] {
    var l = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
        for j in 0...i { l[i * n + j] = rng.gaussian() }
    }
    var c = matmul(l, transpose(l, n, n), n, n, n)
    for i in 0..<n { c[i * n + i] += 0.1 * Double(n) }
    for i in 0..<n {
        for j in 0..<n { c[i * n + j] *= scale[i] * scale[j] }
    }
    return c
}

/// Lower Cholesky factor of a symmetric positive-definite row-major matrix.
func cholesky(_ a: [Double], _ n: Int) -> [Double] {
    var l = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
        for j in 0...i {
            var sum = a[i * n + j]
            for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
            l[i * n + j] = i == j ? sum.squareRoot() : sum / l[j * n + j]
        }
    }
    return l
}

/// GeV per (e T mm), the curvature constant of DESIGN §5.
let curvatureConstant = 0.299792458e-3

/// Field callback returning a uniform field whose (Bx, By, Bz) in Tesla is stored at `ctx`.
let uniformField: weft_shim_field_fn = { ctx, _, b in
    let field = ctx!.assumingMemoryBound(to: Double.self)
    b![0] = field[0]
    b![1] = field[1]
    b![2] = field[2]
}

/// Runs `body` with a context pointer holding a uniform field (Bx, By, Bz), Tesla.
func withUniformField<R>(_ b: [Double], _ body: (UnsafeMutableRawPointer) throws -> R) rethrows -> R {
    var field = b
    return try field.withUnsafeMutableBytes { try body($0.baseAddress!) }
}
