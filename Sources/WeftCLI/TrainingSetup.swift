import EdgeScoring
import HitGraph
import TrackBuilding
import Weft

/// The JSON file of `weft train --config`: network architecture, graph features, optimiser and
/// track-building and rescoring settings. Every field is optional (snake_case keys); command-line options override it.
///
/// ```json
/// {"hidden": 32, "steps": 6, "sectors": 8,
///  "training": {"epochs": 10, "learning_rate": 0.002, "loss": {"positive_weight": 2}},
///  "graph": {"node_features": ["r", "z", "eta"]}, "track_building": {"score_cut": 0.5},
///  "rescoring": {"prune_cut": 0.05}}
/// ```
struct TrainingSetup: Codable {
    /// Latent width (default 32).
    var hidden = 32
    /// Linear layers per encoder and update network (default 2).
    var mlpLayers = 2
    /// Linear layers of the classifier (default 3).
    var classifierLayers = 3
    /// Message-passing steps (default 6).
    var steps = 6
    /// Whether the steps share their update networks (default false).
    var sharedStepWeights = false
    /// Whether hidden layers are layer-normalised (default true).
    var layerNorm = true
    /// Seed of the parameter initialisation (default 1).
    var networkSeed: UInt64 = 1
    /// φ sectors each training event is split into (default 8).
    var sectors = 8
    /// True edges of particles below this pT (GeV) are weighted by ``lowPtWeight`` in the loss (default 0.5).
    var signalPt: Float = 0.5
    /// Loss weight of those edges (default 0.2, the TrackML score's weight of hits below 0.5 GeV).
    var lowPtWeight: Float = 0.2
    /// True edges of particles at or above this pT (GeV) are weighted by ``highPtWeight`` (default 0: off).
    var highPt: Float = 0
    /// Loss weight of those edges (default 1).
    var highPtWeight: Float = 1
    /// The graph features.
    var graph: GraphConfig
    /// The optimiser, loss and stopping settings.
    var training: TrainingConfig
    /// The track-building settings stored with the model.
    var trackBuilding: TrackBuildingConfig
    /// The rescoring settings stored with the model (default: score once).
    var rescoring = RescoringConfig.scoreOnce

    init() throws {
        graph = try GraphConfig(); training = try TrainingConfig(); trackBuilding = try TrackBuildingConfig()
    }

    enum CodingKeys: String, CodingKey {
        case hidden, mlpLayers = "mlp_layers", classifierLayers = "classifier_layers", steps
        case sharedStepWeights = "shared_step_weights", layerNorm = "layer_norm", networkSeed = "network_seed"
        case sectors, signalPt = "signal_pt", lowPtWeight = "low_pt_weight"
        case highPt = "high_pt", highPtWeight = "high_pt_weight", graph, training, trackBuilding = "track_building", rescoring
    }

    init(from decoder: Decoder) throws {
        try self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        hidden = try c.decodeIfPresent(Int.self, forKey: .hidden) ?? hidden
        mlpLayers = try c.decodeIfPresent(Int.self, forKey: .mlpLayers) ?? mlpLayers
        classifierLayers = try c.decodeIfPresent(Int.self, forKey: .classifierLayers) ?? classifierLayers
        steps = try c.decodeIfPresent(Int.self, forKey: .steps) ?? steps
        sharedStepWeights = try c.decodeIfPresent(Bool.self, forKey: .sharedStepWeights) ?? sharedStepWeights
        layerNorm = try c.decodeIfPresent(Bool.self, forKey: .layerNorm) ?? layerNorm
        networkSeed = try c.decodeIfPresent(UInt64.self, forKey: .networkSeed) ?? networkSeed
        sectors = try c.decodeIfPresent(Int.self, forKey: .sectors) ?? sectors
        signalPt = try c.decodeIfPresent(Float.self, forKey: .signalPt) ?? signalPt
        lowPtWeight = try c.decodeIfPresent(Float.self, forKey: .lowPtWeight) ?? lowPtWeight
        highPt = try c.decodeIfPresent(Float.self, forKey: .highPt) ?? highPt
        highPtWeight = try c.decodeIfPresent(Float.self, forKey: .highPtWeight) ?? highPtWeight
        for (key, value) in [(CodingKeys.signalPt, signalPt), (.highPt, highPt)] where !(value >= 0 && value.isFinite) {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "\(value) must be a pT ≥ 0 GeV")
        }
        for (key, value) in [(CodingKeys.lowPtWeight, lowPtWeight), (.highPtWeight, highPtWeight)] where !(value > 0 && value.isFinite) {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "\(value) must be a loss weight > 0")
        }
        graph = try c.decodeIfPresent(GraphConfig.self, forKey: .graph) ?? graph
        training = try c.decodeIfPresent(TrainingConfig.self, forKey: .training) ?? training
        trackBuilding = try c.decodeIfPresent(TrackBuildingConfig.self, forKey: .trackBuilding) ?? trackBuilding
        rescoring = try c.decodeIfPresent(RescoringConfig.self, forKey: .rescoring) ?? rescoring
    }

    /// The network configuration for the graph features.
    func networkConfig() throws -> InteractionNetworkConfig {
        try InteractionNetworkConfig(nodeFeatures: graph.nodeFeatures.map(\.rawValue), edgeFeatures: graph.edgeFeatures.map(\.rawValue),
                                     hidden: hidden, mlpLayers: mlpLayers, classifierLayers: classifierLayers, steps: steps,
                                     sharedStepWeights: sharedStepWeights, layerNorm: layerNorm)
    }
}
