import EventData
import HitGraph
import TrackBuilding

/// What the GNN chain returns for one event: tracks, the scored graph, counts and per-stage times.
public struct GNNChainResult: Sendable {
    /// Track candidates (hit rows), each hit in at most one track.
    public var tracks: Tracks
    /// Inner hit of every graph edge.
    public var source: [Int32]
    /// Outer hit of every graph edge.
    public var target: [Int32]
    /// Edge scores σ(logit) ∈ [0, 1], one per edge.
    public var scores: [Float]
    /// Graph-construction counts.
    public var graph: GraphStatistics
    /// Track-building counts.
    public var building: TrackBuildingStatistics
    /// The score cut used by track building.
    public var scoreCut: Float
    /// Wall times of `graph construction`, `edge scoring` and `track building`.
    public var timings: [StageTiming]
}
