#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Weighted binary cross-entropy on edge logits:
/// `ℓ(z, y) = −w · [y · log σ(z) + (1 − y) · log(1 − σ(z))]` with `w = positiveWeight` for true edges
/// and 1 for false ones (times an optional per-edge weight), averaged over the edges (as torch's
/// `BCEWithLogitsLoss(pos_weight:)`).
public struct EdgeLoss: Codable, Equatable, Sendable {
    /// Weight of true edges relative to false ones (dimensionless, > 0; default 1). Graphs hold far
    /// more false than true edges; a weight > 1 trades purity for efficiency.
    public var positiveWeight: Float

    /// A loss with the given positive weight.
    ///
    /// - Throws: ``EdgeScoringError/invalidConfig(field:reason:)`` when the weight is not positive.
    public init(positiveWeight: Float = 1) throws {
        guard positiveWeight > 0, positiveWeight.isFinite else {
            throw EdgeScoringError.invalidConfig(field: "positive_weight", reason: "\(positiveWeight) must be positive")
        }
        self.positiveWeight = positiveWeight
    }

    enum CodingKeys: String, CodingKey { case positiveWeight = "positive_weight" }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(positiveWeight: c.decodeIfPresent(Float.self, forKey: .positiveWeight) ?? 1)
    }

    /// `Σ_e w_e ℓ(z_e, y_e)` (summed in double) over `count` edges; when `gradient` is given, writes
    /// `scale · w_e · (σ(z_e) − y_e)` (the derivative times `scale`) into it.
    func sum(count: Int, logits: UnsafePointer<Float>, labels: [Bool], weights: [Float]?, scale: Float,
             gradient: UnsafeMutablePointer<Float>?) -> Double {
        var total = 0.0
        for e in 0 ..< count {
            let z = logits[e], y: Float = labels[e] ? 1 : 0
            let w = (labels[e] ? positiveWeight : 1) * (weights?[e] ?? 1)
            // max(z, 0) − z·y + log(1 + e^{−|z|}): exact for any z, no overflow.
            total += Double(w) * (Double(max(z, 0) - z * y) + log1p(exp(-Double(abs(z)))))
            if let gradient {
                let s = 1 / (1 + expf(-z))
                gradient[e] = scale * w * (s - y)
            }
        }
        return total
    }
}
