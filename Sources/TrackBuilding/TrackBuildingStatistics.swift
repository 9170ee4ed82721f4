/// Counts that describe one track-building run.
public struct TrackBuildingStatistics: Codable, Equatable, Sendable {
    /// Edges above the score cut.
    public var keptEdges: Int
    /// Connected components with at least one kept edge.
    public var components: Int
    /// Components that were already simple chains (emitted as they are).
    public var chainComponents: Int
    /// Components with a junction or a cycle (resolved by the walkthrough).
    public var junctionComponents: Int
    /// Hits put back by the skipped-hit insertion.
    public var insertedHits: Int
    /// Tracks dropped by the pT cut (``TrackBuildingConfig/minPt``).
    public var droppedByPt: Int
    /// Tracks emitted (with at least ``TrackBuildingConfig/minHits`` hits, above the pT cut).
    public var tracks: Int
    /// Hits assigned to a track.
    public var assignedHits: Int

    public init() {
        keptEdges = 0; components = 0; chainComponents = 0; junctionComponents = 0
        insertedHits = 0; droppedByPt = 0; tracks = 0; assignedHits = 0
    }

    enum CodingKeys: String, CodingKey {
        case keptEdges = "kept_edges", components, chainComponents = "chain_components"
        case junctionComponents = "junction_components", insertedHits = "inserted_hits", droppedByPt = "dropped_by_pt", tracks
        case assignedHits = "assigned_hits"
    }
}
