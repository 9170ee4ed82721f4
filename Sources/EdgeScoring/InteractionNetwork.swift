import HitGraph

/// An Interaction Network edge classifier: its configuration, its parameters (one flat `Float`
/// vector, named tensors over it) and its input standardisation.
///
/// Immutable and `Sendable`: one network serves any number of threads, each with its own
/// ``InteractionNetworkWorkspace``. See ``InteractionNetworkConfig`` for the architecture.
public struct InteractionNetwork: Sendable {
    /// The architecture.
    public let config: InteractionNetworkConfig
    /// Every trainable parameter, in the order of ``tensors``.
    public internal(set) var parameters: [Float]
    /// The input standardisation applied before the encoders.
    public internal(set) var normalization: InputNormalization
    let layout: NetworkLayout

    /// The named tensors that make up ``parameters``, in layout order.
    public var tensors: [ParameterTensor] { layout.tensors }
    /// The number of trainable parameters.
    public var parameterCount: Int { layout.parameterCount }

    /// A freshly initialised network: weights and biases uniform in ±1/√fan-in (torch's `nn.Linear`
    /// default), layer-norm scales 1 and shifts 0, identity input standardisation.
    ///
    /// - Parameter seed: the same seed gives the same parameters, bit for bit.
    public init(config: InteractionNetworkConfig, seed: UInt64) {
        self.config = config
        layout = NetworkLayout(config)
        var rng = SeededGenerator(seed: seed)
        var p = [Float](repeating: 0, count: layout.parameterCount)
        let layers = layout.nodeEncoder + layout.edgeEncoder + layout.nodeNetworks.joined()
            + layout.edgeNetworks.joined() + layout.classifier
        for layer in layers.sorted(by: { $0.weight < $1.weight }) {
            let bound = 1 / Float(layer.inputs).squareRoot()
            for i in 0 ..< layer.inputs * layer.outputs { p[layer.weight + i] = rng.uniform(-bound, bound) }
            for i in 0 ..< layer.outputs { p[layer.bias + i] = rng.uniform(-bound, bound) }
            if let norm = layer.norm { for i in 0 ..< layer.outputs { p[norm.scale + i] = 1; p[norm.shift + i] = 0 } }
        }
        parameters = p
        normalization = InputNormalization(nodeColumns: config.nodeFeatures.count, edgeColumns: config.edgeFeatures.count)
    }

    /// A network from stored tensors: every tensor of the configuration by name, with its shape.
    ///
    /// - Parameters:
    ///   - tensors: name → (shape, values); the names of ``tensors`` plus the four standardisation
    ///     arrays `normalization/{node,edge}_{mean,scale}`.
    /// - Throws: ``EdgeScoringError/missingTensor(name:)``, ``EdgeScoringError/shapeMismatch(name:expected:found:)``,
    ///   ``EdgeScoringError/unexpectedTensor(name:)`` or ``EdgeScoringError/nonFiniteParameter(name:index:)``.
    public init(config: InteractionNetworkConfig, tensors stored: [String: (shape: [Int], values: [Float])]) throws {
        self.config = config
        layout = NetworkLayout(config)
        var p = [Float](repeating: 0, count: layout.parameterCount)
        func fetch(_ name: String, _ shape: [Int]) throws -> [Float] {
            guard let t = stored[name] else { throw EdgeScoringError.missingTensor(name: name) }
            guard t.shape == shape, t.values.count == shape.reduce(1, *) else {
                throw EdgeScoringError.shapeMismatch(name: name, expected: shape, found: t.shape)
            }
            if let bad = t.values.firstIndex(where: { !$0.isFinite }) {
                throw EdgeScoringError.nonFiniteParameter(name: name, index: bad)
            }
            return t.values
        }
        for t in layout.tensors { p.replaceSubrange(t.range, with: try fetch(t.name, t.shape)) }
        let n = config.nodeFeatures.count, e = config.edgeFeatures.count
        let names = Self.normalizationNames
        normalization = InputNormalization(nodeMean: try fetch(names[0], [n]), nodeScale: try fetch(names[1], [n]),
                                           edgeMean: try fetch(names[2], [e]), edgeScale: try fetch(names[3], [e]))
        for (name, scale) in [(names[1], normalization.nodeScale), (names[3], normalization.edgeScale)] {
            if let bad = scale.firstIndex(where: { !($0 > 0) }) { throw EdgeScoringError.nonFiniteParameter(name: name, index: bad) }
        }
        let known = Set(layout.tensors.map(\.name) + names)
        if let extra = stored.keys.sorted().first(where: { !known.contains($0) }) {
            throw EdgeScoringError.unexpectedTensor(name: extra)
        }
        parameters = p
    }

    /// Names of the stored standardisation arrays: node mean, node scale, edge mean, edge scale.
    public static let normalizationNames = ["normalization/node_mean", "normalization/node_scale",
                                            "normalization/edge_mean", "normalization/edge_scale"]

    /// Every tensor to store (parameters and standardisation) as name → (shape, values).
    public var storedTensors: [String: (shape: [Int], values: [Float])] {
        var out: [String: (shape: [Int], values: [Float])] = [:]
        for t in layout.tensors { out[t.name] = (t.shape, Array(parameters[t.range])) }
        let names = Self.normalizationNames
        let n = config.nodeFeatures.count, e = config.edgeFeatures.count
        out[names[0]] = ([n], normalization.nodeMean); out[names[1]] = ([n], normalization.nodeScale)
        out[names[2]] = ([e], normalization.edgeMean); out[names[3]] = ([e], normalization.edgeScale)
        return out
    }

    /// Replaces the input standardisation.
    ///
    /// - Precondition: the arrays have one entry per feature and every scale is positive.
    public mutating func setNormalization(_ value: InputNormalization) {
        precondition(value.nodeMean.count == config.nodeFeatures.count && value.nodeScale.count == config.nodeFeatures.count
                     && value.edgeMean.count == config.edgeFeatures.count && value.edgeScale.count == config.edgeFeatures.count
                     && (value.nodeScale + value.edgeScale).allSatisfy { $0 > 0 }, "normalization does not fit the network")
        normalization = value
    }

    /// Replaces the parameters (same layout).
    ///
    /// - Precondition: `values.count == parameterCount`.
    public mutating func setParameters(_ values: [Float]) {
        precondition(values.count == layout.parameterCount, "\(values.count) parameters for \(layout.parameterCount)")
        parameters = values
    }

    /// Checks that `graph` carries the features this network reads.
    func validate(_ graph: EventGraph) throws {
        guard graph.nodeFeatureNames == config.nodeFeatures else {
            throw EdgeScoringError.featureMismatch(kind: "node", expected: config.nodeFeatures, found: graph.nodeFeatureNames)
        }
        guard graph.edgeFeatureNames == config.edgeFeatures else {
            throw EdgeScoringError.featureMismatch(kind: "edge", expected: config.edgeFeatures, found: graph.edgeFeatureNames)
        }
    }

    /// The logit of every edge of `graph` (`edgeCount` values; > 0 means "true edge" at a 0.5 cut).
    ///
    /// - Throws: ``EdgeScoringError/featureMismatch(kind:expected:found:)`` when the graph's feature
    ///   columns differ from the configuration's.
    /// - Complexity: about ``InteractionNetworkConfig/multiplyAddsPerEdge`` multiply-adds per edge.
    public func logits(for graph: EventGraph, workspace: InteractionNetworkWorkspace) throws -> [Float] {
        try validate(graph)
        forward(graph, workspace: workspace, record: false)
        return Array(UnsafeBufferPointer(start: workspace.logits.pointer, count: graph.edgeCount))
    }

    /// The score σ(logit) ∈ [0, 1] of every edge of `graph`.
    ///
    /// - Throws: as ``logits(for:workspace:)``.
    public func scores(for graph: EventGraph, workspace: InteractionNetworkWorkspace) throws -> [Float] {
        try logits(for: graph, workspace: workspace).map { 1 / (1 + expf(-$0)) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
