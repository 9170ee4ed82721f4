/// What one reconstruction call returns: the track candidates and where the time went.
public struct ReconstructionResult: Sendable {
    /// Track candidates, as rows of the input ``Hits``, each hit in at most one track.
    public var tracks: Tracks
    /// Per-stage wall times, in execution order.
    public var stages: [StageTiming]
    /// The CKF chain's complete result (seed and candidate counts, holes, …) when the method is `ckf`.
    public var ckf: CKFChainResult?
    /// The GNN chain's complete result (scored graph, statistics) when the method is `gnn`.
    public var gnn: GNNChainResult?

    public init(tracks: Tracks, stages: [StageTiming], ckf: CKFChainResult? = nil, gnn: GNNChainResult? = nil) {
        self.tracks = tracks
        self.stages = stages
        self.ckf = ckf
        self.gnn = gnn
    }

    /// The sum of the stage times in seconds.
    public var totalSeconds: Double { stages.reduce(0) { $0 + $1.seconds } }
}
