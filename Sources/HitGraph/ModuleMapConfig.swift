/// How ``ModuleMapBuilder`` learns a module map from truth. JSON keys are snake_case; every field
/// has a default.
public struct ModuleMapConfig: Codable, Equatable, Sendable {
    /// Particles below this production pT (GeV) are not learned from (default 0.5, the lower
    /// efficiency threshold of the graph targets; the margins cover the spread just below it).
    public var ptMin: Double
    /// Particles produced farther than this from the beam line (mm) are not learned from; nil learns
    /// from all (default 10: primaries; the few secondaries above the pT cut would each widen a whole
    /// ring pair's z0 window).
    public var maxVertexRadius: Double?
    /// Pairs seen fewer times than this are dropped (default 1).
    public var minCount: Int
    /// Which doublets each pair's windows come from (default ``WindowPooling/ringPair``).
    public var pooling: WindowPooling
    /// Whether module pairs never seen in truth are added when they are rotated copies of seen ones:
    /// for two rings (see ``WindowPooling/ringPair``), every pair whose azimuthal offset between
    /// module centres lies inside the range of offsets of the seen pairs of those rings (default true).
    /// The detector and the physics are φ-symmetric, so such a pair is crossed by particles as often
    /// as the seen ones; only a finite sample left it out.
    public var completePairs: Bool
    /// Whether ring-triplet windows are learned too, for the graph's triplet filter (default true).
    public var learnTriplets: Bool
    /// Triplet windows grow on both sides by these amounts too: Δ(φ-slope) (rad/mm), Δθ (rad)
    /// (default [2e-5, 0.005]).
    public var tripletAbsoluteMargin: [Float]
    /// Each window grows on both sides by this fraction of its width (default 0).
    public var relativeMargin: Float
    /// Each window also grows on both sides by this many times its width over (count + 1), the
    /// expected gap between the extreme sample and the true edge for a pair seen `count` times
    /// (default 1): sparsely populated pairs get wider margins.
    public var countMargin: Float
    /// Each window also grows on both sides by these amounts: Δφ (rad), z0 (mm), φ-slope (rad/mm), Δη
    /// (default [0.002, 5, 2e-5, 0.005]), which covers pairs seen only a few times.
    public var absoluteMargin: [Float]

    /// A validated configuration.
    ///
    /// - Throws: ``HitGraphError/invalidConfig(field:reason:)`` for a negative pT or margin, a
    ///   non-positive vertex radius, `minCount < 1` or an absolute margin without four entries.
    public init(ptMin: Double = 0.5, maxVertexRadius: Double? = 10, minCount: Int = 1, pooling: WindowPooling = .ringPair,
                completePairs: Bool = true,
                relativeMargin: Float = 0,
                countMargin: Float = 1, absoluteMargin: [Float] = [0.002, 5, 2e-5, 0.005], learnTriplets: Bool = true,
                tripletAbsoluteMargin: [Float] = [2e-5, 0.005]) throws {
        func bad(_ f: String, _ r: String) -> HitGraphError { .invalidConfig(field: f, reason: r) }
        guard ptMin >= 0, ptMin.isFinite else { throw bad("pt_min", "\(ptMin) must be ≥ 0 GeV") }
        if let r = maxVertexRadius, !(r > 0) { throw bad("max_vertex_radius", "\(r) must be > 0 mm") }
        guard minCount >= 1 else { throw bad("min_count", "\(minCount) must be ≥ 1") }
        guard relativeMargin >= 0, relativeMargin.isFinite else { throw bad("relative_margin", "\(relativeMargin) must be ≥ 0") }
        guard countMargin >= 0, countMargin.isFinite else { throw bad("count_margin", "\(countMargin) must be ≥ 0") }
        guard absoluteMargin.count == 4, absoluteMargin.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw bad("absolute_margin", "needs four non-negative numbers (Δφ, z0, φ-slope, Δη)")
        }
        guard tripletAbsoluteMargin.count == 2, tripletAbsoluteMargin.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw bad("triplet_absolute_margin", "needs two non-negative numbers (Δ φ-slope, Δθ)")
        }
        self.ptMin = ptMin; self.maxVertexRadius = maxVertexRadius; self.minCount = minCount; self.pooling = pooling
        self.completePairs = completePairs
        self.relativeMargin = relativeMargin; self.countMargin = countMargin; self.absoluteMargin = absoluteMargin
        self.learnTriplets = learnTriplets; self.tripletAbsoluteMargin = tripletAbsoluteMargin
    }

    enum CodingKeys: String, CodingKey {
        case ptMin = "pt_min", maxVertexRadius = "max_vertex_radius", minCount = "min_count", pooling
        case completePairs = "complete_pairs"
        case relativeMargin = "relative_margin", countMargin = "count_margin", absoluteMargin = "absolute_margin"
        case learnTriplets = "learn_triplets", tripletAbsoluteMargin = "triplet_absolute_margin"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = try ModuleMapConfig()
        try self.init(ptMin: c.decodeIfPresent(Double.self, forKey: .ptMin) ?? d.ptMin,
                      maxVertexRadius: c.contains(.maxVertexRadius) ? c.decodeIfPresent(Double.self, forKey: .maxVertexRadius) : d.maxVertexRadius,
                      minCount: c.decodeIfPresent(Int.self, forKey: .minCount) ?? d.minCount,
                      pooling: c.decodeIfPresent(WindowPooling.self, forKey: .pooling) ?? d.pooling,
                      completePairs: c.decodeIfPresent(Bool.self, forKey: .completePairs) ?? d.completePairs,
                      relativeMargin: c.decodeIfPresent(Float.self, forKey: .relativeMargin) ?? d.relativeMargin,
                      countMargin: c.decodeIfPresent(Float.self, forKey: .countMargin) ?? d.countMargin,
                      absoluteMargin: c.decodeIfPresent([Float].self, forKey: .absoluteMargin) ?? d.absoluteMargin,
                      learnTriplets: c.decodeIfPresent(Bool.self, forKey: .learnTriplets) ?? d.learnTriplets,
                      tripletAbsoluteMargin: c.decodeIfPresent([Float].self, forKey: .tripletAbsoluteMargin) ?? d.tripletAbsoluteMargin)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ptMin, forKey: .ptMin)
        // nil (no vertex cut) is written as null, which decodes back to nil, not to the default.
        try c.encode(maxVertexRadius, forKey: .maxVertexRadius)
        try c.encode(minCount, forKey: .minCount)
        try c.encode(pooling, forKey: .pooling)
        try c.encode(completePairs, forKey: .completePairs)
        try c.encode(relativeMargin, forKey: .relativeMargin)
        try c.encode(countMargin, forKey: .countMargin)
        try c.encode(absoluteMargin, forKey: .absoluteMargin)
        try c.encode(learnTriplets, forKey: .learnTriplets)
        try c.encode(tripletAbsoluteMargin, forKey: .tripletAbsoluteMargin)
    }
}
