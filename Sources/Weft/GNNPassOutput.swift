import EventData
import HitGraph
import TrackBuilding

/// What one pass of the GNN chain produced over the hits it was given (hit numbers are rows of
/// those hits).
struct GNNPassOutput {
    /// The pass's module-map graph and its counts.
    var built: GraphBuildResult
    /// The final score of every edge of that graph: the second scoring's for the edges kept by the
    /// prune cut, the first scoring's for the others.
    var scores: [Float]
    /// The tracks of the pass, its leftover rounds' after its own.
    var tracks: Tracks
    /// The counts of the pass's own track building.
    var building: TrackBuildingStatistics
    /// What the rescoring did, when the model asks for it.
    var rescoring: RescoringSummary?
}
