/// Counts that describe one graph construction.
public struct GraphStatistics: Codable, Equatable, Sendable {
    /// Nodes (hits).
    public var nodes: Int
    /// Edges built (after the triplet filter).
    public var edges: Int
    /// Doublet edges before the triplet filter (equal to ``edges`` without it).
    public var doublets: Int
    /// Module pairs of the map with hits on both modules.
    public var activePairs: Int
    /// Hit pairs inside a Δφ window (tested against the other windows).
    public var candidates: Int

    public init(nodes: Int = 0, edges: Int = 0, doublets: Int = 0, activePairs: Int = 0, candidates: Int = 0) {
        self.nodes = nodes; self.edges = edges; self.doublets = doublets; self.activePairs = activePairs; self.candidates = candidates
    }

    enum CodingKeys: String, CodingKey { case nodes, edges, doublets, activePairs = "active_pairs", candidates }
}
