import EdgeScoring
import HitGraph
import TrackBuilding

/// A trained GNN model as shipped in `Scoring/<detector>/`: the Interaction Network, the graph
/// features it was trained on, the rescoring and track-building settings chosen with it, and its
/// provenance.
public struct GNNModel: Sendable {
    /// The edge classifier.
    public var network: InteractionNetwork
    /// The graph construction settings (features) the network reads.
    public var graph: GraphConfig
    /// The track-building settings (score cut, minimum hits) chosen for this network.
    public var trackBuilding: TrackBuildingConfig
    /// How the chain scores a graph with this network (pruning and scoring again, leftover rounds).
    public var rescoring: RescoringConfig
    /// Free-form provenance (JSON text: training data, configuration, command, metrics); may be empty.
    public var provenance: String

    /// A model whose network reads exactly the features `graph` computes.
    ///
    /// - Throws: ``GNNChainError/incompatible(reason:)`` otherwise.
    public init(network: InteractionNetwork, graph: GraphConfig, trackBuilding: TrackBuildingConfig,
                rescoring: RescoringConfig = .scoreOnce, provenance: String = "") throws {
        let nodes = graph.nodeFeatures.map(\.rawValue), edges = graph.edgeFeatures.map(\.rawValue)
        guard network.config.nodeFeatures == nodes, network.config.edgeFeatures == edges else {
            throw GNNChainError.incompatible(reason: "the network reads node features \(network.config.nodeFeatures) and edge features "
                                             + "\(network.config.edgeFeatures), the graph computes \(nodes) and \(edges)")
        }
        self.network = network; self.graph = graph; self.trackBuilding = trackBuilding; self.rescoring = rescoring
        self.provenance = provenance
    }
}
