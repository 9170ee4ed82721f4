/// Where every layer of an ``InteractionNetworkConfig`` keeps its parameters in the flat vector,
/// and the names and shapes of the tensors (the order defines the layout; it never changes for a
/// given configuration).
struct NetworkLayout: Sendable {
    /// Every tensor, in layout order.
    let tensors: [ParameterTensor]
    /// The length of the flat parameter vector.
    let parameterCount: Int
    /// Node encoder: node features → hidden.
    let nodeEncoder: [DenseLayer]
    /// Edge encoder: edge features → hidden.
    let edgeEncoder: [DenseLayer]
    /// Node update networks (one, or one per step): 3·hidden → hidden.
    let nodeNetworks: [[DenseLayer]]
    /// Edge update networks (one, or one per step): 3·hidden → hidden, first layer blocks [e, x_src, x_dst].
    let edgeNetworks: [[DenseLayer]]
    /// Classifier: 3·hidden → … → 1, first layer blocks [e, x_src, x_dst].
    let classifier: [DenseLayer]

    init(_ config: InteractionNetworkConfig) {
        var tensors: [ParameterTensor] = []
        var offset = 0
        func add(_ name: String, _ shape: [Int]) -> Int {
            let t = ParameterTensor(name: name, shape: shape, offset: offset)
            tensors.append(t)
            offset += t.count
            return t.offset
        }
        func mlp(_ prefix: String, widths: [Int], plainLast: Bool) -> [DenseLayer] {
            (0 ..< widths.count - 1).map { l in
                let n = widths[l], m = widths[l + 1]
                let isPlain = plainLast && l == widths.count - 2
                let w = add("\(prefix)/layer\(l)/weight", [n, m])
                let b = add("\(prefix)/layer\(l)/bias", [m])
                var norm: (Int, Int)? = nil
                if config.layerNorm && !isPlain {
                    norm = (add("\(prefix)/layer\(l)/norm_scale", [m]), add("\(prefix)/layer\(l)/norm_shift", [m]))
                }
                return DenseLayer(inputs: n, outputs: m, weight: w, bias: b, norm: norm, relu: !isPlain)
            }
        }
        let h = config.hidden
        let hiddenWidths = [Int](repeating: h, count: config.mlpLayers)
        nodeEncoder = mlp("node_encoder", widths: [config.nodeFeatures.count] + hiddenWidths, plainLast: false)
        edgeEncoder = mlp("edge_encoder", widths: [config.edgeFeatures.count] + hiddenWidths, plainLast: false)
        let networks = config.sharedStepWeights ? min(1, config.steps) : config.steps
        var nodeNets: [[DenseLayer]] = [], edgeNets: [[DenseLayer]] = []
        for k in 0 ..< networks {
            let prefix = config.sharedStepWeights ? "shared_step" : "step\(k)"
            nodeNets.append(mlp("\(prefix)/node_net", widths: [3 * h] + hiddenWidths, plainLast: false))
            edgeNets.append(mlp("\(prefix)/edge_net", widths: [3 * h] + hiddenWidths, plainLast: false))
        }
        nodeNetworks = nodeNets; edgeNetworks = edgeNets
        let classifierWidths = [3 * h] + [Int](repeating: h, count: config.classifierLayers - 1) + [1]
        classifier = mlp("classifier", widths: classifierWidths, plainLast: true)
        self.tensors = tensors
        parameterCount = offset
    }

    /// The node update network of step `k`.
    func nodeNetwork(step k: Int) -> [DenseLayer] { nodeNetworks[nodeNetworks.count == 1 ? 0 : k] }
    /// The edge update network of step `k`.
    func edgeNetwork(step k: Int) -> [DenseLayer] { edgeNetworks[edgeNetworks.count == 1 ? 0 : k] }
}
