import GeometryShim
import HitGraph

/// The dense and graph kernels of the Interaction Network, forward and backward, on raw row-major
/// `Float` matrices. GEMMs run in the shim; row-wise tails, gathers and scatters run here, in
/// parallel chunks whose boundaries depend only on the shapes (so results are bit-identical for
/// every thread count).
enum DenseKernels {
    /// A matrix of node rows added row-wise into an edge matrix: `out[e] += rows[index[e]]`.
    struct Gather {
        let rows: UnsafePointer<Float>
        /// Leading dimension of `rows`.
        let ld: Int
        let index: UnsafePointer<Int32>
    }

    /// Rows per parallel chunk for row-wise kernels of width `width`: ~16 k elements per chunk.
    @inline(__always) static func rowsPerChunk(_ width: Int) -> Int { max(1, 16384 / max(1, width)) }

    /// Rows per partial product in ``accumulateWeightGradient``.
    static let weightGradientChunk = 8192

    /// `C = op(A) · op(B) + beta · C` through the shim (row-major, BLAS semantics).
    @inline(__always)
    static func gemm(transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int,
                     a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                     beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        let status = weft_shim_sgemm(transA ? 1 : 0, transB ? 1 : 0, m, n, k, 1, a, lda, b, ldb, beta, c, ldc)
        // Shapes are consistent by construction; only an allocation failure inside Eigen/TBB is left.
        precondition(status == WEFT_SHIM_OK, "sgemm failed: \(String(cString: weft_shim_status_message(status)))")
    }

    // MARK: forward

    /// The tail of a dense layer, row by row, in place or into `out`:
    /// `z ← z + g0 + g1 + bias`, then (with `norm`) `x̂ = (z − μ)/σ`, `y = x̂ · scale + shift`, then
    /// (with `relu`) `out = max(y, 0)`. Keeps x̂ and 1/σ when `normalized`/`inverseStd` are given.
    ///
    /// `z` and `out` are `rows × width` with leading dimension `width`; `out` may be `z`.
    static func rowTail(rows: Int, width n: Int, z: UnsafeMutablePointer<Float>, g0: Gather?, g1: Gather?,
                        bias: UnsafePointer<Float>, norm: (scale: UnsafePointer<Float>, shift: UnsafePointer<Float>)?,
                        epsilon: Float, relu: Bool, out: UnsafeMutablePointer<Float>,
                        normalized: UnsafeMutablePointer<Float>?, inverseStd: UnsafeMutablePointer<Float>?) {
        typealias V = RowVector.V
        let invN = 1 / Float(n)
        ChunkedLoop.forEachRange(count: rows, chunkSize: rowsPerChunk(n)) { _, range in
            for i in range {
                let zr = z + i * n, orow = out + i * n
                if let g = g0 { RowVector.add(g.rows + Int(g.index[i]) * g.ld, into: zr, n) }
                if let g = g1 { RowVector.add(g.rows + Int(g.index[i]) * g.ld, into: zr, n) }
                RowVector.add(bias, into: zr, n)
                if let (scale, shift) = norm {
                    // Two passes (mean, then centred squares): no cancellation when |μ| ≫ σ.
                    let mean = RowVector.sum(zr, n) * invN
                    let r = 1 / (RowVector.centredSquares(zr, mean, n) * invN + epsilon).squareRoot()
                    inverseStd?[i] = r
                    let xr = normalized.map { $0 + i * n }
                    let meanV = V(repeating: mean), rV = V(repeating: r)
                    var j = 0
                    while j + 8 <= n {
                        let xh = (RowVector.load(zr + j) - meanV) * rV
                        if let xr { RowVector.store(xh, xr + j) }
                        var y = xh * RowVector.load(scale + j) + RowVector.load(shift + j)
                        if relu { y = V.zero.replacing(with: y, where: y .> V.zero) }
                        RowVector.store(y, orow + j)
                        j += 8
                    }
                    while j < n {
                        let xh = (zr[j] - mean) * r
                        xr?[j] = xh
                        let y = xh * scale[j] + shift[j]
                        orow[j] = relu ? max(y, 0) : y
                        j += 1
                    }
                } else if relu {
                    var j = 0
                    while j + 8 <= n { let v = RowVector.load(zr + j); RowVector.store(V.zero.replacing(with: v, where: v .> V.zero), orow + j); j += 8 }
                    while j < n { orow[j] = max(zr[j], 0); j += 1 }
                } else if orow != zr {
                    orow.update(from: zr, count: n)
                }
            }
        }
    }

    // MARK: backward

    /// Backward through ``rowTail``: `grad` holds dL/d(out) on entry and dL/dz on return (in place);
    /// dL/d(bias), dL/d(scale), dL/d(shift) are added to `dBias`, `dScale`, `dShift`.
    ///
    /// Column sums are formed per chunk and added in chunk order (deterministic).
    static func rowTailBackward(rows: Int, width n: Int, grad: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>,
                                normalized: UnsafePointer<Float>?, inverseStd: UnsafePointer<Float>?,
                                scale: UnsafePointer<Float>?, relu: Bool, dBias: UnsafeMutablePointer<Float>,
                                dScale: UnsafeMutablePointer<Float>?, dShift: UnsafeMutablePointer<Float>?,
                                partials: ScratchBuffer) {
        typealias V = RowVector.V
        let chunkRows = rowsPerChunk(n)
        let chunks = ChunkedLoop.chunkCount(rows, chunkRows)
        guard chunks > 0 else { return }
        let sums = partials.reserve(chunks * 3 * n)
        let invN = 1 / Float(n)
        ChunkedLoop.forEachRange(count: rows, chunkSize: chunkRows) { c, range in
            let sBias = sums + c * 3 * n, sScale = sBias + n, sShift = sScale + n
            sBias.initialize(repeating: 0, count: 3 * n)
            for i in range {
                let g = grad + i * n, o = output + i * n
                if relu {
                    // ReLU passes the gradient where the output is positive (0 at the kink).
                    var j = 0
                    while j + 8 <= n {
                        RowVector.store(V.zero.replacing(with: RowVector.load(g + j), where: RowVector.load(o + j) .> V.zero), g + j)
                        j += 8
                    }
                    while j < n { if !(o[j] > 0) { g[j] = 0 }; j += 1 }
                }
                if let normalized, let scale, let inverseStd {
                    // dx̂ = dy·γ; dz = (1/σ)(dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)).
                    let xh = normalized + i * n
                    RowVector.add(g, into: sShift, n)
                    var m1v = V.zero, m2v = V.zero, j = 0
                    while j + 8 <= n {
                        let gv = RowVector.load(g + j), xv = RowVector.load(xh + j)
                        RowVector.store(RowVector.load(sScale + j) + gv * xv, sScale + j)
                        let d = gv * RowVector.load(scale + j)
                        m1v += d; m2v += d * xv
                        j += 8
                    }
                    var m1 = m1v.sum(), m2 = m2v.sum()
                    while j < n {
                        sScale[j] += g[j] * xh[j]
                        let d = g[j] * scale[j]
                        m1 += d; m2 += d * xh[j]
                        j += 1
                    }
                    m1 *= invN; m2 *= invN
                    let r = inverseStd[i]
                    let m1V = V(repeating: m1), m2V = V(repeating: m2), rV = V(repeating: r)
                    j = 0
                    while j + 8 <= n {
                        let d = RowVector.load(g + j) * RowVector.load(scale + j)
                        RowVector.store(rV * (d - m1V - RowVector.load(xh + j) * m2V), g + j)
                        j += 8
                    }
                    while j < n { g[j] = r * (g[j] * scale[j] - m1 - xh[j] * m2); j += 1 }
                }
                RowVector.add(g, into: sBias, n)
            }
        }
        for c in 0 ..< chunks {
            let sBias = sums + c * 3 * n, sScale = sBias + n, sShift = sScale + n
            RowVector.add(sBias, into: dBias, n)
            if let dScale { RowVector.add(sScale, into: dScale, n) }
            if let dShift { RowVector.add(sShift, into: dShift, n) }
        }
    }

    /// `dW += Xᵀ · dZ` for `X` (`rows × inputs`, leading dimension `ldx`) and `dZ` (`rows × outputs`,
    /// contiguous): the weight gradient of a linear layer.
    ///
    /// Long reductions are split into fixed chunks of ``weightGradientChunk`` rows multiplied in
    /// parallel and summed in chunk order: the shim parallelises over output rows, and `dW` has few.
    static func accumulateWeightGradient(rows: Int, inputs: Int, outputs: Int, x: UnsafePointer<Float>, ldx: Int,
                                         dz: UnsafePointer<Float>, dW: UnsafeMutablePointer<Float>, partials: ScratchBuffer) {
        guard rows > 0 else { return }
        let chunk = weightGradientChunk
        if rows <= chunk {
            gemm(transA: true, m: inputs, n: outputs, k: rows, a: x, lda: ldx, b: dz, ldb: outputs, beta: 1, c: dW, ldc: outputs)
            return
        }
        let chunks = ChunkedLoop.chunkCount(rows, chunk)
        let size = inputs * outputs
        let buffer = partials.reserve(chunks * size)
        ChunkedLoop.forEachRange(count: rows, chunkSize: chunk) { c, range in
            gemm(transA: true, m: inputs, n: outputs, k: range.count, a: x + range.lowerBound * ldx, lda: ldx,
                 b: dz + range.lowerBound * outputs, ldb: outputs, beta: 0, c: buffer + c * size, ldc: outputs)
        }
        for c in 0 ..< chunks { RowVector.add(buffer + c * size, into: dW, size) }
    }

    // MARK: graph kernels

    /// `into[v] = (into[v] +) Σ values[e]` over the edges `e` of node `v` in compressed-row lists
    /// (`edges[offsets[v] ..< offsets[v + 1]]`), summed in list order.
    static func scatter(nodes: Int, width n: Int, offsets: UnsafePointer<Int32>, edges: UnsafePointer<Int32>,
                        values: UnsafePointer<Float>, ldv: Int, into: UnsafeMutablePointer<Float>, ldo: Int, accumulate: Bool) {
        ChunkedLoop.forEachRange(count: nodes, chunkSize: rowsPerChunk(n)) { _, range in
            for v in range {
                let o = into + v * ldo
                if !accumulate { o.initialize(repeating: 0, count: n) }
                for k in Int(offsets[v]) ..< Int(offsets[v + 1]) { RowVector.add(values + Int(edges[k]) * ldv, into: o, n) }
            }
        }
    }

    /// `into[e] += a.rows[a.index[e]] (+ b.rows[b.index[e]])` for `count` rows of width `n`.
    static func gatherAdd(count: Int, width n: Int, _ a: Gather, _ b: Gather?, into: UnsafeMutablePointer<Float>, ldi: Int) {
        ChunkedLoop.forEachRange(count: count, chunkSize: rowsPerChunk(n)) { _, range in
            for e in range {
                let o = into + e * ldi
                RowVector.add(a.rows + Int(a.index[e]) * a.ld, into: o, n)
                if let b { RowVector.add(b.rows + Int(b.index[e]) * b.ld, into: o, n) }
            }
        }
    }

    // MARK: element-wise

    /// `y[i] += x[i]` for rows of width `n` with leading dimensions `ldx`, `ldy`.
    static func addRows(rows: Int, width n: Int, x: UnsafePointer<Float>, ldx: Int, y: UnsafeMutablePointer<Float>, ldy: Int) {
        ChunkedLoop.forEachRange(count: rows, chunkSize: rowsPerChunk(n)) { _, range in
            for i in range { RowVector.add(x + i * ldx, into: y + i * ldy, n) }
        }
    }

    /// `out = x + y` element-wise over `count` elements.
    static func sum(count: Int, _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        ChunkedLoop.forEachRange(count: count, chunkSize: 16384) { _, range in
            for i in range { out[i] = x[i] + y[i] }
        }
    }

    /// Copies rows of width `n` between matrices with leading dimensions `ldx`, `ldy`.
    static func copyRows(rows: Int, width n: Int, x: UnsafePointer<Float>, ldx: Int, y: UnsafeMutablePointer<Float>, ldy: Int) {
        if ldx == n && ldy == n { y.update(from: x, count: rows * n); return }
        for i in 0 ..< rows { (y + i * ldy).update(from: x + i * ldx, count: n) }
    }

    /// `out[i][j] = (x[i][j] − mean[j]) / scale[j]` for a `rows × n` matrix.
    static func standardize(rows: Int, width n: Int, x: UnsafePointer<Float>, mean: UnsafePointer<Float>,
                            scale: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>) {
        ChunkedLoop.forEachRange(count: rows, chunkSize: rowsPerChunk(n)) { _, range in
            for i in range {
                for j in 0 ..< n { out[i * n + j] = (x[i * n + j] - mean[j]) / scale[j] }
            }
        }
    }
}
