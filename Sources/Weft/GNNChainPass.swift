import Detector
import EdgeScoring
import HitGraph
import TrackBuilding

/// One pass of the GNN chain: a module-map graph over the hits it is given, the edge scores of its
/// model (rescored as its ``RescoringConfig`` says), and the tracks built from them.
///
/// The chain's first pass sees every hit with the map learned above ≈ 0.5 GeV; the low-pT pass sees
/// the hits the first pass left, with a map learned down to ≈ 0.2 GeV and a model trained on exactly
/// those leftover graphs.
public struct GNNChainPass: Sendable {
    /// The model (network, graph features, track-building settings).
    public let model: GNNModel
    /// The graph builder (detector, module map, features).
    public let graphBuilder: GraphBuilder
    /// The track builder (effective settings).
    public let trackBuilder: TrackBuilder
    /// How the pass scores its graph (effective settings).
    public let rescoring: RescoringConfig

    /// A pass from loaded parts; `building` and `rescoring` replace the model's settings when set.
    ///
    /// - Throws: ``HitGraph/HitGraphError/detectorMismatch(mapDetector:detector:)`` when the map
    ///   belongs to another detector.
    public init(detector: Detector, moduleMap: ModuleMap, model: GNNModel, building: TrackBuildingConfig? = nil,
                rescoring: RescoringConfig? = nil) throws {
        self.model = model
        graphBuilder = try GraphBuilder(detector: detector, moduleMap: moduleMap, config: model.graph)
        trackBuilder = TrackBuilder(config: building ?? model.trackBuilding)
        self.rescoring = rescoring ?? model.rescoring
    }

    /// The pass as the chain runs it when more follows — a later pass, then the merge and end
    /// refinement of all passes' tracks (``GNNChain/finishing``): without its own end refinement,
    /// which would take, at its tracks' ends, hits of the soft particles the later pass follows
    /// (measured: the chain's score then gains nothing). Training a later pass's model uses the
    /// first pass made this way, so that it sees the hits the chain leaves it.
    public static func followed(detector: Detector, moduleMap: ModuleMap, model: GNNModel, building: TrackBuildingConfig? = nil,
                                rescoring: RescoringConfig? = nil) throws -> GNNChainPass {
        try GNNChainPass(detector: detector, moduleMap: moduleMap, model: model,
                         building: (building ?? model.trackBuilding).withoutEndRefinement, rescoring: rescoring)
    }
}
