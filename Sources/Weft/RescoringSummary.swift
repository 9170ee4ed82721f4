/// What a pass's rescoring did (``RescoringConfig``).
public struct RescoringSummary: Codable, Sendable, Equatable {
    /// Edges of the pass's graph at or above the prune cut, scored again (the whole graph without a cut).
    public var keptEdges: Int
    /// Edges scored in each leftover round (the kept edges between hits no track holds yet).
    public var leftoverEdges: [Int]
    /// Tracks each leftover round built.
    public var leftoverTracks: [Int]

    public init(keptEdges: Int, leftoverEdges: [Int] = [], leftoverTracks: [Int] = []) {
        self.keptEdges = keptEdges; self.leftoverEdges = leftoverEdges; self.leftoverTracks = leftoverTracks
    }

    enum CodingKeys: String, CodingKey {
        case keptEdges = "kept_edges", leftoverEdges = "leftover_edges", leftoverTracks = "leftover_tracks"
    }
}
