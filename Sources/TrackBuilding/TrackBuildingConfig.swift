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

    /// A validated configuration.
    ///
    /// - Throws: ``TrackBuildingError/invalidConfig(field:reason:)`` for a cut outside [0, 1] or
    ///   `minHits < 1`.
    public init(scoreCut: Float = 0.5, minHits: Int = 3, insertSkippedHits: Bool = true) throws {
        guard (0 ... 1).contains(scoreCut) else { throw TrackBuildingError.invalidConfig(field: "score_cut", reason: "\(scoreCut) is not in [0, 1]") }
        guard minHits >= 1 else { throw TrackBuildingError.invalidConfig(field: "min_hits", reason: "\(minHits) must be at least 1") }
        self.scoreCut = scoreCut; self.minHits = minHits; self.insertSkippedHits = insertSkippedHits
    }

    enum CodingKeys: String, CodingKey {
        case scoreCut = "score_cut", minHits = "min_hits", insertSkippedHits = "insert_skipped_hits"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(scoreCut: c.decodeIfPresent(Float.self, forKey: .scoreCut) ?? 0.5,
                      minHits: c.decodeIfPresent(Int.self, forKey: .minHits) ?? 3,
                      insertSkippedHits: c.decodeIfPresent(Bool.self, forKey: .insertSkippedHits) ?? true)
    }
}
