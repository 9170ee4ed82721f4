/// Adam (Kingma & Ba 2015) with torch's bias correction and optional decoupled weight decay (AdamW,
/// Loshchilov & Hutter 2019). Element-wise and sequential: the same gradients give the same
/// parameters, bit for bit.
public struct AdamOptimizer: Sendable {
    /// First-moment decay (default 0.9).
    public let beta1: Float
    /// Second-moment decay (default 0.999).
    public let beta2: Float
    /// Denominator regulariser (default 1e-8).
    public let epsilon: Float
    /// Decoupled weight decay per unit learning rate (default 0).
    public let weightDecay: Float
    /// Steps taken so far.
    public private(set) var steps = 0
    private var m: [Float], v: [Float]

    /// An optimiser for `parameterCount` parameters with zero moments.
    public init(parameterCount: Int, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0) {
        self.beta1 = beta1; self.beta2 = beta2; self.epsilon = epsilon; self.weightDecay = weightDecay
        m = [Float](repeating: 0, count: parameterCount)
        v = [Float](repeating: 0, count: parameterCount)
    }

    /// One update of `parameters` along `gradient` with step size `learningRate`.
    ///
    /// - Precondition: both arrays have `parameterCount` elements.
    public mutating func step(parameters: inout [Float], gradient: [Float], learningRate: Float) {
        precondition(parameters.count == m.count && gradient.count == m.count, "Adam: wrong parameter count")
        steps += 1
        let t = Float(steps)
        let correction1 = 1 - pow(beta1, t), correction2Root = (1 - pow(beta2, t)).squareRoot()
        let stepSize = learningRate / correction1
        let (b1, b2, eps, decay) = (beta1, beta2, epsilon, weightDecay * learningRate)
        m.withUnsafeMutableBufferPointer { m in
            v.withUnsafeMutableBufferPointer { v in
                parameters.withUnsafeMutableBufferPointer { p in
                    gradient.withUnsafeBufferPointer { g in
                        for i in 0 ..< p.count {
                            m[i] = b1 * m[i] + (1 - b1) * g[i]
                            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
                            if decay != 0 { p[i] -= decay * p[i] }
                            p[i] -= stepSize * m[i] / (v[i].squareRoot() / correction2Root + eps)
                        }
                    }
                }
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
