import HitGraph
import TrackBuilding

/// What a later pass of the GNN chain did: how many hits it saw and the counts of its graph and
/// track building. (The first pass's are the chain result's own fields.)
public struct GNNPassSummary: Codable, Sendable, Equatable {
    /// Hits left by the earlier pass, over which this pass built its graph.
    public var hits: Int
    /// Graph-construction counts.
    public var graph: GraphStatistics
    /// Track-building counts of this pass's own graph.
    public var building: TrackBuildingStatistics
    /// What this pass's rescoring did, when its model asks for it.
    public var rescoring: RescoringSummary?
    /// Merges between tracks of all passes once this pass's tracks are added (``TrackBuilding/TrackBuilder/merge(_:hits:scratch:)``).
    public var mergesAcrossPasses: Int
    /// First hits dropped by the end refinement of all passes' tracks (``TrackBuilding/TrackBuildingConfig/endDropResidual``).
    public var endHitsDropped: Int
    /// Hits added beyond track ends by that refinement (``TrackBuilding/TrackBuildingConfig/endMaxTransverseResidual``).
    public var endHitsAdded: Int

    enum CodingKeys: String, CodingKey {
        case hits, graph, building, rescoring, mergesAcrossPasses = "merges_across_passes"
        case endHitsDropped = "end_hits_dropped", endHitsAdded = "end_hits_added"
    }
}
