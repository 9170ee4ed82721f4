import EdgeScoring
import HitGraph
import TrackBuilding

/// The reusable working memory of one thread running a ``GNNChain``: graph construction arrays, the
/// network workspace and track-building arrays. Reusing it across events avoids re-allocating
/// hundreds of megabytes per event. Not thread-safe; one per thread.
public final class GNNChainScratch {
    let graph = GraphBuilderScratch()
    let network = InteractionNetworkWorkspace()
    let building = TrackBuildingScratch()

    public init() {}

    /// Bytes held by the network workspace (the largest part).
    public var networkBytes: Int { network.bytesHeld }
}
