/// Settings of ``TrackBuilder``. JSON keys are snake_case; every field has a default.
public struct TrackBuildingConfig: Codable, Equatable, Sendable {
    /// Edges with a score strictly above this are kept (dimensionless, in [0, 1]; default 0.5).
    public var scoreCut: Float
    /// Tracks with fewer hits are dropped (default 3).
    public var minHits: Int
    /// Whether a hit left out between two consecutive track hits `u → w` is put back as `u → v → w`
    /// when both `u → v` and `v → w` are kept edges (a graph edge that skips a layer outscored the
    /// two edges through the hit; default true).
    public var insertSkippedHits: Bool
    /// Tracks whose transverse momentum, estimated from the circle through the beam line and the
    /// track's middle and last hits, is below this (GeV) are dropped; nil keeps all (default nil).
    /// A graph learned for pT above some cut (the module map's `pt_min`) holds only the first,
    /// outgoing segment of softer particles, which then curl on through many more layers: such a
    /// segment has fewer than half its particle's hits and counts as a fake track.
    public var minPt: Float?
    /// The solenoid field in tesla used by the pT estimate (default 2, the TrackML detector).
    public var fieldBz: Float

    /// A validated configuration.
    ///
    /// - Throws: ``TrackBuildingError/invalidConfig(field:reason:)`` for a cut outside [0, 1] or
    ///   `minHits < 1`.
    public init(scoreCut: Float = 0.5, minHits: Int = 3, insertSkippedHits: Bool = true, minPt: Float? = nil,
                fieldBz: Float = 2) throws {
        guard (0 ... 1).contains(scoreCut) else { throw TrackBuildingError.invalidConfig(field: "score_cut", reason: "\(scoreCut) is not in [0, 1]") }
        guard minHits >= 1 else { throw TrackBuildingError.invalidConfig(field: "min_hits", reason: "\(minHits) must be at least 1") }
        if let p = minPt, !(p >= 0 && p.isFinite) {
            throw TrackBuildingError.invalidConfig(field: "min_pt", reason: "\(p) must be ≥ 0 GeV")
        }
        guard fieldBz > 0, fieldBz.isFinite else { throw TrackBuildingError.invalidConfig(field: "field_bz", reason: "\(fieldBz) must be > 0 T") }
        self.scoreCut = scoreCut; self.minHits = minHits; self.insertSkippedHits = insertSkippedHits
        self.minPt = minPt; self.fieldBz = fieldBz
    }

    enum CodingKeys: String, CodingKey {
        case scoreCut = "score_cut", minHits = "min_hits", insertSkippedHits = "insert_skipped_hits"
        case minPt = "min_pt", fieldBz = "field_bz"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(scoreCut: c.decodeIfPresent(Float.self, forKey: .scoreCut) ?? 0.5,
                      minHits: c.decodeIfPresent(Int.self, forKey: .minHits) ?? 3,
                      insertSkippedHits: c.decodeIfPresent(Bool.self, forKey: .insertSkippedHits) ?? true,
                      minPt: c.decodeIfPresent(Float.self, forKey: .minPt),
                      fieldBz: c.decodeIfPresent(Float.self, forKey: .fieldBz) ?? 2)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(scoreCut, forKey: .scoreCut)
        try c.encode(minHits, forKey: .minHits)
        try c.encode(insertSkippedHits, forKey: .insertSkippedHits)
        try c.encode(minPt, forKey: .minPt)
        try c.encode(fieldBz, forKey: .fieldBz)
    }
}
