import EventData
import HitGraph
import TrackBuilding

/// What the GNN chain returns for one event: tracks, the first pass's scored graph, counts and
/// per-stage times.
public struct GNNChainResult: Sendable {
    /// Track candidates (hit rows), each hit in at most one track.
    public var tracks: Tracks
    /// Inner hit of every graph edge.
    public var source: [Int32]
    /// Outer hit of every graph edge.
    public var target: [Int32]
    /// Edge scores σ(logit) ∈ [0, 1], one per edge: with a prune cut (``RescoringConfig``), the
    /// second scoring's for the edges it kept and the first's for the others.
    public var scores: [Float]
    /// Graph-construction counts.
    public var graph: GraphStatistics
    /// Track-building counts.
    public var building: TrackBuildingStatistics
    /// What the first pass's rescoring did, when its model asks for it.
    public var rescoring: RescoringSummary?
    /// The score cut used by the first pass's track building.
    public var scoreCut: Float
    /// The low-pT pass's counts, when it ran. (``source``, ``target``, ``scores``, ``graph`` and
    /// ``building`` are the first pass's; ``tracks`` holds both passes' tracks after merging those that
    /// continue each other, in the order of their first hit's row.)
    public var lowPtPass: GNNPassSummary?
    /// Wall times of `graph construction`, `edge scoring`, `track building` and (with leftover
    /// rounds) `leftover rounds`, then, with the low-pT pass, `hit selection pass 2`, the pass's stages
    /// with `pass 2` appended, and `merge and end refinement`.
    public var timings: [StageTiming]
}
