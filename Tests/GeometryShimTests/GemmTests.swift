import Foundation
import GeometryShim
import Testing

/// A GEMM problem with padded leading dimensions and its double-precision triple-loop reference.
struct GemmCase: CustomTestStringConvertible {
    let m: Int, n: Int, k: Int
    let transA: Bool, transB: Bool
    let alpha: Float, beta: Float

    var testDescription: String {
        "\(m)x\(n)x\(k) \(transA ? "T" : "N")\(transB ? "T" : "N") alpha \(alpha) beta \(beta)"
    }

    /// Stored shapes: op(A) = A (m x k) or A^T (A stored k x m); likewise B. Rows padded by 3.
    var aRows: Int { transA ? k : m }
    var aCols: Int { transA ? m : k }
    var bRows: Int { transB ? n : k }
    var bCols: Int { transB ? k : n }
    var lda: Int { aCols + 3 }
    var ldb: Int { bCols + 3 }
    var ldc: Int { n + 3 }

    func inputs(seed: UInt64) -> (a: [Float], b: [Float], c: [Float]) {
        var rng = SplitMix64(seed: seed)
        let a = (0..<(aRows * lda)).map { _ in Float(rng.gaussian()) }
        let b = (0..<(bRows * ldb)).map { _ in Float(rng.gaussian()) }
        let c = (0..<(m * ldc)).map { _ in Float(rng.gaussian()) }
        return (a, b, c)
    }

    func opA(_ a: [Float], _ i: Int, _ l: Int) -> Double { Double(transA ? a[l * lda + i] : a[i * lda + l]) }
    func opB(_ b: [Float], _ l: Int, _ j: Int) -> Double { Double(transB ? b[j * ldb + l] : b[l * ldb + j]) }

    /// Checks every element of `result` against the reference, relative to the magnitude of its terms.
    func check(result: [Float], a: [Float], b: [Float], c0: [Float]) -> Bool {
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0, magnitude = 0.0
                for l in 0..<k {
                    let term = opA(a, i, l) * opB(b, l, j)
                    sum += term
                    magnitude += abs(term)
                }
                let old = beta == 0 ? 0 : Double(beta) * Double(c0[i * ldc + j])
                let expected = Double(alpha) * sum + old
                let scale = abs(Double(alpha)) * magnitude + abs(old) + 1e-30
                if !(abs(Double(result[i * ldc + j]) - expected) <= 1e-5 * scale) { return false }
            }
        }
        // The padding columns of C are never touched.
        for i in 0..<m {
            for j in n..<ldc where result[i * ldc + j] != c0[i * ldc + j] { return false }
        }
        return true
    }

    func run(a: [Float], b: [Float], c: inout [Float]) -> Int32 {
        weft_shim_sgemm(transA ? 1 : 0, transB ? 1 : 0, m, n, k, alpha, a, lda, b, ldb, beta, &c, ldc)
    }

    static let all: [GemmCase] = {
        // Shapes: tiny, odd, a row-split parallel product (m > 256) and a column-split one (n > m).
        let shapes = [(1, 1, 1), (7, 5, 3), (64, 33, 17), (300, 200, 100), (40, 700, 90)]
        var cases: [GemmCase] = []
        for (m, n, k) in shapes {
            for transA in [false, true] {
                for transB in [false, true] {
                    for beta: Float in [0, 0.5] {
                        cases.append(GemmCase(m: m, n: n, k: k, transA: transA, transB: transB, alpha: 1.3, beta: beta))
                    }
                }
            }
        }
        return cases
    }()
}

@Suite("GEMM and layer helpers")
struct GemmTests {
    @Test("sgemm agrees with a triple loop (relative 1e-5) for all transposes, alpha and beta",
          arguments: GemmCase.all)
    func againstNaive(problem: GemmCase) {
        let (a, b, c0) = problem.inputs(seed: UInt64(problem.m * 7 + problem.n * 3 + problem.k))
        var c = c0
        if problem.beta == 0 {
            // beta = 0 must not read C: NaN there must not leak into the result.
            for i in 0..<problem.m { for j in 0..<problem.n { c[i * problem.ldc + j] = .nan } }
        }
        #expect(problem.run(a: a, b: b, c: &c) == WEFT_SHIM_OK)
        #expect(problem.check(result: c, a: a, b: b, c0: c0))
    }

    @Test("k = 0 scales C by beta; m = 0 does nothing")
    func degenerate() {
        var c: [Float] = [1, 2, 3, 4]
        #expect(weft_shim_sgemm(0, 0, 2, 2, 0, 1, nil, 1, nil, 2, 0.5, &c, 2) == WEFT_SHIM_OK)
        #expect(c == [0.5, 1, 1.5, 2])
        #expect(weft_shim_sgemm(0, 0, 0, 2, 3, 1, nil, 3, nil, 2, 0.5, nil, 2) == WEFT_SHIM_OK)
    }

    @Test("bad input: NULL matrices, leading dimensions too small")
    func errors() {
        var c = [Float](repeating: 0, count: 4)
        let a = [Float](repeating: 1, count: 4)
        #expect(weft_shim_sgemm(0, 0, 2, 2, 2, 1, nil, 2, a, 2, 0, &c, 2) == WEFT_SHIM_ERR_NULL_POINTER)
        #expect(weft_shim_sgemm(0, 0, 2, 2, 2, 1, a, 1, a, 2, 0, &c, 2) == WEFT_SHIM_ERR_INVALID_ARGUMENT)
        #expect(weft_shim_sgemm(0, 1, 2, 2, 2, 1, a, 2, a, 1, 0, &c, 2) == WEFT_SHIM_ERR_INVALID_ARGUMENT)
        #expect(weft_shim_sgemm(0, 0, 2, 2, 2, 1, a, 2, a, 2, 0, &c, 1) == WEFT_SHIM_ERR_INVALID_ARGUMENT)
        #expect(weft_shim_bias_activation(2, 2, &c, 2, nil, 9) == WEFT_SHIM_ERR_INVALID_ARGUMENT)
        #expect(weft_shim_layer_norm(2, 2, nil, 2, nil, nil, 1e-5) == WEFT_SHIM_ERR_NULL_POINTER)
        #expect(weft_shim_layer_norm(2, 2, &c, 2, nil, nil, -1) == WEFT_SHIM_ERR_INVALID_ARGUMENT)
    }

    @Test("bias + activation matches the element-wise definition",
          arguments: [WEFT_SHIM_ACTIVATION_IDENTITY, WEFT_SHIM_ACTIVATION_RELU, WEFT_SHIM_ACTIVATION_TANH,
                      WEFT_SHIM_ACTIVATION_SIGMOID])
    func biasActivation(activation: Int32) {
        var rng = SplitMix64(seed: 81)
        // 3000 x 40 goes parallel; ldx 43 leaves padding that must stay untouched.
        let rows = 3000, cols = 40, ldx = 43
        let x = (0..<(rows * ldx)).map { _ in Float(rng.gaussian() * 3) }
        let bias = (0..<cols).map { _ in Float(rng.gaussian()) }
        var y = x
        #expect(weft_shim_bias_activation(rows, cols, &y, ldx, bias, activation) == WEFT_SHIM_OK)
        func reference(_ v: Double) -> Double {
            switch activation {
            case WEFT_SHIM_ACTIVATION_RELU: return max(0, v)
            case WEFT_SHIM_ACTIVATION_TANH: return tanh(v)
            case WEFT_SHIM_ACTIVATION_SIGMOID: return 1 / (1 + exp(-v))
            default: return v
            }
        }
        var worst = 0.0
        for i in 0..<rows {
            for j in 0..<ldx {
                let index = i * ldx + j
                if j >= cols {
                    #expect(y[index] == x[index])
                    continue
                }
                worst = max(worst, abs(Double(y[index]) - reference(Double(Float(x[index] + bias[j])))))
            }
        }
        // Identity and ReLU are exact; tanh and the sigmoid differ from double by float rounding.
        #expect(worst < 1e-6)
    }

    @Test("layer norm: rows get mean 0 and variance 1 before gamma and beta, as torch.nn.LayerNorm")
    func layerNorm() {
        var rng = SplitMix64(seed: 82)
        let rows = 2000, cols = 64, eps: Float = 1e-5
        // A large offset tests the two-pass variance.
        let x = (0..<(rows * cols)).map { _ in Float(1000 + rng.gaussian() * 2) }
        var plain = x
        #expect(weft_shim_layer_norm(rows, cols, &plain, cols, nil, nil, eps) == WEFT_SHIM_OK)
        for i in stride(from: 0, to: rows, by: 37) {
            let row = plain[(i * cols)..<((i + 1) * cols)].map(Double.init)
            let mean = row.reduce(0, +) / Double(cols)
            let variance = row.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(cols)
            #expect(abs(mean) < 1e-5 && abs(variance - 1) < 1e-4)
        }
        let gamma = (0..<cols).map { _ in Float(rng.uniform(0.5, 2)) }
        let beta = (0..<cols).map { _ in Float(rng.gaussian()) }
        var affine = x
        #expect(weft_shim_layer_norm(rows, cols, &affine, cols, gamma, beta, eps) == WEFT_SHIM_OK)
        let worst = (0..<(rows * cols)).map { abs(affine[$0] - (plain[$0] * gamma[$0 % cols] + beta[$0 % cols])) }.max()!
        #expect(worst < 1e-5)
    }
}
