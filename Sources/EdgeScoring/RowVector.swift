/// Short-vector helpers for the row-wise kernels: 8 floats per step (one AVX register) plus a
/// scalar tail.
///
/// Reductions keep 8 partial sums and combine them in a fixed order, so results do not depend on
/// the data's alignment or the thread count. (A plain scalar loop cannot be vectorised by the
/// compiler, which may not reassociate float additions; its 4-cycle add latency per element made
/// the layer-norm tails the bottleneck of the forward pass.)
enum RowVector {
    typealias V = SIMD8<Float>

    @inline(__always) static func load(_ p: UnsafePointer<Float>) -> V {
        UnsafeRawPointer(p).loadUnaligned(as: V.self)
    }

    @inline(__always) static func store(_ v: V, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self)
    }

    /// `y[j] += x[j]`, j < n.
    @inline(__always) static func add(_ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, _ n: Int) {
        var j = 0
        while j + 8 <= n { store(load(y + j) + load(x + j), y + j); j += 8 }
        while j < n { y[j] += x[j]; j += 1 }
    }

    /// `Σ x[j]`.
    @inline(__always) static func sum(_ x: UnsafePointer<Float>, _ n: Int) -> Float {
        var acc = V.zero, j = 0
        while j + 8 <= n { acc += load(x + j); j += 8 }
        var s = acc.sum()
        while j < n { s += x[j]; j += 1 }
        return s
    }

    /// `Σ (x[j] − c)²`.
    @inline(__always) static func centredSquares(_ x: UnsafePointer<Float>, _ c: Float, _ n: Int) -> Float {
        var acc = V.zero, j = 0
        let cv = V(repeating: c)
        while j + 8 <= n { let d = load(x + j) - cv; acc += d * d; j += 8 }
        var s = acc.sum()
        while j < n { let d = x[j] - c; s += d * d; j += 1 }
        return s
    }

    /// `Σ x[j]·y[j]`.
    @inline(__always) static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ n: Int) -> Float {
        var acc = V.zero, j = 0
        while j + 8 <= n { acc += load(x + j) * load(y + j); j += 8 }
        var s = acc.sum()
        while j < n { s += x[j] * y[j]; j += 1 }
        return s
    }
}
