import Foundation
import GeometryShim
import Testing

/// Typical bound-parameter scales: mm, mm, rad, rad, e/GeV.
let parameterScales = [0.05, 0.5, 1e-3, 1e-3, 1e-3]

/// The textbook gain-matrix update, written out by hand for D = 1 or 2:
/// S = V + H C H^T, K = C H^T S^-1, x' = x + K (m - H x), C' = (I - K H) C, chi2 = r^T S^-1 r.
func handUpdate(dim d: Int, x: [Double], c: [Double], m: [Double], v: [Double], h: [Double])
    -> (x: [Double], c: [Double], chi2: Double) {
    let hc = matmul(h, c, d, 5, 5)
    let s = zip(v, matmul(hc, transpose(h, d, 5), d, 5, d)).map { $0 + $1 }
    let sInv: [Double]
    if d == 1 {
        sInv = [1 / s[0]]
    } else {
        let det = s[0] * s[3] - s[1] * s[2]
        sInv = [s[3] / det, -s[1] / det, -s[2] / det, s[0] / det]
    }
    let gain = matmul(matmul(c, transpose(h, d, 5), 5, 5, d), sInv, 5, d, d)
    let r = zip(m, matmul(h, x, d, 5, 1)).map { $0 - $1 }
    let xNew = zip(x, matmul(gain, r, 5, d, 1)).map { $0 + $1 }
    let reduction = zip(identity(5), matmul(gain, h, 5, d, 5)).map { $0 - $1 }
    let cNew = matmul(reduction, c, 5, 5, 5)
    let chi2 = dot(r, matmul(sInv, r, d, d, 1))
    return (xNew, cNew, chi2)
}

/// A projector measuring local position: l0 (dim 1, a strip) or (l0, l1) (dim 2, a pixel),
/// rotated by a stereo angle so that H is not just a selection.
func projector(dim: Int, stereo: Double) -> [Double] {
    let row0 = [cos(stereo), sin(stereo), 0, 0, 0]
    return dim == 1 ? row0 : row0 + [-sin(stereo), cos(stereo), 0, 0, 0]
}

@Suite("Kalman-filter linear algebra")
struct KalmanTests {
    @Test("update equals the hand-written formula; chi2 = r^T (V + H C H^T)^-1 r", arguments: [1, 2])
    func updateFormula(dim: Int) {
        var rng = SplitMix64(seed: 51 + UInt64(dim))
        for _ in 0..<200 {
            let c = randomCovariance(5, scale: parameterScales, &rng)
            let x = parameterScales.map { $0 * rng.gaussian() * 10 }
            let h = projector(dim: dim, stereo: rng.uniform(-0.1, 0.1))
            let v = dim == 1 ? [0.01 * 0.01] : [0.01 * 0.01, 1e-5, 1e-5, 0.05 * 0.05]
            let m = (0..<dim).map { _ in rng.gaussian() * 0.1 }
            var outX = [Double](repeating: .nan, count: 5), outC = [Double](repeating: .nan, count: 25)
            var chi2 = Double.nan, chi2Only = Double.nan
            #expect(weft_shim_kalman_update(Int32(dim), x, c, m, v, h, &outX, &outC, &chi2) == WEFT_SHIM_OK)
            #expect(weft_shim_kalman_chi2(Int32(dim), x, c, m, v, h, &chi2Only) == WEFT_SHIM_OK)
            let expected = handUpdate(dim: dim, x: x, c: c, m: m, v: v, h: h)
            for i in 0..<5 {
                #expect(abs(outX[i] - expected.x[i]) < 1e-9 * parameterScales[i] * 10)
                for j in 0..<5 {
                    let scale = parameterScales[i] * parameterScales[j]
                    #expect(abs(outC[5 * i + j] - expected.c[5 * i + j]) < 1e-9 * scale)
                    #expect(outC[5 * i + j] == outC[5 * j + i])
                }
            }
            #expect(abs(chi2 - expected.chi2) < 1e-9 * max(1, expected.chi2))
            #expect(chi2Only == chi2)
        }
    }

    @Test("pulls of many random updates have mean 0 and RMS 1; chi2 averages the dimension", arguments: [1, 2])
    func pulls(dim: Int) {
        var rng = SplitMix64(seed: 61 + UInt64(dim))
        let trials = 20000
        var sum = [Double](repeating: 0, count: 5), sumSq = sum, chi2Sum = 0.0
        let v = dim == 1 ? [0.02 * 0.02] : [0.02 * 0.02, 0, 0, 0.3 * 0.3]
        let vRoot = cholesky(v, dim)
        for _ in 0..<trials {
            let c = randomCovariance(5, scale: parameterScales, &rng)
            let cRoot = cholesky(c, 5)
            let truth = parameterScales.map { $0 * rng.gaussian() * 100 }
            // Prior drawn from N(truth, C), measurement from N(H truth, V).
            let x = zip(truth, matmul(cRoot, (0..<5).map { _ in rng.gaussian() }, 5, 5, 1)).map { $0 + $1 }
            let h = projector(dim: dim, stereo: rng.uniform(-0.05, 0.05))
            let m = zip(matmul(h, truth, dim, 5, 1), matmul(vRoot, (0..<dim).map { _ in rng.gaussian() }, dim, dim, 1))
                .map { $0 + $1 }
            var outX = [Double](repeating: 0, count: 5), outC = [Double](repeating: 0, count: 25), chi2 = 0.0
            #expect(weft_shim_kalman_update(Int32(dim), x, c, m, v, h, &outX, &outC, &chi2) == WEFT_SHIM_OK)
            for i in 0..<5 {
                let pull = (outX[i] - truth[i]) / outC[6 * i].squareRoot()
                sum[i] += pull
                sumSq[i] += pull * pull
            }
            chi2Sum += chi2
        }
        // Statistical uncertainties for 20000 trials: 0.007 on the mean, 0.005 on the RMS (5σ bounds).
        for i in 0..<5 {
            let mean = sum[i] / Double(trials)
            let rms = (sumSq[i] / Double(trials) - mean * mean).squareRoot()
            #expect(abs(mean) < 0.035, "parameter \(i): pull mean \(mean)")
            #expect(abs(rms - 1) < 0.025, "parameter \(i): pull RMS \(rms)")
        }
        // chi2 has variance 2 dim: the mean's uncertainty is below 0.015.
        #expect(abs(chi2Sum / Double(trials) - Double(dim)) < 0.075)
    }

    /// A short fit: n measurements of (l0, l1) linked by transport Jacobians j with noise q.
    static func forwardFilter(_ rng: inout SplitMix64, n: Int, jacobian j: [Double], noise q: [Double]?)
        -> (filtered: [([Double], [Double])], predicted: [([Double], [Double])]) {
        var x = [Double](repeating: 0, count: 5)
        var c = (0..<25).map { $0 % 6 == 0 ? 1.0 : 0.0 }
        let h = projector(dim: 2, stereo: 0), v = [0.01, 0, 0, 0.01]
        var filtered: [([Double], [Double])] = [], predicted: [([Double], [Double])] = []
        for k in 0..<n {
            if k > 0 {
                x = matmul(j, x, 5, 5, 1)
                var transported = [Double](repeating: 0, count: 25)
                #expect(weft_shim_cov_transport(j, c, q, &transported) == WEFT_SHIM_OK)
                c = transported
            }
            predicted.append((x, c))
            let m = [rng.gaussian() * 0.1, rng.gaussian() * 0.1]
            var outX = x, outC = c
            #expect(weft_shim_kalman_update(2, x, c, m, v, h, &outX, &outC, nil) == WEFT_SHIM_OK)
            (x, c) = (outX, outC)
            filtered.append((x, c))
        }
        return (filtered, predicted)
    }

    static func smooth(_ filter: (filtered: [([Double], [Double])], predicted: [([Double], [Double])]),
                       jacobian j: [Double]) -> [([Double], [Double])] {
        var smoothed = [filter.filtered.last!]
        for k in stride(from: filter.filtered.count - 2, through: 0, by: -1) {
            let (xf, cf) = filter.filtered[k], (xp, cp) = filter.predicted[k + 1], (xs, cs) = smoothed[0]
            var outX = [Double](repeating: .nan, count: 5), outC = [Double](repeating: .nan, count: 25)
            #expect(weft_shim_rts_smooth(xf, cf, j, xp, cp, xs, cs, &outX, &outC) == WEFT_SHIM_OK)
            smoothed.insert((outX, outC), at: 0)
        }
        return smoothed
    }

    /// A transport Jacobian like a short straight-line step: position picks up the angles.
    static let jacobian: [Double] = [
        1, 0, 30, 0, 0,
        0, 1, 0, 30, 0,
        0, 0, 1, 0, 0.01,
        0, 0, 0, 1, 0,
        0, 0, 0, 0, 1,
    ]

    @Test("RTS smoother without process noise: every smoothed state is the last one transported back")
    func smootherWithoutNoise() {
        var rng = SplitMix64(seed: 71)
        let j = Self.jacobian
        var jInv = [Double](repeating: 0, count: 25)
        #expect(weft_shim_inverse5(j, &jInv) == WEFT_SHIM_OK)
        let smoothed = Self.smooth(Self.forwardFilter(&rng, n: 6, jacobian: j, noise: nil), jacobian: j)
        for k in 0..<(smoothed.count - 1) {
            let back = matmul(jInv, smoothed[k + 1].0, 5, 5, 1)
            let backCov = matmul(matmul(jInv, smoothed[k + 1].1, 5, 5, 5), transpose(jInv, 5, 5), 5, 5, 5)
            #expect(maxAbsDifference(smoothed[k].0, back) < 1e-9)
            #expect(maxAbsDifference(smoothed[k].1, backCov) < 1e-9)
        }
    }

    @Test("RTS smoother with process noise: smoothing never increases a variance")
    func smootherWithNoise() {
        var rng = SplitMix64(seed: 72)
        var q = [Double](repeating: 0, count: 25)
        q[12] = 1e-4
        q[18] = 1e-4
        let filter = Self.forwardFilter(&rng, n: 8, jacobian: Self.jacobian, noise: q)
        let smoothed = Self.smooth(filter, jacobian: Self.jacobian)
        for k in 0..<smoothed.count {
            for i in 0..<5 {
                #expect(smoothed[k].1[6 * i] <= filter.filtered[k].1[6 * i] * (1 + 1e-12))
                #expect(smoothed[k].1[6 * i] > 0)
            }
        }
    }

    @Test("covariance transport equals J C J^T + Q")
    func transport() {
        var rng = SplitMix64(seed: 73)
        let c = randomCovariance(5, scale: parameterScales, &rng)
        let j = (0..<25).map { i in (i % 6 == 0 ? 1 : 0) + 0.3 * rng.gaussian() }
        let q = randomCovariance(5, scale: parameterScales.map { $0 * 0.1 }, &rng)
        let jcj = matmul(matmul(j, c, 5, 5, 5), transpose(j, 5, 5), 5, 5, 5)
        var out = [Double](repeating: .nan, count: 25)
        #expect(weft_shim_cov_transport(j, c, nil, &out) == WEFT_SHIM_OK)
        #expect(maxAbsDifference(out, jcj) < 1e-15)
        #expect(weft_shim_cov_transport(j, c, q, &out) == WEFT_SHIM_OK)
        #expect(maxAbsDifference(out, zip(jcj, q).map { $0 + $1 }) < 1e-15)
        var inPlace = c
        #expect(weft_shim_cov_transport(j, inPlace, nil, &inPlace) == WEFT_SHIM_OK)
        #expect(maxAbsDifference(inPlace, jcj) < 1e-15)
    }

    @Test("inverse x matrix = identity, also for covariance-like scales; singular matrices are refused")
    func inverse() {
        var rng = SplitMix64(seed: 74)
        for trial in 0..<100 {
            let a: [Double] = trial % 2 == 0
                ? (0..<25).map { _ in rng.gaussian() }
                : randomCovariance(5, scale: [1e-2, 1, 1e-4, 1e-4, 1e-3], &rng)
            var inv = [Double](repeating: .nan, count: 25)
            #expect(weft_shim_inverse5(a, &inv) == WEFT_SHIM_OK)
            // A^-1 A = I holds to rounding times the condition number; these stay below ~1e6.
            #expect(maxAbsDifference(matmul(inv, a, 5, 5, 5), identity(5)) < 1e-8)
        }
        var singular = (0..<25).map { _ in rng.gaussian() }
        for j in 0..<5 { singular[20 + j] = 2 * singular[5 + j] - singular[10 + j] }
        var inv = [Double](repeating: 7, count: 25)
        #expect(weft_shim_inverse5(singular, &inv) == WEFT_SHIM_ERR_SINGULAR)
        #expect(inv == [Double](repeating: 7, count: 25))
        #expect(weft_shim_inverse5([Double](repeating: 0, count: 25), &inv) == WEFT_SHIM_ERR_SINGULAR)
        #expect(weft_shim_inverse5([.nan] + [Double](repeating: 1, count: 24), &inv) == WEFT_SHIM_ERR_INVALID_ARGUMENT)
    }

    @Test("symmetrisation gives (A + A^T) / 2")
    func symmetrize() {
        var rng = SplitMix64(seed: 75)
        let a = (0..<16).map { _ in rng.gaussian() }
        var s = a
        #expect(weft_shim_symmetrize(4, &s) == WEFT_SHIM_OK)
        #expect(maxAbsDifference(s, zip(a, transpose(a, 4, 4)).map { 0.5 * ($0 + $1) }) < 1e-15)
        #expect(s == transpose(s, 4, 4))
        #expect(weft_shim_symmetrize(3, nil) == WEFT_SHIM_ERR_NULL_POINTER)
    }

    @Test("bad input: dimension, NULL, NaN, non-positive-definite innovation or prediction")
    func errors() {
        let x = [Double](repeating: 0, count: 5), c = identity(5), h = projector(dim: 2, stereo: 0)
        var outX = x, outC = c, chi2 = 0.0
        #expect(weft_shim_kalman_update(3, x, c, [0, 0, 0], identity(3), h + h, &outX, &outC, &chi2)
            == WEFT_SHIM_ERR_INVALID_ARGUMENT)
        #expect(weft_shim_kalman_update(2, x, c, [0, 0], identity(2), h, nil, &outC, &chi2)
            == WEFT_SHIM_ERR_NULL_POINTER)
        #expect(weft_shim_kalman_update(2, x, c, [.nan, 0], identity(2), h, &outX, &outC, &chi2)
            == WEFT_SHIM_ERR_INVALID_ARGUMENT)
        // S = V + H C H^T = -2 + 1 < 0.
        #expect(weft_shim_kalman_update(1, x, c, [0], [-2], Array(h[0..<5]), &outX, &outC, &chi2)
            == WEFT_SHIM_ERR_SINGULAR)
        #expect(weft_shim_kalman_chi2(1, x, c, [0], [-2], Array(h[0..<5]), &chi2) == WEFT_SHIM_ERR_SINGULAR)
        let zero = [Double](repeating: 0, count: 25)
        #expect(weft_shim_rts_smooth(x, c, c, x, zero, x, c, &outX, &outC) == WEFT_SHIM_ERR_SINGULAR)
        #expect(weft_shim_cov_transport(c, c, nil, nil) == WEFT_SHIM_ERR_NULL_POINTER)
    }
}
