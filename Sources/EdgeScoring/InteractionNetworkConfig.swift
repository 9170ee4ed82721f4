/// The architecture of an Interaction Network edge classifier (Battaglia et al. 2016, as used by the
/// Exa.TrkX and GNN4ITk pipelines).
///
/// - node encoder: MLP `nodeFeatures.count → hidden`; edge encoder: MLP `edgeFeatures.count → hidden`;
/// - `steps` message-passing steps, each a node update `x ← x + φₙ([x, Σ_in e, Σ_out e])` followed by
///   an edge update `e ← e + φₑ([e, x_src, x_dst])` (sums over a node's incoming and outgoing edges);
/// - edge classifier: MLP `[e, x_src, x_dst] → 1` logit.
///
/// Every MLP layer is `Linear → LayerNorm → ReLU` (also the last one of the encoders and update
/// networks, as in Exa.TrkX), except the classifier's last layer, which is a plain linear map to the
/// logit. JSON keys are snake_case; every field but the feature names has a default.
public struct InteractionNetworkConfig: Codable, Equatable, Sendable {
    /// Names of the node-feature columns the network reads, in order (``HitGraph/EventGraph``).
    public var nodeFeatures: [String]
    /// Names of the edge-feature columns the network reads, in order.
    public var edgeFeatures: [String]
    /// Width of every latent vector and hidden layer (default 32).
    public var hidden: Int
    /// Linear layers per encoder and per update network (default 2).
    public var mlpLayers: Int
    /// Linear layers of the edge classifier, the last one producing the logit (default 3).
    public var classifierLayers: Int
    /// Message-passing steps (default 6).
    public var steps: Int
    /// Whether all steps share one node and one edge update network (recurrent) instead of each step
    /// having its own (default false).
    public var sharedStepWeights: Bool
    /// Whether hidden layers are layer-normalised (default true).
    public var layerNorm: Bool
    /// Variance regulariser of layer normalisation, dimensionless (default 1e-5, as torch).
    public var normEpsilon: Float

    /// A validated configuration.
    ///
    /// - Throws: ``EdgeScoringError/invalidConfig(field:reason:)`` for empty feature lists, widths or
    ///   depths below 1, more than 64 steps, or a non-positive epsilon.
    public init(nodeFeatures: [String], edgeFeatures: [String], hidden: Int = 32, mlpLayers: Int = 2,
                classifierLayers: Int = 3, steps: Int = 6, sharedStepWeights: Bool = false,
                layerNorm: Bool = true, normEpsilon: Float = 1e-5) throws {
        func bad(_ field: String, _ reason: String) -> EdgeScoringError { .invalidConfig(field: field, reason: reason) }
        guard !nodeFeatures.isEmpty else { throw bad("node_features", "at least one node feature is needed") }
        guard !edgeFeatures.isEmpty else { throw bad("edge_features", "at least one edge feature is needed") }
        guard (1 ... 4096).contains(hidden) else { throw bad("hidden", "\(hidden) is not in 1…4096") }
        guard (1 ... 16).contains(mlpLayers) else { throw bad("mlp_layers", "\(mlpLayers) is not in 1…16") }
        guard (1 ... 16).contains(classifierLayers) else { throw bad("classifier_layers", "\(classifierLayers) is not in 1…16") }
        guard (0 ... 64).contains(steps) else { throw bad("steps", "\(steps) is not in 0…64") }
        guard normEpsilon > 0, normEpsilon.isFinite else { throw bad("norm_epsilon", "\(normEpsilon) must be positive") }
        self.nodeFeatures = nodeFeatures; self.edgeFeatures = edgeFeatures
        self.hidden = hidden; self.mlpLayers = mlpLayers; self.classifierLayers = classifierLayers
        self.steps = steps; self.sharedStepWeights = sharedStepWeights
        self.layerNorm = layerNorm; self.normEpsilon = normEpsilon
    }

    enum CodingKeys: String, CodingKey {
        case nodeFeatures = "node_features", edgeFeatures = "edge_features", hidden
        case mlpLayers = "mlp_layers", classifierLayers = "classifier_layers", steps
        case sharedStepWeights = "shared_step_weights", layerNorm = "layer_norm", normEpsilon = "norm_epsilon"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(nodeFeatures: c.decode([String].self, forKey: .nodeFeatures),
                      edgeFeatures: c.decode([String].self, forKey: .edgeFeatures),
                      hidden: c.decodeIfPresent(Int.self, forKey: .hidden) ?? 32,
                      mlpLayers: c.decodeIfPresent(Int.self, forKey: .mlpLayers) ?? 2,
                      classifierLayers: c.decodeIfPresent(Int.self, forKey: .classifierLayers) ?? 3,
                      steps: c.decodeIfPresent(Int.self, forKey: .steps) ?? 6,
                      sharedStepWeights: c.decodeIfPresent(Bool.self, forKey: .sharedStepWeights) ?? false,
                      layerNorm: c.decodeIfPresent(Bool.self, forKey: .layerNorm) ?? true,
                      normEpsilon: c.decodeIfPresent(Float.self, forKey: .normEpsilon) ?? 1e-5)
    }

    /// Multiply-adds per edge and per node of one forward pass, for cost estimates.
    ///
    /// The edge networks' first layer costs `hidden²` per edge (the node blocks are projected once per
    /// node and gathered), so an edge costs about `(steps · mlpLayers + mlpLayers + classifierLayers) · hidden²`.
    public var multiplyAddsPerEdge: Int {
        let h = hidden
        let encoder = edgeFeatures.count * h + (mlpLayers - 1) * h * h
        let update = mlpLayers * h * h
        let classifier = classifierLayers == 1 ? h : h * h + max(0, classifierLayers - 2) * h * h + h
        return encoder + steps * update + classifier
    }
}
